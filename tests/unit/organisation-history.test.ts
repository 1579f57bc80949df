import path from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { storeSchema } from '../../src-main/areas';
import type { ServiceContext } from '../../src-main/services/context';
import { assignmentsAsOf, employeeAsOf } from '../../src-main/services/people/assignments';
import { openStore } from '../../src-main/store/data-source';
import { assignmentSteps, dayBefore, localToday, settleTermination } from '../../src-shared/domain/organisation';
import { employeeValues, openTestApp, tempDir, type TestApp } from './helpers';

/** A context for calling the "as of" service functions directly, as calibration and succession do. */
const contextOf = (app: TestApp) => ({ store: app.store() }) as unknown as ServiceContext;

describe('organisation history (domain)', () => {
  const row = (effectiveDate: string, recordedAt: string, jobId: string, departmentId = 'd1') => ({ effectiveDate, recordedAt, jobId, departmentId, managerId: null, positionId: null });

  it('turns rows into dated steps: the last recorded of a day counts, steps that change nothing are left out', () => {
    const steps = assignmentSteps([
      row('2024-05-01', 't3', 'j2'),
      row('2020-01-01', 't1', 'j1'),
      row('2024-05-01', 't4', 'j3', 'd2'), // a same-day correction
      row('2025-01-01', 't5', 'j3', 'd2'), // changes nothing
    ]);
    expect(steps.map((s) => [s.effectiveDate, s.jobId, s.changed])).toEqual([
      ['2020-01-01', 'j1', []],
      ['2024-05-01', 'j3', ['departmentId', 'jobId']],
    ]);
  });

  it('settles a one-cell edit of status or termination date, and leaves a both-at-once edit as it is', () => {
    expect(settleTermination({ status: 'active', terminationDate: '2025-01-31' }, ['terminationDate'])).toEqual({ status: 'terminated', terminationDate: '2025-01-31' });
    expect(settleTermination({ status: 'on_leave', terminationDate: '2025-01-31' }, ['status'])).toEqual({ status: 'on_leave', terminationDate: null });
    expect(settleTermination({ status: 'active', terminationDate: '2025-01-31' }, ['status', 'terminationDate'])).toEqual({ status: 'active', terminationDate: '2025-01-31' });
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });
});

async function organisation(app: TestApp) {
  const [ops, sales] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Ops' } }, { values: { name: 'Sales' } }] })).rows;
  const [analyst, senior] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Analyst' } }, { values: { title: 'Senior analyst' } }] })).rows;
  const [ann] = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(1, { firstName: 'Ann', departmentId: ops.id, jobId: analyst.id }) }] })).rows;
  return { ops, sales, analyst, senior, ann };
}

const jobOn = async (app: TestApp, employeeId: string, asOf: string) =>
  (await app.ok('people.listEmployees', { asOf, limit: 1000 })).rows.find((e) => e.id === employeeId)?.jobId;

describe('effective-dated organisation', () => {
  it('a job change recorded with an effective date shows the old job as of the day before', async () => {
    const app = await openTestApp();
    const { analyst, senior, ann } = await organisation(app);
    await app.ok('people.saveEmployees', { rows: [{ id: ann.id, version: ann.version, values: { jobId: senior.id, effectiveDate: '2025-05-01' } }] });

    expect(await jobOn(app, ann.id, '2025-04-30')).toBe(analyst.id);
    expect(await jobOn(app, ann.id, '2025-05-01')).toBe(senior.id);
    expect((await app.ok('people.getEmployee', { id: ann.id })).employee.jobId).toBe(senior.id);
    // The same answer from the service functions calibration and succession call.
    const ctx = contextOf(app);
    expect(employeeAsOf(ctx, ann.id, '2025-04-30')).toMatchObject({ jobId: analyst.id });
    expect(assignmentsAsOf(ctx, '2025-05-01')).toEqual([expect.objectContaining({ employeeId: ann.id, jobId: senior.id })]);
    // Before the hire date she was not there at all.
    expect(employeeAsOf(ctx, ann.id, '2022-02-28')).toBeNull();
    expect((await app.ok('people.listEmployees', { asOf: '2022-02-28' })).total).toBe(0);

    const { history } = await app.ok('people.getEmployee', { id: ann.id });
    expect(history.map((step) => [step.effectiveDate, step.jobTitle, step.changed])).toEqual([
      ['2022-03-01', 'Analyst', []],
      ['2025-05-01', 'Senior analyst', ['jobId']],
    ]);
  });

  it('takes effect today unless told otherwise; refuses a future date and one before the hire date, saving nothing', async () => {
    const app = await openTestApp();
    const { sales, ann } = await organisation(app);
    const refused = await app.fail('people.saveEmployees', { rows: [{ id: ann.id, version: ann.version, values: { departmentId: sales.id, effectiveDate: '2199-01-01' } }] });
    expect(refused.message).toMatch(/cannot take effect in the future/);
    expect(refused.issues).toEqual([expect.objectContaining({ field: 'effectiveDate' })]);
    const early = await app.fail('people.saveEmployees', { rows: [{ id: ann.id, version: ann.version, values: { departmentId: sales.id, effectiveDate: '2022-02-01' } }] });
    expect(early.message).toMatch(/before the hire date \(2022-03-01\)/);
    expect(app.count('employee_assignment')).toBe(1);
    expect((await app.ok('people.getEmployee', { id: ann.id })).employee.departmentId).not.toBe(sales.id);

    await app.ok('people.saveEmployees', { rows: [{ id: ann.id, version: ann.version, values: { departmentId: sales.id } }] });
    const { history } = await app.ok('people.getEmployee', { id: ann.id });
    expect(history.at(-1)).toMatchObject({ effectiveDate: localToday(), departmentName: 'Sales', changed: ['departmentId'] });
  });

  it('an edit holds from its date on: a back-dated change is not undone by a later row that carried the old value', async () => {
    const app = await openTestApp();
    const { ops, sales, analyst, senior, ann } = await organisation(app);
    const [moved] = (await app.ok('people.saveEmployees', { rows: [{ id: ann.id, version: ann.version, values: { departmentId: sales.id, effectiveDate: '2024-01-01' } }] })).rows;
    await app.ok('people.saveEmployees', { rows: [{ id: ann.id, version: moved.version, values: { jobId: senior.id, effectiveDate: '2023-06-01' } }] });
    const on = async (date: string) => {
      const row = (await app.ok('people.listEmployees', { asOf: date })).rows[0];
      return [row.departmentId, row.jobId];
    };
    expect(await on('2023-05-31')).toEqual([ops.id, analyst.id]);
    expect(await on('2023-06-01')).toEqual([ops.id, senior.id]);
    expect(await on('2024-01-01')).toEqual([sales.id, senior.id]);
    const { history, employee } = await app.ok('people.getEmployee', { id: ann.id });
    expect([employee.departmentId, employee.jobId]).toEqual([sales.id, senior.id]);
    expect(history.map((s) => [s.effectiveDate, s.changed])).toEqual([['2022-03-01', []], ['2023-06-01', ['jobId']], ['2024-01-01', ['departmentId']]]);
    // The as-of filters use the department of that day.
    expect((await app.ok('people.listEmployees', { asOf: '2023-12-31', departmentId: ops.id })).total).toBe(1);
    expect((await app.ok('people.listEmployees', { asOf: '2023-12-31', departmentId: sales.id })).total).toBe(0);
    // The people grid's window as of a day filters and shows the department of that day too.
    const window = (asOf: string) => app.ok('people.listEmployeeWindow', { asOf, offset: 0, limit: 10, filters: [{ field: 'departmentId', contains: 'ops' }] });
    expect((await window('2023-12-31')).rows.map((e) => e.departmentId)).toEqual([ops.id]);
    expect((await window('2024-01-01')).total).toBe(0);
  });

  it('moving a position incumbent writes the history too', async () => {
    const app = await openTestApp();
    const { ops, analyst, ann } = await organisation(app);
    const [lead] = (await app.ok('people.savePositions', { rows: [{ values: { title: 'Lead', jobId: analyst.id, departmentId: ops.id, incumbentId: ann.id } }] })).rows;
    expect(lead.incumbentId).toBe(ann.id);
    expect((await app.ok('people.getEmployee', { id: ann.id })).history.at(-1)).toMatchObject({ effectiveDate: localToday(), positionTitle: 'Lead', changed: ['positionId'] });
  });

  it('an import writes the history: new people from their hire date, moved people from today', async () => {
    const app = await openTestApp();
    const { ann } = await organisation(app);
    const csv = ['Employee number,First name,Last name,Hire date,Department,Job title', 'T0001,Ann,Last1,2022-03-01,Imported dept,Analyst', 'N1,Ned,New,2024-02-01,Ops,Analyst'].join('\n');
    const file = { kind: 'employees' as const, fileName: 'people.csv', contentBase64: Buffer.from(csv).toString('base64') };
    const preview = await app.ok('admin.previewImport', file);
    await app.ok('admin.commitImport', { ...file, mapping: preview.mapping });
    const ned = (await app.ok('people.listEmployees', { search: 'Ned' })).rows[0];
    expect((await app.ok('people.getEmployee', { id: ned.id })).history.map((s) => [s.effectiveDate, s.departmentName, s.jobTitle])).toEqual([['2024-02-01', 'Ops', 'Analyst']]);
    expect((await app.ok('people.getEmployee', { id: ann.id })).history.map((s) => [s.effectiveDate, s.departmentName, s.changed])).toEqual([
      ['2022-03-01', 'Ops', []],
      [localToday(), 'Imported dept', ['departmentId']],
    ]);
  });
});

describe('termination date', () => {
  it('is required with "terminated" and refused without it, with messages that name the field by its label', async () => {
    const app = await openTestApp();
    const missing = await app.fail('people.saveEmployees', { rows: [{ values: employeeValues(1) }, { values: employeeValues(2, { status: 'terminated' }) }] });
    expect(missing.message).toBe('Row 2, Termination date: Termination date is required when the status is Terminated. Nothing was saved.');
    const stray = await app.fail('people.saveEmployees', { rows: [{ values: employeeValues(1, { terminationDate: '2024-01-31' }) }] });
    expect(stray.message).toMatch(/Only a terminated employee has a termination date/);
    const early = await app.fail('people.saveEmployees', { rows: [{ values: employeeValues(1, { status: 'terminated', terminationDate: '2021-12-31' }) }] });
    expect(early.message).toMatch(/cannot be before the hire date \(2022-03-01\)/);
    const future = await app.fail('people.saveEmployees', { rows: [{ values: employeeValues(1, { status: 'terminated', terminationDate: '2199-12-31' }) }] });
    expect(future.message).toMatch(/cannot be in the future/);
    expect(app.count('employee')).toBe(0);
  });

  it('one cell at a time: a termination date makes the person terminated, another status clears it', async () => {
    const app = await openTestApp();
    const [ann] = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(1) }] })).rows;
    const [left] = (await app.ok('people.saveEmployees', { rows: [{ id: ann.id, version: ann.version, values: { terminationDate: '2025-03-31' } }] })).rows;
    expect([left.status, left.terminationDate]).toEqual(['terminated', '2025-03-31']);
    // Editing another field of someone terminated keeps the date.
    const [moved] = (await app.ok('people.saveEmployees', { rows: [{ id: ann.id, version: left.version, values: { location: 'Berlin' } }] })).rows;
    expect(moved.terminationDate).toBe('2025-03-31');
    const back = await app.fail('people.saveEmployees', { rows: [{ id: ann.id, version: moved.version, values: { status: 'terminated', terminationDate: null } }] });
    expect(back.message).toMatch(/Termination date is required/);
    const [rehired] = (await app.ok('people.saveEmployees', { rows: [{ id: ann.id, version: moved.version, values: { status: 'active' } }] })).rows;
    expect([rehired.status, rehired.terminationDate]).toEqual(['active', null]);
  });

  it('as of a date, someone who left later was still there (active) and is gone the day after their last day', async () => {
    const app = await openTestApp();
    await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(1, { status: 'terminated', terminationDate: '2025-03-31' }) }] });
    expect((await app.ok('people.listEmployees', { asOf: '2025-03-31' })).rows.map((e) => e.status)).toEqual(['active']);
    expect((await app.ok('people.listEmployees', { asOf: '2025-03-31', status: 'active' })).total).toBe(1);
    expect((await app.ok('people.listEmployees', { asOf: '2025-04-01' })).total).toBe(0);
    expect((await app.ok('people.listEmployees', {})).rows.map((e) => [e.status, e.terminationDate])).toEqual([['terminated', '2025-03-31']]);
  });
});

describe('org tree', () => {
  it('names a head only when the data says who heads the department: the holder of its one top position', async () => {
    const app = await openTestApp();
    const [group] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Group' } }] })).rows;
    const [team, flat, empty] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Team', parentId: group.id } }, { values: { name: 'Flat', parentId: group.id } }, { values: { name: 'Empty' } }] })).rows;
    const [job] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Engineer' } }] })).rows;
    const people = (await app.ok('people.saveEmployees', {
      rows: [1, 2, 3, 4].map((n) => ({ values: employeeValues(n, { firstName: ['Ceo', 'Lead', 'Dev', 'Solo'][n - 1], departmentId: [group.id, team.id, team.id, flat.id][n - 1], jobId: job.id }) })),
    })).rows;
    const [ceo, lead] = (await app.ok('people.savePositions', {
      rows: [{ values: { title: 'Chief', jobId: job.id, departmentId: group.id, incumbentId: people[0].id } }, { values: { title: 'Team lead', jobId: job.id, departmentId: team.id, incumbentId: people[1].id } }],
    })).rows;
    await app.ok('people.savePositions', {
      rows: [
        { id: lead.id, version: lead.version, values: { reportsToId: ceo.id } },
        { values: { title: 'Developer', jobId: job.id, departmentId: team.id, reportsToId: lead.id, incumbentId: people[2].id } },
        // Two positions at the top of Flat: nobody can be named its head.
        { values: { title: 'Flat A', jobId: job.id, departmentId: flat.id, incumbentId: people[3].id } },
        { values: { title: 'Flat B', jobId: job.id, departmentId: flat.id } },
      ],
    });
    const { nodes } = await app.ok('people.getOrgTree', {});
    const byName = new Map(nodes.map((n) => [n.name, n]));
    expect(byName.get('Group')).toMatchObject({ headName: 'Ceo Last1', headPosition: 'Chief', headcount: 1, totalHeadcount: 4 });
    expect(byName.get('Team')).toMatchObject({ headName: 'Lead Last2', headPosition: 'Team lead', headcount: 2 });
    expect(byName.get('Flat')).toMatchObject({ headName: null, headPosition: null, headcount: 1 });
    expect(byName.get('Empty')).toMatchObject({ headName: null, headcount: 0 });
    expect(empty.id).toBeTruthy();

    // As of before anyone was hired, nobody is counted or named.
    const before = await app.ok('people.getOrgTree', { asOf: '2022-02-28' });
    expect(before.nodes.every((n) => n.headcount === 0 && n.headName === null)).toBe(true);
  });
});

/** A file at schema version `version`: the first `version` migrations, as TypeORM runs them. */
async function fileAtVersion(file: string, version: number): Promise<void> {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], migrations: storeSchema.migrations.slice(0, version), migrationsTableName: 'migrations' });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  await dataSource.destroy();
  const db = new Database(file);
  db.pragma(`user_version = ${version}`);
  db.close();
}

describe('upgrading a file', () => {
  it('gives terminated people a termination date from the best evidence, and everyone a history from their hire date', async () => {
    const file = path.join(tempDir(), 'v9.sqlite');
    await fileAtVersion(file, 9);
    const db = new Database(file);
    const person = db.prepare(`INSERT INTO employee (id, employee_number, first_name, last_name, hire_date, status, department_id, created_at, updated_at, version)
      VALUES (?, ?, ?, 'X', ?, ?, NULL, '2020-01-01T00:00:00Z', ?, 1)`);
    person.run('a', 'E1', 'Audited', '2020-01-01', 'terminated', '2025-09-09T10:00:00Z');
    person.run('b', 'E2', 'Updated', '2020-01-01', 'terminated', '2025-08-08T10:00:00Z');
    person.run('c', 'E3', 'Late', '2025-12-01', 'terminated', '2025-07-07T10:00:00Z');
    person.run('d', 'E4', 'Active', '2021-05-05', 'active', '2025-06-06T10:00:00Z');
    const audit = db.prepare(`INSERT INTO audit_event (id, at, actor, entity, entity_id, action, before, after) VALUES (?, ?, 'Ann', 'employee', 'a', 'update', ?, ?)`);
    audit.run('1', '2025-03-15T09:00:00Z', '{"status":"active"}', '{"status":"terminated"}');
    audit.run('2', '2025-04-01T09:00:00Z', '{"status":"terminated","location":"A"}', '{"status":"terminated","location":"B"}');
    db.close();

    const store = await openStore(file, storeSchema);
    expect(store.raw.prepare(`SELECT id, termination_date AS date FROM employee ORDER BY id`).all()).toEqual([
      { id: 'a', date: '2025-03-15' }, // the audit log says when the status became terminated
      { id: 'b', date: '2025-08-08' }, // else the day the record was last updated
      { id: 'c', date: '2025-12-01' }, // never before the hire date
      { id: 'd', date: null },
    ]);
    expect(store.raw.prepare(`SELECT employee_id AS id, effective_date AS date, source FROM employee_assignment ORDER BY employee_id`).all()).toEqual([
      { id: 'a', date: '2020-01-01', source: 'upgrade' },
      { id: 'b', date: '2020-01-01', source: 'upgrade' },
      { id: 'c', date: '2025-12-01', source: 'upgrade' },
      { id: 'd', date: '2021-05-05', source: 'upgrade' },
    ]);
    expect(store.raw.prepare(`SELECT count(*) AS n FROM employee_assignment WHERE id NOT GLOB '????????-????-4???-[89ab]???-????????????'`).get()).toEqual({ n: 0 });
    await store.close();
  });
});
