import { describe, expect, it } from 'vitest';
import { employeeValues, openTestApp } from './helpers';

describe('people services', () => {
  it('creates, edits and archives an employee, auditing each change', async () => {
    const app = await openTestApp();
    const [dept] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Finance' } }] })).rows;
    const [created] = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(1, { departmentId: dept.id }) }] })).rows;
    expect(created.version).toBe(1);
    const [edited] = (await app.ok('people.saveEmployees', { rows: [{ id: created.id, version: 1, values: { lastName: 'Okafor' } }] })).rows;
    expect(edited).toMatchObject({ lastName: 'Okafor', firstName: 'First1', version: 2 });
    await app.ok('people.archiveEmployees', { ids: [created.id] });
    expect((await app.ok('people.listEmployees', {})).total).toBe(0);
    expect((await app.ok('people.listEmployees', { includeArchived: true })).rows[0].archived).toBe(true);
    const audit = await app.ok('admin.listAuditEvents', { entityId: created.id });
    expect(audit.rows.map((e) => e.action).sort()).toEqual(['archive', 'create', 'update']);
    const update = audit.rows.find((e) => e.action === 'update')!;
    expect(JSON.parse(update.before!).lastName).toBe('Last1');
    expect(JSON.parse(update.after!).lastName).toBe('Okafor');
  });

  it('refuses an edit that started from an old version (CONFLICT) and keeps the newer value', async () => {
    const app = await openTestApp();
    const [e] = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(1) }] })).rows;
    await app.ok('people.saveEmployees', { rows: [{ id: e.id, version: 1, values: { firstName: 'Ann' } }] });
    const error = await app.fail('people.saveEmployees', { rows: [{ id: e.id, version: 1, values: { firstName: 'Bob' } }] });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/changed elsewhere/);
    expect((await app.ok('people.getEmployee', { id: e.id })).employee.firstName).toBe('Ann');
  });

  it('rejects duplicate employee numbers, in the batch or stored, and saves nothing', async () => {
    const app = await openTestApp();
    await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(1) }] });
    const auditBefore = app.count('audit_event');
    const error = await app.fail('people.saveEmployees', { rows: [{ values: employeeValues(2) }, { values: employeeValues(1) }] });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([expect.objectContaining({ row: 2, field: 'employeeNumber', message: expect.stringMatching(/already used/) })]);
    expect(app.count('employee')).toBe(1);
    expect(app.count('audit_event')).toBe(auditBefore);
  });

  it('rejects a reporting loop', async () => {
    const app = await openTestApp();
    const [a] = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(1) }] })).rows;
    const [b] = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(2, { managerId: a.id }) }] })).rows;
    const error = await app.fail('people.saveEmployees', { rows: [{ id: a.id, version: a.version, values: { managerId: b.id } }] });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/reporting loop/);
    const self = await app.fail('people.saveEmployees', { rows: [{ id: a.id, version: a.version, values: { managerId: a.id } }] });
    expect(self.message).toMatch(/own manager/);
  });

  it('rejects a department placed under its own descendant', async () => {
    const app = await openTestApp();
    const [top] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Top' } }] })).rows;
    const [child] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Child', parentId: top.id } }] })).rows;
    const [grandchild] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Grandchild', parentId: child.id } }] })).rows;
    const error = await app.fail('people.saveDepartments', { rows: [{ id: top.id, version: top.version, values: { parentId: grandchild.id } }] });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/cannot sit under itself/);
    expect((await app.ok('people.listDepartments', {})).rows.find((d) => d.id === top.id)!.parentId).toBeNull();
  });

  it('rejects a date that does not exist, naming the row and field', async () => {
    const app = await openTestApp();
    const error = await app.fail('people.saveEmployees', { rows: [{ values: employeeValues(1, { hireDate: '2023-02-29' }) }] });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues![0]).toMatchObject({ row: 1, field: 'hireDate' });
    expect(app.count('employee')).toBe(0);
  });

  it('keeps one incumbent per position and moves it when reassigned', async () => {
    const app = await openTestApp();
    const [dept] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Ops' } }] })).rows;
    const [job] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Analyst', level: 'L2' } }] })).rows;
    const people = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(1) }, { values: employeeValues(2) }] })).rows;
    const [pos] = (await app.ok('people.savePositions', { rows: [{ values: { title: 'Analyst', jobId: job.id, departmentId: dept.id, incumbentId: people[0].id, isKey: true } }] })).rows;
    expect(pos).toMatchObject({ incumbentId: people[0].id, isKey: true });
    const [moved] = (await app.ok('people.savePositions', { rows: [{ id: pos.id, version: pos.version, values: { incumbentId: people[1].id } }] })).rows;
    expect(moved.incumbentId).toBe(people[1].id);
    const former = (await app.ok('people.getEmployee', { id: people[0].id })).employee;
    expect(former.positionId).toBeNull();
    const taken = await app.fail('people.saveEmployees', { rows: [{ id: people[0].id, version: former.version, values: { positionId: pos.id } }] });
    expect(taken.message).toMatch(/already has an incumbent/);
  });

  it('rejects duplicate job titles at the same level', async () => {
    const app = await openTestApp();
    await app.ok('people.saveJobs', { rows: [{ values: { title: 'Engineer', level: 'L1' } }] });
    await app.ok('people.saveJobs', { rows: [{ values: { title: 'Engineer', level: 'L2' } }] });
    const error = await app.fail('people.saveJobs', { rows: [{ values: { title: 'engineer', level: 'L1' } }] });
    expect(error.message).toMatch(/already exists/);
  });

  it('pages, sorts and filters employees in SQL, including sub-departments', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 300 });
    const depts = (await app.ok('people.listDepartments', {})).rows;
    const engineering = depts.find((d) => d.name === 'Engineering')!;
    const page = await app.ok('people.listEmployees', { departmentId: engineering.id, includeSubdepartments: true, limit: 20, sort: { field: 'name' } });
    expect(page.rows).toHaveLength(20);
    expect(page.total).toBeGreaterThan(50);
    const names = page.rows.map((r) => `${r.lastName} ${r.firstName}`.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || 0));
    const direct = await app.ok('people.listEmployees', { departmentId: engineering.id });
    expect(direct.total).toBeLessThan(page.total);
    const search = await app.ok('people.listEmployees', { search: page.rows[0].employeeNumber });
    expect(search.rows[0].id).toBe(page.rows[0].id);
  });

  it('builds the org tree with total headcounts', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 200 });
    const { nodes } = await app.ok('people.getOrgTree', {});
    const root = nodes.find((n) => n.parentId === null)!;
    const active = (await app.ok('people.listEmployees', { limit: 1 })).total;
    const terminated = (await app.ok('people.listEmployees', { status: 'terminated', limit: 1 })).total;
    expect(root.totalHeadcount).toBe(active - terminated);
  });
});
