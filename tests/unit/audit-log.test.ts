import { describe, expect, it } from 'vitest';
import { auditFieldChanges, auditFieldLabel, formatAuditValue, humanise } from '../../src-shared/domain/audit';
import { employeeValues, openTestApp } from './helpers';

describe('the audit log in words (domain)', () => {
  it('lists what moved in an edit, what a creation set, and nothing technical', () => {
    expect(auditFieldChanges({ id: 'x', version: 1, lastName: 'Ng', email: null, archived: 0 }, { id: 'x', version: 2, lastName: 'Ong', email: null, archived: false })).toEqual([
      { field: 'lastName', kind: 'changed', before: 'Ng', after: 'Ong' },
    ]);
    expect(auditFieldChanges(null, { id: 'x', createdAt: 'now', name: 'Ops', code: null })).toEqual([{ field: 'name', kind: 'set', before: null, after: 'Ops' }]);
    expect(auditFieldChanges({ status: 'draft' }, { status: 'open', invited: 12 })).toEqual([
      { field: 'status', kind: 'changed', before: 'draft', after: 'open' },
      { field: 'invited', kind: 'set', before: null, after: 12 },
    ]);
    expect(auditFieldChanges(null, null)).toEqual([]);
  });

  it('names fields by their labels and shows values as the UI does', () => {
    expect(auditFieldLabel('employee', 'hireDate')).toBe('Hire date');
    expect(auditFieldLabel('department', 'parentId')).toBe('Parent department');
    expect(auditFieldLabel('review_cycle', 'somethingNew')).toBe('Something new');
    expect(humanise('reviewsCreated')).toBe('Reviews created');
    expect(formatAuditValue('archived', 1)).toBe('Yes');
    expect(formatAuditValue('stretch', false)).toBe('No');
    expect(formatAuditValue('launchedAt', '2026-03-01T14:05:09.123Z')).toBe('2026-03-01 14:05 UTC');
    expect(formatAuditValue('hireDate', '2026-03-01')).toBe('2026-03-01');
    expect(formatAuditValue('levels', [1, 2, 3])).toBe('3 items');
    expect(formatAuditValue('email', null)).toBeNull();
  });
});

describe('the audit log', () => {
  it('shows a changed field as before → after with the record by name, references and statuses by their labels', async () => {
    const app = await openTestApp();
    const [ops] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Ops' } }] })).rows;
    const [analyst, senior] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Analyst' } }, { values: { title: 'Analyst', level: 'L2' } }] })).rows;
    const [ann] = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(1, { firstName: 'Ann', lastName: 'Lee', departmentId: ops.id, jobId: analyst.id }) }] })).rows;
    await app.ok('people.saveEmployees', { rows: [{ id: ann.id, version: ann.version, values: { jobId: senior.id, status: 'on_leave' } }] });

    const { rows, total } = await app.ok('admin.listAuditEvents', { entity: 'employee', entityId: ann.id });
    expect(total).toBe(2);
    const [edit, creation] = rows;
    expect(edit).toMatchObject({ entityLabel: 'Employee', recordLabel: 'Ann Lee (T0001)', recordExists: true, actionLabel: 'Changed' });
    expect(edit.changes).toEqual([
      { field: 'status', label: 'Status', kind: 'changed', before: 'Active', after: 'On leave' },
      { field: 'jobId', label: 'Job', kind: 'changed', before: 'Analyst', after: 'Analyst (L2)' },
    ]);
    expect(creation.actionLabel).toBe('Created');
    expect(creation.changes).toContainEqual({ field: 'departmentId', label: 'Department', kind: 'set', before: null, after: 'Ops' });
    expect(creation.changes).toContainEqual({ field: 'hireDate', label: 'Hire date', kind: 'set', before: null, after: '2022-03-01' });
    // The raw payload stays available for the "raw" view.
    expect(JSON.parse(edit.after!).jobId).toBe(senior.id);

    await app.ok('people.archiveEmployees', { ids: [ann.id] });
    const [archive] = (await app.ok('admin.listAuditEvents', { entityId: ann.id, limit: 1 })).rows;
    expect(archive).toMatchObject({ actionLabel: 'Archived', changes: [{ field: 'archived', label: 'Archived', kind: 'changed', before: 'No', after: 'Yes' }] });
  });

  it('names a record that no longer exists by its last known name, and skill levels by their labels', async () => {
    const app = await openTestApp();
    const [type] = (await app.ok('skills.saveSkillTypes', { rows: [{ values: { name: 'Technical' } }] })).rows;
    const model = await app.ok('skills.saveRatingModel', { name: 'Three', levels: [{ label: 'Basic', factor: 2 }, { label: 'Solid', factor: 5 }, { label: 'Expert', factor: 8 }] });
    const [sql] = (await app.ok('skills.saveSkills', { rows: [{ values: { name: 'SQL', skillTypeId: type.id, ratingModelId: model.id } }] })).rows;
    const [buyer] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Buyer' } }] })).rows;
    await app.ok('skills.saveRequirements', { changes: [{ jobId: buyer.id, skillId: sql.id, level: 2 }] });
    await app.ok('skills.saveRequirements', { changes: [{ jobId: buyer.id, skillId: sql.id, level: 3 }] });
    await app.ok('skills.saveRequirements', { changes: [{ jobId: buyer.id, skillId: sql.id, level: null }] });
    const { rows } = await app.ok('admin.listAuditEvents', { entity: 'job_skill' });
    expect(rows.map((r) => [r.actionLabel, r.recordLabel, r.recordExists])).toEqual([
      ['Deleted', 'Buyer – SQL', false],
      ['Changed', 'Buyer – SQL', false],
      ['Created', 'Buyer – SQL', false],
    ]);
    expect(rows[1].changes).toEqual([{ field: 'level', label: 'Level', kind: 'changed', before: 'Solid (2)', after: 'Expert (3)' }]);
  });

  it('filters by record, person, type and time, a page at a time, and finds records by name', async () => {
    const app = await openTestApp();
    await app.ok('admin.updateSettings', { actorName: 'Ann Admin' });
    const [ops] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Operations' } }] })).rows;
    await app.ok('admin.updateSettings', { actorName: 'Bo Boss' });
    await app.ok('people.saveJobs', { rows: [1, 2, 3].map((n) => ({ values: { title: `Job ${n}` } })) });

    const all = await app.ok('admin.listAuditEvents', {});
    expect(all.total).toBe(6); // two settings changes, a department, three jobs
    // The first settings change was made under the computer's user name, before a name was set.
    expect(all.actors).toHaveLength(3);
    expect(all.actors).toEqual(expect.arrayContaining(['Ann Admin', 'Bo Boss']));
    expect(all.entities).toEqual([{ value: 'department', label: 'Department' }, { value: 'job', label: 'Job' }, { value: 'setting', label: 'Setting' }]);

    const byBo = await app.ok('admin.listAuditEvents', { actor: 'Bo Boss', entity: 'job', limit: 2 });
    expect(byBo.total).toBe(3);
    expect(byBo.rows.map((r) => r.recordLabel)).toEqual(['Job 3', 'Job 2']);
    expect((await app.ok('admin.listAuditEvents', { actor: 'Bo Boss', entity: 'job', limit: 2, offset: 2 })).rows.map((r) => r.recordLabel)).toEqual(['Job 1']);
    expect((await app.ok('admin.listAuditEvents', { actor: 'Ann Admin' })).rows.map((r) => r.recordLabel)).toEqual(['Your name', 'Operations']);

    const later = new Date(Date.now() + 60_000).toISOString();
    expect((await app.ok('admin.listAuditEvents', { from: later })).total).toBe(0);
    expect((await app.ok('admin.listAuditEvents', { to: later })).total).toBe(6);

    expect((await app.ok('admin.findAuditRecords', { search: 'operat' })).rows).toEqual([{ entity: 'department', entityId: ops.id, entityLabel: 'Department', label: 'Operations' }]);
    expect((await app.ok('admin.findAuditRecords', { entity: 'department', entityId: ops.id })).rows[0].label).toBe('Operations');
    expect((await app.ok('admin.findAuditRecords', { search: 'nothing like it' })).rows).toEqual([]);
  });
});
