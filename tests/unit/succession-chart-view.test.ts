// The chart on screen reads a part of the organisation (succession.getChartNodes) and asks the main
// process for search, "where is this person" and vacancy chains. Each is checked against a
// brute-force reference over the whole chart (succession.getChart), on a demo organisation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChartData, ChartNodesInput } from '../../src-shared/api/succession';
import { nominationsOf, vacancyChain } from '../../src-shared/domain/succession';
import { openTestApp, type TestApp } from './helpers';

/** The reference: the same selection worked out over every position. */
function reference(chart: ChartData, input: ChartNodesInput) {
  const known = new Set(chart.positions.map((p) => p.id));
  const parentOf = new Map(chart.positions.map((p) => [p.id, p.reportsToId && p.reportsToId !== p.id && known.has(p.reportsToId) ? p.reportsToId : null]));
  const kids = (id: string) => chart.positions.filter((p) => parentOf.get(p.id) === id).map((p) => p.id);
  const below = (id: string): number => kids(id).reduce((sum, kid) => sum + 1 + below(kid), 0);
  const ids = new Set<string>();
  let level = input.rootId ? [input.rootId] : chart.positions.filter((p) => parentOf.get(p.id) === null).map((p) => p.id);
  level.forEach((id) => ids.add(id));
  let truncated = false;
  for (let depth = 0; depth < (input.levels ?? 2); depth++) {
    const next = level.flatMap(kids);
    if (!next.length) break;
    if (input.maxPositions !== undefined && ids.size + next.length > input.maxPositions) {
      truncated = true;
      break;
    }
    next.forEach((id) => ids.add(id));
    level = next;
  }
  for (const id of input.parentIds ?? []) kids(id).forEach((kid) => ids.add(kid));
  for (const id of input.revealIds ?? []) {
    ids.add(id);
    for (let up = parentOf.get(id); up; up = parentOf.get(up)) {
      ids.add(up);
      kids(up).forEach((kid) => ids.add(kid));
    }
  }
  const positions = chart.positions.filter((p) => ids.has(p.id)).map((p) => ({ ...p, reports: kids(p.id).length, below: below(p.id) }));
  return { positions: positions.sort((a, b) => (a.id < b.id ? -1 : 1)), truncated };
}

async function demo(): Promise<{ app: TestApp; chart: ChartData }> {
  const app = await openTestApp();
  await app.ok('admin.loadDemoOrganisation', { employees: 120, seed: 7 });
  return { app, chart: await app.ok('succession.getChart', {}) };
}

describe('the chart on screen', () => {
  it('loads the levels, reports and paths asked for, with every position\'s count of reports and positions below, as the whole chart says', async () => {
    const { app, chart } = await demo();
    const ids = chart.positions.map((p) => p.id);
    const someIds = fc.array(fc.constantFrom(...ids), { maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          rootId: fc.option(fc.constantFrom(...ids), { nil: undefined }),
          levels: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
          maxPositions: fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
          parentIds: someIds,
          revealIds: someIds,
        }),
        async (raw) => {
          const input = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as ChartNodesInput;
          const got = await app.ok('succession.getChartNodes', input);
          const want = reference(chart, input);
          expect(got.truncated).toBe(want.truncated);
          expect([...got.positions].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(want.positions);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('opens on two levels, and sees a position moved since (the cached structure is dropped on a write)', async () => {
    const { app, chart } = await demo();
    const opened = await app.ok('succession.getChartNodes', {});
    expect(opened.readiness.map((r) => r.label)).toEqual(chart.readiness.map((r) => r.label));
    const root = opened.positions.find((p) => p.reportsToId === null)!;
    expect(root.below).toBe(chart.positions.length - 1);
    // A position from the bottom of the tree moved straight under the top: it now opens with it.
    const leaf = reference(chart, { levels: 50 }).positions.find((p) => !opened.positions.some((o) => o.id === p.id) && p.reports === 0)!;
    const [row] = (await app.ok('people.listPositions', {})).rows.filter((p) => p.id === leaf.id);
    await app.ok('people.savePositions', { rows: [{ id: leaf.id, version: row.version, values: { reportsToId: root.id } }] });
    const again = await app.ok('succession.getChartNodes', {});
    expect(again.positions.map((p) => p.id)).toContain(leaf.id);
    expect(again.positions.find((p) => p.id === root.id)!.reports).toBe(root.reports + 1);
  });

  it('refuses a focus on a position that is not there', async () => {
    const { app } = await demo();
    const error = await app.fail('succession.getChartNodes', { rootId: '00000000-0000-4000-8000-000000000000' });
    expect(error.code).toBe('NOT_FOUND');
  });

  it('finds positions by title, department or incumbent and people on the chart by name', async () => {
    const { app, chart } = await demo();
    const held = chart.positions.find((p) => p.incumbent)!;
    const { hits } = await app.ok('succession.searchChart', { query: held.incumbent!.name });
    expect(hits).toContainEqual({ kind: 'position', id: held.id, label: `${held.title} · ${held.departmentName ?? ''} — ${held.incumbent!.name}` });
    expect(hits.filter((h) => h.kind === 'person').map((h) => h.id)).toContain(held.incumbent!.id);
    const external = chart.positions.flatMap((p) => p.successors).find((s) => s.kind === 'external');
    if (external) expect((await app.ok('succession.searchChart', { query: external.name })).hits.map((h) => h.id)).toContain(external.personId);
    // "%" and "_" are letters here, not wildcards.
    expect((await app.ok('succession.searchChart', { query: '%_%' })).hits).toEqual([]);
    expect((await app.ok('succession.searchChart', { query: 'e' })).hits.length).toBeLessThanOrEqual(30);
  });

  it('says where a person is nominated and follows vacancy chains as the whole chart does', async () => {
    const { app, chart } = await demo();
    const people = [...new Set(chart.positions.flatMap((p) => p.successors.map((s) => s.personId)))].slice(0, 25);
    expect(people.length).toBeGreaterThan(3);
    for (const personId of people) {
      const places = await app.ok('succession.getChartPerson', { personId });
      const want = nominationsOf(chart.positions, personId).map((n) => `${n.positionId}/${n.nominationId}/${n.rank}/${n.readinessId}`).sort();
      expect(places.nominations.map((n) => `${n.positionId}/${n.nominationId}/${n.rank}/${n.readinessId}`).sort()).toEqual(want);
      expect(places.holds?.positionId ?? null).toBe(chart.positions.find((p) => p.incumbent?.id === personId)?.id ?? null);
    }
    for (const position of chart.positions.filter((p) => p.isKey && p.incumbent)) {
      for (const readyLevels of [1, 2]) {
        const got = await app.ok('succession.getVacancyChain', { positionId: position.id, readyLevels });
        const want = vacancyChain(chart.positions, chart.readiness, position.id, { readyLevels });
        expect(got.end).toBe(want.end);
        expect(got.gaps).toEqual(want.gaps);
        expect(got.steps.map((s) => [s.positionId, s.leaver?.id ?? null, s.successor?.personId ?? null, s.skipped])).toEqual(
          want.steps.map((s) => [s.positionId, s.leaver?.id ?? null, s.successor?.personId ?? null, s.skipped]),
        );
      }
    }
  });
});
