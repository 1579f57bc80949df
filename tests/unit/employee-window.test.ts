import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { EMPLOYEE_GRID_FIELDS, EMPLOYEE_STATUS_LABELS, type Department, type Employee, type EmployeeGridField, type EmployeeWindowQuery, type Job, type Position } from '../../src-shared/api';
import { departmentLabel, employeeLabel, jobLabel, positionLabel } from '../../src-shared/domain/people-labels';
import { openTestApp, type TestApp } from './helpers';

/*
 * The people grid's row source against a brute-force reference: every employee's text as the grid
 * shows it (labels from src-shared/domain/people-labels), filtered, sorted and sliced in plain
 * TypeScript. Text is ASCII (plus the label separator): SQLite's LIKE and NOCASE fold ASCII only.
 */

const NAME_CHARS = ['a', 'B', 'c', 'A', 'b', '_', '%', 'x'];
const name = fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 5 });
const STATUSES = ['active', 'on_leave', 'terminated'] as const;

const employeeArb = fc.record({
  firstName: name,
  lastName: name,
  email: fc.option(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 3 }), { nil: null }),
  hireDay: fc.integer({ min: 1, max: 28 }),
  status: fc.constantFrom(...STATUSES),
  location: fc.option(name, { nil: null }),
  department: fc.option(fc.nat(4), { nil: null }),
  job: fc.option(fc.nat(2), { nil: null }),
  manager: fc.option(fc.nat(5), { nil: null }),
  archived: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

interface World {
  app: TestApp;
  employees: Employee[];
  text: Map<string, Record<EmployeeGridField, string | null>>;
}

/** Departments Root > Sales > Sales_EU (labelled "Sales_EU · Sales"), Root > Ops and a top-level ops; jobs with and without a level. */
type Generated = typeof employeeArb extends fc.Arbitrary<infer T> ? T : never;

async function seedWorld(rows: Generated[]): Promise<World> {
  const app = await openTestApp();
  const [root] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Root' } }] })).rows;
  const [sales, ops] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales', parentId: root.id } }, { values: { name: 'Ops', parentId: root.id } }] })).rows;
  const [eu] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales_EU', parentId: sales.id } }] })).rows;
  // A second, top-level "ops" reads as "Ops" does (a tie of labels: sorted by name across both).
  const [ops2] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'ops' } }] })).rows;
  const departments: Department[] = [root, sales, ops, eu, ops2];
  const jobs: Job[] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Analyst', level: 'B2' } }, { values: { title: 'Clerk' } }, { values: { title: 'Boss', level: 'a1' } }] })).rows;
  const positions: Position[] = (await app.ok('people.savePositions', { rows: [{ values: { title: 'Lead', jobId: jobs[0].id, departmentId: eu.id } }] })).rows;
  const values = rows.map((r, i) => ({
    employeeNumber: `N${String(i).padStart(3, '0')}${r.firstName.slice(0, 1)}`,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email ? `${r.email}@x.org` : null,
    hireDate: `2020-01-${String(r.hireDay).padStart(2, '0')}`,
    status: r.status,
    terminationDate: r.status === 'terminated' ? '2023-05-01' : null,
    location: r.location,
    departmentId: r.department === null ? null : departments[r.department].id,
    jobId: r.job === null ? null : jobs[r.job].id,
    positionId: i === 0 ? positions[0].id : null,
  }));
  const managers = (await app.ok('people.saveEmployees', { rows: values.slice(0, 6).map((v) => ({ values: v })) })).rows;
  const others = values.length > 6 ? (await app.ok('people.saveEmployees', { rows: values.slice(6).map((v, i) => ({ values: { ...v, managerId: rows[i + 6].manager === null ? null : managers[rows[i + 6].manager!]?.id ?? null } })) })).rows : [];
  const employees = [...managers, ...others];
  const archived = employees.filter((_, i) => rows[i].archived);
  if (archived.length) await app.ok('people.archiveEmployees', { ids: archived.map((e) => e.id) });
  archived.forEach((e) => (e.archived = true));

  const departmentById = new Map(departments.map((d) => [d.id, d]));
  const byId = new Map(employees.map((e) => [e.id, e]));
  const text = new Map(
    employees.map((e) => {
      const department = e.departmentId ? departmentById.get(e.departmentId)! : null;
      const job = jobs.find((j) => j.id === e.jobId);
      const manager = e.managerId ? byId.get(e.managerId)! : null;
      const position = positions.find((p) => p.id === e.positionId);
      const shown: Record<EmployeeGridField, string | null> = {
        employeeNumber: e.employeeNumber,
        firstName: e.firstName,
        lastName: e.lastName,
        email: e.email,
        hireDate: e.hireDate,
        status: EMPLOYEE_STATUS_LABELS[e.status],
        terminationDate: e.terminationDate,
        departmentId: department && departmentLabel(department, departmentById),
        jobId: job ? jobLabel(job) : null,
        positionId: position ? positionLabel(position, departmentById.get(position.departmentId)?.name) : null,
        managerId: manager && employeeLabel(manager),
        location: e.location,
      };
      return [e.id, shown];
    }),
  );
  return { app, employees, text };
}

const compareText = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);

/** The reference: what the window should hold, worked out row by row. */
function expectedWindow(world: World, query: EmployeeWindowQuery): { ids: string[]; total: number } {
  const contains = (value: string | null, part: string) => part.trim() === '' || (value ?? '').toLowerCase().includes(part.trim().toLowerCase());
  const rows = world.employees.filter((e) => {
    if (e.archived && !query.includeArchived) return false;
    const shown = world.text.get(e.id)!;
    if (!(query.filters ?? []).every((f) => contains(shown[f.field], f.contains))) return false;
    const search = query.search?.trim();
    if (!search) return true;
    const fields = query.searchFields?.length ? query.searchFields : EMPLOYEE_GRID_FIELDS;
    return fields.some((field) => shown[field] !== null && contains(shown[field], search));
  });
  const byName = (a: Employee, b: Employee) => compareText(a.lastName, b.lastName) || compareText(a.firstName, b.firstName) || (a.id < b.id ? -1 : 1);
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
    return byName(a, b);
  });
  return { ids: rows.slice(query.offset, query.offset + query.limit).map((e) => e.id), total: rows.length };
}

const field = fc.constantFrom(...EMPLOYEE_GRID_FIELDS);
const part = fc.string({ unit: fc.constantFrom('a', 'B', '_', '%', 's', 'EU', ' · ', '(', '0', '-', 'Active', 'on'), maxLength: 2 });
const queryArb = fc.record(
  {
    offset: fc.nat(45),
    limit: fc.integer({ min: 1, max: 30 }),
    sort: fc.record({ field, desc: fc.boolean() }, { requiredKeys: ['field'] }),
    filters: fc.array(fc.record({ field, contains: part }), { maxLength: 2 }),
    search: part,
    searchFields: fc.uniqueArray(field, { minLength: 1, maxLength: 4 }),
    includeArchived: fc.boolean(),
  },
  { requiredKeys: ['offset', 'limit'] },
);

describe('people grid row source (people.listEmployeeWindow)', () => {
  it('returns the window, total, sort, column filters and quick filter the reference works out, for random employees', async () => {
    for (const seed of [1, 2, 3]) {
      const rows = fc.sample(fc.array(employeeArb, { minLength: 1, maxLength: 40 }), { seed, numRuns: 1 })[0];
      const world = await seedWorld(rows);
      await fc.assert(
        fc.asyncProperty(queryArb, async (query) => {
          const result = await world.app.ok('people.listEmployeeWindow', query);
          const expected = expectedWindow(world, query);
          expect(result.total).toBe(expected.total);
          expect(result.rows.map((r) => r.id)).toEqual(expected.ids);
        }),
        { numRuns: 150, seed },
      );
    }
  });

  it('sorts departments whose labels read the same (any case) as one, by name across them, at any offset', async () => {
    const app = await openTestApp();
    const [root] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Root' } }] })).rows;
    const [inner, top, other] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Ops', parentId: root.id } }, { values: { name: 'ops' } }, { values: { name: 'Apps' } }] })).rows;
    const base = { hireDate: '2021-02-03', status: 'active' as const };
    const people = [['Ann', 'Cole', inner], ['Bo', 'Ames', top], ['Cy', 'Dunn', top], ['Di', 'Bell', inner], ['Ed', 'Zed', other], ['Fi', 'Ash', null]] as const;
    await app.ok('people.saveEmployees', { rows: people.map(([firstName, lastName, dept], i) => ({ values: { ...base, employeeNumber: `T${i}`, firstName, lastName, departmentId: dept?.id ?? null } })) });
    const names = async (offset: number, desc = false) =>
      (await app.ok('people.listEmployeeWindow', { offset, limit: 3, sort: { field: 'departmentId', desc } })).rows.map((r) => r.lastName);
    expect([...(await names(0)), ...(await names(3))]).toEqual(['Zed', 'Ames', 'Bell', 'Cole', 'Dunn', 'Ash']);
    expect([...(await names(0, true)), ...(await names(3, true))]).toEqual(['Ames', 'Bell', 'Cole', 'Dunn', 'Zed', 'Ash']);
  });

  it('refuses a window of more than 500 rows and a column it does not know', async () => {
    const app = await openTestApp();
    expect((await app.fail('people.listEmployeeWindow', { offset: 0, limit: 501 })).code).toBe('VALIDATION');
    expect((await app.fail('people.listEmployeeWindow', { offset: 0, limit: 10, sort: { field: 'salary' } })).code).toBe('VALIDATION');
  });

  it('exports every row of the filtered view as the grid shows it, labels and all', async () => {
    const app = await openTestApp();
    const [dept] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Finance' } }] })).rows;
    const base = { hireDate: '2021-02-03', status: 'active' as const };
    const [boss] = (await app.ok('people.saveEmployees', { rows: [{ values: { ...base, employeeNumber: 'B1', firstName: 'Ada', lastName: 'Boss' } }] })).rows;
    await app.ok('people.saveEmployees', {
      rows: [
        { values: { ...base, employeeNumber: 'E2', firstName: 'Cy', lastName: 'Young', departmentId: dept.id, managerId: boss.id } },
        { values: { ...base, employeeNumber: 'E3', firstName: 'Bo', lastName: 'Adams', departmentId: dept.id, status: 'on_leave' } },
        { values: { ...base, employeeNumber: 'E4', firstName: 'Di', lastName: 'Other' } },
      ],
    });
    const columns = [
      { field: 'employeeNumber' as const, header: 'Number' },
      { field: 'lastName' as const, header: 'Last name' },
      { field: 'status' as const, header: 'Status' },
      { field: 'departmentId' as const, header: 'Department' },
      { field: 'managerId' as const, header: 'Manager' },
    ];
    const file = await app.ok('people.exportEmployees', { format: 'csv', title: 'Employees', columns, filters: [{ field: 'departmentId', contains: 'fin' }] });
    expect(file.fileName).toMatch(/^Employees \d{4}-\d{2}-\d{2}\.csv$/);
    const csv = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(Papa.parse(csv.replace(/^\uFEFF/, '')).data).toEqual([
      ['Number', 'Last name', 'Status', 'Department', 'Manager'],
      ['E3', 'Adams', 'On leave', 'Finance', ''],
      ['E2', 'Young', 'Active', 'Finance', 'Ada Boss (B1)'],
    ]);
    const all = await app.ok('people.exportEmployees', { format: 'csv', title: 'Employees', columns: columns.slice(0, 1), sort: { field: 'employeeNumber', desc: true } });
    expect(Papa.parse(Buffer.from(all.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim()).data).toEqual([['Number'], ['E4'], ['E3'], ['E2'], ['B1']]);
  });
});
