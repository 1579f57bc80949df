import { journalEntryFields, type Input, type JournalEntry, type JournalLinkOptions } from '../../../../src-shared/api';
import { localDateIso } from '../../../../src-shared/domain/journal';
import { AppError, type ErrorIssue } from '../../../../src-shared/errors';
import { JournalEntryEntity, type JournalEntryRow } from '../../../store/entities/reviews';
import type { ServiceContext } from '../../context';
import { rowIssue, saveBatch, setArchived, type BatchSpec, type Candidate, type RowChangeInput } from '../../shared/batch';
import { likePattern } from '../../shared/lookups';
import type { z } from 'zod';

type Values = z.infer<typeof journalEntryFields>;

const ENTRY_COLUMNS = `j.id, j.employee_id AS employeeId, e.first_name || ' ' || e.last_name AS employeeName, j.date, j.author, j.kind, j.shared,
  j.text, j.goal_id AS goalId, g.title AS goalTitle, j.review_id AS reviewId, c.name AS reviewLabel, j.archived,
  j.created_at AS createdAt, j.updated_at AS updatedAt, j.version`;
const ENTRY_FROM = `journal_entry j JOIN employee e ON e.id = j.employee_id LEFT JOIN goal g ON g.id = j.goal_id
  LEFT JOIN review r ON r.id = j.review_id LEFT JOIN review_cycle c ON c.id = r.cycle_id`;

type EntrySqlRow = Omit<JournalEntry, 'shared' | 'archived'> & { shared: number; archived: number };
const toEntry = (r: EntrySqlRow): JournalEntry => ({ ...r, shared: Boolean(r.shared), archived: Boolean(r.archived) });

/** Filters combine with AND; `orLinkedToReviewId` widens the result by the entries linked to that review. */
export async function listJournalEntries(ctx: ServiceContext, input: Input<'reviews.listJournalEntries'>): Promise<{ rows: JournalEntry[]; total: number }> {
  const where: string[] = [];
  if (!input.includeArchived) where.push('j.archived = 0');
  const narrowing: string[] = [];
  if (input.employeeId) narrowing.push('j.employee_id = @employeeId');
  if (input.author?.trim()) narrowing.push(`j.author LIKE @author ESCAPE '\\'`);
  if (input.kind) narrowing.push('j.kind = @kind');
  if (input.shared !== undefined) narrowing.push('j.shared = @shared');
  if (input.from) narrowing.push('j.date >= @from');
  if (input.to) narrowing.push('j.date <= @to');
  if (input.goalId) narrowing.push('j.goal_id = @goalId');
  if (input.reviewId) narrowing.push('j.review_id = @reviewId');
  if (input.search?.trim()) narrowing.push(`(j.text LIKE @search ESCAPE '\\' OR j.author LIKE @search ESCAPE '\\' OR e.first_name || ' ' || e.last_name LIKE @search ESCAPE '\\')`);
  const narrowed = narrowing.length ? `(${narrowing.join(' AND ')})` : '1';
  where.push(input.orLinkedToReviewId ? `(${narrowed} OR j.review_id = @orLinkedToReviewId)` : narrowed);
  const params = {
    employeeId: input.employeeId, author: likePattern(input.author), kind: input.kind, shared: input.shared === undefined ? undefined : Number(input.shared),
    from: input.from, to: input.to, goalId: input.goalId, reviewId: input.reviewId, search: likePattern(input.search), orLinkedToReviewId: input.orLinkedToReviewId,
  };
  const db = ctx.store.raw;
  const sqlWhere = `WHERE ${where.join(' AND ')}`;
  const { total } = db.prepare(`SELECT count(*) AS total FROM ${ENTRY_FROM} ${sqlWhere}`).get(params) as { total: number };
  const rows = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} ${sqlWhere} ORDER BY j.date DESC, j.created_at DESC LIMIT @limit`)
    .all({ ...params, limit: input.limit ?? 5000 }) as EntrySqlRow[];
  return { rows: rows.map(toEntry), total };
}

/** The goals (the employee's own, plus department and organisation goals) and reviews an entry about the employee may link to. */
export async function listJournalLinkOptions(ctx: ServiceContext, employeeId: string): Promise<JournalLinkOptions> {
  const db = ctx.store.raw;
  if (!db.prepare(`SELECT 1 FROM employee WHERE id = ?`).get(employeeId)) throw new AppError('NOT_FOUND', 'The employee does not exist.');
  const goals = db.prepare(`SELECT id, title, scope, period_start AS periodStart, period_end AS periodEnd FROM goal
    WHERE archived = 0 AND (employee_id = @employeeId OR scope IN ('department', 'organisation'))
    ORDER BY CASE scope WHEN 'individual' THEN 0 WHEN 'department' THEN 1 ELSE 2 END, period_start DESC, title COLLATE NOCASE`).all({ employeeId }) as JournalLinkOptions['goals'];
  const reviews = db.prepare(`SELECT r.id, c.name AS label, c.period_start AS periodStart, c.period_end AS periodEnd, r.status FROM review r
    JOIN review_cycle c ON c.id = r.cycle_id WHERE r.employee_id = ? ORDER BY c.period_end DESC`).all(employeeId) as JournalLinkOptions['reviews'];
  return { goals, reviews };
}

const journalSpec: BatchSpec<JournalEntryRow, Values> = {
  entity: JournalEntryEntity,
  label: 'Journal entry',
  fields: journalEntryFields,
  toValues: (row) => ({
    employeeId: row.employeeId, date: row.date, author: row.author, kind: row.kind, shared: Boolean(row.shared), text: row.text,
    goalId: row.goalId, reviewId: row.reviewId,
  }),
  toColumns: (v) => ({
    employeeId: v.employeeId, date: v.date, author: v.author, kind: v.kind, shared: v.shared, text: v.text, goalId: v.goalId ?? null, reviewId: v.reviewId ?? null,
  }),
  check: checkEntries,
};

async function checkEntries(candidates: Candidate<Values>[], ctx: ServiceContext): Promise<ErrorIssue[]> {
  const db = ctx.store.raw;
  const today = localDateIso(new Date(ctx.now));
  const employee = db.prepare(`SELECT archived FROM employee WHERE id = ?`);
  const goal = db.prepare(`SELECT scope, employee_id AS employeeId, archived FROM goal WHERE id = ?`);
  const review = db.prepare(`SELECT employee_id AS employeeId FROM review WHERE id = ?`);
  const issues: ErrorIssue[] = [];
  for (const c of candidates) {
    const v = c.values;
    const changed = (field: keyof Values) => c.isNew || c.changedFields.includes(field);
    if (changed('date') && v.date > today) issues.push(rowIssue(c.index, 'date', `The date cannot be in the future (today is ${today}).`));
    const person = employee.get(v.employeeId) as { archived: number } | undefined;
    if (!person) issues.push(rowIssue(c.index, 'employeeId', 'The employee does not exist.'));
    else if (person.archived && changed('employeeId')) issues.push(rowIssue(c.index, 'employeeId', 'The employee is archived.'));
    const linksChecked = changed('employeeId') || changed('goalId') || changed('reviewId');
    if (v.goalId && linksChecked) {
      const g = goal.get(v.goalId) as { scope: string; employeeId: string | null; archived: number } | undefined;
      if (!g) issues.push(rowIssue(c.index, 'goalId', 'The linked goal does not exist.'));
      else if (g.scope === 'individual' && g.employeeId !== v.employeeId) issues.push(rowIssue(c.index, 'goalId', "The linked goal belongs to someone else; link the employee's own goal, or a department or organisation goal."));
    }
    if (v.reviewId && linksChecked) {
      const r = review.get(v.reviewId) as { employeeId: string } | undefined;
      if (!r) issues.push(rowIssue(c.index, 'reviewId', 'The linked review does not exist.'));
      else if (r.employeeId !== v.employeeId) issues.push(rowIssue(c.index, 'reviewId', "The linked review is someone else's; link one of this employee's reviews."));
    }
  }
  return issues;
}

/** New entries without an author are written by the person named in Settings. */
const withDefaultAuthor = (rows: RowChangeInput[], actor: string): RowChangeInput[] =>
  rows.map((row) => (row.id || (typeof row.values.author === 'string' && row.values.author.trim()) ? row : { ...row, values: { ...row.values, author: actor } }));

export async function saveJournalEntries(ctx: ServiceContext, rows: RowChangeInput[]): Promise<JournalEntry[]> {
  const saved = await saveBatch(journalSpec, withDefaultAuthor(rows, ctx.actor), ctx);
  const stmt = ctx.store.raw.prepare(`SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} WHERE j.id = ?`);
  return saved.map((row) => toEntry(stmt.get(row.id) as EntrySqlRow));
}

/** Deleting an entry archives it (audited); it can be restored. */
export async function archiveJournalEntries(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  const count = await setArchived(JournalEntryEntity, 'Journal entry', ids, archived, ctx);
  return count;
}
