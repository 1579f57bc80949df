import { randomUUID } from 'node:crypto';
import { goalFields, type AlignableGoal, type AlignmentBranch, type AlignmentNode, type CheckIn, type Goal, type GoalScope, type Input } from '../../../src-shared/api';
import { ALIGNABLE_SCOPES, rollUpProgress } from '../../../src-shared/domain/goals';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import { GoalEntity, type GoalRow } from '../../store/entities/goals';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { formsLoop, rowIssue, saveBatch, setArchived, type BatchSpec, type Candidate, type RowChangeInput } from '../shared/batch';
import type { z } from 'zod';

type Values = z.infer<typeof goalFields>;

export const GOAL_COLUMNS = `g.id, g.scope, coalesce(g.employee_id, g.department_id) AS ownerId,
  CASE g.scope WHEN 'individual' THEN (SELECT e.first_name || ' ' || e.last_name FROM employee e WHERE e.id = g.employee_id)
               WHEN 'department' THEN (SELECT d.name FROM department d WHERE d.id = g.department_id) END AS ownerName,
  g.title, g.description, g.period_start AS periodStart, g.period_end AS periodEnd, g.category, g.unit,
  g.start_value AS startValue, g.target_value AS targetValue, g.actual_value AS actualValue, g.stretch, g.weight, g.status,
  g.aligned_to_id AS alignedToId, (SELECT p.title FROM goal p WHERE p.id = g.aligned_to_id) AS alignedToTitle, g.progress, g.archived, g.created_at AS createdAt, g.updated_at AS updatedAt, g.version`;

export type GoalSqlRow = Omit<Goal, 'stretch' | 'archived' | 'rolledUp'> & { stretch: number; archived: number };
export const toGoal = (r: GoalSqlRow, rolled: Map<string, number>): Goal => ({
  ...r, stretch: Boolean(r.stretch), archived: Boolean(r.archived), progress: r.progress ?? 0, rolledUp: rolled.get(r.id) ?? r.progress ?? 0,
});

/** Past this many goals below the ones asked about, the roll-up reads every active goal once instead of walking further. */
const SUBTREE_WALK_LIMIT = 2_000;

type RollupRow = { id: string; parentId: string | null; weight: number; progress: number };
interface WholeRollup {
  key: string;
  rolled: Map<string, number>;
  /** Active goals with active goals aligned to them. */
  parents: Set<string>;
}
const wholeRollups = new WeakMap<object, WholeRollup>();

/**
 * The roll-up of every active goal, from one scan. It is kept until the file changes: the key is
 * the connection's count of changed rows (`total_changes()`, which any write moves) and
 * `data_version` (writes by other connections), so a page reading window after window of a large
 * organisation computes it once. Inside a transaction it is computed afresh and not kept, as the
 * transaction may yet be rolled back.
 */
export function wholeRollup(ctx: ServiceContext): WholeRollup {
  const db = ctx.store.raw;
  const key = db.inTransaction ? null : `${db.prepare('SELECT total_changes()').pluck().get()}:${db.pragma('data_version', { simple: true })}`;
  const cached = wholeRollups.get(db);
  if (key !== null && cached?.key === key) return cached;
  const rows = db.prepare(`SELECT g.id, g.aligned_to_id AS parentId, g.weight, g.progress FROM goal g WHERE g.archived = 0`).all() as RollupRow[];
  const whole: WholeRollup = { key: key ?? '', rolled: rollUpProgress(rows), parents: new Set(rows.flatMap((r) => (r.parentId ? [r.parentId] : []))) };
  if (key !== null) wholeRollups.set(db, whole);
  return whole;
}

/**
 * Rolled-up progress of the given goals. The active goals below them are read a level at a time
 * (by goal_aligned_to), so leaves and small subtrees cost a query or two however many goals
 * exist; once more than SUBTREE_WALK_LIMIT goals have been read (an organisation goal's subtree)
 * the roll-up of every goal is used instead (see wholeRollup).
 */
export function rolledUpFor(ctx: ServiceContext, ids: string[]): Map<string, number> {
  if (ids.length === 0) return new Map();
  const db = ctx.store.raw;
  const columns = `g.id, g.aligned_to_id AS parentId, g.weight, g.progress`;
  if (ids.length > SUBTREE_WALK_LIMIT) return wholeRollup(ctx).rolled;
  const rows: RollupRow[] = [];
  const seen = new Set<string>();
  const read = (sql: string, frontier: string[]) => {
    const found: RollupRow[] = [];
    for (let at = 0; at < frontier.length; at += 5000) found.push(...(db.prepare(sql).all(JSON.stringify(frontier.slice(at, at + 5000))) as RollupRow[]));
    return found.filter((r) => !seen.has(r.id) && (seen.add(r.id), true));
  };
  // The next level is counted in goal_aligned_to alone (archived goals included) before it is read.
  const countBelow = db.prepare(`SELECT count(*) FROM goal WHERE aligned_to_id IN (SELECT value FROM json_each(?))`).pluck();
  let level = read(`SELECT ${columns} FROM goal g WHERE g.id IN (SELECT value FROM json_each(?)) AND g.archived = 0`, ids);
  while (level.length > 0) {
    rows.push(...level);
    const parents = level.map((r) => r.id);
    let below = 0;
    for (let at = 0; at < parents.length; at += 5000) below += countBelow.get(JSON.stringify(parents.slice(at, at + 5000))) as number;
    if (rows.length + below > SUBTREE_WALK_LIMIT) return wholeRollup(ctx).rolled;
    level = below === 0 ? [] : read(`SELECT ${columns} FROM goal g WHERE g.aligned_to_id IN (SELECT value FROM json_each(?)) AND g.archived = 0`, parents);
  }
  return rollUpProgress(rows);
}

/** The WHERE of a goal list's own filters (scope, owner, department, period, archived) and its parameters. */
export function goalScopeWhere(input: Omit<Input<'goals.listGoals'>, 'ids'>): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  if (!input.includeArchived) where.push('g.archived = 0');
  if (input.scope) where.push('g.scope = @scope');
  if (input.ownerId) where.push('(g.employee_id = @ownerId OR g.department_id = @ownerId)');
  if (input.departmentId) where.push(`(g.department_id = @departmentId OR g.employee_id IN (SELECT id FROM employee WHERE department_id = @departmentId))`);
  // Goals whose period overlaps [periodFrom, periodTo].
  if (input.periodFrom) where.push('g.period_end >= @periodFrom');
  if (input.periodTo) where.push('g.period_start <= @periodTo');
  const params = { scope: input.scope, ownerId: input.ownerId, departmentId: input.departmentId, periodFrom: input.periodFrom, periodTo: input.periodTo };
  return { where, params: Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) };
}

export async function listGoals(ctx: ServiceContext, input: Input<'goals.listGoals'>): Promise<Goal[]> {
  const { where, params } = goalScopeWhere(input);
  if (input.ids) where.push('g.id IN (SELECT value FROM json_each(@ids))');
  const rows = ctx.store.raw
    .prepare(`SELECT ${GOAL_COLUMNS} FROM goal g ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY CASE g.scope WHEN 'organisation' THEN 0 WHEN 'department' THEN 1 ELSE 2 END, g.period_start, g.title COLLATE NOCASE`)
    .all({ ...params, ...(input.ids ? { ids: JSON.stringify(input.ids) } : {}) }) as GoalSqlRow[];
  const rolled = rolledUpFor(ctx, rows.map((r) => r.id));
  return rows.map((r) => toGoal(r, rolled));
}

/** Organisation and department goals: the ones a goal may align to. No roll-up (options need none). */
export async function listAlignableGoals(ctx: ServiceContext, includeArchived = false): Promise<AlignableGoal[]> {
  const rows = ctx.store.raw.prepare(`
    SELECT g.id, g.scope, CASE g.scope WHEN 'department' THEN (SELECT d.name FROM department d WHERE d.id = g.department_id) END AS ownerName,
      g.title, g.period_start AS periodStart, g.period_end AS periodEnd, g.archived
    FROM goal g WHERE g.scope IN ('organisation', 'department') ${includeArchived ? '' : 'AND g.archived = 0'}
    ORDER BY CASE g.scope WHEN 'organisation' THEN 0 ELSE 1 END, g.period_start, g.title COLLATE NOCASE`).all() as (Omit<AlignableGoal, 'archived'> & { archived: number })[];
  return rows.map((r) => ({ ...r, archived: Boolean(r.archived) }));
}

function goalsByIds(ctx: ServiceContext, ids: string[]): Goal[] {
  const out: Goal[] = [];
  const rolled = rolledUpFor(ctx, ids);
  const stmt = ctx.store.raw.prepare(`SELECT ${GOAL_COLUMNS} FROM goal g WHERE g.id IN (SELECT value FROM json_each(?))`);
  for (let i = 0; i < ids.length; i += 5000) out.push(...(stmt.all(JSON.stringify(ids.slice(i, i + 5000))) as GoalSqlRow[]).map((r) => toGoal(r, rolled)));
  const order = new Map(ids.map((id, k) => [id, k]));
  return out.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

const goalSpec: BatchSpec<GoalRow, Values> = {
  entity: GoalEntity,
  label: 'Goal',
  fields: goalFields,
  toValues: (row) => ({
    scope: row.scope,
    ownerId: row.scope === 'individual' ? row.employeeId : row.scope === 'department' ? row.departmentId : null,
    title: row.title,
    description: row.description,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    category: row.category,
    unit: row.unit,
    startValue: row.startValue,
    targetValue: row.targetValue,
    actualValue: row.actualValue,
    stretch: Boolean(row.stretch),
    weight: row.weight,
    status: row.status,
    alignedToId: row.alignedToId,
  }),
  toColumns: (v) => ({
    scope: v.scope,
    employeeId: v.scope === 'individual' ? v.ownerId ?? null : null,
    departmentId: v.scope === 'department' ? v.ownerId ?? null : null,
    title: v.title,
    description: v.description ?? null,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    category: v.category || null,
    unit: v.unit,
    startValue: v.startValue ?? null,
    targetValue: v.targetValue ?? null,
    actualValue: v.actualValue ?? null,
    stretch: v.stretch,
    weight: v.weight,
    status: v.status,
    alignedToId: v.alignedToId ?? null,
  }),
  check: checkGoals,
};

interface AlignmentFacts { id: string; scope: GoalScope; alignedToId: string | null; archived: number; title: string; periodStart: string; periodEnd: string }

/** An aligned goal's period lies inside its parent's (so roll-ups compare like with like). */
const periodWithin = (child: { periodStart: string; periodEnd: string }, parent: { periodStart: string; periodEnd: string }) =>
  child.periodStart >= parent.periodStart && child.periodEnd <= parent.periodEnd;
/** Checked when the alignment or the period is set, not when unrelated fields of an older goal are edited. */
const periodMatters = (c: Candidate<Values>) =>
  c.isNew || ['alignedToId', 'periodStart', 'periodEnd'].some((field) => c.changedFields.includes(field));

const SCOPE_WORD: Record<GoalScope, string> = { organisation: 'an organisation', department: 'a department', individual: 'an individual' };

async function checkGoals(candidates: Candidate<Values>[], ctx: ServiceContext): Promise<ErrorIssue[]> {
  const db = ctx.store.raw;
  const issues: ErrorIssue[] = [];
  const stored = db.prepare(`SELECT id, scope, aligned_to_id AS alignedToId, archived, title, period_start AS periodStart, period_end AS periodEnd FROM goal`).all() as AlignmentFacts[];
  const goals = new Map(stored.map((g) => [g.id, g]));
  for (const c of candidates) {
    const v = c.values;
    goals.set(c.id, { id: c.id, scope: v.scope, alignedToId: v.alignedToId ?? null, archived: 0, title: v.title, periodStart: v.periodStart, periodEnd: v.periodEnd });
  }
  const employees = new Map((db.prepare(`SELECT id, archived FROM employee`).all() as { id: string; archived: number }[]).map((e) => [e.id, e.archived]));
  const departments = new Map((db.prepare(`SELECT id, archived FROM department`).all() as { id: string; archived: number }[]).map((d) => [d.id, d.archived]));
  const childrenOf = new Map<string, string[]>();
  for (const g of goals.values()) if (g.alignedToId) childrenOf.set(g.alignedToId, [...(childrenOf.get(g.alignedToId) ?? []), g.id]);
  for (const c of candidates) {
    const v = c.values;
    const ownerChanged = c.isNew || c.changedFields.includes('ownerId') || c.changedFields.includes('scope');
    if (v.periodStart > v.periodEnd) issues.push(rowIssue(c.index, 'periodEnd', 'The period must end on or after its start.'));
    if (v.scope === 'individual') {
      if (!v.ownerId) issues.push(rowIssue(c.index, 'ownerId', 'An individual goal needs an employee as its owner.'));
      else if (!employees.has(v.ownerId)) issues.push(rowIssue(c.index, 'ownerId', 'The owner must be an existing employee.'));
      else if (employees.get(v.ownerId) && ownerChanged) issues.push(rowIssue(c.index, 'ownerId', 'The employee is archived.'));
    } else if (v.scope === 'department') {
      if (!v.ownerId) issues.push(rowIssue(c.index, 'ownerId', 'A department goal needs a department as its owner.'));
      else if (!departments.has(v.ownerId)) issues.push(rowIssue(c.index, 'ownerId', 'The owner must be an existing department.'));
      else if (departments.get(v.ownerId) && ownerChanged) issues.push(rowIssue(c.index, 'ownerId', 'The department is archived.'));
    } else if (v.ownerId) {
      issues.push(rowIssue(c.index, 'ownerId', 'An organisation goal has no owner.'));
    }
    if (v.alignedToId) {
      const target = goals.get(v.alignedToId);
      if (v.alignedToId === c.id) issues.push(rowIssue(c.index, 'alignedToId', `"${v.title}" cannot align to itself.`));
      else if (!target) issues.push(rowIssue(c.index, 'alignedToId', 'The goal to align to does not exist.'));
      else if (formsLoop(c.id, (id) => goals.get(id)?.alignedToId)) issues.push(rowIssue(c.index, 'alignedToId', `"${v.title}" cannot align to one of the goals aligned below it (that would make a loop).`));
      else if (!ALIGNABLE_SCOPES[v.scope].includes(target.scope as 'organisation' | 'department'))
        issues.push(rowIssue(c.index, 'alignedToId', v.scope === 'organisation'
          ? 'An organisation goal cannot align to another goal.'
          : `${SCOPE_WORD[v.scope][0].toUpperCase()}${SCOPE_WORD[v.scope].slice(1)} goal can only align to ${v.scope === 'individual' ? 'a department or organisation' : 'an organisation'} goal, not ${SCOPE_WORD[target.scope]} one.`));
      else if (target.archived && (c.isNew || c.changedFields.includes('alignedToId'))) issues.push(rowIssue(c.index, 'alignedToId', 'The goal to align to is archived.'));
      else if (periodMatters(c) && !periodWithin(v, target)) issues.push(rowIssue(c.index, 'periodStart', `"${v.title}" runs ${v.periodStart} – ${v.periodEnd}, outside the period of the goal it aligns to, "${target.title}" (${target.periodStart} – ${target.periodEnd}).`));
    }
    if (!c.isNew && (c.changedFields.includes('periodStart') || c.changedFields.includes('periodEnd'))) {
      const outside = (childrenOf.get(c.id) ?? []).map((id) => goals.get(id)!).find((child) => !child.archived && !periodWithin(child, v));
      if (outside) issues.push(rowIssue(c.index, 'periodStart', `"${outside.title}" is aligned to this goal and runs ${outside.periodStart} – ${outside.periodEnd}; the period must still cover it.`));
    }
    if (!c.isNew && c.changedFields.includes('scope')) {
      const bad = (childrenOf.get(c.id) ?? []).map((id) => goals.get(id)!).find((child) => !ALIGNABLE_SCOPES[child.scope].includes(v.scope as 'organisation' | 'department'));
      if (bad) issues.push(rowIssue(c.index, 'scope', `"${bad.title}" is aligned to this goal; ${SCOPE_WORD[bad.scope]} goal cannot align to ${SCOPE_WORD[v.scope]} goal.`));
    }
  }
  return issues;
}

export async function saveGoals(ctx: ServiceContext, rows: RowChangeInput[]): Promise<Goal[]> {
  const saved = await saveBatch(goalSpec, rows, ctx);
  return goalsByIds(ctx, saved.map((r) => r.id));
}

export async function archiveGoals(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  const count = await setArchived(GoalEntity, 'Goal', ids, archived, ctx);
  return count;
}

const CHECK_IN_COLUMNS = `id, goal_id AS goalId, date, progress, actual_value AS actualValue, comment, author, recorded_at AS recordedAt`;

export async function recordCheckIn(ctx: ServiceContext, input: Input<'goals.recordCheckIn'>): Promise<CheckIn> {
  const db = ctx.store.raw;
  const goal = db.prepare(`SELECT id, archived, status FROM goal WHERE id = ?`).get(input.goalId) as { id: string; archived: number; status: GoalRow['status'] } | undefined;
  if (!goal) throw new AppError('NOT_FOUND', 'The goal does not exist (it may have been deleted).');
  if (goal.archived) throw new AppError('VALIDATION', 'The goal is archived; restore it before recording a check-in.', [{ path: ['goalId'], field: 'goalId', message: 'The goal is archived.' }]);
  const row: CheckIn = {
    id: randomUUID(), goalId: input.goalId, date: input.date, progress: input.progress, actualValue: input.actualValue ?? null,
    comment: input.comment || null, author: ctx.actor, recordedAt: ctx.now,
  };
  db.prepare(`INSERT INTO goal_check_in (id, goal_id, date, progress, actual_value, comment, author, recorded_at)
    VALUES (@id, @goalId, @date, @progress, @actualValue, @comment, @author, @recordedAt)`).run(row);
  // The goal's progress (and actual value, when given) follow the latest check-in by date, then recorded time.
  const latest = db.prepare(`SELECT progress, actual_value AS actualValue FROM goal_check_in WHERE goal_id = ? ORDER BY date DESC, recorded_at DESC, rowid DESC LIMIT 1`)
    .get(input.goalId) as { progress: number; actualValue: number | null };
  const status = input.status ?? (goal.status === 'not_started' && input.progress > 0 ? 'on_track' : goal.status);
  // The version moves too, so an edit started before the check-in cannot silently overwrite its actual value.
  db.prepare(`UPDATE goal SET progress = @progress, actual_value = coalesce(@actualValue, actual_value), status = @status, updated_at = @now, version = version + 1 WHERE id = @id`)
    .run({ progress: latest.progress, actualValue: latest.actualValue, status, now: ctx.now, id: input.goalId });
  await recordAudit(ctx, [
    { entity: 'goal_check_in', entityId: row.id, action: 'create', after: row },
    ...(status !== goal.status ? [{ entity: 'goal', entityId: goal.id, action: 'update' as const, before: { status: goal.status }, after: { status, byCheckIn: row.id } }] : []),
  ]);
  return row;
}

export async function listCheckIns(ctx: ServiceContext, goalId: string): Promise<CheckIn[]> {
  return ctx.store.raw.prepare(`SELECT ${CHECK_IN_COLUMNS} FROM goal_check_in WHERE goal_id = ? ORDER BY date DESC, recorded_at DESC, rowid DESC`).all(goalId) as CheckIn[];
}

/** The root and every non-archived goal aligned below it (one recursive query), each with its rolled-up progress. */
export async function getAlignmentTree(ctx: ServiceContext, rootId: string): Promise<AlignmentNode[]> {
  // CROSS JOIN keeps the tree as the outer loop, so each step looks children up by goal_aligned_to;
  // left to itself the planner may build an index on goal for every step (seconds at 40,000 goals).
  const rows = ctx.store.raw.prepare(`
    WITH RECURSIVE tree(id, parent_id, depth) AS (
      SELECT id, NULL, 0 FROM goal WHERE id = @rootId
      UNION ALL
      SELECT g.id, g.aligned_to_id, t.depth + 1 FROM tree t CROSS JOIN goal g ON g.aligned_to_id = t.id
      WHERE g.archived = 0 AND t.depth < 50
    )
    SELECT t.id, t.parent_id AS parentId, t.depth, g.title, g.scope, g.status, g.weight, g.progress,
      CASE g.scope WHEN 'individual' THEN e.first_name || ' ' || e.last_name WHEN 'department' THEN d.name END AS ownerName
    FROM tree t CROSS JOIN goal g ON g.id = t.id
    LEFT JOIN employee e ON e.id = g.employee_id LEFT JOIN department d ON d.id = g.department_id
    ORDER BY t.depth, g.title COLLATE NOCASE`).all({ rootId }) as Omit<AlignmentNode, 'rolledUp'>[];
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'The goal does not exist (it may have been deleted).');
  const rolled = rollUpProgress(rows);
  return rows.map((r) => ({ ...r, progress: r.progress ?? 0, rolledUp: rolled.get(r.id) ?? 0 }));
}

/**
 * One goal of the alignment tree and the active goals aligned directly to it (by title), each with
 * its rolled-up progress and how many active goals align to it: the tree page opens a level at a
 * time, so its cost follows what is expanded, not the size of the tree.
 */
export async function getAlignmentBranch(ctx: ServiceContext, goalId: string, withChildren = true): Promise<{ node: AlignmentBranch; children: AlignmentBranch[] }> {
  const columns = `g.id, g.aligned_to_id AS parentId, g.title, g.scope, g.status, g.weight, g.progress,
      CASE g.scope WHEN 'individual' THEN e.first_name || ' ' || e.last_name WHEN 'department' THEN d.name END AS ownerName,
      (SELECT count(*) FROM goal c WHERE c.aligned_to_id = g.id AND c.archived = 0) AS childCount`;
  const joins = `LEFT JOIN employee e ON e.id = g.employee_id LEFT JOIN department d ON d.id = g.department_id`;
  const db = ctx.store.raw;
  const node = db.prepare(`SELECT ${columns} FROM goal g ${joins} WHERE g.id = ?`).get(goalId) as Omit<AlignmentBranch, 'rolledUp'> | undefined;
  if (!node) throw new AppError('NOT_FOUND', 'The goal does not exist (it may have been deleted).');
  const children = !withChildren ? [] : db.prepare(`SELECT ${columns} FROM goal g ${joins} WHERE g.aligned_to_id = ? AND g.archived = 0 ORDER BY g.title COLLATE NOCASE, g.id`)
    .all(goalId) as Omit<AlignmentBranch, 'rolledUp'>[];
  // One walk of the goal's subtree gives the roll-up of the goal and of each child.
  const rolled = rolledUpFor(ctx, [goalId]);
  const withRollUp = (r: Omit<AlignmentBranch, 'rolledUp'>): AlignmentBranch => ({ ...r, progress: r.progress ?? 0, rolledUp: rolled.get(r.id) ?? r.progress ?? 0 });
  return { node: withRollUp(node), children: children.map(withRollUp) };
}

export async function assignToTeam(ctx: ServiceContext, input: Input<'goals.assignToTeam'>): Promise<{ created: number; ids: string[] }> {
  const db = ctx.store.raw;
  const fail = (field: string, message: string) => new AppError('VALIDATION', message, [{ path: [field], field, message }]);
  let base: Omit<Values, 'scope' | 'ownerId' | 'alignedToId'>;
  let alignTo: string | null;
  if (input.goalId) {
    const source = db.prepare(`SELECT ${GOAL_COLUMNS} FROM goal g WHERE g.id = ?`).get(input.goalId) as GoalSqlRow | undefined;
    if (!source) throw new AppError('NOT_FOUND', 'The goal does not exist (it may have been deleted).');
    if (source.scope === 'individual') throw fail('goalId', 'Individual goals cannot be assigned to a team; choose a department or organisation goal.');
    base = {
      title: source.title, description: source.description, periodStart: source.periodStart, periodEnd: source.periodEnd, category: source.category,
      unit: source.unit, startValue: source.startValue, targetValue: source.targetValue, actualValue: null, stretch: Boolean(source.stretch),
      weight: 0, status: 'not_started',
    };
    alignTo = source.id;
  } else if (input.template) {
    base = input.template;
    alignTo = input.alignToId ?? null;
  } else {
    throw fail('goalId', 'Choose a goal to assign, or fill in the goal to create.');
  }
  let employeeIds: string[];
  if (input.employeeIds?.length) employeeIds = [...new Set(input.employeeIds)];
  else if (input.departmentId) {
    if (!db.prepare(`SELECT 1 FROM department WHERE id = ?`).get(input.departmentId)) throw fail('departmentId', 'The department does not exist.');
    employeeIds = (db.prepare(`SELECT id FROM employee WHERE department_id = ? AND archived = 0 ORDER BY last_name, first_name`).all(input.departmentId) as { id: string }[]).map((e) => e.id);
    if (employeeIds.length === 0) throw fail('departmentId', 'The department has no active employees.');
  } else throw fail('employeeIds', 'Choose the employees or a department.');
  const saved = await saveBatch(goalSpec, employeeIds.map((ownerId) => ({ values: { ...base, scope: 'individual', ownerId, alignedToId: alignTo } })), ctx);
  return { created: saved.length, ids: saved.map((r) => r.id) };
}
