import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { employeeFields, type Employee, type EmployeeDetail, type EmployeeQuery, type EmployeeScope } from '../../../src-shared/api';
import { ASSIGNMENT_FIELDS, effectiveDateProblem, localToday, settleTermination, terminationProblems, type Assignment } from '../../../src-shared/domain/organisation';
import { notFound, type ErrorIssue } from '../../../src-shared/errors';
import { EmployeeEntity, type EmployeeRow } from '../../store/entities/people';
import type { ServiceContext } from '../context';
import { containsPattern } from '../shared/grid-view-sql';
import { formsLoop, rowIssue, saveBatch, setArchived, type BatchSpec, type Candidate, type RowChangeInput } from '../shared/batch';
import { existingIds, fullName, parentMap } from '../shared/lookups';
import { assignmentAsOfJoin, employedOn, employeeHistory, moveHistoryStart, recordChange, recordHire } from './assignments';

type Values = z.infer<typeof employeeFields>;

/** Someone who left after the day asked about was still employed then. */
export const STATUS_AS_OF = `(CASE WHEN e.status = 'terminated' AND e.termination_date IS NOT NULL THEN 'active' ELSE e.status END)`;

export const EMPLOYEE_COLUMNS = `e.id, e.employee_number AS employeeNumber, e.first_name AS firstName, e.last_name AS lastName,
  e.email, e.hire_date AS hireDate, e.status, e.manager_id AS managerId, e.position_id AS positionId,
  e.department_id AS departmentId, e.job_id AS jobId, e.location, e.termination_date AS terminationDate, e.archived,
  e.created_at AS createdAt, e.updated_at AS updatedAt, e.version`;

/**
 * The same columns with department, job, manager and position taken from the history row in force
 * (alias `a`), and the status as it was: someone who left after that day was still employed then.
 */
export const EMPLOYEE_COLUMNS_AS_OF = `e.id, e.employee_number AS employeeNumber, e.first_name AS firstName, e.last_name AS lastName,
  e.email, e.hire_date AS hireDate, ${STATUS_AS_OF} AS status,
  a.manager_id AS managerId, a.position_id AS positionId, a.department_id AS departmentId, a.job_id AS jobId, e.location,
  e.termination_date AS terminationDate, e.archived, e.created_at AS createdAt, e.updated_at AS updatedAt, e.version`;

const SORTABLE: Record<string, string> = {
  name: 'e.last_name COLLATE NOCASE {dir}, e.first_name COLLATE NOCASE {dir}',
  lastName: 'e.last_name COLLATE NOCASE {dir}, e.first_name COLLATE NOCASE {dir}',
  firstName: 'e.first_name COLLATE NOCASE {dir}',
  employeeNumber: 'e.employee_number COLLATE NOCASE {dir}',
  hireDate: 'e.hire_date {dir}',
  email: 'e.email {dir}',
  status: 'e.status {dir}',
  location: 'e.location {dir}',
};

/** The index that holds each sort's order (migration 14), ending in the id that breaks ties. */
const SORT_INDEX: Record<string, string> = {
  name: 'employee_name',
  lastName: 'employee_name',
  firstName: 'employee_first_name',
  employeeNumber: 'employee_number_unique',
  hireDate: 'employee_hire_date',
  email: 'employee_email',
  status: 'employee_status',
  location: 'employee_location',
};

/**
 * Up to this many matches, SQLite may find them through a filter's index and sort just those; with
 * more, the page walks the sort's index and stops after it (the matches are dense, so that is soon).
 */
export const SORT_MATCHES_UP_TO = 1000;

/**
 * FROM and WHERE of the employees a scope selects. `org` is the alias holding department, job,
 * manager and position: the history row in force (`a`) as of a day, else the employee (`e`).
 */
export function employeeScopeSql(query: EmployeeScope): { from: string; org: 'a' | 'e'; where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const from = query.asOf ? `employee e ${assignmentAsOfJoin('e')}` : 'employee e';
  const org = query.asOf ? 'a' : 'e';
  if (query.asOf) (where.push(employedOn('e')), params.push(query.asOf, query.asOf, query.asOf));
  if (!query.includeArchived) where.push('e.archived = 0');
  if (query.departmentId) {
    if (query.includeSubdepartments) {
      where.push(`${org}.department_id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT d.id FROM department d JOIN sub ON d.parent_id = sub.id) SELECT id FROM sub)`);
    } else where.push(`${org}.department_id = ?`);
    params.push(query.departmentId);
  }
  if (query.jobId) (where.push(`${org}.job_id = ?`), params.push(query.jobId));
  if (query.status) {
    where.push(query.asOf ? `${STATUS_AS_OF} = ?` : 'e.status = ?');
    params.push(query.status);
  }
  if (query.location) (where.push('e.location = ? COLLATE NOCASE'), params.push(query.location));
  return { from, org, where, params };
}


/**
 * One set-based query: filters, sort and page in SQL (the people grid's hot path). `walkSql` is the
 * same page read along the sort's index (see SORT_MATCHES_UP_TO). With `asOf`, the organisation on
 * that day: the people employed then, where they were then. The count reads no employee row: from
 * the headcount tally when the filters are department, status and archived alone, else from indexes.
 */
export function buildEmployeeQuery(query: EmployeeQuery): { sql: string; walkSql: string; countSql: string; params: unknown[] } {
  const { from, where, params } = employeeScopeSql(query);
  const search = query.search?.trim();
  if (search) {
    const like = containsPattern(search);
    where.push(`(e.first_name LIKE ? ESCAPE '\\' OR e.last_name LIKE ? ESCAPE '\\' OR e.employee_number LIKE ? ESCAPE '\\' OR e.email LIKE ? ESCAPE '\\' OR (e.first_name || ' ' || e.last_name) LIKE ? ESCAPE '\\')`);
    params.push(like, like, like, like, like);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const sortField = query.sort?.field && SORTABLE[query.sort.field] ? query.sort.field : 'name';
  const order = SORTABLE[sortField].replaceAll('{dir}', query.sort?.desc ? 'DESC' : 'ASC');
  const limit = query.limit ?? 100;
  const offset = query.offset ?? 0;
  const page = (source: string) => `SELECT ${query.asOf ? EMPLOYEE_COLUMNS_AS_OF : EMPLOYEE_COLUMNS} FROM ${source} ${filter} ORDER BY ${order}, e.id LIMIT ${limit} OFFSET ${offset}`;
  const tallied = !query.asOf && !search && !query.jobId && !query.location;
  return {
    sql: page(from),
    walkSql: page(from.replace('employee e', `employee e INDEXED BY ${SORT_INDEX[sortField]}`)),
    countSql: tallied ? headcountSql(query) : `SELECT count(*) AS total FROM ${query.asOf ? ASSIGNMENT_AS_OF_COUNT_FROM : from} ${filter}`,
    params,
  };
}

/**
 * The count from the headcount tally (migration 16): one row per department, status and archived
 * flag, kept by triggers. Its parameters are the page's (department, then status).
 */
function headcountSql(query: EmployeeScope): string {
  const where = [query.includeArchived ? '' : 'h.archived = 0'];
  if (query.departmentId) {
    where.push(query.includeSubdepartments
      ? `h.department_id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT d.id FROM department d JOIN sub ON d.parent_id = sub.id) SELECT id FROM sub)`
      : 'h.department_id = ?');
  }
  if (query.status) where.push('h.status = ?');
  const filter = where.filter(Boolean);
  return `SELECT coalesce(sum(h.people), 0) AS total FROM employee_headcount h ${filter.length ? `WHERE ${filter.join(' AND ')}` : ''}`;
}

/**
 * `employee e` and the history row in force (`a`) for counting as of a day, read from indexes alone
 * (migration 16): employment in id order, and department and job from the history's index, the row
 * in force chosen as assignmentAsOfJoin chooses it (the newest effective on or before the day, then
 * the one recorded last). The same single parameter, the day, in the same place.
 */
const ASSIGNMENT_AS_OF_COUNT_FROM = `employee e INDEXED BY employee_employment
  JOIN employee_assignment a INDEXED BY employee_assignment_asof ON a.employee_id = e.id AND a.rowid = (SELECT y.rowid FROM employee_assignment y
    WHERE y.employee_id = e.id AND y.effective_date <= ? ORDER BY y.effective_date DESC, y.recorded_at DESC, y.rowid DESC LIMIT 1)`;

/** The page's SQL as listEmployees runs it: counted first, then read the cheaper way for that many matches. */
export function planEmployeePage(db: Database.Database, query: EmployeeQuery): { sql: string; params: unknown[]; total: number } {
  const { sql, walkSql, countSql, params } = buildEmployeeQuery(query);
  const { total } = db.prepare(countSql).get(...params) as { total: number };
  return { sql: total > SORT_MATCHES_UP_TO ? walkSql : sql, params, total };
}

export async function listEmployees(ctx: ServiceContext, query: EmployeeQuery): Promise<{ rows: Employee[]; total: number }> {
  const { sql, params, total } = planEmployeePage(ctx.store.raw, query);
  const rows: EmployeeRow[] = ctx.store.raw.prepare(sql).all(...params) as EmployeeRow[];
  return { rows: rows.map(toEmployee), total };
}

export const toEmployee = (row: EmployeeRow): Employee => ({
  id: row.id,
  employeeNumber: row.employeeNumber,
  firstName: row.firstName,
  lastName: row.lastName,
  email: row.email ?? null,
  hireDate: row.hireDate,
  status: row.status,
  managerId: row.managerId ?? null,
  positionId: row.positionId ?? null,
  departmentId: row.departmentId ?? null,
  jobId: row.jobId ?? null,
  location: row.location ?? null,
  terminationDate: row.terminationDate ?? null,
  archived: Boolean(row.archived),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

export async function getEmployee(ctx: ServiceContext, id: string): Promise<EmployeeDetail> {
  const [row]: (EmployeeRow & { managerName: string | null; departmentName: string | null; jobTitle: string | null; positionTitle: string | null })[] =
    await ctx.manager.query(
      `SELECT ${EMPLOYEE_COLUMNS}, m.first_name || ' ' || m.last_name AS managerName, d.name AS departmentName,
              j.title AS jobTitle, p.title AS positionTitle
         FROM employee e LEFT JOIN employee m ON m.id = e.manager_id LEFT JOIN department d ON d.id = e.department_id
         LEFT JOIN job j ON j.id = e.job_id LEFT JOIN position p ON p.id = e.position_id
        WHERE e.id = ?`,
      [id],
    );
  if (!row) throw notFound('The employee');
  const reports: { id: string; firstName: string; lastName: string; jobTitle: string | null }[] = await ctx.manager.query(
    `SELECT e.id, e.first_name AS firstName, e.last_name AS lastName, j.title AS jobTitle FROM employee e
       LEFT JOIN job j ON j.id = e.job_id WHERE e.manager_id = ? AND e.archived = 0 ORDER BY e.last_name, e.first_name`,
    [id],
  );
  return {
    employee: toEmployee(row),
    managerName: row.managerName,
    departmentName: row.departmentName,
    jobTitle: row.jobTitle,
    positionTitle: row.positionTitle,
    reportingChain: await reportingChain(ctx, row.managerId),
    directReports: reports.map((r) => ({ id: r.id, name: fullName(r.firstName, r.lastName), jobTitle: r.jobTitle })),
    history: employeeHistory(ctx, id),
  };
}

async function reportingChain(ctx: ServiceContext, managerId: string | null) {
  if (!managerId) return [];
  const rows: { id: string; name: string }[] = await ctx.manager.query(
    `WITH RECURSIVE chain(id, depth) AS (SELECT ?, 0 UNION ALL SELECT e.manager_id, chain.depth + 1 FROM employee e JOIN chain ON e.id = chain.id WHERE e.manager_id IS NOT NULL AND chain.depth < 50)
     SELECT e.id, e.first_name || ' ' || e.last_name AS name FROM chain JOIN employee e ON e.id = chain.id ORDER BY chain.depth`,
    [managerId],
  );
  return rows;
}

/** What an edit starts from for the organisation history: today's references and the hire date. */
type StoredOrganisation = Map<string, Assignment & { hireDate: string }>;

function storedOrganisation(ctx: ServiceContext, ids: string[]): StoredOrganisation {
  const found: StoredOrganisation = new Map();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = ctx.store.raw
      .prepare(`SELECT id, hire_date AS hireDate, department_id AS departmentId, job_id AS jobId, manager_id AS managerId, position_id AS positionId
                  FROM employee WHERE id IN (${chunk.map(() => '?').join(',')})`)
      .all(...chunk) as (Assignment & { id: string; hireDate: string })[];
    for (const { id, ...row } of rows) found.set(id, row);
  }
  return found;
}

function makeSpec(stored: StoredOrganisation): BatchSpec<EmployeeRow, Values> {
  return {
    entity: EmployeeEntity,
    label: 'Employee',
    fields: employeeFields,
    toValues: (row) => ({
      employeeNumber: row.employeeNumber,
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      hireDate: row.hireDate,
      status: row.status,
      managerId: row.managerId,
      positionId: row.positionId,
      departmentId: row.departmentId,
      jobId: row.jobId,
      location: row.location,
      terminationDate: row.terminationDate,
    }),
    toColumns: (v) => ({
      employeeNumber: v.employeeNumber,
      firstName: v.firstName,
      lastName: v.lastName,
      email: v.email ?? null,
      hireDate: v.hireDate,
      status: v.status,
      managerId: v.managerId ?? null,
      positionId: v.positionId ?? null,
      departmentId: v.departmentId ?? null,
      jobId: v.jobId ?? null,
      location: v.location ?? null,
      terminationDate: v.terminationDate ?? null,
    }),
    check: async (candidates, ctx) => [...datingIssues(candidates, stored), ...(await checkEmployees(candidates, ctx))],
    afterWrite: async (candidates, ctx) => recordHistory(candidates, stored, ctx),
  };
}

/** The references an edit changes, compared with what was stored before it. */
const changedAssignment = (values: Values, before: Assignment | undefined): Partial<Assignment> =>
  Object.fromEntries(ASSIGNMENT_FIELDS.filter((field) => before && (values[field] ?? null) !== before[field]).map((field) => [field, values[field] ?? null]));

/**
 * When an organisation change takes effect: the date sent, else today. Someone who starts in the
 * future has nothing in force before their first day, so their changes take effect on it.
 */
function effectiveDateOf(values: Values, today: string): string {
  const requested = values.effectiveDate ?? today;
  return values.hireDate > today && requested < values.hireDate ? values.hireDate : requested;
}

/** Termination date and effective date rules. Also settles a one-field edit of the pair (see `settleTermination`). */
function datingIssues(candidates: Candidate<Values>[], stored: StoredOrganisation): ErrorIssue[] {
  const today = localToday();
  const issues: ErrorIssue[] = [];
  for (const c of candidates) {
    c.values = settleTermination(c.values, c.changedFields);
    const touchesTermination = c.isNew || c.changedFields.includes('status') || c.changedFields.includes('terminationDate') || c.changedFields.includes('hireDate');
    if (touchesTermination) for (const problem of terminationProblems(c.values, today)) issues.push(rowIssue(c.index, problem.field, problem.message));
    if (c.isNew || Object.keys(changedAssignment(c.values, stored.get(c.id))).length === 0) continue;
    const problem = effectiveDateProblem(effectiveDateOf(c.values, today), c.values.hireDate, today);
    if (problem) issues.push(rowIssue(c.index, 'effectiveDate', problem));
  }
  return issues;
}

/** Every change through this path lands in the organisation history, in the same transaction. */
async function recordHistory(candidates: Candidate<Values>[], stored: StoredOrganisation, ctx: ServiceContext): Promise<void> {
  const today = localToday();
  for (const c of candidates) {
    const v = c.values;
    const values: Assignment = { departmentId: v.departmentId ?? null, jobId: v.jobId ?? null, managerId: v.managerId ?? null, positionId: v.positionId ?? null };
    if (c.isNew) {
      recordHire(ctx, c.id, v.hireDate, values);
      continue;
    }
    const before = stored.get(c.id);
    if (before && v.hireDate < before.hireDate) moveHistoryStart(ctx, c.id, v.hireDate);
    const changes = changedAssignment(v, before);
    if (Object.keys(changes).length > 0) recordChange(ctx, c.id, effectiveDateOf(v, today), changes, 'change');
  }
}

async function checkEmployees(candidates: Candidate<Values>[], ctx: ServiceContext): Promise<ErrorIssue[]> {
  const issues: ErrorIssue[] = [];
  const batchIds = new Set(candidates.map((c) => c.id));
  const pick = (key: 'managerId' | 'positionId' | 'departmentId' | 'jobId') =>
    candidates.map((c) => c.values[key]).filter((v): v is string => Boolean(v));
  const departments = await existingIds(ctx, 'department', pick('departmentId'));
  const jobs = await existingIds(ctx, 'job', pick('jobId'));
  const positions = await existingIds(ctx, 'position', pick('positionId'));
  const managers = await parentMap(ctx, 'employee', 'manager_id');
  for (const c of candidates) managers.set(c.id, c.values.managerId ?? null);
  await checkUniqueNumbers(candidates, batchIds, ctx, issues);
  await checkPositionHolders(candidates, batchIds, ctx, issues);
  for (const c of candidates) {
    const v = c.values;
    if (v.departmentId && !departments.has(v.departmentId)) issues.push(rowIssue(c.index, 'departmentId', 'The department does not exist.'));
    if (v.jobId && !jobs.has(v.jobId)) issues.push(rowIssue(c.index, 'jobId', 'The job does not exist.'));
    if (v.positionId && !positions.has(v.positionId)) issues.push(rowIssue(c.index, 'positionId', 'The position does not exist.'));
    if (v.managerId === c.id) issues.push(rowIssue(c.index, 'managerId', 'An employee cannot be their own manager.'));
    else if (v.managerId && !managers.has(v.managerId)) issues.push(rowIssue(c.index, 'managerId', 'The manager does not exist.'));
    else if (v.managerId && formsLoop(c.id, (id) => managers.get(id))) {
      issues.push(rowIssue(c.index, 'managerId', `${fullName(v.firstName, v.lastName)} cannot report to someone who reports to them (a reporting loop).`));
    }
  }
  return issues;
}

async function checkUniqueNumbers(candidates: Candidate<Values>[], batchIds: Set<string>, ctx: ServiceContext, issues: ErrorIssue[]) {
  const numbers = candidates.map((c) => c.values.employeeNumber.toLowerCase());
  const stored: { id: string; n: string }[] = [];
  for (let i = 0; i < numbers.length; i += 500) {
    const chunk = numbers.slice(i, i + 500);
    stored.push(...(await ctx.manager.query(`SELECT id, lower(employee_number) AS n FROM employee WHERE lower(employee_number) IN (${chunk.map(() => '?').join(',')})`, chunk)));
  }
  const taken = new Map(stored.filter((s) => !batchIds.has(s.id)).map((s) => [s.n, s.id]));
  for (const c of candidates) {
    const n = c.values.employeeNumber.toLowerCase();
    if (taken.has(n) && taken.get(n) !== c.id) {
      issues.push(rowIssue(c.index, 'employeeNumber', `Employee number ${c.values.employeeNumber} is already used by another employee.`));
    }
    taken.set(n, c.id);
  }
}

async function checkPositionHolders(candidates: Candidate<Values>[], batchIds: Set<string>, ctx: ServiceContext, issues: ErrorIssue[]) {
  const holders: { id: string; positionId: string }[] = await ctx.manager.query(`SELECT id, position_id AS positionId FROM employee WHERE position_id IS NOT NULL`);
  const heldBy = new Map(holders.filter((h) => !batchIds.has(h.id)).map((h) => [h.positionId, h.id]));
  for (const c of candidates) {
    const positionId = c.values.positionId;
    if (!positionId) continue;
    if (heldBy.has(positionId) && heldBy.get(positionId) !== c.id) issues.push(rowIssue(c.index, 'positionId', 'This position already has an incumbent.'));
    heldBy.set(positionId, c.id);
  }
}

export async function saveEmployees(ctx: ServiceContext, rows: RowChangeInput[]): Promise<Employee[]> {
  const stored = storedOrganisation(ctx, rows.map((row) => row.id).filter((id): id is string => Boolean(id)));
  const saved = await saveBatch(makeSpec(stored), rows, ctx);
  return saved.map(toEmployee);
}

export async function archiveEmployees(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  const count = await setArchived(EmployeeEntity, 'Employee', ids, archived, ctx);
  return count;
}

export async function listLocations(ctx: ServiceContext): Promise<string[]> {
  const rows: { location: string }[] = await ctx.manager.query(
    `SELECT DISTINCT location FROM employee WHERE location IS NOT NULL AND archived = 0 ORDER BY location COLLATE NOCASE`,
  );
  return rows.map((r) => r.location);
}
