import { randomUUID } from 'node:crypto';
import type { AssignmentStep } from '../../../src-shared/api';
import { ASSIGNMENT_FIELDS, assignmentSteps, localToday, type Assignment, type AssignmentField } from '../../../src-shared/domain/organisation';
import type { ServiceContext } from '../context';

/*
 * The organisation history: `employee_assignment` holds, per person, dated rows of department,
 * job, manager and position. The row in force on a day is the newest one effective on or before
 * it (same day: the one recorded last). The employee record keeps today's values, which every
 * area reads; this table answers "who was where on that date".
 */

/** A random version-4 UUID made by SQLite, for rows inserted set-based. */
export const SQL_UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
  || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

export type AssignmentSource = 'hire' | 'change' | 'position' | 'import' | 'upgrade' | 'demo';

export interface AssignmentAsOf extends Assignment {
  employeeId: string;
}

/**
 * SQL joining the history row in force on a date (its one parameter) to the employee `alias`, as
 * `a` (`a.department_id`, `a.job_id`, `a.manager_id`, `a.position_id`); `LEFT JOIN` keeps people
 * with none. One index seek per person, so a page sorted by name stops after its rows.
 */
export const assignmentAsOfJoin = (alias: string, kind: 'JOIN' | 'LEFT JOIN' = 'JOIN') =>
  `${kind} employee_assignment a ON a.rowid = (SELECT y.rowid FROM employee_assignment y WHERE y.employee_id = ${alias}.id AND y.effective_date <= ?
     ORDER BY y.effective_date DESC, y.recorded_at DESC, y.rowid DESC LIMIT 1)`;

/** SQL condition (two date parameters): the employee `alias` was employed on the date (hired by then, not yet left). */
export const employedOn = (alias: string) => `${alias}.hire_date <= ? AND (${alias}.termination_date IS NULL OR ${alias}.termination_date >= ?)`;

/** Who was where on a date: every person employed that day (archived records left out) with their department, job, manager and position then. */
export function assignmentsAsOf(ctx: ServiceContext, date: string): AssignmentAsOf[] {
  return ctx.store.raw
    .prepare(
      `SELECT e.id AS employeeId, a.department_id AS departmentId, a.job_id AS jobId, a.manager_id AS managerId, a.position_id AS positionId
         FROM employee e ${assignmentAsOfJoin('e')}
        WHERE e.archived = 0 AND ${employedOn('e')}`,
    )
    .all(date, date, date) as AssignmentAsOf[];
}

/** One person's department, job, manager and position on a date, or null when they were not employed then. */
export function employeeAsOf(ctx: ServiceContext, employeeId: string, date: string): AssignmentAsOf | null {
  const row = ctx.store.raw
    .prepare(
      `SELECT a.employee_id AS employeeId, a.department_id AS departmentId, a.job_id AS jobId, a.manager_id AS managerId, a.position_id AS positionId
         FROM employee_assignment a JOIN employee e ON e.id = a.employee_id
        WHERE a.employee_id = ? AND a.effective_date <= ? AND ${employedOn('e')}
        ORDER BY a.effective_date DESC, a.recorded_at DESC, a.rowid DESC LIMIT 1`,
    )
    .get(employeeId, date, date, date) as AssignmentAsOf | undefined;
  return row ?? null;
}

interface StoredRow extends Assignment {
  id: string;
  effectiveDate: string;
  recordedAt: string;
}

const ROW_COLUMNS = `id, effective_date AS effectiveDate, department_id AS departmentId, job_id AS jobId, manager_id AS managerId,
  position_id AS positionId, recorded_at AS recordedAt`;

function rowsOf(ctx: ServiceContext, employeeId: string): StoredRow[] {
  return ctx.store.raw
    .prepare(`SELECT ${ROW_COLUMNS} FROM employee_assignment WHERE employee_id = ? ORDER BY effective_date, recorded_at, rowid`)
    .all(employeeId) as StoredRow[];
}

function insertRow(ctx: ServiceContext, employeeId: string, effectiveDate: string, values: Assignment, source: AssignmentSource): void {
  ctx.store.raw
    .prepare(
      `INSERT INTO employee_assignment (id, employee_id, effective_date, department_id, job_id, manager_id, position_id, source, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(randomUUID(), employeeId, effectiveDate, values.departmentId, values.jobId, values.managerId, values.positionId, source, ctx.now, ctx.actor);
}

/** A new person's history starts on their hire date with the values they were created with. */
export function recordHire(ctx: ServiceContext, employeeId: string, hireDate: string, values: Assignment, source: AssignmentSource = 'hire'): void {
  insertRow(ctx, employeeId, hireDate, values, source);
}

/**
 * Records that `changes` hold from `effectiveDate` on. The new row copies the rest from the row in
 * force that day; rows dated after it take the new values too (an edit says what holds from its
 * date on, so a back-dated change is not undone by a later row that merely carried the old value).
 */
export function recordChange(ctx: ServiceContext, employeeId: string, effectiveDate: string, changes: Partial<Assignment>, source: AssignmentSource): void {
  const fields = ASSIGNMENT_FIELDS.filter((field) => field in changes);
  if (fields.length === 0) return;
  const rows = rowsOf(ctx, employeeId);
  const inForce = rows.filter((row) => row.effectiveDate <= effectiveDate).at(-1) ?? rows[0];
  const base: Assignment = inForce ? pick(inForce) : currentAssignment(ctx, employeeId);
  insertRow(ctx, employeeId, effectiveDate, { ...base, ...changes }, source);
  const later = rows.filter((row) => row.effectiveDate > effectiveDate).map((row) => row.id);
  if (later.length === 0) return;
  const set = fields.map((field) => `${COLUMN[field]} = ?`).join(', ');
  const update = ctx.store.raw.prepare(`UPDATE employee_assignment SET ${set} WHERE id = ?`);
  for (const id of later) update.run(...fields.map((field) => changes[field] ?? null), id);
}

/** A change that takes effect today (or on the first day of someone who has not started yet). */
export function recordChangeToday(ctx: ServiceContext, employeeId: string, changes: Partial<Assignment>, source: AssignmentSource): void {
  const today = localToday();
  const row = ctx.store.raw.prepare(`SELECT hire_date AS hireDate FROM employee WHERE id = ?`).get(employeeId) as { hireDate: string } | undefined;
  recordChange(ctx, employeeId, row && row.hireDate > today ? row.hireDate : today, changes, source);
}

/** When the hire date moves earlier, the history starts earlier too. */
export function moveHistoryStart(ctx: ServiceContext, employeeId: string, hireDate: string): void {
  const first = rowsOf(ctx, employeeId)[0];
  if (first && first.effectiveDate > hireDate) ctx.store.raw.prepare(`UPDATE employee_assignment SET effective_date = ? WHERE id = ?`).run(hireDate, first.id);
}

/**
 * Brings the history in line with the employee records after a bulk write (an import): people with
 * no history get their hire row (one statement for all of them), and anyone whose department, job,
 * manager or position differs from their history today gets a change effective today.
 */
export function reconcileAssignments(ctx: ServiceContext, source: AssignmentSource): number {
  const today = localToday();
  const hired = ctx.store.raw
    .prepare(
      `INSERT INTO employee_assignment (id, employee_id, effective_date, department_id, job_id, manager_id, position_id, source, recorded_at, recorded_by)
       SELECT ${SQL_UUID}, e.id, e.hire_date, e.department_id, e.job_id, e.manager_id, e.position_id, ?, ?, ?
         FROM employee e WHERE NOT EXISTS (SELECT 1 FROM employee_assignment a WHERE a.employee_id = e.id)`,
    )
    .run(source, ctx.now, ctx.actor).changes;
  const differing = ctx.store.raw
    .prepare(
      `SELECT e.id, e.hire_date AS hireDate, e.department_id AS departmentId, e.job_id AS jobId, e.manager_id AS managerId, e.position_id AS positionId
         FROM employee e ${assignmentAsOfJoin('e', 'LEFT JOIN')}
        WHERE a.employee_id IS NULL
           OR a.department_id IS NOT e.department_id OR a.job_id IS NOT e.job_id
           OR a.manager_id IS NOT e.manager_id OR a.position_id IS NOT e.position_id`,
    )
    .all(today) as (Assignment & { id: string; hireDate: string })[];
  let changed = 0;
  for (const row of differing) {
    const values = pick(row);
    const history = rowsOf(ctx, row.id);
    // Someone hired in the future has no row in force today; their changes belong to their first day.
    const effectiveDate = row.hireDate > today ? row.hireDate : today;
    const inForce = history.filter((h) => h.effectiveDate <= effectiveDate).at(-1) ?? history[0];
    const changes = Object.fromEntries(ASSIGNMENT_FIELDS.filter((field) => inForce[field] !== values[field]).map((field) => [field, values[field]]));
    if (Object.keys(changes).length === 0) continue;
    recordChange(ctx, row.id, effectiveDate, changes, source);
    changed++;
  }
  return hired + changed;
}

/** A person's history as dated steps with names, oldest first. */
export function employeeHistory(ctx: ServiceContext, employeeId: string): AssignmentStep[] {
  const rows = ctx.store.raw
    .prepare(
      `SELECT a.effective_date AS effectiveDate, a.department_id AS departmentId, d.name AS departmentName,
              a.job_id AS jobId, CASE WHEN j.level IS NOT NULL THEN j.title || ' (' || j.level || ')' ELSE j.title END AS jobTitle,
              a.manager_id AS managerId, m.first_name || ' ' || m.last_name AS managerName,
              a.position_id AS positionId, p.title AS positionTitle, a.recorded_at AS recordedAt, a.recorded_by AS recordedBy
         FROM employee_assignment a
         LEFT JOIN department d ON d.id = a.department_id LEFT JOIN job j ON j.id = a.job_id
         LEFT JOIN employee m ON m.id = a.manager_id LEFT JOIN position p ON p.id = a.position_id
        WHERE a.employee_id = ? ORDER BY a.effective_date, a.recorded_at, a.rowid`,
    )
    .all(employeeId) as Omit<AssignmentStep, 'changed'>[];
  return assignmentSteps(rows);
}

const COLUMN: Record<AssignmentField, string> = { departmentId: 'department_id', jobId: 'job_id', managerId: 'manager_id', positionId: 'position_id' };

const pick = (row: Assignment): Assignment => ({ departmentId: row.departmentId ?? null, jobId: row.jobId ?? null, managerId: row.managerId ?? null, positionId: row.positionId ?? null });

function currentAssignment(ctx: ServiceContext, employeeId: string): Assignment {
  const row = ctx.store.raw
    .prepare(`SELECT department_id AS departmentId, job_id AS jobId, manager_id AS managerId, position_id AS positionId FROM employee WHERE id = ?`)
    .get(employeeId) as Assignment | undefined;
  return row ? pick(row) : { departmentId: null, jobId: null, managerId: null, positionId: null };
}
