import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POSITION_GRID_FIELDS, type Department, type Employee, type Job, type Position, type PositionGridField, type PositionWindowQuery } from '../../src-shared/api';
import { departmentLabel, employeeLabel, jobLabel, positionLabel } from '../../src-shared/domain/people-labels';
import { openTestApp, type TestApp } from './helpers';

/*
 * The positions grid's row source against a brute-force reference (the shown text of every
 * position worked out with the shared label functions, filtered, sorted and sliced here), and
 * the position type-ahead and resolver on a small organisation. ASCII text: SQLite folds ASCII only.
 */

const title = fc.string({ unit: fc.constantFrom('a', 'B', 'c', 'A', '_', '%', 'x'), minLength: 1, maxLength: 4 });
const positionArb = fc.record({
  title,
  job: fc.nat(2),
  department: fc.nat(3),
  reportsTo: fc.option(fc.nat(4), { nil: null }),
  incumbent: fc.option(fc.nat(5), { nil: null }),
  isKey: fc.boolean(),
  archived: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
});
type Generated = typeof positionArb extends fc.Arbitrary<infer T> ? T : never;

interface World {
  app: TestApp;
  positions: Position[];
  text: Map<string, Record<PositionGridField, string | null>>;
}

async function seedWorld(rows: Generated[]): Promise<World> {
  const app = await openTestApp();
  const [root] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Root' } }] })).rows;
  const [sales, ops] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales', parentId: root.id } }, { values: { name: 'Ops', parentId: root.id } }] })).rows;
  const [eu] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales_EU', parentId: sales.id } }] })).rows;
  const departments: Department[] = [root, sales, ops, eu];
  const jobs: Job[] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Analyst', level: 'B2' } }, { values: { title: 'Clerk' } }, { values: { title: 'Boss', level: 'a1' } }] })).rows;
  const people: Employee[] = (await app.ok('people.saveEmployees', {
    rows: ['Ann A', 'Bo B', 'Cy C', 'Di D', 'Ed E', 'Flo F'].map((n, i) => ({ values: { employeeNumber: `E${i}`, firstName: n.split(' ')[0], lastName: n.split(' ')[1], hireDate: '2020-01-01', status: 'active' } })),
  })).rows;
  const heads: Position[] = (await app.ok('people.savePositions', {
    rows: rows.slice(0, 5).map((r, i) => ({ values: { title: r.title, jobId: jobs[r.job].id, departmentId: departments[r.department].id, isKey: r.isKey, incumbentId: r.incumbent === null || r.incumbent !== i ? null : people[r.incumbent].id } })),
  })).rows;
  const used = new Set(heads.map((p) => p.incumbentId).filter(Boolean));
  const rest: Position[] = rows.length > 5 ? (await app.ok('people.savePositions', {
    rows: rows.slice(5).map((r) => {
      const person = r.incumbent === null ? null : people[r.incumbent].id;
      const incumbentId = person && !used.has(person) ? (used.add(person), person) : null;
      return { values: { title: r.title, jobId: jobs[r.job].id, departmentId: departments[r.department].id, isKey: r.isKey, reportsToId: r.reportsTo === null || !heads[r.reportsTo] ? null : heads[r.reportsTo].id, incumbentId } };
    }),
  })).rows : [];
  const archived = [...heads, ...rest].filter((_, i) => rows[i].archived);
  if (archived.length) await app.ok('people.archivePositions', { ids: archived.map((p) => p.id) });
  const positions = (await app.ok('people.listPositions', { includeArchived: true })).rows;
  const departmentById = new Map(departments.map((d) => [d.id, d]));
  const byId = new Map(positions.map((p) => [p.id, p]));
  const text = new Map(
    positions.map((p) => {
      const boss = p.reportsToId ? byId.get(p.reportsToId)! : null;
      const holder = people.find((e) => e.id === p.incumbentId);
      const shown: Record<PositionGridField, string | null> = {
        title: p.title,
        jobId: jobLabel(jobs.find((j) => j.id === p.jobId)!),
        departmentId: departmentLabel(departmentById.get(p.departmentId)!, departmentById),
        reportsToId: boss && positionLabel(boss, departmentById.get(boss.departmentId)?.name),
        incumbentId: holder ? employeeLabel(holder) : null,
        isKey: p.isKey ? 'Yes' : 'No',
      };
      return [p.id, shown];
    }),
  );
  return { app, positions, text };
}

const compareText = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);

function expectedWindow(world: World, query: PositionWindowQuery): { ids: string[]; total: number } {
  const contains = (value: string | null, part: string) => part.trim() === '' || (value ?? '').toLowerCase().includes(part.trim().toLowerCase());
  const rows = world.positions.filter((p) => {
    if (p.archived && !query.includeArchived) return false;
    const shown = world.text.get(p.id)!;
    if (!(query.filters ?? []).every((f) => contains(shown[f.field], f.contains))) return false;
    const search = query.search?.trim();
    if (!search) return true;
    const fields = query.searchFields?.length ? query.searchFields : POSITION_GRID_FIELDS;
    return fields.some((field) => shown[field] !== null && contains(shown[field], search));
  });
  rows.sort((a, b) => {
    if (query.sort) {
      const x = world.text.get(a.id)![query.sort.field];
      const y = world.text.get(b.id)![query.sort.field];
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else {
        const order = compareText(x, y) * (query.sort.desc ? -1 : 1);
        if (order !== 0) return order;
      }
    }
    return compareText(a.title, b.title) || (a.id < b.id ? -1 : 1);
  });
  return { ids: rows.slice(query.offset, query.offset + query.limit).map((p) => p.id), total: rows.length };
}

const field = fc.constantFrom(...POSITION_GRID_FIELDS);
const part = fc.string({ unit: fc.constantFrom('a', 'B', '_', '%', 'EU', ' · ', '(', 'Yes', 'No', 'E1', '?'), maxLength: 2 });
const queryArb = fc.record(
  {
    offset: fc.nat(30),
    limit: fc.integer({ min: 1, max: 30 }),
    sort: fc.record({ field, desc: fc.boolean() }, { requiredKeys: ['field'] }),
    filters: fc.array(fc.record({ field, contains: part }), { maxLength: 2 }),
    search: part,
    searchFields: fc.uniqueArray(field, { minLength: 1, maxLength: 3 }),
    includeArchived: fc.boolean(),
  },
  { requiredKeys: ['offset', 'limit'] },
);

describe('positions grid row source (people.listPositionWindow)', () => {
  it('returns the window, total, sort, column filters and quick filter the reference works out, for random positions', async () => {
    for (const seed of [1, 2]) {
      const rows = fc.sample(fc.array(positionArb, { minLength: 1, maxLength: 30 }), { seed, numRuns: 1 })[0];
      const world = await seedWorld(rows);
      try {
        await fc.assert(
          fc.asyncProperty(queryArb, async (query) => {
            const result = await world.app.ok('people.listPositionWindow', query);
            const expected = expectedWindow(world, query);
            expect(result.total).toBe(expected.total);
            expect(result.rows.map((r) => r.id)).toEqual(expected.ids);
            for (const row of result.rows) expect(row).toEqual(world.positions.find((p) => p.id === row.id));
          }),
          { numRuns: 60, seed },
        );
      } finally {
        await world.app.close();
      }
    }
  });
});

describe('position type-ahead and resolver (people.searchPositions, people.resolvePositions)', () => {
  it('ranks titles that start with the text first; resolves labels, titles and ids; never archived positions', async () => {
    const app = await openTestApp();
    try {
      const [sales, ops] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales' } }, { values: { name: 'Ops' } }] })).rows;
      const [job] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Any' } }] })).rows;
      const seat = (title: string, departmentId: string) => ({ values: { title, jobId: job.id, departmentId } });
      const [leadSales, leadOps, teamLead, clerk, old] = (await app.ok('people.savePositions', {
        rows: [seat('Lead', sales.id), seat('Lead', ops.id), seat('Team Lead', sales.id), seat('Clerk', ops.id), seat('Leader (old)', ops.id)],
      })).rows;
      await app.ok('people.archivePositions', { ids: [old.id] });

      const found = await app.ok('people.searchPositions', { query: 'lead' });
      expect(found.rows.map((p) => `${p.title} · ${p.departmentName}`)).toEqual(['Lead · Ops', 'Lead · Sales', 'Team Lead · Sales']);
      expect((await app.ok('people.searchPositions', { query: 'lead sales' })).rows.map((p) => p.id)).toEqual([leadSales.id, teamLead.id]);
      expect((await app.ok('people.searchPositions', { ids: [clerk.id, old.id] })).rows.map((p) => [p.title, p.archived])).toEqual([['Clerk', false], ['Leader (old)', true]]);

      const { matches } = await app.ok('people.resolvePositions', { texts: ['Lead · Ops', 'lead', 'team lead', clerk.id, 'Leader (old) · Ops', 'Lead · Nowhere'] });
      expect(matches.map((hits) => hits.map((p) => p.id).sort())).toEqual([[leadOps.id], [leadSales.id, leadOps.id].sort(), [teamLead.id], [clerk.id], [], []]);
    } finally {
      await app.close();
    }
  });
});
