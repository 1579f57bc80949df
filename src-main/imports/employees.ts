import { EMPLOYEE_IMPORT_FIELDS } from '../../src-shared/api';
import { AppError } from '../../src-shared/errors';
import type { ServiceContext } from '../services/context';
import { reconcileAssignments } from '../services/people/assignments';
import { recordAudit, type AuditChange } from '../services/shared/audit';
import { planEmployeeImport, type EmployeePlan, type EmployeeValues } from './employee-plan';
import { loadPeople } from './people-data';
import { createdList, pick, type ImportKindHandler } from './pipeline';
import { reportProgress, withRoomToWrite } from './request';

const COLUMN: Record<keyof EmployeeValues, string> = {
  employeeNumber: 'employee_number', firstName: 'first_name', lastName: 'last_name', email: 'email', hireDate: 'hire_date', status: 'status',
  departmentId: 'department_id', jobId: 'job_id', location: 'location', managerId: 'manager_id', positionId: 'position_id',
};

export const employeeImport: ImportKindHandler = {
  fields: EMPLOYEE_IMPORT_FIELDS,
  plan(ctx, table, mapping) {
    const plan = planEmployeeImport(table, mapping, loadPeople(ctx.store.raw));
    const counts = { create: 0, update: 0, unchanged: 0 };
    for (const e of plan.employees) counts[!e.stored ? 'create' : e.changed.length ? 'update' : 'unchanged']++;
    return {
      issues: plan.issues,
      summary: counts,
      creates: [
        ...createdList('department', plan.newDepartments.map((d) => plan.labels.department(d.id))),
        ...createdList('job', plan.newJobs.map((j) => plan.labels.job(j.id))),
        ...createdList('position', plan.newPositions.map((p) => plan.labels.position(p.id))),
      ],
      write: (ctx, job) => writePlan(ctx, plan, job.id, job.fileName),
    };
  },
};

/**
 * Set-based where it can be: one prepared statement per kind of write, run once per changed
 * row. Foreign keys are checked at commit, so a manager later in the file is no extra pass.
 */
async function writePlan(ctx: ServiceContext, plan: EmployeePlan, jobId: string, fileName: string) {
  await withRoomToWrite(ctx.store.raw, () => writeRows(ctx, plan, jobId, fileName));
}

async function writeRows(ctx: ServiceContext, plan: EmployeePlan, jobId: string, fileName: string) {
  const db = ctx.store.raw;
  db.pragma('defer_foreign_keys = ON');
  const stamp = { now: ctx.now };
  const insertDepartment = db.prepare(`INSERT INTO department (id, name, parent_id, archived, created_at, updated_at, version) VALUES (@id, @name, @parentId, 0, @now, @now, 1)`);
  const insertJob = db.prepare(`INSERT INTO job (id, title, family, level, archived, created_at, updated_at, version) VALUES (@id, @title, @family, @level, 0, @now, @now, 1)`);
  const insertPosition = db.prepare(`INSERT INTO position (id, title, job_id, department_id, is_key, archived, created_at, updated_at, version) VALUES (@id, @title, @jobId, @departmentId, 0, 0, @now, @now, 1)`);
  for (const d of plan.newDepartments) insertDepartment.run({ ...d, ...stamp });
  for (const j of plan.newJobs) insertJob.run({ ...j, ...stamp });
  for (const p of plan.newPositions) insertPosition.run({ ...p, ...stamp });
  await writeEmployees(ctx, plan, jobId);
  // Every job, department, manager or position the file changed gets a dated history row.
  reconcileAssignments(ctx, 'import');
  const source = { source: fileName };
  const audit: AuditChange[] = [
    ...plan.newDepartments.map((d) => ({ entity: 'department', entityId: d.id, action: 'create' as const, after: { ...d, ...source } })),
    ...plan.newJobs.map((j) => ({ entity: 'job', entityId: j.id, action: 'create' as const, after: { ...j, ...source } })),
    ...plan.newPositions.map((p) => ({ entity: 'position', entityId: p.id, action: 'create' as const, after: { ...p, ...source } })),
  ];
  for (const e of plan.employees) {
    if (!e.stored) audit.push({ entity: 'employee', entityId: e.id, action: 'create', after: { ...e.values, ...source } });
    else if (e.changed.length) {
      audit.push({ entity: 'employee', entityId: e.id, action: 'update', before: pick({ ...e.stored }, e.changed), after: { ...pick({ ...e.values }, e.changed), ...source } });
    }
  }
  await recordAudit(ctx, audit);
}

async function writeEmployees(ctx: ServiceContext, plan: EmployeePlan, jobId: string) {
  const db = ctx.store.raw;
  const insert = db.prepare(`INSERT INTO employee (id, employee_number, first_name, last_name, email, hire_date, status, manager_id, position_id, department_id, job_id, location, archived, created_at, updated_at, version)
    VALUES (@id, @employeeNumber, @firstName, @lastName, @email, @hireDate, @status, @managerId, @positionId, @departmentId, @jobId, @location, 0, @now, @now, 1)`);
  const assignments = plan.written.map((field) => `${COLUMN[field]} = @${field}`).join(', ');
  const update = db.prepare(`UPDATE employee SET ${assignments}, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version`);
  // A seat changes hands only after its holder has left it (one position per person is a unique index).
  const leaveSeat = db.prepare(`UPDATE employee SET position_id = NULL WHERE id = ?`);
  const changing = plan.employees.filter((e) => !e.stored || e.changed.length);
  for (const e of changing) if (e.stored?.positionId && e.changed.includes('positionId')) leaveSeat.run(e.id);
  for (let i = 0; i < changing.length; i++) {
    const e = changing[i];
    if (!e.stored) insert.run({ id: e.id, ...e.values, now: ctx.now });
    else if (update.run({ id: e.id, ...pick({ ...e.values }, plan.written), version: e.stored.version, now: ctx.now }).changes !== 1) {
      throw new AppError('CONFLICT', `Employee ${e.values.employeeNumber} was changed elsewhere while importing. Nothing was imported; preview the file again.`);
    }
    if (i % 1000 === 999) await reportProgress(ctx, jobId, 'Saving employees', i + 1, changing.length);
  }
  await reportProgress(ctx, jobId, 'Saving employees', changing.length, changing.length);
}
