import { ActionIcon, Alert, Anchor, Autocomplete, Breadcrumbs, Button, Group, Loader, Paper, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ChartData, ChartPosition } from '../../../../src-shared/api/succession';
import {
  ancestorsOf, cardModel, readinessStyle, reportsMap, scopeTree, STRENGTH_COLOURS, STRENGTH_RULE, layoutTree, vacancyChain, type PlacedNode, type VacancyChain,
} from '../../../../src-shared/domain/succession';
import { useApi } from '../../../api/hooks';
import { PageHeader } from '../../shared/PageHeader';
import { ChartCard, Marker } from './ChartCard';
import { ChartViewport, type ViewportHandle } from './ChartViewport';
import { ExportModal } from './ExportModal';
import { PersonPanel, PositionPanel } from './Panels';
import { usePhotos } from './usePhotos';
import './chart.css';

/** Positions two levels below the top start collapsed: the first view is the leadership tree. */
function initialCollapsed(data: ChartData): Set<string> {
  const { childrenOf, roots } = reportsMap(data.positions);
  const collapsed = new Set<string>();
  const walk = (id: string, depth: number) => {
    const kids = childrenOf.get(id) ?? [];
    if (kids.length && depth >= 2) return void collapsed.add(id);
    for (const kid of kids) walk(kid, depth + 1);
  };
  for (const root of roots) walk(root, 0);
  return collapsed;
}

export function ChartPage() {
  const chart = useApi('succession.getChart', {});
  if (chart.isLoading) return <Loader />;
  if (chart.error) return <Alert color="red">{chart.error.message}</Alert>;
  const data = chart.data!;
  if (data.positions.length === 0) {
    return (
      <Stack>
        <PageHeader title="Succession chart" />
        <Alert color="gray">There are no positions yet. Add positions (People → Positions) or load the demo organisation from the home page.</Alert>
      </Stack>
    );
  }
  return <Chart data={data} />;
}

function Chart({ data }: { data: ChartData }) {
  const [params, setParams] = useSearchParams();
  const focus = params.get('focus') ?? undefined;
  const [collapsed, setCollapsed] = useState(() => initialCollapsed(data));
  const [levels, setLevels] = useState<number | undefined>(undefined);
  const [selectedId, setSelectedId] = useState<string | null>(params.get('position'));
  const [personId, setPersonId] = useState<string | null>(null);
  const [chain, setChain] = useState<VacancyChain | null>(null);
  const [exporting, setExporting] = useState(false);
  const viewport = useRef<ViewportHandle>(null);
  const byId = useMemo(() => new Map(data.positions.map((p) => [p.id, p])), [data]);
  const rootId = focus && byId.has(focus) ? focus : undefined;
  const tree = useMemo(() => scopeTree(data.positions, { rootId, levels, collapsedIds: collapsed }), [data, rootId, levels, collapsed]);
  const layout = useMemo(() => layoutTree(tree.nodes), [tree]);
  const cards = useMemo(() => new Map(tree.nodes.map((node) => [node.id, cardModel(byId.get(node.id)!, data.readiness, tree.hidden.get(node.id) ?? 0)])), [tree, byId, data.readiness]);

  const personPositions = useMemo(() => {
    if (!personId) return new Set<string>();
    return new Set(data.positions.filter((p) => p.incumbent?.id === personId || p.successors.some((s) => s.personId === personId)).map((p) => p.id));
  }, [data, personId]);
  const chainSteps = useMemo(() => new Map(chain?.steps.map((step, k) => [step.positionId, k + 1]) ?? []), [chain]);
  const chainGaps = useMemo(() => new Set(chain?.gaps ?? []), [chain]);

  const visibleIncumbents = useMemo(() => layout.nodes.flatMap((node) => {
    const card = cards.get(node.id);
    return card?.hasPhoto && card.incumbentId ? [card.incumbentId] : [];
  }), [layout, cards]);
  const photos = usePhotos(visibleIncumbents);

  const childrenOf = tree.childrenOf;
  const toggle = useCallback((id: string) => {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(id)) {
        next.delete(id);
        // Opening a position shows its direct reports, each collapsed below.
        for (const child of childrenOf.get(id) ?? []) if (childrenOf.has(child)) next.add(child);
      } else next.add(id);
      return next;
    });
  }, [childrenOf]);

  /** Shows a position wherever it is: out of a focus that hides it, its ancestors expanded, centred. */
  const reveal = useCallback((id: string) => {
    const ancestors = ancestorsOf(data.positions, id);
    if (rootId && rootId !== id && !ancestors.includes(rootId)) setParams((p) => (p.delete('focus'), p), { replace: true });
    setCollapsed((previous) => {
      const next = new Set(previous);
      for (const ancestor of ancestors) next.delete(ancestor);
      return next;
    });
    setLevels(undefined);
    setSelectedId(id);
    requestAnimationFrame(() => requestAnimationFrame(() => viewport.current?.centreOn(id)));
  }, [data, rootId, setParams]);

  // Opened from elsewhere with ?position=…: show it.
  const opened = useRef(false);
  useEffect(() => {
    const id = params.get('position');
    if (opened.current || !id || !byId.has(id)) return;
    opened.current = true;
    reveal(id);
  }, [params, byId, reveal]);

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
          hasChildren: (tree.childrenOf.get(node.id)?.length ?? 0) > 0,
          collapsed: tree.hidden.has(node.id),
          photo: card.incumbentId ? photos.get(card.incumbentId) ?? null : null,
        }}
        onSelect={(id) => (setSelectedId(id), setPersonId(null))}
        onToggle={toggle}
        onSelectPerson={selectPerson}
      />
    );
  }, [cards, selectedId, personPositions, personId, chainSteps, chainGaps, tree, photos, toggle, selectPerson]);

  const boxColour = useCallback((id: string) => {
    const bench = cards.get(id)?.bench;
    return bench ? STRENGTH_COLOURS[bench.band] : '#dee2e6';
  }, [cards]);
  const marked = useMemo(() => new Set([...(selectedId ? [selectedId] : []), ...personPositions, ...chainSteps.keys()]), [selectedId, personPositions, chainSteps]);

  const runChain = (positionId: string, readyLevels: number) => {
    const result = vacancyChain(data.positions, data.readiness, positionId, { readyLevels });
    setChain(result);
    setCollapsed((previous) => {
      const next = new Set(previous);
      for (const step of result.steps) for (const ancestor of ancestorsOf(data.positions, step.positionId)) next.delete(ancestor);
      return next;
    });
  };

  const search = useSearch(data);
  const focusPosition = rootId ? byId.get(rootId) : undefined;
  const selected = selectedId ? byId.get(selectedId) : undefined;
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
          limit={30}
          data={search.options}
          onOptionSubmit={(value) => {
            const hit = search.resolve(value);
            if (!hit) return;
            if (hit.kind === 'position') reveal(hit.id);
            else {
              selectPerson(hit.id);
              const first = data.positions.find((p) => p.incumbent?.id === hit.id || p.successors.some((s) => s.personId === hit.id));
              if (first) reveal(first.id);
              setSelectedId(null);
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
        <Button variant="default" size="sm" onClick={() => setCollapsed(new Set())} data-testid="chart-expand-all">Expand all</Button>
        <Button variant="default" size="sm" onClick={() => setCollapsed(initialCollapsed(data))}>Collapse</Button>
        {(chain || personId) && (
          <Button variant="light" size="sm" color="gray" onClick={() => (setChain(null), setPersonId(null))}>Clear highlights</Button>
        )}
        <Breadcrumbs separator="›" ml="sm">
          <Anchor component="button" onClick={() => setParams((p) => (p.delete('focus'), p))} size="sm">Whole organisation</Anchor>
          {focusPosition && <Text size="sm" fw={600} data-testid="chart-focus">{focusPosition.title}</Text>}
        </Breadcrumbs>
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
                onChain={(readyLevels) => runChain(selected.id, readyLevels)}
                onFocus={() => (setParams((p) => (p.set('focus', selected.id), p)), setCollapsed(new Set()), requestAnimationFrame(() => viewport.current?.fit()))}
                onSelectPerson={selectPerson}
                onReveal={reveal}
                onClose={() => setSelectedId(null)}
              />
            ) : (
              <PersonPanel personId={personId!} data={data} onReveal={reveal} onClose={() => setPersonId(null)} />
            )}
          </Paper>
        )}
      </Group>
      <ExportModal opened={exporting} onClose={() => setExporting(false)} data={data} focus={focusPosition} collapsed={collapsed} levels={levels} />
    </Stack>
  );
}

function Legend({ data }: { data: ChartData }) {
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

interface SearchHit { kind: 'position' | 'person'; id: string }

/** Search labels for positions (title · department · incumbent) and people (incumbents and successors). */
function useSearch(data: ChartData) {
  return useMemo(() => {
    const hits = new Map<string, SearchHit>();
    for (const position of data.positions) {
      hits.set(`${position.title} · ${position.departmentName ?? ''}${position.incumbent ? ` — ${position.incumbent.name}` : ''}`, { kind: 'position', id: position.id });
    }
    const people = new Map<string, string>();
    const addPerson = (id: string, name: string) => people.set(id, name);
    for (const position of data.positions) {
      if (position.incumbent) addPerson(position.incumbent.id, position.incumbent.name);
      for (const successor of position.successors) addPerson(successor.personId, successor.name);
    }
    for (const [id, name] of people) {
      let label = `Person: ${name}`;
      for (let k = 2; hits.has(label); k++) label = `Person: ${name} (${k})`;
      hits.set(label, { kind: 'person', id });
    }
    return { options: [...hits.keys()], resolve: (label: string) => hits.get(label) };
  }, [data]);
}

export type { ChartPosition };
