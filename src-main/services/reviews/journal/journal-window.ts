// The feedback journal page's row source: a window of the entries with the grid's sort, column
// filters and quick filter applied in SQL, on the text the grid shows (the employee's label as
// src-shared/domain/people-labels makes it, the kind and visibility labels, the linked goal's
// title and review's cycle name), so a filter finds what the user sees and the export holds what
// the grid shows. Cost follows the window, not the years of notes (29,000 at 50,000 people).
import {
  JOURNAL_GRID_FIELDS, JOURNAL_KIND_LABELS, JOURNAL_SHARED_LABELS,
  type JournalEntry, type JournalExportQuery, type JournalGridField, type JournalWindowQuery,
} from '../../../../src-shared/api';
import { exportTable, type Cell } from '../../../exports/table';
import type { ServiceContext } from '../../context';
import { orderByShown, textFilterTerms, viewTotal } from '../../shared/grid-view-sql';
import { ENTRY_COLUMNS, ENTRY_FROM, journalScopeSql, toEntry, type EntrySqlRow } from './journal';

type View = Omit<JournalWindowQuery, 'offset' | 'limit'>;

type Join = 'e' | 'g' | 'r' | 'c';
/** Joins in the order they must be written (a cycle after its review). */
const JOINS: [Join, string][] = [
  ['e', 'LEFT JOIN employee e ON e.id = j.employee_id'],
  ['g', 'LEFT JOIN goal g ON g.id = j.goal_id'],
  ['r', 'LEFT JOIN review r ON r.id = j.review_id'],
  ['c', 'LEFT JOIN review_cycle c ON c.id = r.cycle_id'],
];

const EMPLOYEE_LABEL = `(e.first_name || ' ' || e.last_name || ' (' || e.employee_number || ')')`;
const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The text a column shows, in SQL, and the joins it reads. */
const FIELD_TEXT: Record<JournalGridField, { sql: string; joins: Join[] }> = {
  date: { sql: 'j.date', joins: [] },
  employeeId: { sql: EMPLOYEE_LABEL, joins: ['e'] },
  kind: { sql: `(CASE j.kind ${Object.entries(JOURNAL_KIND_LABELS).map(([value, label]) => `WHEN ${quoted(value)} THEN ${quoted(label)}`).join(' ')} END)`, joins: [] },
  shared: { sql: `(CASE WHEN j.shared THEN ${quoted(JOURNAL_SHARED_LABELS.shared)} ELSE ${quoted(JOURNAL_SHARED_LABELS.private)} END)`, joins: [] },
  author: { sql: 'j.author', joins: [] },
  text: { sql: 'j.text', joins: [] },
  goalTitle: { sql: 'g.title', joins: ['g'] },
  reviewLabel: { sql: 'c.name', joins: ['r', 'c'] },
};

/**
 * Reference columns matched by the records whose label matches, each label built once: the people
 * whose label matches; the review's cycle name, checked first against the few cycles (a text no
 * cycle name holds costs nothing per entry) and then per linked review, never by listing the
 * reviews of a cycle (50,000 each).
 */
function matchReference(field: JournalGridField, pattern: string): string | undefined {
  if (field === 'employeeId') return `j.employee_id IN (SELECT e.id FROM employee e WHERE ${EMPLOYEE_LABEL} LIKE ${pattern} ESCAPE '\\')`;
  if (field === 'reviewLabel') {
    const cycles = `SELECT c.id FROM review_cycle c WHERE c.name LIKE ${pattern} ESCAPE '\\'`;
    return `(EXISTS (${cycles}) AND EXISTS (SELECT 1 FROM review r WHERE r.id = j.review_id AND r.cycle_id IN (${cycles})))`;
  }
  return undefined;
}

/** Newest first, as the journal always listed: walks the journal_entry_recent index (migration 19) and stops at the window's end. */
const NEWEST_FIRST = 'j.date DESC, j.created_at DESC, j.id DESC';
/**
 * The same order read by one pass over the entries and a sort (unary + keeps the index out). A filter
 * on the entries' text has to read every entry anyway; walking the index would read them one by one
 * in date order, five times slower than in a pass when the filter finds few or none.
 */
const NEWEST_FIRST_IN_A_PASS = '+j.date DESC, +j.created_at DESC, +j.id DESC';

const fromSql = (needed: Set<Join>) => `journal_entry j ${JOINS.filter(([join]) => needed.has(join)).map(([, sql]) => sql).join(' ')}`;

/** The SQL of a view: the rows in order (their row ids), the count, and the shown text of `shown` columns for the export. */
function viewSql(view: View, shown: JournalGridField[] = []) {
  const { textSearch, ...scope } = view;
  const { where, params, readsRows } = journalScopeSql({ ...scope, search: textSearch });
  const joins = new Set<Join>();
  const text = (field: JournalGridField) => {
    FIELD_TEXT[field].joins.forEach((join) => joins.add(join));
    return FIELD_TEXT[field].sql;
  };
  const texts = textFilterTerms(view, JOURNAL_GRID_FIELDS, text, matchReference);
  where.push(...texts.where);
  Object.assign(params, texts.params);
  const filterJoins = new Set(joins);
  /** The view reads every entry: its window is sorted from one pass, which counts the view too. */
  const inAPass = readsRows || texts.where.length > 0;
  const newestFirst = inAPass ? NEWEST_FIRST_IN_A_PASS : NEWEST_FIRST;
  // Empty cells last either way, as the grid sorts them.
  const order = view.sort ? orderByShown(text(view.sort.field), view.sort.desc, newestFirst) : newestFirst;
  const columns = shown.map(text);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return {
    columns,
    inAPass,
    /** Row ids of the view in order, and the view's count when it is made in a pass. */
    idsSql: `SELECT j.rowid AS rid${inAPass ? ', count(*) OVER () AS total' : ''} FROM ${fromSql(joins)} ${filter} ORDER BY ${order}`,
    /** The whole view with `select`, for the export. */
    rowsSql: (select: string) => `SELECT ${select} FROM ${fromSql(joins)} ${filter} ORDER BY ${order}`,
    countSql: `SELECT count(*) AS total FROM ${fromSql(filterJoins)} ${filter}`,
    params,
  };
}

/** One window of the view: the row ids first (narrow), then those entries whole. */
export function listJournalWindow(ctx: ServiceContext, query: JournalWindowQuery): { rows: JournalEntry[]; total: number } {
  const db = ctx.store.raw;
  const { idsSql, countSql, params } = viewSql(query);
  const found = db.prepare(`${idsSql} LIMIT ${query.limit} OFFSET ${query.offset}`).all(params) as { rid: number; total?: number }[];
  const ids = found.map((row) => row.rid);
  const total = found[0]?.total ?? viewTotal(query, ids.length, () => (db.prepare(countSql).get(params) as { total: number }).total);
  const entries = db.prepare(`SELECT j.rowid AS rid, ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} WHERE j.rowid IN (SELECT value FROM json_each(@ids))`)
    .all({ ids: JSON.stringify(ids) }) as (EntrySqlRow & { rid: number })[];
  const byRid = new Map(entries.map(({ rid, ...row }) => [rid, row]));
  return { rows: ids.flatMap((rid) => (byRid.has(rid) ? [toEntry(byRid.get(rid)!)] : [])), total };
}

/** Every entry of the view as the grid shows it, as a file (the same format as a grid's own export). */
export async function exportJournal(ctx: ServiceContext, query: JournalExportQuery) {
  const { format, title, columns, ...view } = query;
  const fields = columns.map((c) => c.field);
  const { columns: texts, rowsSql, params } = viewSql(view, fields);
  const select = texts.map((sql, i) => `${sql} AS c${i}`).join(', ');
  const rows = ctx.store.raw.prepare(rowsSql(select)).raw(true).all(params) as Cell[][];
  return exportTable({ format, title, headers: columns.map((c) => c.header), rows, dateColumns: fields.flatMap((f, i) => (f === 'date' ? [i] : [])) });
}
