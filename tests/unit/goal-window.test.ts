import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  GOAL_GRID_FIELDS, GOAL_SCOPE_LABELS, GOAL_STATUSES, GOAL_STATUS_LABELS, GOAL_UNITS, GOAL_UNIT_LABELS,
  type Department, type Employee, type Goal, type GoalGridField, type GoalWindowQuery,
} from '../../src-shared/api';
import { rollUpProgress } from '../../src-shared/domain/goals';
import { departmentLabel, employeeLabel } from '../../src-shared/domain/people-labels';
import { employeeValues, openTestApp, type TestApp } from './helpers';

/*
 * The goals grid's row source against a brute-force reference: every goal's text as the grid shows
 * it (owner labels, the aligned-to goal's label, status/unit/scope labels, numbers as String(n)),
 * filtered, sorted and sliced in plain TypeScript. Titles are ASCII: LIKE and NOCASE fold ASCII only.
 */

const TITLE_CHARS = ['a', 'B', 'c', 'A', '_', '%', 'x', ' '];
const title = fc.string({ unit: fc.constantFrom(...TITLE_CHARS), minLength: 1, maxLength: 5 }).filter((t) => t.trim() === t && t.length > 0);
const number = fc.option(fc.constantFrom(0, 1, 2.5, 10, 33.3, 100), { nil: null });

const goalArb = fc.record({
  title,
  owner: fc.nat(5),
  /** 0: none; 1-3: a department goal; 4-5: an organisation goal. */
  parent: fc.nat(5),
  start: fc.constantFrom('2026-01-01', '2026-03-01'),
  status: fc.constantFrom(...GOAL_STATUSES),
  unit: fc.constantFrom(...GOAL_UNITS),
  weight: fc.constantFrom(0, 10, 30),
  stretch: fc.boolean(),
  category: fc.option(title, { nil: null }),
  startValue: number,
  targetValue: number,
  progress: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  archived: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
});
type Generated = typeof goalArb extends fc.Arbitrary<infer T> ? T : never;

interface World {
  app: TestApp;
  goals: Goal[];
  text: Map<string, Record<GoalGridField, string | null>>;
  numbers: Map<string, Partial<Record<GoalGridField, number | null>>>;
}

const base = { periodStart: '2026-01-01', periodEnd: '2026-12-31', unit: 'percent' as const, stretch: false, weight: 0, status: 'on_track' as const };

async function seedWorld(rows: Generated[]): Promise<World> {
  const app = await openTestApp();
  const [root] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Root' } }] })).rows;
  const [sales, ops] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales', parentId: root.id } }, { values: { name: 'Ops', parentId: root.id } }] })).rows;
  const [eu] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales_EU', parentId: sales.id } }] })).rows;
  const departments: Department[] = [root, sales, ops, eu];
  const people: Employee[] = (await app.ok('people.saveEmployees', { rows: [1, 2, 3, 4, 5, 6].map((n) => ({ values: employeeValues(n, { firstName: n % 2 ? `Ann${n}` : `bo_${n}` }) })) })).rows;
  const orgs = (await app.ok('goals.saveGoals', { rows: [{ values: { ...base, scope: 'organisation', title: 'Grow' } }, { values: { ...base, scope: 'organisation', title: 'care', weight: 20 } }] })).rows;
  const depts = (await app.ok('goals.saveGoals', {
    rows: [
      { values: { ...base, scope: 'department', ownerId: sales.id, title: 'Sell', alignedToId: orgs[0].id, weight: 40 } },
      { values: { ...base, scope: 'department', ownerId: eu.id, title: 'sell EU', alignedToId: orgs[0].id, weight: 10 } },
      { values: { ...base, scope: 'department', ownerId: ops.id, title: 'Run', alignedToId: null } },
    ],
  })).rows;
  const parents = [null, depts[0], depts[1], depts[2], orgs[0], orgs[1]];
  const individual = rows.length
    ? (await app.ok('goals.saveGoals', {
        rows: rows.map((r) => ({
          values: {
            scope: 'individual', ownerId: people[r.owner].id, title: r.title, periodStart: r.start, periodEnd: '2026-12-31', unit: r.unit, status: r.status,
            weight: r.weight, stretch: r.stretch, category: r.category, startValue: r.startValue, targetValue: r.targetValue, alignedToId: parents[r.parent]?.id ?? null,
          },
        })),
      })).rows
    : [];
  for (const [i, r] of rows.entries()) if (r.progress !== null) await app.ok('goals.recordCheckIn', { goalId: individual[i].id, date: '2026-02-01', progress: r.progress, status: r.status });
  const archived = individual.filter((_, i) => rows[i].archived);
  if (archived.length) await app.ok('goals.archiveGoals', { ids: archived.map((g) => g.id) });
  const goals = (await app.ok('goals.listGoals', { includeArchived: true })).rows;

  const departmentById = new Map(departments.map((d) => [d.id, d]));
  const personById = new Map(people.map((p) => [p.id, p]));
  const goalById = new Map(goals.map((g) => [g.id, g]));
  const rolled = rollUpProgress(goals.filter((g) => !g.archived).map((g) => ({ id: g.id, parentId: g.alignedToId, weight: g.weight, progress: g.progress })));
  const numbers = new Map<string, Partial<Record<GoalGridField, number | null>>>();
  const text = new Map(
    goals.map((g) => {
      const parent = g.alignedToId ? goalById.get(g.alignedToId)! : null;
      const n = { progress: g.progress, rolledUp: g.archived ? g.progress : rolled.get(g.id)!, weight: g.weight, startValue: g.startValue, targetValue: g.targetValue, actualValue: g.actualValue };
      numbers.set(g.id, n);
      const shown: Record<GoalGridField, string | null> = {
        title: g.title,
        scope: GOAL_SCOPE_LABELS[g.scope],
        employeeId: g.scope === 'individual' ? employeeLabel(personById.get(g.ownerId!)!) : null,
        departmentId: g.scope === 'department' ? departmentLabel(departmentById.get(g.ownerId!)!, departmentById) : null,
        alignedToId: parent && `${parent.title} · ${GOAL_SCOPE_LABELS[parent.scope]}${parent.ownerName ? ` (${parent.ownerName})` : ''}`,
        periodStart: g.periodStart,
        periodEnd: g.periodEnd,
        status: GOAL_STATUS_LABELS[g.status],
        progress: String(n.progress),
        rolledUp: String(n.rolledUp),
        weight: String(n.weight),
        category: g.category,
        unit: GOAL_UNIT_LABELS[g.unit],
        startValue: n.startValue === null ? null : String(n.startValue),
        targetValue: n.targetValue === null ? null : String(n.targetValue),
        actualValue: n.actualValue === null ? null : String(n.actualValue),
        stretch: g.stretch ? 'Yes' : 'No',
        description: g.description,
      };
      return [g.id, shown];
    }),
  );
  return { app, goals, text, numbers };
}

const compareText = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
const SCOPE_RANK = { organisation: 0, department: 1, individual: 2 };
const NUMERIC = new Set<GoalGridField>(['progress', 'rolledUp', 'weight', 'startValue', 'targetValue', 'actualValue']);

/** The reference: what the window should hold, worked out row by row. */
function expectedWindow(world: World, query: GoalWindowQuery): { ids: string[]; total: number } {
  const contains = (value: string | null, part: string) => part.trim() === '' || (value ?? '').toLowerCase().includes(part.trim().toLowerCase());
  const rows = world.goals.filter((g) => {
    if (g.archived && !query.includeArchived) return false;
    if (query.scope && g.scope !== query.scope) return false;
    const shown = world.text.get(g.id)!;
    if (!(query.filters ?? []).every((f) => contains(shown[f.field], f.contains))) return false;
    const search = query.search?.trim();
    if (!search) return true;
    const fields = query.searchFields?.length ? query.searchFields : GOAL_GRID_FIELDS;
    return fields.some((field) => shown[field] !== null && contains(shown[field], search));
  });
  const byDefault = (a: Goal, b: Goal) =>
    SCOPE_RANK[a.scope] - SCOPE_RANK[b.scope] || (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0) || compareText(a.title, b.title) || (a.id < b.id ? -1 : 1);
  rows.sort((a, b) => {
    if (query.sort) {
      const field = query.sort.field;
      const x = NUMERIC.has(field) ? world.numbers.get(a.id)![field]! : world.text.get(a.id)![field];
      const y = NUMERIC.has(field) ? world.numbers.get(b.id)![field]! : world.text.get(b.id)![field];
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else {
        const order = (typeof x === 'number' ? Math.sign(x - (y as number)) : compareText(x, y as string)) * (query.sort.desc ? -1 : 1);
        if (order !== 0) return order;
      }
    }
    return byDefault(a, b);
  });
  return { ids: rows.slice(query.offset, query.offset + query.limit).map((g) => g.id), total: rows.length };
}

const field = fc.constantFrom(...GOAL_GRID_FIELDS);
const part = fc.string({ unit: fc.constantFrom('a', 'B', '_', '%', 's', 'EU', ' · ', '(', '0', '3', '.', 'On', 'Yes', 'ann', 'Dep'), maxLength: 2 });
const queryArb = fc.record(
  {
    offset: fc.nat(30),
    limit: fc.integer({ min: 1, max: 30 }),
    scope: fc.constantFrom('organisation', 'department', 'individual') as fc.Arbitrary<GoalWindowQuery['scope']>,
    sort: fc.record({ field, desc: fc.boolean() }, { requiredKeys: ['field'] }),
    filters: fc.array(fc.record({ field, contains: part }), { maxLength: 2 }),
    search: part,
    searchFields: fc.uniqueArray(field, { minLength: 1, maxLength: 4 }),
    includeArchived: fc.boolean(),
  },
  { requiredKeys: ['offset', 'limit'] },
);

describe('goals grid row source (goals.listGoalWindow)', () => {
  it('returns the window, total, sort, column filters and quick filter the reference works out, for random goals', async () => {
    for (const seed of [1, 2]) {
      const rows = fc.sample(fc.array(goalArb, { minLength: 1, maxLength: 30 }), { seed, numRuns: 1 })[0];
      const world = await seedWorld(rows);
      await fc.assert(
        fc.asyncProperty(queryArb, async (query) => {
          const result = await world.app.ok('goals.listGoalWindow', query);
          const expected = expectedWindow(world, query);
          expect(result.total).toBe(expected.total);
          expect(result.rows.map((r) => r.id)).toEqual(expected.ids);
          // The rows are the goals as listGoals gives them (rolled-up progress included).
          for (const row of result.rows) expect(row).toEqual(world.goals.find((g) => g.id === row.id));
        }),
        { numRuns: 120, seed },
      );
    }
  });

  it('refuses a window of more than 500 rows and a column it does not know', async () => {
    const app = await openTestApp();
    expect((await app.fail('goals.listGoalWindow', { offset: 0, limit: 501 })).code).toBe('VALIDATION');
    expect((await app.fail('goals.listGoalWindow', { offset: 0, limit: 10, sort: { field: 'ownerId' } })).code).toBe('VALIDATION');
  });

  it('sorts by rolled-up progress as it is after a check-in, not as it was when first read', async () => {
    const app = await openTestApp();
    const [dept] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales' } }] })).rows;
    const [ann, bo] = (await app.ok('people.saveEmployees', { rows: [1, 2].map((n) => ({ values: employeeValues(n, { departmentId: dept.id }) })) })).rows;
    const [a, b] = (await app.ok('goals.saveGoals', { rows: [{ values: { ...base, scope: 'organisation', title: 'A' } }, { values: { ...base, scope: 'organisation', title: 'B' } }] })).rows;
    const [ia, ib] = (await app.ok('goals.saveGoals', {
      rows: [
        { values: { ...base, scope: 'individual', ownerId: ann.id, title: 'under A', alignedToId: a.id } },
        { values: { ...base, scope: 'individual', ownerId: bo.id, title: 'under B', alignedToId: b.id } },
      ],
    })).rows;
    await app.ok('goals.recordCheckIn', { goalId: ia.id, date: '2026-02-01', progress: 40 });
    const bySort = async () => (await app.ok('goals.listGoalWindow', { offset: 0, limit: 10, scope: 'organisation', sort: { field: 'rolledUp', desc: true } })).rows.map((g) => [g.title, g.rolledUp]);
    expect(await bySort()).toEqual([['A', 40], ['B', 0]]);
    await app.ok('goals.recordCheckIn', { goalId: ib.id, date: '2026-02-01', progress: 75 });
    expect(await bySort()).toEqual([['B', 75], ['A', 40]]);
    const filtered = await app.ok('goals.listGoalWindow', { offset: 0, limit: 10, filters: [{ field: 'rolledUp', contains: '75' }] });
    expect(filtered.rows.map((g) => g.title).sort()).toEqual(['B', 'under B']);
  });

  it('exports every row of the filtered view as the grid shows it, labels and all', async () => {
    const app = await openTestApp();
    const [dept] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Finance' } }] })).rows;
    const [ann] = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(7, { firstName: 'Ann', lastName: 'Lee', departmentId: dept.id }) }] })).rows;
    const [org] = (await app.ok('goals.saveGoals', { rows: [{ values: { ...base, scope: 'organisation', title: 'Grow' } }] })).rows;
    const [fin] = (await app.ok('goals.saveGoals', { rows: [{ values: { ...base, scope: 'department', ownerId: dept.id, title: 'Save', alignedToId: org.id, weight: 50 } }] })).rows;
    const [mine] = (await app.ok('goals.saveGoals', { rows: [{ values: { ...base, scope: 'individual', ownerId: ann.id, title: 'Audit', alignedToId: fin.id, targetValue: 2.5, stretch: true } }] })).rows;
    await app.ok('goals.recordCheckIn', { goalId: mine.id, date: '2026-02-01', progress: 30 });
    const columns = [
      { field: 'title' as const, header: 'Title' },
      { field: 'employeeId' as const, header: 'Employee' },
      { field: 'departmentId' as const, header: 'Department' },
      { field: 'alignedToId' as const, header: 'Aligned to' },
      { field: 'rolledUp' as const, header: 'Rolled up %' },
      { field: 'targetValue' as const, header: 'Target' },
      { field: 'stretch' as const, header: 'Stretch' },
      { field: 'status' as const, header: 'Status' },
    ];
    const file = await app.ok('goals.exportGoals', { format: 'csv', title: 'Goals', columns, filters: [{ field: 'alignedToId', contains: 'gro' }] });
    expect(file.fileName).toMatch(/^Goals \d{4}-\d{2}-\d{2}\.csv$/);
    const parse = (base64: string) => Papa.parse(Buffer.from(base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim()).data;
    expect(parse(file.contentBase64)).toEqual([
      ['Title', 'Employee', 'Department', 'Aligned to', 'Rolled up %', 'Target', 'Stretch', 'Status'],
      ['Save', '', 'Finance', 'Grow · Organisation', '30', '', 'No', 'On track'],
    ]);
    const all = await app.ok('goals.exportGoals', { format: 'csv', title: 'Goals', columns, sort: { field: 'title', desc: true } });
    expect(parse(all.contentBase64)).toEqual([
      columns.map((c) => c.header),
      ['Save', '', 'Finance', 'Grow · Organisation', '30', '', 'No', 'On track'],
      ['Grow', '', '', '', '30', '', 'No', 'On track'],
      ['Audit', 'Ann Lee (T0007)', '', 'Save · Department (Finance)', '30', '2.5', 'Yes', 'On track'],
    ]);
  });
});

describe('alignment tree a level at a time (goals.getAlignmentBranch)', () => {
  it('gives a goal and its direct active goals with child counts and the roll-ups of the whole tree', async () => {
    const app = await openTestApp();
    const [dept] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales' } }] })).rows;
    const people = (await app.ok('people.saveEmployees', { rows: [1, 2, 3].map((n) => ({ values: employeeValues(n, { departmentId: dept.id }) })) })).rows;
    const [org] = (await app.ok('goals.saveGoals', { rows: [{ values: { ...base, scope: 'organisation', title: 'Grow' } }] })).rows;
    const [sell, keep] = (await app.ok('goals.saveGoals', {
      rows: [
        { values: { ...base, scope: 'department', ownerId: dept.id, title: 'sell', alignedToId: org.id, weight: 75 } },
        { values: { ...base, scope: 'department', ownerId: dept.id, title: 'Keep', alignedToId: org.id, weight: 25 } },
      ],
    })).rows;
    const mine = (await app.ok('goals.saveGoals', { rows: people.map((p) => ({ values: { ...base, scope: 'individual', ownerId: p.id, title: `Deals ${p.employeeNumber}`, alignedToId: sell.id } })) })).rows;
    await app.ok('goals.recordCheckIn', { goalId: mine[0].id, date: '2026-02-01', progress: 60 });
    await app.ok('goals.recordCheckIn', { goalId: mine[1].id, date: '2026-02-01', progress: 30 });
    await app.ok('goals.archiveGoals', { ids: [mine[2].id] });

    const top = await app.ok('goals.getAlignmentBranch', { goalId: org.id });
    // sell: (60 + 30) / 2 = 45 (the archived goal does not count); Keep: 0; Grow: 45 × 0.75 + 0 × 0.25 = 33.75.
    expect(top.node).toMatchObject({ id: org.id, parentId: null, childCount: 2, rolledUp: 33.75, ownerName: null });
    expect(top.children.map((c) => [c.title, c.childCount, c.rolledUp, c.ownerName])).toEqual([['Keep', 0, 0, 'Sales'], ['sell', 2, 45, 'Sales']]);
    const level = await app.ok('goals.getAlignmentBranch', { goalId: sell.id });
    expect(level.node).toMatchObject({ id: sell.id, parentId: org.id, childCount: 2, rolledUp: 45 });
    expect(level.children.map((c) => [c.title, c.childCount, c.rolledUp, c.progress])).toEqual([[`Deals ${people[0].employeeNumber}`, 0, 60, 60], [`Deals ${people[1].employeeNumber}`, 0, 30, 30]]);
    expect(await app.ok('goals.getAlignmentBranch', { goalId: sell.id, withChildren: false })).toEqual({ node: level.node, children: [] });
    // The same figures as the whole tree.
    const tree = new Map((await app.ok('goals.getAlignmentTree', { rootId: org.id })).nodes.map((n) => [n.id, n.rolledUp]));
    for (const node of [top.node, ...top.children, ...level.children]) expect(node.rolledUp).toBe(tree.get(node.id));
    expect((await app.fail('goals.getAlignmentBranch', { goalId: keep.id.replace(/.$/, (c) => (c === '0' ? '1' : '0')) })).code).toBe('NOT_FOUND');
  });

  it('lists the goals others may align to, without individual ones', async () => {
    const app = await openTestApp();
    const [dept] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Ops' } }] })).rows;
    const [p] = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(1) }] })).rows;
    const [org, old] = (await app.ok('goals.saveGoals', { rows: [{ values: { ...base, scope: 'organisation', title: 'Grow' } }, { values: { ...base, scope: 'organisation', title: 'Old' } }] })).rows;
    await app.ok('goals.saveGoals', { rows: [{ values: { ...base, scope: 'department', ownerId: dept.id, title: 'Run', alignedToId: org.id } }, { values: { ...base, scope: 'individual', ownerId: p.id, title: 'Mine' } }] });
    await app.ok('goals.archiveGoals', { ids: [old.id] });
    expect((await app.ok('goals.listAlignableGoals', {})).rows.map((g) => [g.title, g.scope, g.ownerName])).toEqual([['Grow', 'organisation', null], ['Run', 'department', 'Ops']]);
    expect((await app.ok('goals.listAlignableGoals', { includeArchived: true })).rows.map((g) => [g.title, g.archived])).toEqual([['Grow', false], ['Old', true], ['Run', false]]);
  });
});
