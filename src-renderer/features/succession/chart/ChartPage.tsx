import { ActionIcon, Alert, Anchor, Autocomplete, Breadcrumbs, Button, Group, Loader, Paper, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CHART_MAX_POSITIONS, type ChartNode, type ChartNodes, type ChartPosition, type ReadinessLevel } from '../../../../src-shared/api/succession';
import {
  ancestorsOf, cardModel, readinessStyle, scopeTree, STRENGTH_COLOURS, STRENGTH_RULE, layoutTree, type PlacedNode, type VacancyChain,
} from '../../../../src-shared/domain/succession';
import { call } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { PageHeader } from '../../shared/PageHeader';
import { ChartCard, Marker } from './ChartCard';
import { ChartViewport, type ViewportHandle } from './ChartViewport';
import { ExportModal } from './ExportModal';
import { PersonPanel, PositionPanel } from './Panels';
import { usePhotos } from './usePhotos';
import './chart.css';

/** A reveal waiting for its positions to load: their ancestors are then opened, and one of them selected and centred. */
interface PendingReveal { ids: string[]; centre?: string }

export function ChartPage() {
  const [params, setParams] = useSearchParams();
  const focus = params.get('focus') ?? undefined;
  // What is loaded: levels from the top (or the focus), the reports of expanded positions, and the
  // paths to revealed ones (search hits, chains, ?position=…). One query, so a change elsewhere reloads it whole.
  const [expandAll, setExpandAll] = useState(false);
  const [parentIds, setParentIds] = useState<string[]>([]);
  const [revealIds, setRevealIds] = useState<string[]>(() => (params.get('position') ? [params.get('position')!] : []));
  const input = useMemo(() => ({
    ...(focus ? { rootId: focus } : {}),
    ...(expandAll ? { levels: 50, maxPositions: CHART_MAX_POSITIONS } : {}),
    ...(parentIds.length ? { parentIds } : {}),
    ...(revealIds.length ? { revealIds } : {}),
  }), [focus, expandAll, parentIds, revealIds]);
  const chart = useApi('succession.getChartNodes', input, { placeholderData: keepPreviousData });
  if (chart.isLoading) return <Loader />;
  if (chart.error && !chart.data) {
    return (
      <Stack>
        <Alert color="red">{chart.error.message}</Alert>
        {focus && <Anchor component="button" onClick={() => setParams((p) => (p.delete('focus'), p))}>Show the whole organisation</Anchor>}
      </Stack>
    );
  }
  const data = chart.data!;
  if (data.positions.length === 0) {
    return (
      <Stack>
        <PageHeader title="Succession chart" />
        <Alert color="gray">There are no positions yet. Add positions (People → Positions) or load the demo organisation from the home page.</Alert>
      </Stack>
    );
  }
  return (
    <Chart
      data={data}
      loading={chart.isFetching}
      focus={focus}
      setParams={setParams}
      params={params}
      expandAll={expandAll}
      setExpandAll={setExpandAll}
      setParentIds={setParentIds}
      setRevealIds={setRevealIds}
    />
  );
}

interface ChartProps {
  data: ChartNodes;
  loading: boolean;
  focus: string | undefined;
  params: URLSearchParams;
  setParams: ReturnType<typeof useSearchParams>[1];
  expandAll: boolean;
  setExpandAll: (value: boolean) => void;
  setParentIds: Dispatch<SetStateAction<string[]>>;
  setRevealIds: Dispatch<SetStateAction<string[]>>;
}

function Chart({ data, loading, focus, params, setParams, expandAll, setExpandAll, setParentIds, setRevealIds }: ChartProps) {
  // Positions the user closed; a position whose reports are not loaded shows closed too.
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const [levels, setLevels] = useState<number | undefined>(undefined);
  const [selectedId, setSelectedId] = useState<string | null>(params.get('position'));
  const [personId, setPersonId] = useState<string | null>(null);
  const [chain, setChain] = useState<VacancyChain | null>(null);
  const [exporting, setExporting] = useState(false);
  const [pending, setPending] = useState<PendingReveal | null>(() => (params.get('position') ? { ids: [params.get('position')!], centre: params.get('position')! } : null));
  const viewport = useRef<ViewportHandle>(null);
  const byId = useMemo(() => new Map(data.positions.map((p) => [p.id, p])), [data]);
  /** Loaded reports per position: a position shows its reports only once all of them are loaded. */
  const loadedReports = useMemo(() => {
    const counts = new Map<string, number>();
    for (const position of data.positions) if (position.reportsToId) counts.set(position.reportsToId, (counts.get(position.reportsToId) ?? 0) + 1);
    return counts;
  }, [data]);
  const unloaded = useMemo(() => data.positions.filter((p) => p.reports > 0 && (loadedReports.get(p.id) ?? 0) < p.reports).map((p) => p.id), [data, loadedReports]);
  const rootId = focus && byId.has(focus) ? focus : undefined;
  const tree = useMemo(() => scopeTree(data.positions, { rootId, levels, collapsedIds: [...collapsed, ...unloaded] }), [data, rootId, levels, collapsed, unloaded]);
  const layout = useMemo(() => layoutTree(tree.nodes), [tree]);
  const cards = useMemo(() => new Map(tree.nodes.map((node) => {
    const position = byId.get(node.id)!;
    // Hidden below a closed card: every position under it in the organisation, loaded or not.
    const hidden = position.reports > 0 && (tree.hidden.has(node.id) || (loadedReports.get(node.id) ?? 0) < position.reports) ? position.below : 0;
    return [node.id, cardModel(position, data.readiness, hidden)];
  })), [tree, byId, data.readiness, loadedReports]);

  const person = useApi('succession.getChartPerson', { personId: personId ?? '' }, { enabled: Boolean(personId) });
  const places = personId && person.data?.personId === personId ? person.data : null;
  const personPositions = useMemo(
    () => new Set(places ? [...(places.holds ? [places.holds.positionId] : []), ...places.nominations.map((n) => n.positionId)] : []),
    [places],
  );
  const chainSteps = useMemo(() => new Map(chain?.steps.map((step, k) => [step.positionId, k + 1]) ?? []), [chain]);
  const chainGaps = useMemo(() => new Set(chain?.gaps ?? []), [chain]);

  const visibleIncumbents = useMemo(() => layout.nodes.flatMap((node) => {
    const card = cards.get(node.id);
    return card?.hasPhoto && card.incumbentId ? [card.incumbentId] : [];
  }), [layout, cards]);
  const photos = usePhotos(visibleIncumbents);

  const childrenOf = tree.childrenOf;
  const toggle = useCallback((id: string) => {
    const position = byId.get(id);
    if (!position) return;
    const open = !tree.hidden.has(id) && (loadedReports.get(id) ?? 0) >= position.reports;
    if ((loadedReports.get(id) ?? 0) < position.reports) setParentIds((previous) => (previous.includes(id) ? previous : [...previous, id]));
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (!open) {
        next.delete(id);
        // Opening a position shows its direct reports, each closed below.
        for (const child of childrenOf.get(id) ?? []) if (childrenOf.has(child)) next.add(child);
      } else next.add(id);
      return next;
    });
  }, [byId, tree, loadedReports, childrenOf, setParentIds]);

  /** Loads the paths to positions (when not loaded yet), opens their ancestors, and selects and centres one of them. */
  const revealAll = useCallback((ids: string[], centre?: string) => {
    if (!ids.length) return;
    const missing = ids.filter((id) => !pathLoaded(byId, id));
    if (missing.length) setRevealIds((previous) => [...new Set([...previous, ...missing])].slice(-400));
    setPending({ ids, centre });
  }, [byId, setRevealIds]);
  const reveal = useCallback((id: string) => revealAll([id], id), [revealAll]);

  // Once a reveal's positions are loaded (or the load is done without them): open, select, centre.
  useEffect(() => {
    if (!pending) return;
    if (loading && !pending.ids.every((id) => pathLoaded(byId, id))) return;
    setPending(null);
    const shown = pending.ids.filter((id) => byId.has(id));
    const ancestors = shown.flatMap((id) => ancestorsOf(data.positions, id));
    const outsideFocus = shown.some((id) => rootId && rootId !== id && !ancestorsOf(data.positions, id).includes(rootId));
    if (outsideFocus) setParams((p) => (p.delete('focus'), p), { replace: true });
    setCollapsed((previous) => {
      const next = new Set(previous);
      for (const ancestor of ancestors) next.delete(ancestor);
      return next;
    });
    const centre = pending.centre;
    if (centre && byId.has(centre)) {
      setLevels(undefined);
      setSelectedId(centre);
      requestAnimationFrame(() => requestAnimationFrame(() => viewport.current?.centreOn(centre)));
    }
  }, [pending, loading, byId, data, rootId, setParams]);

  const selectPerson = useCallback((id: string) => {
    setPersonId(id);
    setSelectedId(null);
  }, []);

  const renderCard = useCallback((node: PlacedNode) => {
    const card = cards.get(node.id)!;
    return (
      <ChartCard
        card={card}
        state={{
          selected: node.id === selectedId,
          personHere: personPositions.has(node.id),
          highlightedPersonId: personId,
          chainStep: chainSteps.get(node.id) ?? null,
          chainGap: chainGaps.has(node.id),
          hasChildren: (byId.get(node.id)?.reports ?? 0) > 0,
          collapsed: card.hidden > 0,
          photo: card.incumbentId ? photos.get(card.incumbentId) ?? null : null,
        }}
        onSelect={(id) => (setSelectedId(id), setPersonId(null))}
        onToggle={toggle}
        onSelectPerson={selectPerson}
      />
    );
  }, [cards, selectedId, personPositions, personId, chainSteps, chainGaps, byId, photos, toggle, selectPerson]);

  const boxColour = useCallback((id: string) => {
    const bench = cards.get(id)?.bench;
    return bench ? STRENGTH_COLOURS[bench.band] : '#dee2e6';
  }, [cards]);
  const marked = useMemo(() => new Set([...(selectedId ? [selectedId] : []), ...personPositions, ...chainSteps.keys()]), [selectedId, personPositions, chainSteps]);

  const runChain = async (positionId: string, readyLevels: number) => {
    try {
      const result = await call('succession.getVacancyChain', { positionId, readyLevels });
      setChain(result);
      revealAll(result.steps.map((step) => step.positionId));
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  };

  const [typed, setTyped] = useState('');
  const [query] = useDebouncedValue(typed.trim(), 200);
  const search = useApi('succession.searchChart', { query }, { enabled: query.length > 0, placeholderData: keepPreviousData });
  const hits = query ? search.data?.hits ?? [] : [];
  const focusPosition = rootId ? byId.get(rootId) : undefined;
  const selected = selectedId ? byId.get(selectedId) : undefined;
  const closedOnScreen = useMemo(() => tree.nodes.filter((node) => (cards.get(node.id)?.hidden ?? 0) > 0).map((node) => node.id), [tree, cards]);
  return (
    <Stack gap="xs" style={{ flex: 1, minHeight: 0 }}>
      <PageHeader
        title="Succession chart"
        description="Positions in their reporting lines with each incumbent and their successors. Click a position to edit its plan; click a successor to see everywhere they are nominated."
        actions={<Button onClick={() => setExporting(true)} data-testid="chart-export">Export…</Button>}
      />
      <Group gap="xs" wrap="wrap">
        <Autocomplete
          placeholder="Find a person or position"
          aria-label="Find a person or position"
          w={320}
          value={typed}
          onChange={setTyped}
          data={hits.map((hit) => hit.label)}
          // The main process has matched already.
          filter={({ options }) => options}
          onOptionSubmit={(value) => {
            const hit = hits.find((h) => h.label === value);
            if (!hit) return;
            if (hit.kind === 'position') reveal(hit.id);
            else {
              selectPerson(hit.id);
              void call('succession.getChartPerson', { personId: hit.id }).then((found) => {
                const first = found.holds?.positionId ?? found.nominations[0]?.positionId;
                if (first) revealAll([first]);
              });
            }
          }}
          data-testid="chart-search"
        />
        <Select
          aria-label="Levels shown"
          w={150}
          data={[{ value: '', label: 'All levels' }, ...[1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: `${n + 1} levels` }))]}
          value={levels === undefined ? '' : String(levels)}
          onChange={(value) => setLevels(value ? Number(value) : undefined)}
          allowDeselect={false}
        />
        <Button variant="default" size="sm" onClick={() => (setExpandAll(true), setCollapsed(new Set()))} data-testid="chart-expand-all">Expand all</Button>
        <Button variant="default" size="sm" onClick={() => (setExpandAll(false), setParentIds([]), setRevealIds([]), setCollapsed(new Set()))}>Collapse</Button>
        {(chain || personId) && (
          <Button variant="light" size="sm" color="gray" onClick={() => (setChain(null), setPersonId(null))}>Clear highlights</Button>
        )}
        <Breadcrumbs separator="›" ml="sm">
          <Anchor component="button" onClick={() => setParams((p) => (p.delete('focus'), p))} size="sm">Whole organisation</Anchor>
          {focusPosition && <Text size="sm" fw={600} data-testid="chart-focus">{focusPosition.title}</Text>}
        </Breadcrumbs>
        {loading && <Loader size="xs" data-testid="chart-loading" />}
        {expandAll && data.truncated && (
          <Text size="xs" c="dimmed" data-testid="chart-truncated">
            Showing the levels that fit ({CHART_MAX_POSITIONS.toLocaleString('en')} positions at most): open positions one at a time, or focus on a subtree.
          </Text>
        )}
      </Group>
      <Group align="stretch" gap="xs" style={{ flex: 1, minHeight: 0 }} wrap="nowrap">
        <div style={{ position: 'relative', flex: 1, minWidth: 0, display: 'flex' }}>
          <ChartViewport
            ref={viewport}
            layout={layout}
            renderCard={renderCard}
            boxColour={boxColour}
            marked={marked}
            onBoxClick={(id) => (setSelectedId(id), viewport.current?.centreOn(id, 0.8))}
            onBackgroundClick={() => setSelectedId(null)}
          />
          <div className="sc-controls">
            <Tooltip label="Zoom in" position="left"><ActionIcon variant="default" aria-label="Zoom in" onClick={() => viewport.current?.zoomBy(1.25)}>+</ActionIcon></Tooltip>
            <Tooltip label="Zoom out" position="left"><ActionIcon variant="default" aria-label="Zoom out" onClick={() => viewport.current?.zoomBy(0.8)}>−</ActionIcon></Tooltip>
            <Tooltip label="Fit to window" position="left"><ActionIcon variant="default" aria-label="Fit to window" onClick={() => viewport.current?.fit()} data-testid="chart-fit">⤢</ActionIcon></Tooltip>
          </div>
          <Legend data={data} />
        </div>
        {(selected || personId) && (
          <Paper withBorder w={380} p="sm" style={{ overflowY: 'auto', flex: 'none' }} data-testid="chart-panel">
            {selected ? (
              <PositionPanel
                key={selected.id}
                position={selected}
                data={data}
                chain={chain && chain.steps[0]?.positionId === selected.id ? chain : null}
                onChain={(readyLevels) => void runChain(selected.id, readyLevels)}
                onFocus={() => (setParams((p) => (p.set('focus', selected.id), p)), setExpandAll(true), setCollapsed(new Set()), requestAnimationFrame(() => viewport.current?.fit()))}
                onSelectPerson={selectPerson}
                onReveal={reveal}
                onClose={() => setSelectedId(null)}
              />
            ) : (
              <PersonPanel personId={personId!} places={places} readiness={data.readiness} onReveal={reveal} onClose={() => setPersonId(null)} />
            )}
          </Paper>
        )}
      </Group>
      <ExportModal opened={exporting} onClose={() => setExporting(false)} hasPhotos={data.hasPhotos} focus={focusPosition} collapsed={closedOnScreen} levels={levels} />
    </Stack>
  );
}

/** Whether a position and every position above it are loaded (so showing it needs no load). */
function pathLoaded(byId: ReadonlyMap<string, ChartNode>, id: string): boolean {
  const seen = new Set<string>();
  for (let at = byId.get(id); at; at = at.reportsToId ? byId.get(at.reportsToId) : undefined) {
    if (seen.has(at.id)) return true;
    seen.add(at.id);
    if (!at.reportsToId || at.reportsToId === at.id) return true;
  }
  return false;
}

function Legend({ data }: { data: { readiness: ReadinessLevel[] } }) {
  return (
    <div className="sc-legend" data-testid="chart-legend">
      <Text size="xs" fw={700}>Readiness</Text>
      {data.readiness.map((level, band) => {
        const style = readinessStyle(band);
        return <span key={level.id} className="sc-legend-item"><Marker shape={style.shape} colour={style.colour} size={11} />{level.label}</span>;
      })}
      <Tooltip label={STRENGTH_RULE} multiline w={360}>
        <Text size="xs" c="dimmed" style={{ cursor: 'help', textDecoration: 'underline dotted' }}>Bench strength rule</Text>
      </Tooltip>
    </div>
  );
}

export type { ChartPosition };
