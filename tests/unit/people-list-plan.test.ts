// The people page shows 100 people at a time: the query must not sort everyone to do it. Checked
// with EXPLAIN QUERY PLAN on a few thousand people, for every sort and the usual filters.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmployeeQuery } from '../../src-shared/api';
import { buildEmployeeQuery, planEmployeePage, SORT_MATCHES_UP_TO } from '../../src-main/services/people/employees';
import { createAppHost, type AppHost } from '../../src-main/app-host';

const SORTS = ['name', 'lastName', 'firstName', 'employeeNumber', 'hireDate', 'email', 'status', 'location'];
const FIRST = ['Ann', 'bob', 'Cem', 'dana', 'Eli', 'Fay', 'Gus', 'hana'];
const LAST = ['Archer', 'baker', 'Cole', 'Dunn', 'evans', 'Ford', 'Gray', 'Hill', 'Ito', 'jones'];
const LOCATIONS = ['London', 'Berlin', 'Remote', null];

/** 5,000 people: 3,000 in Engineering's teams, 1,950 in Sales, 50 in a small Legal team; some archived, some gone. */
function buildPeople(db: Database.Database) {
  const department = db.prepare(`INSERT INTO department (id, name, parent_id, created_at, updated_at) VALUES (?, ?, ?, 'now', 'now')`);
  const make = (name: string, parent: string | null) => {
    const id = randomUUID();
    department.run(id, name, parent);
    return id;
  };
  const root = make('Company', null);
  const engineering = make('Engineering', root);
  const teams = ['Web', 'Data', 'Platform'].map((name) => make(name, engineering));
  const sales = make('Sales', root);
  const legal = make('Legal', root);
  const person = db.prepare(`INSERT INTO employee (id, employee_number, first_name, last_name, email, hire_date, status, department_id, location, archived, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'now', 'now')`);
  for (let i = 0; i < 5000; i++) {
    const departmentId = i < 3000 ? teams[i % 3] : i < 4950 ? sales : legal;
    const status = i % 29 === 0 ? 'terminated' : i % 13 === 0 ? 'on_leave' : 'active';
    person.run(randomUUID(), `E${String(i).padStart(5, '0')}`, FIRST[i % 8], LAST[(i * 7) % 10], i % 11 === 0 ? null : `p${i}@example.com`,
      `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`, status, departmentId, LOCATIONS[i % 4], i % 37 === 0 ? 1 : 0);
  }
  return { engineering, sales, legal, web: teams[0] };
}

const planOf = (db: Database.Database, sql: string, params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);

describe('the people page query', () => {
  let app: AppHost;
  let db: Database.Database;
  let ids: ReturnType<typeof buildPeople>;
  // One organisation for every test here (tempDir() goes after each test, so the file lives elsewhere).
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'canopy-people-plan-'));
  beforeAll(async () => {
    app = await createAppHost(path.join(folder, 'people.sqlite'), { validateOutput: true });
    db = app.store().raw;
    ids = buildPeople(db);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('walks an index in the sort order instead of sorting every match, for every sort and the usual filters', async () => {
    const filters: Partial<EmployeeQuery>[] = [
      {},
      { includeArchived: true },
      { departmentId: ids.engineering, includeSubdepartments: true },
      { departmentId: ids.sales },
      { status: 'active' },
      { location: 'london' },
      { search: 'an' },
    ];
    for (const sort of SORTS) {
      for (const desc of [false, true]) {
        for (const filter of filters) {
          const query = { limit: 100, sort: { field: sort, desc }, ...filter } as EmployeeQuery;
          const page = planEmployeePage(db, query);
          const plan = planOf(db, page.sql, page.params).join(' | ');
          const label = `${sort}${desc ? ' desc' : ''} ${JSON.stringify(filter)}: ${plan}`;
          expect(page.total, label).toBeGreaterThan(SORT_MATCHES_UP_TO);
          // Ties (same name, same date) may be put in id order; everyone may not be sorted.
          expect(plan, label).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
        }
      }
    }
  });

  it('finds a small department by its index and sorts only its people', async () => {
    for (const query of [{ departmentId: ids.legal }, { departmentId: ids.legal, includeSubdepartments: true }]) {
      const page = planEmployeePage(db, { limit: 100, sort: { field: 'hireDate' }, ...query });
      expect(page.total).toBe(48);
      expect(planOf(db, page.sql, page.params).join(' | ')).toMatch(/SEARCH e USING (COVERING )?INDEX employee_(department|filters)/);
    }
  });

  it('counts from the headcount tally (department, status, archived) or an index alone, the same number as counting the people', async () => {
    const filters: Partial<EmployeeQuery>[] = [
      {},
      { includeArchived: true },
      { departmentId: ids.engineering, includeSubdepartments: true },
      { departmentId: ids.web },
      { departmentId: ids.engineering },
      { departmentId: ids.sales, status: 'on_leave' },
      { status: 'terminated', includeArchived: true },
      { departmentId: ids.engineering, includeSubdepartments: true, location: 'london' },
      { search: 'an' },
    ];
    const teams = new Set([ids.engineering, ...(db.prepare(`SELECT id FROM department WHERE parent_id = ?`).all(ids.engineering) as { id: string }[]).map((d) => d.id)]);
    const people = db.prepare(`SELECT department_id AS departmentId, status, archived, location, first_name || ' ' || last_name || ' ' || employee_number || ' ' || coalesce(email, '') AS text FROM employee`).all() as {
      departmentId: string; status: string; archived: number; location: string | null; text: string;
    }[];
    for (const filter of filters) {
      const { countSql, params } = buildEmployeeQuery({ limit: 100, ...filter });
      expect(planOf(db, countSql, params).join(' | '), JSON.stringify(filter)).toMatch(filter.search || filter.location ? /USING COVERING INDEX/ : /employee_headcount|SCAN h|SEARCH h/);
      const expected = people.filter((p) =>
        (filter.includeArchived || !p.archived) &&
        (!filter.departmentId || (filter.includeSubdepartments ? teams.has(p.departmentId) : p.departmentId === filter.departmentId)) &&
        (!filter.status || p.status === filter.status) &&
        (!filter.location || p.location?.toLowerCase() === filter.location) &&
        (!filter.search || p.text.toLowerCase().includes(filter.search))).length;
      expect((db.prepare(countSql).get(...params) as { total: number }).total, JSON.stringify(filter)).toBe(expected);
    }
  });

  it('gives the same pages either way it reads them: by name, last name first, then first name, then id', async () => {
    const everyone = db.prepare(`SELECT id, first_name AS firstName, last_name AS lastName, department_id AS departmentId FROM employee WHERE archived = 0`).all() as { id: string; firstName: string; lastName: string; departmentId: string }[];
    const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const byName = (a: (typeof everyone)[number], b: (typeof everyone)[number]) =>
      fold(a.lastName).localeCompare(fold(b.lastName), 'en') || fold(a.firstName).localeCompare(fold(b.firstName), 'en') || (a.id < b.id ? -1 : 1);
    const engineeringTeams = new Set((db.prepare(`SELECT id FROM department WHERE parent_id = ?`).all(ids.engineering) as { id: string }[]).map((d) => d.id));
    const expected = everyone.filter((e) => engineeringTeams.has(e.departmentId)).sort(byName).map((e) => e.id);
    for (const offset of [0, 100, 1500]) {
      const result = await app.call('people.listEmployees', { limit: 100, offset, sort: { field: 'name' }, departmentId: ids.engineering, includeSubdepartments: true });
      if (!result.ok) throw new Error(result.error.message);
      const response = result.data as { total: number; rows: { id: string }[] };
      expect(response.total).toBe(expected.length);
      expect(response.rows.map((row) => row.id)).toEqual(expected.slice(offset, offset + 100));
    }
  });
});
