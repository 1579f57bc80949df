import { Badge, Group, Loader, Progress, Select, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { GOAL_SCOPE_LABELS, GOAL_STATUS_LABELS, type AlignmentBranch, type Output } from '../../../src-shared/api';
import { call, type ApiCallError } from '../../api/client';
import { useApi } from '../../api/hooks';
import { PageHeader } from '../shared/PageHeader';
import { progressColor } from './options';

/** An organisation goal and everything aligned below it, each with its rolled-up progress. */
export function AlignmentTreePage() {
  const [params, setParams] = useSearchParams();
  const alignable = useApi('goals.listAlignableGoals', {});
  const orgGoals = useMemo(() => (alignable.data?.rows ?? []).filter((g) => g.scope === 'organisation'), [alignable.data]);
  const rootId = params.get('root') ?? orgGoals[0]?.id ?? null;
  return (
    <Stack style={{ flex: 1, minHeight: 0 }}>
      <PageHeader title="Goal alignment" description="How department and individual goals add up to an organisation goal. A goal's rolled-up progress is the weighted average of the goals aligned to it (equal weights when all are 0). Open a goal to see the goals aligned to it." />
      <Select
        label="Organisation goal"
        data={orgGoals.map((g) => ({ value: g.id, label: `${g.title} (${g.periodStart} – ${g.periodEnd})` }))}
        value={rootId}
        onChange={(value) => value && setParams({ root: value })}
        searchable
        maw={480}
      />
      {alignable.data && orgGoals.length === 0 && <Text c="dimmed">No organisation goals yet. Add one on the Goals page.</Text>}
      {rootId && <AlignmentTree key={rootId} rootId={rootId} />}
    </Stack>
  );
}

type Branch = Output<'goals.getAlignmentBranch'>;
type Line = { kind: 'goal'; goal: AlignmentBranch; depth: number; expanded: boolean } | { kind: 'loading' | 'error'; id: string; depth: number; message?: string };

const ROW_HEIGHT = 34;

/**
 * The tree a level at a time: it opens on the goal and the goals aligned directly to it, each with
 * how many goals align to it in turn; opening a goal reads its own level from the main process.
 * Only the lines in view are drawn, so a department goal with thousands of individual goals opens
 * as quickly as one with three.
 */
function AlignmentTree({ rootId }: { rootId: string }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set([rootId]));
  const open = useMemo(() => [...expanded], [expanded]);
  // The same query keys as useApi, so a change to goals or people refreshes every open level.
  const branches = useQueries({
    queries: open.map((goalId) => ({
      queryKey: ['goals.getAlignmentBranch', { goalId }],
      queryFn: () => call('goals.getAlignmentBranch', { goalId }),
    })),
  });
  const byId = new Map<string, { data?: Branch; error: ApiCallError | null }>(open.map((id, k) => [id, { data: branches[k].data, error: branches[k].error as ApiCallError | null }]));
  const root = byId.get(rootId);
  const lines: Line[] = [];
  if (root?.data) {
    const walk = (goal: AlignmentBranch, depth: number) => {
      const isOpen = expanded.has(goal.id) && goal.childCount > 0;
      lines.push({ kind: 'goal', goal, depth, expanded: isOpen });
      if (!isOpen) return;
      const level = byId.get(goal.id);
      if (level?.error) lines.push({ kind: 'error', id: goal.id, depth: depth + 1, message: level.error.message });
      else if (!level?.data) lines.push({ kind: 'loading', id: goal.id, depth: depth + 1 });
      else for (const child of level.data.children) walk(child, depth + 1);
    };
    walk(root.data.node, 0);
  }
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const onKeyDown = (event: KeyboardEvent, line: Line, index: number) => {
    const focusLine = (at: number) => {
      if (at < 0 || at >= lines.length) return;
      virtualizer.scrollToIndex(at);
      requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-line="${at}"]`)?.focus());
    };
    if (event.key === 'ArrowDown') focusLine(index + 1);
    else if (event.key === 'ArrowUp') focusLine(index - 1);
    else if (line.kind === 'goal' && line.goal.childCount > 0 && ((event.key === 'ArrowRight' && !line.expanded) || (event.key === 'ArrowLeft' && line.expanded) || event.key === 'Enter' || event.key === ' ')) toggle(line.goal.id);
    else return;
    event.preventDefault();
  };

  if (root?.error) return <Text c="red">{root.error.message}</Text>;
  if (!root?.data) return <Loader />;
  return (
    <div ref={scroller} style={{ overflow: 'auto', flex: 1, minHeight: 0 }} data-testid="alignment-tree" role="tree" aria-label="Goal alignment">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const line = lines[item.index];
          const style = { position: 'absolute' as const, top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, paddingLeft: line.depth * 24 };
          if (line.kind !== 'goal') {
            return (
              <Group key={`${line.kind}-${line.id}`} style={style} gap="xs" wrap="nowrap">
                <Text size="sm" c={line.kind === 'error' ? 'red' : 'dimmed'} pl={22}>{line.kind === 'error' ? line.message : 'Loading…'}</Text>
              </Group>
            );
          }
          const { goal } = line;
          return (
            <Group
              key={goal.id}
              style={{ ...style, cursor: goal.childCount > 0 ? 'pointer' : undefined }}
              gap="xs"
              wrap="nowrap"
              role="treeitem"
              aria-level={line.depth + 1}
              aria-expanded={goal.childCount > 0 ? line.expanded : undefined}
              tabIndex={0}
              data-line={item.index}
              data-testid="alignment-node"
              onClick={() => goal.childCount > 0 && toggle(goal.id)}
              onKeyDown={(event) => onKeyDown(event, line, item.index)}
            >
              <Text w={14} c="dimmed" data-testid="alignment-toggle">{goal.childCount > 0 ? (line.expanded ? '▾' : '▸') : ''}</Text>
              <Badge variant="light" size="sm" miw={120}>{GOAL_SCOPE_LABELS[goal.scope]}</Badge>
              <Text fw={500} truncate>{goal.title}</Text>
              {goal.ownerName && <Text size="sm" c="dimmed" truncate>· {goal.ownerName}</Text>}
              <Text size="xs" c="dimmed">{GOAL_STATUS_LABELS[goal.status]}</Text>
              <Progress value={goal.rolledUp} color={progressColor(goal.rolledUp)} w={160} style={{ flexShrink: 0 }} aria-label={`${goal.title} progress`} />
              <Text size="sm" w={56} data-testid="rolled-up" style={{ flexShrink: 0 }}>{goal.rolledUp}%</Text>
              {goal.childCount > 0 && <Text size="xs" c="dimmed" data-testid="child-count" style={{ whiteSpace: 'nowrap' }}>{goal.childCount.toLocaleString()} aligned</Text>}
            </Group>
          );
        })}
      </div>
    </div>
  );
}
