// The cycle page grid's row source: a window of a cycle's reviews by index with the grid's sort,
// column filters and quick filter applied in SQL, on the text the grid shows (names, labels, the
// rating with its level), so a filter finds what the user sees and the export holds what the grid
// shows. Cost follows the window, not the 50,000 reviews of a cycle.
import { REVIEW_GRID_FIELDS, REVIEW_STATUS_LABELS, type ReviewExportQuery, type ReviewGridField, type ReviewGridRow, type ReviewWindowQuery } from '../../../src-shared/api';
import { todayIso } from '../../../src-shared/domain/dates';
import { nearestLabel } from '../../../src-shared/domain/reviews';
import { exportTable, type Cell } from '../../exports/table';
import type { ServiceContext } from '../context';
import { orderByShown, textFilterTerms, viewTotal } from '../shared/grid-view-sql';
import { SUBTREE_CTE } from '../skills/gaps';
import { likePattern } from '../shared/lookups';
import { getCycleFacts } from './reports';
import { SUMMARY_COLUMNS, SUMMARY_FROM, toSummaries, type SummarySqlRow } from './reviews';

type View = Omit<ReviewWindowQuery, 'offset' | 'limit'>;

const formatScore = (value: number) => String(Math.round(value * 100) / 100);

/** "3.4 · Meets expectations (override)", as the grid shows a final rating. */
export function finalRatingText(levels: { value: number; label: string }[], rating: number | null, overridden: boolean): string | null {
  if (rating === null) return null;
  const label = nearestLabel(levels, rating);
  return (label ? `${formatScore(rating)} · ${label}` : formatScore(rating)) + (overridden ? ' (override)' : '');
}

const statusLabel = `(CASE r.status ${Object.entries(REVIEW_STATUS_LABELS).map(([value, label]) => `WHEN '${value}' THEN '${label}'`).join(' ')} END)`;
// One cycle: its due date is a parameter, so finding a window reads no cycle row per review.
const OVERDUE = `(r.status <> 'complete' AND @dueDate < @today)`;

type Join = 'e' | 'd' | 'j' | 'm' | 't';
const JOINS: Record<Join, string> = {
  e: 'JOIN employee e ON e.id = r.employee_id',
  d: 'LEFT JOIN department d ON d.id = r.department_id',
  j: 'LEFT JOIN job j ON j.id = r.job_id',
  m: 'LEFT JOIN employee m ON m.id = r.manager_id',
  t: 'LEFT JOIN rating_text t ON t.rating = r.final_rating',
};

/** The text a column shows, in SQL, and the tables it reads. The final rating's text is joined from `rating_text`, made from the cycle's few distinct ratings. */
function fieldText(field: ReviewGridField): { sql: string; joins: Join[] } {
  switch (field) {
    case 'employeeName':
      return { sql: `(e.first_name || ' ' || e.last_name)`, joins: ['e'] };
    case 'employeeNumber':
      return { sql: 'e.employee_number', joins: ['e'] };
    case 'departmentName':
      return { sql: 'd.name', joins: ['d'] };
    case 'jobTitle':
      return { sql: 'j.title', joins: ['j'] };
    case 'managerName':
      return { sql: `(m.first_name || ' ' || m.last_name)`, joins: ['m'] };
    case 'status':
      return { sql: statusLabel, joins: [] };
    case 'overdueText':
      return { sql: `(CASE WHEN ${OVERDUE} THEN 'Overdue' END)`, joins: [] };
    case 'dueDate':
      return { sql: '@dueDate', joins: [] };
    case 'finalText':
      return { sql: `(t.text || CASE WHEN r.override_rating IS NOT NULL THEN ' (override)' ELSE '' END)`, joins: ['t'] };
    case 'completedDay':
      return { sql: 'substr(r.completed_at, 1, 10)', joins: [] };
  }
}

/** A reference column's labels, each built once from its own table with the aliases of `fieldText` (the employee is joined for every row anyway). */
const REFERENCE_LABELS = {
  departmentName: { column: 'department_id', from: 'd.id FROM department d' },
  jobTitle: { column: 'job_id', from: 'j.id FROM job j' },
  managerName: { column: 'manager_id', from: 'm.id FROM employee m' },
} as const;

const BY_NAME = 'e.last_name COLLATE NOCASE, e.first_name COLLATE NOCASE, e.id';

/**
 * The SQL of a view of one cycle's reviews: the rows in order (their row ids, from indexes: see
 * migration 16) and the count, each joining only the tables its filters and sort read. In the
 * default order (by name) the rows are found walking the employees' name index and stop at the
 * window's end.
 */
function viewSql(ctx: ServiceContext, view: View, extraFields: ReviewGridField[] = []) {
  const cycle = getCycleFacts(ctx, view.cycleId);
  const where = ['r.cycle_id = @cycleId'];
  const params: Record<string, unknown> = { cycleId: view.cycleId, today: todayIso(), dueDate: cycle.dueDate };
  const joins = new Set<Join>();
  const used = new Set<ReviewGridField>(extraFields);
  const text = (field: ReviewGridField) => {
    used.add(field);
    const { sql, joins: needed } = fieldText(field);
    needed.forEach((join) => joins.add(join));
    return sql;
  };
  if (view.status) {
    where.push('r.status = @status');
    params.status = view.status;
  }
  if (view.departmentId) {
    where.push('r.department_id IN (SELECT id FROM subtree)');
    params.departmentId = view.departmentId;
  }
  if (view.overdue !== undefined) where.push(`${OVERDUE} = ${view.overdue ? 1 : 0}`);
  if (view.person?.trim()) {
    joins.add('e');
    where.push(`((e.first_name || ' ' || e.last_name) LIKE @person ESCAPE '\\' OR e.employee_number LIKE @person ESCAPE '\\')`);
    params.person = likePattern(view.person);
  }
  const texts = textFilterTerms(view, REVIEW_GRID_FIELDS, text, (field, pattern) => {
    const reference = REFERENCE_LABELS[field as keyof typeof REFERENCE_LABELS];
    return reference && `r.${reference.column} IN (SELECT ${reference.from} WHERE ${fieldText(field).sql} LIKE ${pattern} ESCAPE '\\')`;
  });
  where.push(...texts.where);
  Object.assign(params, texts.params);
  const filterJoins = new Set(joins);
  let order = BY_NAME;
  if (view.sort) {
    const sorted = text(view.sort.field);
    // Empty cells last either way, as the grid sorts them.
    order = orderByShown(sorted, view.sort.desc, BY_NAME);
  }
  const columns = extraFields.map(text);
  const ctes: string[] = [];
  if (view.departmentId) ctes.push(SUBTREE_CTE);
  // The cycle's distinct final ratings (a few hundred at most) with the text the grid shows for them.
  const ratingParams: unknown[] = [];
  if (used.has('finalText')) {
    const ratings = ctx.store.raw.prepare(`SELECT DISTINCT final_rating AS rating FROM review WHERE cycle_id = ? AND final_rating IS NOT NULL`)
      .all(view.cycleId) as { rating: number }[];
    const rows = ratings.map((r) => {
      ratingParams.push(r.rating, finalRatingText(cycle.levels, r.rating, false));
      return '(?, ?)';
    });
    // REAL like review.final_rating, so the join looks a rating up through an automatic index.
    ctes.push(`rating_text(rating, text) AS MATERIALIZED (SELECT CAST(column1 AS REAL), column2 FROM (${rows.length ? `VALUES ${rows.join(', ')}` : 'SELECT NULL AS column1, NULL AS column2 WHERE 0'}))`);
  }
  const withSql = ctes.length ? `WITH ${view.departmentId ? 'RECURSIVE ' : ''}${ctes.join(', ')} ` : '';
  const joinSql = (set: Set<Join>, without: Join[] = []) => (['e', 'd', 'j', 'm', 't'] as Join[]).filter((j) => set.has(j) && !without.includes(j)).map((j) => JOINS[j]).join(' ');
  const filter = `WHERE ${where.join(' AND ')}`;
  // By name: walk the employees in name order (the name index) and look up each one's review.
  const from = view.sort
    ? `FROM review r ${joinSql(new Set([...joins, 'e']))}`
    : `FROM employee e CROSS JOIN review r ON r.cycle_id = @cycleId AND r.employee_id = e.id ${joinSql(joins, ['e'])}`;
  return {
    columns,
    withSql,
    /** Row ids of the view in order. */
    idsSql: `${withSql}SELECT r.rowid AS rid ${from} ${filter} ORDER BY ${order}`,
    /** The whole view with the rows' data, for the export. */
    rowsSql: (select: string) => `${withSql}SELECT ${select} ${from} ${filter} ORDER BY ${order}`,
    countSql: `${withSql}SELECT count(*) AS total FROM review r ${joinSql(filterJoins)} ${filter}`,
    // The ratings' positional values, then the named ones.
    params: [...ratingParams, params] as unknown[],
    levels: cycle.levels,
  };
}

export function listReviewWindow(ctx: ServiceContext, query: ReviewWindowQuery): { rows: ReviewGridRow[]; total: number } {
  const db = ctx.store.raw;
  const { idsSql, countSql, params, levels } = viewSql(ctx, query);
  const ids = (db.prepare(`${idsSql} LIMIT ${query.limit} OFFSET ${query.offset}`).raw(true).all(...params) as [number][]).map(([rid]) => rid);
  const total = viewTotal(query, ids.length, () => (db.prepare(countSql).get(...params) as { total: number }).total);
  const found = db.prepare(`SELECT r.rowid AS rid, ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE r.rowid IN (SELECT value FROM json_each(@ids))`)
    .all({ ids: JSON.stringify(ids), today: todayIso() }) as (SummarySqlRow & { rid: number })[];
  const byRid = new Map(found.map(({ rid, ...row }) => [rid, row]));
  const rows = ids.flatMap((rid) => (byRid.has(rid) ? [byRid.get(rid)!] : []));
  return {
    rows: toSummaries(ctx, rows).map((r) => ({
      ...r,
      overdueText: r.overdue ? 'Overdue' : null,
      finalText: finalRatingText(levels, r.finalRating, r.overrideRating !== null),
      completedDay: r.completedAt?.slice(0, 10) ?? null,
    })),
    total,
  };
}

/** Every review of the view as the grid shows it, as a file (the same format as a grid's own export). */
export async function exportReviews(ctx: ServiceContext, query: ReviewExportQuery) {
  const { format, title, columns, ...view } = query;
  const fields = columns.map((c) => c.field);
  const { columns: texts, rowsSql, params } = viewSql(ctx, view, fields);
  const select = texts.map((sql, i) => `${sql} AS c${i}`).join(', ');
  const rows = ctx.store.raw.prepare(rowsSql(select)).raw(true).all(...params) as Cell[][];
  return exportTable({ format, title, headers: columns.map((c) => c.header), rows, dateColumns: fields.flatMap((f, i) => (f === 'dueDate' || f === 'completedDay' ? [i] : [])) });
}
