import { describe, expect, it } from 'vitest';
import type { ImportKind, ImportMapping } from '../../src-shared/api';
import { departmentOptions, employeeLabel, jobLabel, positionOptions, STATUS_OPTIONS, YES_NO } from '../../src-renderer/features/people/options';
import { openTestApp, type TestApp } from './helpers';

/*
 * What Canopy exports from a people grid, Canopy imports back unchanged: the same records,
 * the same values, the same versions, no new departments or jobs, no audit records. The
 * files are built as the grids build them (the renderer's own option labels, its
 * "label, not id" rule, admin.exportTable's CSV guard and XLSX writer).
 */

type Cell = string | number | boolean | null;
interface Column {
  id: string;
  header: string;
  options?: { value: string; label: string }[];
}

/** The grid's export rule (features/shared/grid-adapters.ts exportGrid): option labels, not ids. */
const cellOf = (column: Column, value: unknown): Cell => {
  if (value === null || value === undefined) return null;
  if (column.options) return column.options.find((o) => o.value === value)?.label ?? String(value);
  return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
};

async function references(app: TestApp) {
  const departments = (await app.ok('people.listDepartments', {})).rows;
  const allDepartments = (await app.ok('people.listDepartments', { includeArchived: true })).rows;
  const jobs = (await app.ok('people.listJobs', {})).rows;
  const positions = (await app.ok('people.listPositions', {})).rows;
  const employees = (await app.ok('people.listEmployees', { limit: 100_000 })).rows;
  return {
    departments: departmentOptions(departments),
    parentDepartments: departmentOptions(allDepartments),
    jobs: jobs.map((j) => ({ value: j.id, label: jobLabel(j) })),
    positions: positionOptions(positions, departments),
    employees: employees.map((e) => ({ value: e.id, label: employeeLabel(e) })),
    rows: { departments, jobs, positions, employees },
  };
}

/** Each people grid's columns as its page defines them (Employees with the optional Position column shown). */
async function gridExport(app: TestApp, kind: Exclude<ImportKind, 'skills'>): Promise<{ headers: string[]; rows: Cell[][] }> {
  const refs = await references(app);
  const grids: Record<typeof kind, { columns: Column[]; rows: Record<string, unknown>[] }> = {
    employees: {
      columns: [
        { id: 'employeeNumber', header: 'Number' }, { id: 'firstName', header: 'First name' }, { id: 'lastName', header: 'Last name' }, { id: 'email', header: 'Email' },
        { id: 'hireDate', header: 'Hire date' }, { id: 'status', header: 'Status', options: STATUS_OPTIONS }, { id: 'departmentId', header: 'Department', options: refs.departments },
        { id: 'jobId', header: 'Job', options: refs.jobs }, { id: 'positionId', header: 'Position', options: refs.positions }, { id: 'managerId', header: 'Manager', options: refs.employees },
        { id: 'location', header: 'Location' },
      ],
      rows: refs.rows.employees,
    },
    departments: {
      columns: [{ id: 'name', header: 'Name' }, { id: 'code', header: 'Code' }, { id: 'parentId', header: 'Parent department', options: refs.parentDepartments }, { id: 'headcount', header: 'Headcount' }],
      rows: refs.rows.departments,
    },
    jobs: {
      columns: [{ id: 'title', header: 'Title' }, { id: 'family', header: 'Job family' }, { id: 'level', header: 'Level / grade' }, { id: 'description', header: 'Description' }],
      rows: refs.rows.jobs,
    },
    positions: {
      columns: [
        { id: 'title', header: 'Title' }, { id: 'jobId', header: 'Job', options: refs.jobs }, { id: 'departmentId', header: 'Department', options: refs.departments },
        { id: 'reportsToId', header: 'Reports to', options: refs.positions }, { id: 'incumbentId', header: 'Incumbent', options: refs.employees }, { id: 'isKey', header: 'Key position', options: YES_NO },
      ],
      rows: refs.rows.positions.map((p) => ({ ...p, isKey: p.isKey ? 'yes' : 'no' })),
    },
  };
  const { columns, rows } = grids[kind];
  return { headers: columns.map((c) => c.header), rows: rows.map((row) => columns.map((c) => cellOf(c, row[c.id]))) };
}

/** Every stored row of the people tables, versions and times included, plus the audit count. */
function snapshot(app: TestApp) {
  const db = app.store().raw;
  const table = (name: string) => db.prepare(`SELECT * FROM ${name} ORDER BY id`).all();
  return { department: table('department'), job: table('job'), position: table('position'), employee: table('employee'), audit: app.count('audit_event') };
}

async function exportAndReimport(app: TestApp, kind: Exclude<ImportKind, 'skills'>, format: 'csv' | 'xlsx') {
  const grid = await gridExport(app, kind);
  const file = await app.ok('admin.exportTable', { format, title: kind, ...grid });
  const input = { kind, fileName: file.fileName, contentBase64: file.contentBase64 };
  const preview = await app.ok('admin.previewImport', input);
  const result = await app.ok('admin.commitImport', { ...input, mapping: preview.mapping });
  return { grid, preview, result };
}

describe('export → import of every people grid changes nothing', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`employees, departments, jobs and positions as ${format.toUpperCase()}`, async () => {
      const app = await openTestApp();
      await app.ok('admin.loadDemoOrganisation', { employees: 150, seed: 5 });
      // Values a spreadsheet would run as formulas: the CSV export guards them with an apostrophe.
      const [first] = (await app.ok('people.listEmployees', { limit: 1, sort: { field: 'employeeNumber' } })).rows;
      await app.ok('people.saveEmployees', { rows: [{ id: first.id, version: first.version, values: { lastName: '-Smith', location: '=Rome', email: null } }] });
      // An archived division: its teams' labels differ between the lists that show archived records and those that do not,
      // and one archived team's people show its id (the grid has no label for it).
      const divisions = (await app.ok('people.listDepartments', {})).rows.filter((d) => d.parentId && d.headcount > 0);
      await app.ok('people.archiveDepartments', { ids: [divisions[0].id, divisions[divisions.length - 1].id] });
      const before = snapshot(app);
      for (const kind of ['employees', 'departments', 'jobs', 'positions'] as const) {
        const { grid, preview, result } = await exportAndReimport(app, kind, format);
        expect(preview.issues, kind).toEqual([]);
        expect(preview.creates, kind).toEqual([]);
        expect(preview.summary, kind).toEqual({ create: 0, update: 0, unchanged: grid.rows.length });
        expect(result, kind).toEqual({ created: 0, updated: 0, unchanged: grid.rows.length });
      }
      expect(snapshot(app)).toEqual(before);
      const stored = (await app.ok('people.getEmployee', { id: first.id })).employee;
      expect(stored).toMatchObject({ lastName: '-Smith', location: '=Rome' });
    });
  }

  it('the employees export maps itself: every column to its field, labels and all', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 60, seed: 3 });
    const { preview } = await exportAndReimport(app, 'employees', 'csv');
    const expected: ImportMapping = {
      employeeNumber: 'Number', firstName: 'First name', lastName: 'Last name', email: 'Email', hireDate: 'Hire date', status: 'Status',
      department: 'Department', jobTitle: 'Job', positionTitle: 'Position', managerNumber: 'Manager', location: 'Location',
    };
    expect(preview.mapping).toEqual(expected);
  });

  it('an edited export changes only what was edited, resolving labels to the same records', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 80, seed: 9 });
    const grid = await gridExport(app, 'employees');
    const refs = await references(app);
    const manager = refs.employees[5].label; // "Name (E000006)"
    const department = refs.departments.find((d) => d.label.includes(' · '))!.label;
    grid.rows[0][grid.headers.indexOf('Manager')] = manager;
    grid.rows[0][grid.headers.indexOf('Department')] = department;
    const file = await app.ok('admin.exportTable', { format: 'csv', title: 'Employees', ...grid });
    const input = { kind: 'employees' as const, fileName: file.fileName, contentBase64: file.contentBase64 };
    const preview = await app.ok('admin.previewImport', input);
    expect(preview.issues).toEqual([]);
    expect(preview.creates).toEqual([]);
    expect(preview.summary).toEqual({ create: 0, update: 1, unchanged: grid.rows.length - 1 });
    await app.ok('admin.commitImport', { ...input, mapping: preview.mapping });
    const changed = refs.rows.employees.find((e) => e.employeeNumber === grid.rows[0][0])!;
    const after = (await app.ok('people.getEmployee', { id: changed.id })).employee;
    expect(after.managerId).toBe(refs.employees[5].value);
    expect(after.departmentId).toBe(refs.departments.find((d) => d.label === department)!.value);
    expect(after.version).toBe(changed.version + 1);
    const [audit] = (await app.ok('admin.listAuditEvents', { entity: 'employee', entityId: changed.id })).rows;
    expect(JSON.parse(audit.before!)).toEqual({ departmentId: changed.departmentId, managerId: changed.managerId });
  });
});
