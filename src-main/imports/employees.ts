import { randomUUID } from 'node:crypto';
import { EMPLOYEE_IMPORT_FIELDS, type ImportPreview } from '../../src-shared/api';
import type { ServiceContext } from '../services/context';
import { reconcileAssignments } from '../services/people/assignments';
import { recordAudit } from '../services/shared/audit';
import { suggestMapping } from './mapping';
import { planEmployeeImport, type ExistingData, type ImportPlan } from './employee-plan';
import { readTable, type Table } from './read-table';

import { importFailed, rememberedMapping, rememberMapping, type ImportRequest } from './request';


export async function previewEmployeeImport(ctx: ServiceContext, input: ImportRequest): Promise<ImportPreview> {
  const table = await readTable(input.fileName, input.contentBase64);
  const mapping = input.mapping ?? suggestMapping(table.headers, EMPLOYEE_IMPORT_FIELDS, rememberedMapping(ctx, 'employees'));
  const plan = planEmployeeImport(table, mapping, loadExisting(ctx));
  return {
    headers: table.headers,
    mapping,
    rowCount: table.rows.length,
    sampleRows: table.rows.slice(0, 10),
    issues: plan.issues.slice(0, 1000),
    summary: { create: plan.employees.filter((e) => e.isNew).length, update: plan.employees.filter((e) => !e.isNew).length },
  };
}

/** All or nothing: every row is checked first; one problem anywhere and nothing is stored. */
export async function commitEmployeeImport(ctx: ServiceContext, input: ImportRequest & { mapping: Record<string, string> }) {
  const table: Table = await readTable(input.fileName, input.contentBase64);
  const jobId = randomUUID();
  const plan = planEmployeeImport(table, input.mapping, loadExisting(ctx));
  if (plan.issues.length > 0) throw importFailed(plan.issues);
  await writePlan(ctx, plan, jobId, input.fileName);
  await rememberMapping(ctx, 'employees', input.mapping);
  return { created: plan.employees.filter((e) => e.isNew).length, updated: plan.employees.filter((e) => !e.isNew).length };
}


function loadExisting(ctx: ServiceContext): ExistingData {
  const db = ctx.store.raw;
  return {
    employees: db.prepare(`SELECT id, employee_number AS employeeNumber, manager_id AS managerId, version FROM employee`).all() as ExistingData['employees'],
    departments: db.prepare(`SELECT id, name, parent_id AS parentId FROM department`).all() as ExistingData['departments'],
    jobs: db.prepare(`SELECT id, title, level FROM job`).all() as ExistingData['jobs'],
    positions: db.prepare(`SELECT p.id, p.title, p.department_id AS departmentId, (SELECT e.id FROM employee e WHERE e.position_id = p.id) AS incumbentId FROM position p`).all() as ExistingData['positions'],
  };
}

async function writePlan(ctx: ServiceContext, plan: ImportPlan, jobId: string, fileName: string) {
  const db = ctx.store.raw;
  const stamp = { now: ctx.now };
  const insertDepartment = db.prepare(`INSERT INTO department (id, name, parent_id, archived, created_at, updated_at, version) VALUES (@id, @name, @parentId, 0, @now, @now, 1)`);
  const insertJob = db.prepare(`INSERT INTO job (id, title, family, level, archived, created_at, updated_at, version) VALUES (@id, @title, @family, @level, 0, @now, @now, 1)`);
  const insertPosition = db.prepare(`INSERT INTO position (id, title, job_id, department_id, is_key, archived, created_at, updated_at, version) VALUES (@id, @title, @jobId, @departmentId, 0, 0, @now, @now, 1)`);
  for (const d of plan.newDepartments) insertDepartment.run({ ...d, ...stamp });
  for (const j of plan.newJobs) insertJob.run({ ...j, ...stamp });
  for (const p of plan.newPositions) insertPosition.run({ ...p, ...stamp });
  await writeEmployees(ctx, plan, jobId);
  reconcileAssignments(ctx, 'import');
  await recordAudit(ctx, [
    ...plan.newDepartments.map((d) => ({ entity: 'department', entityId: d.id, action: 'create' as const, after: d })),
    ...plan.newJobs.map((j) => ({ entity: 'job', entityId: j.id, action: 'create' as const, after: j })),
    ...plan.newPositions.map((p) => ({ entity: 'position', entityId: p.id, action: 'create' as const, after: p })),
    ...plan.employees.map((e) => ({ entity: 'employee', entityId: e.id, action: e.isNew ? ('create' as const) : ('update' as const), after: { ...e.values, source: fileName } })),
  ]);
}

async function writeEmployees(ctx: ServiceContext, plan: ImportPlan, jobId: string) {
  const db = ctx.store.raw;
  const insert = db.prepare(`INSERT INTO employee (id, employee_number, first_name, last_name, email, hire_date, status, position_id, department_id, job_id, location, archived, created_at, updated_at, version)
    VALUES (@id, @employeeNumber, @firstName, @lastName, @email, @hireDate, @status, NULL, @departmentId, @jobId, @location, 0, @now, @now, 1)`);
  const update = db.prepare(`UPDATE employee SET first_name = @firstName, last_name = @lastName, email = @email, hire_date = @hireDate, status = @status,
    department_id = @departmentId, job_id = @jobId, location = @location, updated_at = @now, version = version + 1 WHERE id = @id`);
  const setManager = db.prepare(`UPDATE employee SET manager_id = ? WHERE id = ?`);
  const clearPosition = db.prepare(`UPDATE employee SET position_id = NULL WHERE position_id = ? AND id <> ?`);
  const setPosition = db.prepare(`UPDATE employee SET position_id = ? WHERE id = ?`);
  const total = plan.employees.length;
  for (let i = 0; i < total; i++) {
    const e = plan.employees[i];
    (e.isNew ? insert : update).run({ id: e.id, ...e.values, now: ctx.now });
    if (i % 1000 === 999) await reportProgress(ctx, jobId, 'Saving employees', i + 1, total);
  }
  for (const e of plan.employees) {
    if (e.managerId !== undefined) setManager.run(e.managerId, e.id);
    if (e.positionId) {
      clearPosition.run(e.positionId, e.id);
      setPosition.run(e.positionId, e.id);
    }
  }
  await reportProgress(ctx, jobId, 'Saving employees', total, total);
}

async function reportProgress(ctx: ServiceContext, jobId: string, label: string, done: number, total: number) {
  ctx.emit({ type: 'progress', jobId, label, done, total });
  await new Promise((resolve) => setImmediate(resolve));
}
