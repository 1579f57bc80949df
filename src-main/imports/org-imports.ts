import { DEPARTMENT_IMPORT_FIELDS, JOB_IMPORT_FIELDS, POSITION_IMPORT_FIELDS, type ImportIssue } from '../../src-shared/api';
import { AppError } from '../../src-shared/errors';
import type { ServiceContext } from '../services/context';
import { recordAudit, type AuditChange } from '../services/shared/audit';
import type { CompiledMapping } from './mapping';
import { jobLabel } from '../../src-shared/domain/people-labels';
import { DepartmentIndex, EmployeeIndex, JobIndex, loadPeople, lower, PositionIndex, type PeopleData, type Resolved } from './people-data';
import { changedFields, createdList, idsInLoops, pick, rowNumberOf, timeOrderedId, type ImportKindHandler, type PlannedImport } from './pipeline';
import type { Table } from './read-table';

/*
 * Departments, jobs and positions from a file — the people grids' own exports included. A row
 * matches a stored record by what identifies it to a user (a department by code, or by name
 * under its parent; a job by title and level; a position by title and department, then by
 * holder), changes only the mapped fields that differ, and creates the rest.
 */

interface RowChange<V> {
  id: string;
  row: number;
  isNew: boolean;
  version: number;
  before: V;
  values: V;
  changed: (keyof V & string)[];
}

type Issue = (row: number, key: string, message: string) => void;

function startPlan(m: CompiledMapping, required: string[]) {
  const issues: ImportIssue[] = [...m.issues];
  for (const key of required) if (!m.has(key)) issues.push({ row: 1, column: m.label(key), message: `Choose the column that holds the ${m.label(key).toLowerCase()}.` });
  const issue: Issue = (row, key, message) => issues.push({ row, column: m.label(key), message });
  return { issues, issue };
}

function summarise<V>(changes: RowChange<V>[]) {
  const summary = { create: 0, update: 0, unchanged: 0 };
  for (const c of changes) summary[c.isNew ? 'create' : c.changed.length ? 'update' : 'unchanged']++;
  return summary;
}

const settle = (issue: Issue, row: number, key: string, result: Resolved): string | null => ('problem' in result ? (issue(row, key, result.problem), null) : result.id);

function tooLong(issue: Issue, row: number, key: string, value: string | null | undefined, max: number) {
  if (value && value.length > max) issue(row, key, `At most ${max} characters.`);
}

/** Marks the second row that names a record already named by an earlier row. */
function onceEach(issue: Issue, key: string, what: string) {
  const rowOf = new Map<string, number>();
  return (id: string, row: number) => {
    if (rowOf.has(id)) return void issue(row, key, `This ${what} is also on row ${rowOf.get(id)}.`);
    rowOf.set(id, row);
  };
}

function auditRows<V extends Record<string, unknown>>(entity: string, changes: RowChange<V>[], fileName: string): AuditChange[] {
  return changes
    .filter((c) => c.isNew || c.changed.length)
    .map((c) =>
      c.isNew
        ? { entity, entityId: c.id, action: 'create' as const, after: { ...c.values, source: fileName } }
        : { entity, entityId: c.id, action: 'update' as const, before: pick(c.before, c.changed), after: { ...pick(c.values, c.changed), source: fileName } },
    );
}

function runUpdate(statement: { run(values: Record<string, unknown>): { changes: number } }, values: Record<string, unknown>, what: string) {
  if (statement.run(values).changes !== 1) throw new AppError('CONFLICT', `${what} was changed elsewhere while importing. Nothing was imported; preview the file again.`);
}

// ---- Departments ----------------------------------------------------------------

type DepartmentValues = { name: string; code: string | null; parentId: string | null };

/**
 * A row is the department with its code, else the one of its name under its parent, else the
 * only one of its name (a move), else a new one. Parents named in the file but defined by no
 * row (and not stored) are created too, and listed.
 */
export function planDepartmentImport(table: Table, m: CompiledMapping, data: PeopleData, newId = timeOrderedId) {
  const { issues, issue } = startPlan(m, ['name']);
  const changes: RowChange<DepartmentValues>[] = [];
  const index = new DepartmentIndex(data.departments, newId);
  const result = { issues, changes, implicit: [] as (DepartmentValues & { id: string })[], index };
  if (issues.length) return result;
  const stored = new Map(data.departments.map((d) => [d.id, d]));
  const byCode = new Map<string, string[]>();
  for (const d of data.departments) if (d.code) byCode.set(lower(d.code), [...(byCode.get(lower(d.code)) ?? []), d.id]);
  const rowOf = new Map<string, number>();
  /** The department a row is: by its (unique) code, by name under its parent, by its unique name, or a new one. */
  const match = (name: string, code: string | null | undefined, parentId: string | null | undefined): { id: string; byCode: boolean } | Resolved => {
    const coded = code ? byCode.get(lower(code)) : undefined;
    if (coded?.length === 1) return { id: coded[0], byCode: true };
    const free = index.named(name).filter((d) => !rowOf.has(d.id));
    const found = (parentId !== undefined ? free.find((d) => d.parentId === parentId) : undefined) ?? (free.length === 1 ? free[0] : undefined);
    return found ? { id: found.id, byCode: false } : index.create(name, parentId ?? null);
  };

  table.rows.forEach((cells, i) => {
    const row = rowNumberOf(table, i);
    const issuesBefore = issues.length;
    const name = m.get('name', cells);
    if (!name) return void issue(row, 'name', `${m.label('name')} is empty${m.emptyReason('name', cells)}.`);
    const code = m.has('code') ? m.get('code', cells) || null : undefined;
    tooLong(issue, row, 'name', name, 200);
    tooLong(issue, row, 'code', code, 40);
    const parentText = m.has('parent') ? m.get('parent', cells) : undefined;
    const parentId = parentText ? settle(issue, row, 'parent', index.resolve(parentText)) : parentText === undefined ? undefined : null;
    if (issues.length > issuesBefore) return;
    const found = match(name, code, parentId);
    if ('problem' in found) return void issue(row, 'name', found.problem);
    if (rowOf.has(found.id)) return void issue(row, 'name', `This department is also on row ${rowOf.get(found.id)}.`);
    rowOf.set(found.id, row);
    const s = stored.get(found.id);
    const before: DepartmentValues = s ? { name: s.name, code: s.code, parentId: s.parentId } : { name, code: null, parentId: index.get(found.id)?.parentId ?? null };
    const values = { ...before, name: !s || ('byCode' in found && found.byCode) ? name : before.name };
    if (code !== undefined) values.code = code;
    if (parentId !== undefined) values.parentId = parentId;
    const fields = ['name', 'code', 'parentId'] as const;
    changes.push({ id: found.id, row, isNew: !s, version: s?.version ?? 1, before, values, changed: s ? changedFields(before, values, fields) : [...fields] });
  });
  result.implicit = index.created.filter((d) => !rowOf.has(d.id)).map((d) => ({ ...d, code: null }));
  checkTree(changes, result.implicit, data, issue);
  return result;
}

/** No loops, and no two departments with one name under one parent. */
function checkTree(changes: RowChange<DepartmentValues>[], implicit: { id: string; name: string; parentId: string | null }[], data: PeopleData, issue: Issue) {
  const final = new Map(data.departments.map((d) => [d.id, { name: d.name, parentId: d.parentId, row: 0 }]));
  for (const d of implicit) final.set(d.id, { name: d.name, parentId: d.parentId, row: 0 });
  for (const c of changes) final.set(c.id, { ...c.values, row: c.row });
  const looping = idsInLoops(new Map(Array.from(final, ([id, d]) => [id, d.parentId])));
  const taken = new Map<string, { id: string; row: number }>();
  for (const [id, d] of final) {
    if (d.row && looping.has(id)) issue(d.row, 'parent', `"${d.name}" would sit under itself or one of its own sub-departments.`);
    const key = `${d.parentId ?? ''}\u0000${lower(d.name)}`;
    const other = taken.get(key);
    if (other && (d.row || other.row)) {
      const also = d.row && other.row ? ` (also row ${Math.min(d.row, other.row)})` : '';
      issue(Math.max(d.row, other.row), 'name', `Two departments would be named "${d.name}" under the same parent${also}.`);
    }
    taken.set(key, { id, row: d.row });
  }
}

export const departmentImport: ImportKindHandler = {
  fields: DEPARTMENT_IMPORT_FIELDS,
  areas: ['people'],
  plan(ctx, table, m): PlannedImport {
    const { issues, changes, implicit, index } = planDepartmentImport(table, m, loadPeople(ctx.store.raw, { employees: false }));
    issues.sort((a, b) => a.row - b.row);
    return {
      issues,
      summary: summarise(changes),
      creates: createdList('department', implicit.map((d) => index.label(d.id))),
      async write(ctx, job) {
        const db = ctx.store.raw;
        db.pragma('defer_foreign_keys = ON');
        const insert = db.prepare(`INSERT INTO department (id, name, code, parent_id, archived, created_at, updated_at, version) VALUES (@id, @name, @code, @parentId, 0, @now, @now, 1)`);
        const update = db.prepare(`UPDATE department SET name = @name, code = @code, parent_id = @parentId, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version`);
        for (const d of implicit) insert.run({ ...d, now: ctx.now });
        for (const c of changes) {
          if (c.isNew) insert.run({ id: c.id, ...c.values, now: ctx.now });
          else if (c.changed.length) runUpdate(update, { id: c.id, ...c.values, version: c.version, now: ctx.now }, `Department "${c.before.name}"`);
        }
        await recordAudit(ctx, [
          ...implicit.map((d) => ({ entity: 'department', entityId: d.id, action: 'create' as const, after: { ...d, source: job.fileName } })),
          ...auditRows('department', changes, job.fileName),
        ]);
      },
    };
  },
};

// ---- Jobs -----------------------------------------------------------------------

type JobValues = { title: string; level: string | null; family: string | null; description: string | null };

export function planJobImport(table: Table, m: CompiledMapping, data: PeopleData, newId = timeOrderedId) {
  const { issues, issue } = startPlan(m, ['title']);
  const changes: RowChange<JobValues>[] = [];
  if (issues.length) return { issues, changes };
  const index = new JobIndex(data.jobs, newId);
  const stored = new Map(data.jobs.map((j) => [j.id, j]));
  const once = onceEach(issue, 'title', 'job');
  table.rows.forEach((cells, i) => {
    const row = rowNumberOf(table, i);
    const title = m.get('title', cells);
    if (!title) return void issue(row, 'title', `${m.label('title')} is empty${m.emptyReason('title', cells)}.`);
    const level = m.has('level') ? m.get('level', cells) || null : null;
    const family = m.has('family') ? m.get('family', cells) || null : undefined;
    const description = m.has('description') ? m.get('description', cells) || null : undefined;
    tooLong(issue, row, 'title', title, 200);
    tooLong(issue, row, 'level', level, 40);
    tooLong(issue, row, 'family', family, 200);
    tooLong(issue, row, 'description', description, 5000);
    const found = m.has('level') ? index.exact(title, level) : undefined;
    const id = found ? found.id : settle(issue, row, 'title', index.resolve(title, m.has('level') ? level : null, family ?? null));
    if (!id) return;
    once(id, row);
    const job = stored.get(id);
    const created = index.created.find((j) => j.id === id);
    const before: JobValues = job ? { title: job.title, level: job.level, family: job.family, description: job.description } : { title: created!.title, level: created!.level, family: null, description: null };
    const values = { ...before };
    if (family !== undefined) values.family = family;
    if (description !== undefined) values.description = description;
    changes.push({ id, row, isNew: !job, version: job?.version ?? 1, before, values, changed: job ? changedFields(before, values, ['family', 'description']) : ['title', 'level', 'family', 'description'] });
  });
  return { issues, changes };
}

export const jobImport: ImportKindHandler = {
  fields: JOB_IMPORT_FIELDS,
  areas: ['people'],
  plan(ctx, table, m): PlannedImport {
    const { issues, changes } = planJobImport(table, m, loadPeople(ctx.store.raw, { employees: false }));
    issues.sort((a, b) => a.row - b.row);
    return {
      issues,
      summary: summarise(changes),
      creates: [],
      async write(ctx, job) {
        const db = ctx.store.raw;
        const insert = db.prepare(`INSERT INTO job (id, title, family, level, description, archived, created_at, updated_at, version) VALUES (@id, @title, @family, @level, @description, 0, @now, @now, 1)`);
        const update = db.prepare(`UPDATE job SET family = @family, description = @description, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version`);
        for (const c of changes) {
          if (c.isNew) insert.run({ id: c.id, ...c.values, now: ctx.now });
          else if (c.changed.length) runUpdate(update, { id: c.id, ...c.values, version: c.version, now: ctx.now }, `Job "${c.before.title}"`);
        }
        await recordAudit(ctx, auditRows('job', changes, job.fileName));
      },
    };
  },
};

// ---- Positions ------------------------------------------------------------------

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
  areas: ['people'],
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
  return moving.map(([employee, seat]) => ({ entity: 'employee', entityId: employee, action: 'update' as const, before: { positionId: seatOf.get(employee) ?? null }, after: { positionId: seat } }));
}
