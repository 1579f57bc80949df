import Database from 'better-sqlite3';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  KEY_POSITION_GRID_FIELDS, LEVEL_LABELS, PLAN_GRID_FIELDS, readinessCountField, type KeyPositionGridField, type KeyPositionWindowQuery, type Level, type PlanGridField,
  type PlanWindowQuery, type ReadinessLevel,
} from '../../src-shared/api/succession';
import type { Employee, Job, Position } from '../../src-shared/api';
import { jobLabel, positionLabel } from '../../src-shared/domain/people-labels';
import { planStrength, readinessCounts, readyNowCount, STRENGTH_LABELS, strengthBand, type BenchEntry } from '../../src-shared/domain/succession';
import { benchSql } from '../../src-main/services/succession/bench-sql';
import { employeeValues, openTestApp, type TestApp } from './helpers';

/*
 * The plans and key positions grids' row sources against a brute-force reference: the text every
 * row shows worked out here from the stored records (labels with the shared label functions, the
 * bench with the domain's planStrength, readinessCounts, readyNowCount and strengthBand), then
 * filtered, sorted and sliced. ASCII text: SQLite folds ASCII case only.
 */

// ---- The bench in SQL is the domain's rule ----------------------------------------------------

describe('the bench in SQL (bench-sql) against the domain functions', () => {
  it('gives every plan the successors, ready now, counts, emergency cover, strength and band the domain functions give, for random scales and benches', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE succession_nomination (plan_id TEXT, readiness_id TEXT, emergency INTEGER, archived INTEGER)`);
    const insert = db.prepare(`INSERT INTO succession_nomination VALUES (?, ?, ?, ?)`);
    const levelIds = ['l0', 'l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'gone'];
    const scale = fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 0, maxLength: 8 })
      .chain((ids) => fc.tuple(fc.constant(ids), fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: ids.length, maxLength: ids.length })))
      .map(([ids, orders]) => ids.map((id, i) => ({ id: levelIds[id], sortOrder: orders[i] })));
    // Mostly the first few levels, so benches land on every band's edges (75 = one ready now and one at the second level).
    const readiness = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('l0', 'l1', 'l2') }, { weight: 1, arbitrary: fc.constantFrom(...levelIds) });
    const nomination = fc.record({ plan: fc.nat(5), readiness, emergency: fc.boolean(), archived: fc.integer({ min: 0, max: 3 }).map((n) => n === 0) });
    fc.assert(fc.property(scale, fc.array(nomination, { maxLength: 16 }), (levels, nominations) => {
      db.exec('DELETE FROM succession_nomination');
      for (const n of nominations) insert.run(`p${n.plan}`, n.readiness, n.emergency ? 1 : 0, n.archived ? 1 : 0);
      const bench = benchSql(levels, levelIds);
      const counts = levelIds.map((id) => bench.count(id) ?? 'NULL');
      const rows = db.prepare(`WITH ${bench.ctes.join(', ')}, plan(id) AS (VALUES ('p0'), ('p1'), ('p2'), ('p3'), ('p4'), ('p5'))
        SELECT sp.id, ${bench.successors} AS successors, ${bench.readyNow} AS readyNow, ${bench.strength} AS strength, ${bench.emergencyLabel} AS emergency,
               ${bench.band} AS band, json_array(${counts.join(', ')}) AS counts
          FROM plan sp ${bench.join('sp.id')} ORDER BY sp.id`).all() as { id: string; successors: number; readyNow: number; strength: number; emergency: string; band: string; counts: string }[];
      for (const row of rows) {
        const own = nominations.filter((n) => `p${n.plan}` === row.id && !n.archived);
        const entries: BenchEntry[] = own.map((n) => ({ readinessId: n.readiness }));
        const strength = planStrength(entries, levels);
        expect(row).toEqual({
          id: row.id,
          successors: entries.length,
          readyNow: readyNowCount(entries, levels),
          strength,
          emergency: own.some((n) => n.emergency) ? 'Yes' : 'No',
          band: STRENGTH_LABELS[strengthBand(strength, entries.length)],
          counts: JSON.stringify(levelIds.map((id) => readinessCounts(entries, levels).find((c) => c.readinessId === id)?.count ?? null)),
        });
      }
    }), { numRuns: 500 });
    db.close();
  });
});

// ---- A random organisation with plans and successors ------------------------------------------

const title = fc.string({ unit: fc.constantFrom('a', 'B', 'c', 'A', '_', '%', 'x', ' '), minLength: 1, maxLength: 4 }).filter((t) => t.trim() === t && t.length > 0);
const level = fc.constantFrom<Level>('low', 'medium', 'high');
const note = fc.option(fc.constantFrom('Ready', 'ready soon', 'a_b', '50%', 'No one yet', ''), { nil: null });
const positionArb = fc.record({
  title,
  job: fc.nat(2),
  department: fc.nat(2),
  incumbent: fc.option(fc.nat(7), { nil: null }),
  key: fc.option(fc.record({ criticality: level, vacancyRisk: level, reason: note, leaves: fc.option(fc.constantFrom('2026-03-31', '2027-01-15'), { nil: null }) }), { nil: null }),
  unmarked: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  notes: note,
  reviewedOn: fc.option(fc.constantFrom('2025-01-31', '2025-11-02'), { nil: null }),
  successors: fc.uniqueArray(fc.record({ person: fc.nat(7), readiness: fc.nat(3), emergency: fc.boolean(), removed: fc.integer({ min: 0, max: 4 }).map((n) => n === 0) }), { maxLength: 5, selector: (s) => s.person }),
});
const worldArb = fc.record({
  positions: fc.array(positionArb, { minLength: 12, maxLength: 30 }),
  // Plans for jobs 0–2 (the plan of a job archived now and then).
  jobPlans: fc.uniqueArray(fc.record({ job: fc.nat(2), archived: fc.boolean(), notes: note, successors: fc.uniqueArray(fc.record({ person: fc.nat(7), readiness: fc.nat(3), emergency: fc.boolean(), removed: fc.constant(false) }), { maxLength: 4, selector: (s) => s.person }) }), { maxLength: 3, selector: (p) => p.job }),
  // The readiness scale's order: a permutation of the four levels.
  order: fc.shuffledSubarray([1, 2, 3, 4], { minLength: 4, maxLength: 4 }),
  risks: fc.array(fc.option(fc.tuple(level, level), { nil: null }), { minLength: 8, maxLength: 8 }),
});
type WorldSpec = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

interface World {
  app: TestApp;
  levels: ReadinessLevel[];
  countFields: PlanGridField[];
  /** Every plan's shown text by field, with what the list decides by. */
  plans: { id: string; listed: boolean; archived: boolean; isJob: boolean; label: string; shown: Record<string, string | number | null> }[];
  keys: { id: string; isKey: boolean; title: string; department: string; shown: Record<KeyPositionGridField, string | number | null> }[];
}

async function seedWorld(spec: WorldSpec): Promise<World> {
  const app = await openTestApp();
  const departments = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales' } }, { values: { name: 'Ops_%' } }, { values: { name: 'hq' } }] })).rows;
  const jobs: Job[] = (await app.ok('people.saveJobs', {
    rows: [{ values: { title: 'Analyst', level: 'B2' } }, { values: { title: 'Clerk' } }, { values: { title: 'Boss', level: 'a1' } }, { values: { title: 'Bench' } }],
  })).rows;
  // Holders of positions (0–7), and successors who hold none, in a job no plan is for (0–7).
  const holders: Employee[] = (await app.ok('people.saveEmployees', { rows: ['Ann Lee', 'Bo Chan', 'cy Diaz', 'Di Eve', 'Ed Fox', 'Flo Gu', 'Gus Ho', 'Hal Ito'].map((n, i) => ({ values: employeeValues(i, { firstName: n.split(' ')[0], lastName: n.split(' ')[1], jobId: jobs[0].id }) })) })).rows;
  const bench: Employee[] = (await app.ok('people.saveEmployees', { rows: ['Ida Jo', 'Jan Ko', 'Kai Lu', 'Lea Mo', 'Max No', 'Nia Oz', 'Oli Pa', 'Pia Qu'].map((n, i) => ({ values: employeeValues(100 + i, { firstName: n.split(' ')[0], lastName: n.split(' ')[1], jobId: jobs[3].id }) })) })).rows;
  // A fourth readiness level, then the scale in the drawn order.
  await app.ok('succession.saveReadinessLevels', { rows: [{ values: { label: 'Ready in 5 years', shortLabel: '5 y', sortOrder: 4 } }] });
  const before = (await app.ok('succession.listReadinessLevels', {})).rows;
  await app.ok('succession.saveReadinessLevels', { rows: before.map((l, i) => ({ id: l.id, version: l.version, values: { label: l.label, shortLabel: l.shortLabel, sortOrder: spec.order[i] } })) });
  const levels = (await app.ok('succession.listReadinessLevels', {})).rows;
  // Readiness drawn by index into the scale as stored (not its order).
  const readinessOf = (i: number) => before[i].id;

  const used = new Set<number>();
  const positions: Position[] = (await app.ok('people.savePositions', {
    rows: spec.positions.map((p) => {
      const incumbent = p.incumbent !== null && !used.has(p.incumbent) ? (used.add(p.incumbent), holders[p.incumbent].id) : null;
      return { values: { title: p.title, jobId: jobs[p.job].id, departmentId: departments[p.department].id, incumbentId: incumbent } };
    }),
  })).rows;
  const keyed = spec.positions.flatMap((p, i) => (p.key ? [{ p, position: positions[i] }] : []));
  if (keyed.length) {
    await app.ok('succession.saveKeyPositions', {
      rows: keyed.map(({ p, position }) => ({ values: { positionId: position.id, criticality: p.key!.criticality, vacancyRisk: p.key!.vacancyRisk, reason: p.key!.reason || null, plannedLeaveDate: p.key!.leaves } })),
    });
  }
  for (const [i, risk] of spec.risks.entries()) {
    if (risk) await app.ok('succession.saveLossRisks', { rows: [{ values: { employeeId: holders[i].id, riskOfLoss: risk[0], impactOfLoss: risk[1] } }] });
  }
  const jobPlans = spec.jobPlans.length ? (await app.ok('succession.savePlans', { rows: spec.jobPlans.map((p) => ({ values: { jobId: jobs[p.job].id, notes: p.notes || null } })) })).rows : [];
  // Plan notes and review dates of the key positions' plans, then their successors.
  const plans = (await app.ok('succession.listPlans', {})).rows;
  const planOf = new Map(plans.map((plan) => [plan.positionId ?? plan.jobId, plan]));
  const edits = keyed.flatMap(({ p, position }) => (p.notes || p.reviewedOn ? [{ id: planOf.get(position.id)!.id, version: planOf.get(position.id)!.version, values: { notes: p.notes || null, reviewedOn: p.reviewedOn } }] : []));
  if (edits.length) await app.ok('succession.savePlans', { rows: edits });
  const nominations = [
    ...keyed.flatMap(({ p, position }) => p.successors.map((s) => ({ s, planId: planOf.get(position.id)!.id }))),
    ...spec.jobPlans.flatMap((p, i) => p.successors.map((s) => ({ s, planId: jobPlans[i].id }))),
  ];
  if (nominations.length) {
    const saved = (await app.ok('succession.saveNominations', {
      rows: nominations.map(({ s, planId }, i) => ({ values: { planId, employeeId: bench[s.person].id, rank: 1 + (i % 9), readinessId: readinessOf(s.readiness), emergency: s.emergency } })),
    })).rows;
    const removed = saved.filter((_, i) => nominations[i].s.removed);
    if (removed.length) await app.ok('succession.archiveNominations', { ids: removed.map((n) => n.id) });
  }
  const archivedJobPlans = jobPlans.filter((_, i) => spec.jobPlans[i].archived);
  if (archivedJobPlans.length) await app.ok('succession.archivePlans', { ids: archivedJobPlans.map((p) => p.id) });
  const unmarked = keyed.filter(({ p }) => p.unmarked);
  if (unmarked.length) await app.ok('succession.unmarkKeyPositions', { ids: unmarked.map(({ position }) => position.id) });

  // ---- The reference: what each row shows, from the stored records and the domain functions ----
  const db = app.store().raw;
  const active = db.prepare(`SELECT plan_id AS planId, readiness_id AS readinessId, emergency FROM succession_nomination WHERE archived = 0`).all() as { planId: string; readinessId: string; emergency: number }[];
  const benchOf = (planId: string | null) => {
    const own = active.filter((n) => n.planId === planId);
    const entries = own.map((n) => ({ readinessId: n.readinessId }));
    const strength = planStrength(entries, levels);
    return { entries, strength, emergency: own.some((n) => n.emergency), counts: readinessCounts(entries, levels), readyNow: readyNowCount(entries, levels) };
  };
  const stored = db.prepare(`SELECT id, position_id AS positionId, job_id AS jobId, notes, reviewed_on AS reviewedOn, archived FROM succession_plan`).all() as { id: string; positionId: string | null; jobId: string | null; notes: string | null; reviewedOn: string | null; archived: number }[];
  const positionNow = new Map((await app.ok('people.listPositions', { includeArchived: true })).rows.map((p) => [p.id, p]));
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const holderName = (positionId: string | null) => {
    const holder = holders.find((e) => e.id === positionNow.get(positionId ?? '')?.incumbentId);
    return holder ? `${holder.firstName} ${holder.lastName}` : null;
  };
  const worldPlans = stored.map((plan) => {
    const position = plan.positionId ? positionNow.get(plan.positionId)! : null;
    const job = plan.jobId ? jobs.find((j) => j.id === plan.jobId)! : null;
    const b = benchOf(plan.id);
    const positionText = position ? `${position.title} · ${departmentName.get(position.departmentId)}` : null;
    return {
      id: plan.id,
      listed: !position || position.isKey,
      archived: Boolean(plan.archived),
      isJob: Boolean(job),
      label: positionText ?? `Job: ${job!.title}${job!.level ? ` (${job!.level})` : ''}`,
      shown: {
        positionId: positionText,
        jobId: job ? jobLabel(job) : null,
        incumbentName: holderName(plan.positionId),
        ...Object.fromEntries(b.counts.map((c) => [readinessCountField(c.readinessId), c.count])),
        emergencyLabel: b.emergency ? 'Yes' : 'No',
        strength: b.strength,
        band: STRENGTH_LABELS[strengthBand(b.strength, b.entries.length)],
        reviewedOn: plan.reviewedOn,
        notes: plan.notes || null,
      },
    };
  });
  const details = db.prepare(`SELECT id, criticality, vacancy_risk AS vacancyRisk, reason, planned_leave_date AS leaves FROM key_position`).all() as { id: string; criticality: Level; vacancyRisk: Level; reason: string | null; leaves: string | null }[];
  const risks = db.prepare(`SELECT employee_id AS employeeId, risk_of_loss AS risk, impact_of_loss AS impact FROM loss_risk WHERE archived = 0`).all() as { employeeId: string; risk: Level; impact: Level }[];
  const keys = [...positionNow.values()].flatMap((position) => {
    const detail = details.find((d) => d.id === position.id);
    if (!position.isKey && !detail) return [];
    const risk = risks.find((r) => r.employeeId === position.incumbentId);
    const plan = stored.find((p) => p.positionId === position.id && !p.archived);
    const b = benchOf(plan?.id ?? null);
    return [{
      id: position.id,
      isKey: position.isKey,
      title: position.title,
      department: departmentName.get(position.departmentId)!,
      shown: {
        positionId: positionLabel(position, departmentName.get(position.departmentId)),
        incumbentName: holderName(position.id),
        criticality: LEVEL_LABELS[detail?.criticality ?? 'medium'],
        vacancyRisk: LEVEL_LABELS[detail?.vacancyRisk ?? 'medium'],
        reason: detail?.reason || null,
        plannedLeaveDate: detail?.leaves ?? null,
        riskOfLoss: risk ? LEVEL_LABELS[risk.risk] : null,
        impactOfLoss: risk ? LEVEL_LABELS[risk.impact] : null,
        successors: b.entries.length,
        readyNow: b.readyNow,
        strength: b.strength,
        departmentName: departmentName.get(position.departmentId)!,
      },
    }];
  });
  return { app, levels, countFields: levels.map((l) => readinessCountField(l.id)), plans: worldPlans, keys };
}

// ---- The reference view ----------------------------------------------------------------------

type Shown = string | number | null;
const lower = (s: string) => s.toLowerCase();
const compareText = (a: string, b: string) => (lower(a) < lower(b) ? -1 : lower(a) > lower(b) ? 1 : 0);
const contains = (value: Shown, part: string) => part.trim() === '' || (value !== null && lower(String(value)).includes(lower(part.trim())));
const compareShown = (x: Shown, y: Shown, desc?: boolean) => {
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
  return desc ? -order : order;
};

interface ViewQuery<F extends string> {
  offset: number;
  limit: number;
  sort?: { field: F; desc?: boolean };
  filters?: { field: F; contains: string }[];
  search?: string;
  searchFields?: F[];
}

function expectedView<F extends string, R extends { id: string; shown: Record<string, Shown> }>(rows: R[], query: ViewQuery<F>, every: readonly F[], byDefault: (a: R, b: R) => number) {
  const kept = rows.filter((row) => {
    if (!(query.filters ?? []).every((f) => contains(row.shown[f.field] ?? null, f.contains))) return false;
    const search = query.search?.trim();
    if (!search) return true;
    return (query.searchFields?.length ? query.searchFields : every).some((field) => row.shown[field] !== null && row.shown[field] !== undefined && contains(row.shown[field], search));
  });
  kept.sort((a, b) => (query.sort ? compareShown(a.shown[query.sort.field] ?? null, b.shown[query.sort.field] ?? null, query.sort.desc) : 0) || byDefault(a, b));
  return { ids: kept.slice(query.offset, query.offset + query.limit).map((r) => r.id), total: kept.length, rows: kept };
}

const planOrder = (a: World['plans'][number], b: World['plans'][number]) => Number(a.isJob) - Number(b.isJob) || compareText(a.label, b.label) || (a.id < b.id ? -1 : 1);
const keyOrder = (a: World['keys'][number], b: World['keys'][number]) => Number(b.isKey) - Number(a.isKey) || compareText(a.title, b.title) || compareText(a.department, b.department) || (a.id < b.id ? -1 : 1);

const part = fc.string({ unit: fc.constantFrom('a', 'B', '_', '%', ' · ', '0', '1', '5', 'Yes', 'No', 'str', 'Mod', 'wea', 'Job', 'High', 'low', '2025', 'Lee'), maxLength: 2 });
function queryArb<F extends string>(fields: readonly F[]) {
  const field = fc.constantFrom(...fields);
  return fc.record(
    {
      offset: fc.nat(30),
      limit: fc.integer({ min: 1, max: 30 }),
      sort: fc.record({ field, desc: fc.boolean() }, { requiredKeys: ['field'] }),
      filters: fc.array(fc.record({ field, contains: part }), { maxLength: 2 }),
      search: part,
      searchFields: fc.uniqueArray(field, { minLength: 1, maxLength: 4 }),
      includeArchived: fc.boolean(),
    },
    { requiredKeys: ['offset', 'limit'] },
  );
}

const WORLD_SEEDS = [11, 12, 13];

describe('plans grid row source (succession.listPlanWindow, exportPlanView)', () => {
  it('returns the window, total, sort, column filters and quick filter the reference works out, for random plans, successors and readiness scales', async () => {
    for (const seed of WORLD_SEEDS) {
      const spec = fc.sample(worldArb, { seed, numRuns: 1 })[0];
      const world = await seedWorld(spec);
      const every = [...PLAN_GRID_FIELDS, ...world.countFields];
      const all = (await world.app.ok('succession.listPlans', { includeArchived: true })).rows;
      await fc.assert(
        fc.asyncProperty(queryArb<PlanGridField>(every), async (query) => {
          const result = await world.app.ok('succession.listPlanWindow', query as PlanWindowQuery);
          const shown = world.plans.filter((p) => p.listed && (query.includeArchived || !p.archived));
          const expected = expectedView(shown, query, every, planOrder);
          expect(result.total).toBe(expected.total);
          expect(result.rows.map((r) => r.id)).toEqual(expected.ids);
          // The rows are the plans as listPlans gives them (the bench from the domain functions).
          for (const row of result.rows) expect(row).toEqual(all.find((p) => p.id === row.id));
        }),
        { numRuns: 60, seed },
      );
      await world.app.close();
    }
  });

  it('exports every row of the filtered view in its order, as the grid shows it (numbers as numbers)', async () => {
    const spec = fc.sample(worldArb.filter((w) => w.positions.filter((p) => p.key).length >= 6), { seed: 5, numRuns: 1 })[0];
    const world = await seedWorld(spec);
    const columns = [...PLAN_GRID_FIELDS, ...world.countFields].map((field) => ({ field, header: `H ${field.slice(0, 12)}` }));
    for (const view of [{}, { sort: { field: 'strength' as const, desc: true }, search: 'a' }, { filters: [{ field: 'band' as const, contains: 'o' }], sort: { field: world.countFields[0] } }]) {
      const file = await world.app.ok('succession.exportPlanView', { format: 'csv', title: 'Succession plans', columns, ...view });
      const [header, ...lines] = Papa.parse<string[]>(Buffer.from(file.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim()).data;
      expect(header).toEqual(columns.map((c) => c.header));
      const expected = expectedView(world.plans.filter((p) => p.listed && !p.archived), { offset: 0, limit: 1e9, ...view }, columns.map((c) => c.field), planOrder).rows;
      expect(lines).toEqual(expected.map((plan) => columns.map((c) => {
        const value = plan.shown[c.field];
        return value === null || value === undefined ? '' : String(value).replace(/^([=+\-@])/, "'$1");
      })));
    }
    const xlsx = await world.app.ok('succession.exportPlanView', { format: 'xlsx', title: 'Succession plans', columns });
    expect(xlsx.fileName).toMatch(/^Succession plans \d{4}-\d{2}-\d{2}\.xlsx$/);
    await world.app.close();
  });
});

describe('key positions grid row source (succession.listKeyPositionWindow, exportKeyPositions)', () => {
  it('returns the window, total, sort, column filters and quick filter the reference works out, for random key positions and benches', async () => {
    for (const seed of WORLD_SEEDS) {
      const spec = fc.sample(worldArb, { seed, numRuns: 1 })[0];
      const world = await seedWorld(spec);
      const all = (await world.app.ok('succession.listKeyPositions', { includeArchived: true })).rows;
      await fc.assert(
        fc.asyncProperty(queryArb<KeyPositionGridField>(KEY_POSITION_GRID_FIELDS), async (query) => {
          const result = await world.app.ok('succession.listKeyPositionWindow', query as KeyPositionWindowQuery);
          const shown = world.keys.filter((k) => query.includeArchived || k.isKey);
          const expected = expectedView(shown, query, KEY_POSITION_GRID_FIELDS, keyOrder);
          expect(result.total).toBe(expected.total);
          expect(result.rows.map((r) => r.id)).toEqual(expected.ids);
          for (const row of result.rows) expect(row).toEqual(all.find((k) => k.id === row.id));
        }),
        { numRuns: 60, seed },
      );
      await world.app.close();
    }
  });

  it('exports every row of the filtered view in its order', async () => {
    const spec = fc.sample(worldArb.filter((w) => w.positions.filter((p) => p.key).length >= 6), { seed: 7, numRuns: 1 })[0];
    const world = await seedWorld(spec);
    const columns = KEY_POSITION_GRID_FIELDS.map((field) => ({ field, header: field }));
    const view = { includeArchived: true, sort: { field: 'successors' as const, desc: true }, filters: [{ field: 'criticality' as const, contains: 'i' }] };
    const file = await world.app.ok('succession.exportKeyPositions', { format: 'csv', title: 'Key positions', columns, ...view });
    const [header, ...lines] = Papa.parse<string[]>(Buffer.from(file.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim()).data;
    expect(header).toEqual([...KEY_POSITION_GRID_FIELDS]);
    const expected = expectedView(world.keys, { offset: 0, limit: 1e9, ...view }, KEY_POSITION_GRID_FIELDS, keyOrder).rows;
    expect(lines).toEqual(expected.map((k) => columns.map((c) => (k.shown[c.field] === null ? '' : String(k.shown[c.field])))));
    await world.app.close();
  });
});

describe('plan type-ahead and resolver (succession.searchPlans, succession.resolvePlans, getPlanTotals)', () => {
  it('finds listed plans by the words of their label, title first; resolves labels, titles, jobs and ids; labels any plan by id', async () => {
    const app = await openTestApp();
    const [sales, ops] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales' } }, { values: { name: 'Ops' } }] })).rows;
    const [analyst, clerk] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Analyst', level: 'L2' } }, { values: { title: 'Clerk' } }] })).rows;
    const seat = (title: string, departmentId: string) => ({ values: { title, jobId: clerk.id, departmentId } });
    const [leadSales, leadOps, teamLead, head, old] = (await app.ok('people.savePositions', {
      rows: [seat('Lead', sales.id), seat('Lead', ops.id), seat('Team Lead', sales.id), seat('Head of Sales', sales.id), seat('Leader (old)', ops.id)],
    })).rows;
    await app.ok('succession.saveKeyPositions', { rows: [leadSales, leadOps, teamLead, head, old].map((p) => ({ values: { positionId: p.id, criticality: 'high', vacancyRisk: 'low' } })) });
    const [analystPlan] = (await app.ok('succession.savePlans', { rows: [{ values: { jobId: analyst.id } }] })).rows;
    await app.ok('succession.unmarkKeyPositions', { ids: [old.id] });
    const planOf = (positionId: string) => app.store().raw.prepare(`SELECT id FROM succession_plan WHERE position_id = ?`).get(positionId) as { id: string };

    const labels = async (input: Parameters<TestApp['ok']>[1]) => (await app.ok('succession.searchPlans', input as never)).rows.map((p) => p.label);
    expect(await labels({ query: 'lead' })).toEqual(['Lead · Ops', 'Lead · Sales', 'Team Lead · Sales']);
    expect(await labels({ query: 'lead sales' })).toEqual(['Lead · Sales', 'Team Lead · Sales']);
    expect(await labels({ query: 'analyst' })).toEqual(['Job: Analyst (L2)']);
    expect(await labels({ query: 'a', of: 'job' })).toEqual(['Job: Analyst (L2)']);
    expect(await labels({ query: 'sales', of: 'position', limit: 2 })).toEqual(['Head of Sales · Sales', 'Lead · Sales']);
    expect((await app.ok('succession.searchPlans', { query: 'sales', limit: 2 })).more).toBe(true);
    expect(await labels({})).toEqual(['Head of Sales · Sales', 'Lead · Ops', 'Lead · Sales', 'Team Lead · Sales', 'Job: Analyst (L2)']);
    // By id, listed or not (a position no longer key keeps its plan, and its label shows).
    const byIds = (await app.ok('succession.searchPlans', { ids: [planOf(old.id).id, analystPlan.id] })).rows;
    expect(byIds.map((p) => [p.label, p.listed]).sort()).toEqual([['Job: Analyst (L2)', true], ['Leader (old) · Ops', false]]);
    expect((await app.ok('succession.searchPlans', { positionIds: [head.id] })).rows.map((p) => [p.id, p.title])).toEqual([[planOf(head.id).id, 'Head of Sales']]);
    // A position without an active plan shows its latest one.
    await app.ok('succession.archivePlans', { ids: [planOf(old.id).id] });
    expect((await app.ok('succession.searchPlans', { positionIds: [old.id, head.id] })).rows.map((p) => [p.id, p.listed]).sort()).toEqual([[planOf(head.id).id, true], [planOf(old.id).id, false]].sort());

    const { matches } = await app.ok('succession.resolvePlans', {
      texts: ['Lead · Ops', 'lead', 'team lead', planOf(head.id).id, head.id, 'Job: Analyst (L2)', 'analyst (l2)', 'Analyst', 'Leader (old) · Ops', 'Lead · Nowhere', ''],
    });
    expect(matches.map((hits) => hits.map((p) => p.id).sort())).toEqual([
      [planOf(leadOps.id).id], [planOf(leadSales.id).id, planOf(leadOps.id).id].sort(), [planOf(teamLead.id).id], [planOf(head.id).id], [planOf(head.id).id],
      [analystPlan.id], [analystPlan.id], [analystPlan.id], [], [], [],
    ]);
    expect(await app.ok('succession.getPlanTotals', {})).toEqual({ plans: 5, successors: 0 });
  });
});
