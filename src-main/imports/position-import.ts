import { POSITION_IMPORT_FIELDS } from '../../src-shared/api';
import { jobLabel } from '../../src-shared/domain/people-labels';
import type { ServiceContext } from '../services/context';
import { recordAudit, type AuditChange } from '../services/shared/audit';
import type { CompiledMapping } from './mapping';
import { auditRows, runUpdate, settle, startPlan, summarise, tooLong, type RowChange } from './org-common';
import { DepartmentIndex, EmployeeIndex, JobIndex, loadPeople, lower, PositionIndex, type PeopleData, type Resolved } from './people-data';
import { changedFields, createdList, idsInLoops, rowNumberOf, timeOrderedId, type ImportKindHandler, type PlannedImport } from './pipeline';
import type { Table } from './read-table';
import { reconcileAssignments } from '../services/people/assignments';

type PositionValues = { title: string; jobId: string; departmentId: string; reportsToId: string | null; isKey: boolean; incumbentId: string | null };
const YES = new Set(['yes', 'y', 'true', '1', 'x', 'key']);
const NO = new Set(['no', 'n', 'false', '0', '']);

interface PositionRow {
  row: number;
  title: string;
  values: Omit<PositionValues, 'reportsToId'>;
  reportsTo?: string;
  incumbentMapped: boolean;
  keyMapped: boolean;
  match?: string;
}

export function planPositionImport(table: Table, m: CompiledMapping, data: PeopleData, newId = timeOrderedId) {
  const { issues, issue } = startPlan(m, ['title', 'job', 'department']);
  const changes: RowChange<PositionValues>[] = [];
  const departments = new DepartmentIndex(data.departments, newId);
  const jobs = new JobIndex(data.jobs, newId);
  const positions = new PositionIndex(data.positions, departments, newId);
  const result = { issues, changes, newDepartments: departments.created, newJobs: jobs.created, departments };
  if (issues.length) return result;
  const people = new EmployeeIndex(data.employees);
  const stored = new Map(data.positions.map((p) => [p.id, p]));
  const rows: PositionRow[] = [];

  table.rows.forEach((cells, i) => {
    const row = rowNumberOf(table, i);
    const get = (key: string) => m.get(key, cells);
    const before = issues.length;
    const title = get('title');
    if (!title) issue(row, 'title', `${m.label('title')} is empty${m.emptyReason('title', cells)}.`);
    tooLong(issue, row, 'title', title, 200);
    for (const key of ['job', 'department']) if (!get(key)) issue(row, key, `${m.label(key)} is empty${m.emptyReason(key, cells)}.`);
    const departmentId = get('department') ? settle(issue, row, 'department', departments.resolve(get('department'))) : null;
    const jobId = get('job') ? settle(issue, row, 'job', jobs.resolve(get('job'), null, null)) : null;
    const incumbentId = m.has('incumbent') && get('incumbent') ? settle(issue, row, 'incumbent', people.resolve(get('incumbent'))) : null;
    const keyText = lower(get('isKey'));
    if (m.has('isKey') && !YES.has(keyText) && !NO.has(keyText)) issue(row, 'isKey', `"${get('isKey')}" is not Yes or No.`);
    if (issues.length > before) return;
    rows.push({ row, title, values: { title, jobId: jobId!, departmentId: departmentId!, isKey: YES.has(keyText), incumbentId }, reportsTo: m.has('reportsTo') ? get('reportsTo') : undefined, incumbentMapped: m.has('incumbent'), keyMapped: m.has('isKey') });
  });
  matchPositions(rows, positions, stored);
  const incumbentRow = new Map<string, number>();
  for (const r of rows) {
    const id = r.match ?? positions.create(r.title, r.values.jobId, r.values.departmentId);
    r.match = id;
    if (r.values.incumbentId) {
      if (incumbentRow.has(r.values.incumbentId)) issue(r.row, 'incumbent', `${people.label(r.values.incumbentId)} already holds the position on row ${incumbentRow.get(r.values.incumbentId)}.`);
      incumbentRow.set(r.values.incumbentId, r.row);
    }
  }
  for (const r of rows) {
    const p = stored.get(r.match!);
    const before: PositionValues = p
      ? { title: p.title, jobId: p.jobId, departmentId: p.departmentId, reportsToId: p.reportsToId, isKey: p.isKey, incumbentId: p.incumbentId }
      : { ...r.values, reportsToId: null };
    const values: PositionValues = { ...before, jobId: r.values.jobId };
    if (r.keyMapped) values.isKey = r.values.isKey;
    if (r.incumbentMapped) values.incumbentId = r.values.incumbentId;
    if (r.reportsTo !== undefined) values.reportsToId = r.reportsTo ? settle(issue, r.row, 'reportsTo', reportsToOf(r.reportsTo, p?.reportsToId ?? null, positions)) : null;
    changes.push({ id: r.match!, row: r.row, isNew: !p, version: p?.version ?? 1, before, values, changed: p ? changedFields(before, values, ['jobId', 'reportsToId', 'isKey', 'incumbentId']) : ['title', 'jobId', 'departmentId', 'reportsToId', 'isKey', 'incumbentId'] });
  }
  const reportsTo = new Map(data.positions.map((p) => [p.id, p.reportsToId]));
  for (const c of changes) reportsTo.set(c.id, c.values.reportsToId);
  const looping = idsInLoops(reportsTo);
  for (const c of changes) if (looping.has(c.id)) issue(c.row, 'reportsTo', `"${c.values.title}" cannot report to itself or to a position that reports to it.`);
  return result;
}

/**
 * Each row finds its seat among the stored positions of that title in that department: first
 * one that already reads exactly as the row (so an unchanged export changes nothing even when
 * seats share a title), then the one its incumbent holds, then any seat still unmatched.
 */
function matchPositions(rows: PositionRow[], positions: PositionIndex, stored: Map<string, PeopleData['positions'][number]>) {
  const taken = new Set<string>();
  const seats = (r: PositionRow) => positions.at(r.values.departmentId, r.title).filter((p) => stored.has(p.id) && !taken.has(p.id)).map((p) => stored.get(p.id)!);
  const readsAs = (r: PositionRow, p: PeopleData['positions'][number]) =>
    p.jobId === r.values.jobId &&
    (!r.incumbentMapped || p.incumbentId === r.values.incumbentId) &&
    (!r.keyMapped || p.isKey === r.values.isKey) &&
    (r.reportsTo === undefined || (p.reportsToId ? positions.names(p.reportsToId, r.reportsTo) : !r.reportsTo));
  const passes = [readsAs, (r: PositionRow, p: PeopleData['positions'][number]) => !!r.values.incumbentId && p.incumbentId === r.values.incumbentId, () => true];
  for (const fits of passes) {
    for (const r of rows) {
      if (r.match) continue;
      const seat = seats(r).find((p) => fits(r, p));
      if (seat) (r.match = seat.id), taken.add(seat.id);
    }
  }
}

function reportsToOf(text: string, current: string | null, positions: PositionIndex): Resolved {
  if (current && positions.names(current, text)) return { id: current };
  const found = positions.labelled(text);
  if (found.length === 1) return { id: found[0].id };
  if (found.length > 1) return { problem: `"${text}" matches ${found.length} positions: the position it reports to must be told apart (give seats of one department different titles).` };
  return { problem: `No position is labelled "${text}" (title · department), in this file or already stored.` };
}

export const positionImport: ImportKindHandler = {
  fields: POSITION_IMPORT_FIELDS,
  plan(ctx, table, m): PlannedImport {
    const data = loadPeople(ctx.store.raw);
    const plan = planPositionImport(table, m, data);
    plan.issues.sort((a, b) => a.row - b.row);
    return {
      issues: plan.issues,
      summary: summarise(plan.changes),
      creates: [...createdList('department', plan.newDepartments.map((d) => plan.departments.label(d.id))), ...createdList('job', plan.newJobs.map(jobLabel))],
      write: (ctx, job) => writePositions(ctx, plan, data, job.fileName),
    };
  },
};

async function writePositions(ctx: ServiceContext, plan: ReturnType<typeof planPositionImport>, data: PeopleData, fileName: string) {
  const db = ctx.store.raw;
  db.pragma('defer_foreign_keys = ON');
  const now = ctx.now;
  const insertDepartment = db.prepare(`INSERT INTO department (id, name, parent_id, archived, created_at, updated_at, version) VALUES (@id, @name, @parentId, 0, @now, @now, 1)`);
  const insertJob = db.prepare(`INSERT INTO job (id, title, family, level, archived, created_at, updated_at, version) VALUES (@id, @title, @family, @level, 0, @now, @now, 1)`);
  const insert = db.prepare(`INSERT INTO position (id, title, job_id, department_id, reports_to_id, is_key, archived, created_at, updated_at, version) VALUES (@id, @title, @jobId, @departmentId, @reportsToId, @isKey, 0, @now, @now, 1)`);
  const update = db.prepare(`UPDATE position SET job_id = @jobId, reports_to_id = @reportsToId, is_key = @isKey, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version`);
  for (const d of plan.newDepartments) insertDepartment.run({ ...d, now });
  for (const j of plan.newJobs) insertJob.run({ ...j, now });
  for (const c of plan.changes) {
    const row = { id: c.id, ...c.values, isKey: c.values.isKey ? 1 : 0, version: c.version, now };
    if (c.isNew) insert.run(row);
    else if (c.changed.some((f) => f !== 'incumbentId')) runUpdate(update, row, `Position "${c.before.title}"`);
  }
  const audit: AuditChange[] = [
    ...plan.newDepartments.map((d) => ({ entity: 'department', entityId: d.id, action: 'create' as const, after: { ...d, source: fileName } })),
    ...plan.newJobs.map((j) => ({ entity: 'job', entityId: j.id, action: 'create' as const, after: { ...j, source: fileName } })),
    ...auditRows('position', plan.changes, fileName),
    ...moveIncumbents(ctx, plan.changes, data),
  ];
  await recordAudit(ctx, audit);
}

/** The incumbent lives on the employee: who leaves a seat and who takes one, each person changed once. */
function moveIncumbents(ctx: ServiceContext, changes: RowChange<PositionValues>[], data: PeopleData): AuditChange[] {
  const seatOf = new Map(data.employees.map((e) => [e.id, e.positionId]));
  const finalSeat = new Map<string, string | null>();
  for (const c of changes) {
    if (!c.changed.includes('incumbentId')) continue;
    if (c.before.incumbentId && !finalSeat.has(c.before.incumbentId)) finalSeat.set(c.before.incumbentId, null);
    if (c.values.incumbentId) finalSeat.set(c.values.incumbentId, c.id);
  }
  const moving = [...finalSeat].filter(([employee, seat]) => seatOf.get(employee) !== seat);
  const db = ctx.store.raw;
  const leave = db.prepare(`UPDATE employee SET position_id = NULL WHERE id = ?`);
  const take = db.prepare(`UPDATE employee SET position_id = ?, updated_at = ?, version = version + 1 WHERE id = ?`);
  for (const [employee] of moving) leave.run(employee);
  for (const [employee, seat] of moving) take.run(seat, ctx.now, employee);
  if (moving.length) reconcileAssignments(ctx, 'import');
  return moving.map(([employee, seat]) => ({ entity: 'employee', entityId: employee, action: 'update' as const, before: { positionId: seatOf.get(employee) ?? null }, after: { positionId: seat } }));
}
