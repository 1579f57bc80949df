import { journalEntryFields, type Input, type JournalEntry, type JournalLinkOptions } from '../../../../src-shared/api';
import { localDateIso } from '../../../../src-shared/domain/journal';
import { AppError, type ErrorIssue } from '../../../../src-shared/errors';
import { JournalEntryEntity, type JournalEntryRow } from '../../../store/entities/reviews';
import type { ServiceContext } from '../../context';
import { rowIssue, saveBatch, setArchived, type BatchSpec, type Candidate, type RowChangeInput } from '../../shared/batch';
import { likePattern } from '../../shared/lookups';
import type { z } from 'zod';

type Values = z.infer<typeof journalEntryFields>;

export const ENTRY_COLUMNS = `j.id, j.employee_id AS employeeId, e.first_name || ' ' || e.last_name AS employeeName, j.date, j.author, j.kind, j.shared,
  j.text, j.goal_id AS goalId, g.title AS goalTitle, j.review_id AS reviewId, c.name AS reviewLabel, j.archived,
  j.created_at AS createdAt, j.updated_at AS updatedAt, j.version`;
export const ENTRY_FROM = `journal_entry j JOIN employee e ON e.id = j.employee_id LEFT JOIN goal g ON g.id = j.goal_id
  LEFT JOIN review r ON r.id = j.review_id LEFT JOIN review_cycle c ON c.id = r.cycle_id`;

export type EntrySqlRow = Omit<JournalEntry, 'shared' | 'archived'> & { shared: number; archived: number };
export const toEntry = (r: EntrySqlRow): JournalEntry => ({ ...r, shared: Boolean(r.shared), archived: Boolean(r.archived) });

/** The page filters both journal lists take; `search` matches the text, the author or the employee's name. */
export interface JournalScope {
  employeeId?: string;
  author?: string;
  kind?: string;
  shared?: boolean;
  from?: string;
  to?: string;
  goalId?: string;
  reviewId?: string;
  search?: string;
  includeArchived?: boolean;
  /** Also the entries linked to this review, whatever the other filters say. */
  orLinkedToReviewId?: string;
}

/**
 * WHERE terms and named parameters (`@scope…`) of a journal scope over `journal_entry j` alone. `search`
 * matches the employee by the ids whose name matches, each name built once (not joined per entry).
 * `readsRows`: a filter on the entries' own text, which only a pass over every entry answers.
 */
export function journalScopeSql(input: JournalScope): { where: string[]; params: Record<string, unknown>; readsRows: boolean } {
  const where: string[] = [];
  if (!input.includeArchived) where.push('j.archived = 0');
  const narrowing: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (name: string, value: unknown, sql: string) => {
    params[name] = value;
    narrowing.push(sql);
  };
  if (input.employeeId) add('scopeEmployeeId', input.employeeId, 'j.employee_id = @scopeEmployeeId');
  if (input.author?.trim()) add('scopeAuthor', likePattern(input.author), `j.author LIKE @scopeAuthor ESCAPE '\\'`);
  if (input.kind) add('scopeKind', input.kind, 'j.kind = @scopeKind');
  if (input.shared !== undefined) add('scopeShared', Number(input.shared), 'j.shared = @scopeShared');
  if (input.from) add('scopeFrom', input.from, 'j.date >= @scopeFrom');
  if (input.to) add('scopeTo', input.to, 'j.date <= @scopeTo');
  if (input.goalId) add('scopeGoalId', input.goalId, 'j.goal_id = @scopeGoalId');
  if (input.reviewId) add('scopeReviewId', input.reviewId, 'j.review_id = @scopeReviewId');
  if (input.search?.trim()) {
    add('scopeSearch', likePattern(input.search), `(j.text LIKE @scopeSearch ESCAPE '\\' OR j.author LIKE @scopeSearch ESCAPE '\\'
      OR j.employee_id IN (SELECT e.id FROM employee e WHERE e.first_name || ' ' || e.last_name LIKE @scopeSearch ESCAPE '\\'))`);
  }
  const narrowed = narrowing.length ? `(${narrowing.join(' AND ')})` : '1';
  if (input.orLinkedToReviewId) {
    params.scopeLinkedReviewId = input.orLinkedToReviewId;
    where.push(`(${narrowed} OR j.review_id = @scopeLinkedReviewId)`);
  } else if (narrowing.length) where.push(narrowed);
  return { where, params, readsRows: Boolean(input.search?.trim() || input.author?.trim()) };
}

/** Filters combine with AND; `orLinkedToReviewId` widens the result by the entries linked to that review. */
export async function listJournalEntries(ctx: ServiceContext, input: Input<'reviews.listJournalEntries'>): Promise<{ rows: JournalEntry[]; total: number }> {
  const { where, params } = journalScopeSql(input);
  const db = ctx.store.raw;
  const sqlWhere = where.length ? `WHERE ${where.join(' AND ')}` : '';
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
