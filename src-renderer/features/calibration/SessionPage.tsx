import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { SESSION_STATUS_LABELS, type CalibrationMember, type CalibrationSession } from '../../../src-shared/api/calibration';
import { boxOf, dropTarget } from '../../../src-shared/domain/calibration';
import type { CardDisplay } from './board';
import { Dashboard } from './Dashboard';
import { EMPTY_FILTER_STATE, FilterBar, useMemberFilter, type FilterState } from './FilterBar';
import { GuidelineStrip } from './GuidelineStrip';
import { HistoryPanel } from './HistoryPanel';
import { MembersGrid } from './MembersGrid';
import type { Board, MemberFilter } from './model';
import { MoveDialog, type MoveRequest } from './MoveDialog';
import { MoveToPicker, type PickTarget } from './MoveToPicker';
import { columnLevels, NineBox } from './NineBox';
import { PersonDrawer } from './PersonDrawer';
import { RatingBins } from './RatingBins';
import { SessionActions, SummaryView } from './SessionActions';
import { useSessionBoard } from './useSessionBoard';

export const STATUS_COLORS = { draft: 'gray', in_session: 'blue', finalised: 'teal' } as const;
type View = 'nine-box' | 'bins' | 'grid' | 'dashboard' | 'history';

/** One session: the nine-box, the rating bins, the grid and the dashboard over the same people, the guidelines above them all. */
export function SessionPage() {
  const { id = '' } = useParams();
  const { session, members, board, error, move } = useSessionBoard(id);
  const [view, setView] = useState<View>('nine-box');
  const [filterState, setFilterState] = useState<FilterState>(EMPTY_FILTER_STATE);
  const filter = useMemberFilter(filterState);
  const [presenting, setPresenting] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!session || !board) return <Text c="dimmed">Loading…</Text>;
  return (
    <Stack gap="xs" style={{ flex: 1, minHeight: 0 }} data-testid="session-page">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component={Link} to="/calibration" size="sm">← Calibration sessions</Anchor>
          <Group gap="xs">
            <Title order={2}>{session.name}</Title>
            <Badge color={STATUS_COLORS[session.status]} variant="light" data-testid="session-status">{SESSION_STATUS_LABELS[session.status]}</Badge>
            {session.archived && <Badge color="gray">Archived</Badge>}
          </Group>
          <Text size="sm" c="dimmed" lineClamp={1}>
            {session.cycleName} · {session.date}{session.location ? ` · ${session.location}` : ''}
            {session.facilitatorName ? ` · facilitator ${session.facilitatorName}` : ''}
            {session.reviewerNames.length ? ` · reviewers ${session.reviewerNames.join(', ')}` : ''}
          </Text>
        </Stack>
        <SessionActions session={session} board={board} onPresent={() => setPresenting(true)} />
      </Group>
      {session.status === 'finalised' && session.summary && (
        <Alert color="teal" variant="light" title={`Finalised ${session.finalisedAt?.slice(0, 10)} by ${session.finalisedBy}: read-only; the ratings are in the reviews.`}>
          <Text size="sm">{session.summary.movedUp} moved up, {session.summary.movedDown} moved down, {session.summary.placed} first ratings, {session.summary.written} reviews updated.{session.acknowledgement ? ` Outside the guidelines because: “${session.acknowledgement}”.` : ''}</Text>
        </Alert>
      )}
      <GuidelineStrip session={session} board={board} />
      <Tabs value={view} onChange={(v) => setView((v as View) ?? 'nine-box')} keepMounted={false} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Tabs.List style={{ flexWrap: 'nowrap' }}>
          <Tabs.Tab value="nine-box" data-testid="tab-nine-box">Nine-box</Tabs.Tab>
          <Tabs.Tab value="bins" data-testid="tab-bins">Rating bins</Tabs.Tab>
          <Tabs.Tab value="grid" data-testid="tab-grid">Grid</Tabs.Tab>
          <Tabs.Tab value="dashboard" data-testid="tab-dashboard">Dashboard</Tabs.Tab>
          <Tabs.Tab value="history" data-testid="tab-history">History</Tabs.Tab>
        </Tabs.List>
        <FilterBar members={members} state={filterState} filter={filter} onChange={setFilterState} />
        </Group>
        <div style={{ flex: 1, minHeight: 420, paddingTop: 8, overflow: view === 'dashboard' || view === 'history' ? 'auto' : 'hidden' }}>
          {view === 'nine-box' || view === 'bins' ? (
            <Boards session={session} board={board} view={view} filter={filter} mode={filterState.mode} presenter={false} move={move} onOpen={(m) => setOpened(m.id)} />
          ) : view === 'grid' ? (
            <MembersGrid session={session} members={members} filter={filter} mode={filterState.mode} />
          ) : view === 'dashboard' ? (
            <Dashboard session={session} board={board} members={members} />
          ) : (
            <Stack>
              {session.summary && <SummaryView session={session} summary={session.summary} />}
              <HistoryPanel session={session} />
            </Stack>
          )}
        </div>
      </Tabs>
      <PersonDrawer session={session} memberId={opened} onClose={() => setOpened(null)} />
      {presenting && <Presenter session={session} board={board} filter={filter} mode={filterState.mode} move={move} onExit={() => setPresenting(false)} />}
    </Stack>
  );
}

type Move = ReturnType<typeof useSessionBoard>['move'];

/** The nine-box or the bins with everything a move needs: drop, keyboard pick, the reason prompt. */
function Boards({ session, board, view, filter, mode, presenter, move, onOpen }: {
  session: CalibrationSession; board: Board; view: 'nine-box' | 'bins'; filter: MemberFilter; mode: 'highlight' | 'filter'; presenter: boolean;
  move: Move; onOpen(member: CalibrationMember): void;
}) {
  const [request, setRequest] = useState<MoveRequest | null>(null);
  const [picking, setPicking] = useState<CalibrationMember | null>(null);
  const [pendingIds, setPendingIds] = useState<ReadonlySet<string>>(new Set());
  const readOnly = session.status === 'finalised' || session.archived;
  const { settings, levels } = session;
  const toBox = useCallback((member: CalibrationMember, index: number) => {
    const column = index % settings.columns;
    const row = Math.floor(index / settings.columns);
    const now = boxOf(settings, levels, settings.potentialLevels, member.performance, member.potential);
    if (now && now.column === column && now.row === row) return;
    const to = dropTarget(settings, levels, settings.potentialLevels, { column, row }, member);
    setRequest({ member, to, performanceChoices: columnLevels(session, column) });
  }, [session, settings, levels]);
  const toBin = useCallback((member: CalibrationMember, index: number) => {
    if (levels[index].value === member.performance) return;
    setRequest({ member, to: { performance: levels[index].value, potential: member.potential } });
  }, [levels]);
  const display: CardDisplay = useMemo(() => ({
    session, filter, mode, presenter, readOnly, pendingIds, onOpen: presenter ? () => undefined : onOpen, onPick: setPicking,
  }), [session, filter, mode, presenter, readOnly, pendingIds, onOpen]);
  useEffect(() => setRequest(null), [session.status]);
  const pick = (target: PickTarget) => {
    const member = picking!;
    setPicking(null);
    if (target.kind === 'box') toBox(member, target.index);
    else toBin(member, target.index);
  };
  return (
    <>
      {view === 'nine-box' ? <NineBox board={board} display={display} onDropInBox={toBox} /> : <RatingBins board={board} display={display} onDropInBin={toBin} />}
      <MoveToPicker session={session} member={picking} view={view} onPick={pick} onClose={() => setPicking(null)} />
      <MoveDialog
        session={session}
        request={request}
        countsByLevel={board.countsByLevel}
        onCancel={() => setRequest(null)}
        onConfirm={async (req, to, reason) => {
          setPendingIds((ids) => new Set(ids).add(req.member.id));
          const problem = await move(req.member, to, reason);
          setPendingIds((ids) => {
            const next = new Set(ids);
            next.delete(req.member.id);
            return next;
          });
          // A refused move keeps the prompt open with the reason it was refused (the card is back where it was).
          if (!problem) setRequest(null);
          return problem;
        }}
      />
    </>
  );
}

/** Full screen, large cards, the guidelines in large type; comments, history and private notes stay hidden. */
function Presenter({ session, board, filter, mode, move, onExit }: {
  session: CalibrationSession; board: Board; filter: MemberFilter; mode: 'highlight' | 'filter'; move: Move; onExit(): void;
}) {
  const [view, setView] = useState<'nine-box' | 'bins'>('nine-box');
  useEffect(() => {
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && !document.querySelector('[role="dialog"]') && onExit();
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [onExit]);
  return (
    <div className="cal-presenter" data-testid="presenter">
      <Group justify="space-between" wrap="nowrap">
        <Title order={1}>{session.name}</Title>
        <Group gap="sm" wrap="nowrap">
          <SegmentedControl size="md" value={view} onChange={(v) => setView(v as 'nine-box' | 'bins')} data={[{ value: 'nine-box', label: 'Nine-box' }, { value: 'bins', label: 'Rating bins' }]} />
          <Button size="md" variant="default" onClick={onExit} data-testid="exit-presenter">Exit (Esc)</Button>
        </Group>
      </Group>
      <GuidelineStrip session={session} board={board} size="xl" />
      <div style={{ flex: 1, minHeight: 0 }}>
        <Boards session={session} board={board} view={view} filter={filter} mode={mode} presenter move={move} onOpen={() => undefined} />
      </div>
    </div>
  );
}
