import type { Position, PositionExportQuery, PositionGridField, PositionWindowQuery } from '../../../src-shared/api';
import { POSITION_GRID_FIELDS } from '../../../src-shared/api';
import { LABEL_SEPARATOR } from '../../../src-shared/domain/people-labels';
import { exportTable, type Cell } from '../../exports/table';
import type { ServiceContext } from '../context';
import { orderByShown, textFilterTerms, viewTotal } from '../shared/grid-view-sql';

/*
 * The positions grid's row source (an organisation of 50,000 people has as many seats): a window
 * of rows with the grid's sort, column filters and quick filter applied in SQL, on the text the
 * grid shows (labels of references, src-shared/domain/people-labels), as the people grid does.
 */

const sep = `'${LABEL_SEPARATOR}'`;

type Join = 'j' | 'd' | 'dp' | 'r' | 'rd' | 'i';

/** Joins in the order they must be written (a parent after its child). */
const JOINS: [Join, string][] = [
  ['j', 'LEFT JOIN job j ON j.id = p.job_id'],
  ['d', 'LEFT JOIN department d ON d.id = p.department_id'],
  ['dp', 'LEFT JOIN department dp ON dp.id = d.parent_id'],
  ['r', 'LEFT JOIN position r ON r.id = p.reports_to_id'],
  ['rd', 'LEFT JOIN department rd ON rd.id = r.department_id'],
  ['i', 'LEFT JOIN employee i ON i.position_id = p.id'],
];

/** The text a column shows, in SQL, and the joins it reads. */
const FIELD_TEXT: Record<PositionGridField, { sql: string; joins: Join[] }> = {
  title: { sql: 'p.title', joins: [] },
  jobId: { sql: `(CASE WHEN j.level IS NOT NULL AND j.level <> '' THEN j.title || ' (' || j.level || ')' ELSE j.title END)`, joins: ['j'] },
  departmentId: { sql: `(CASE WHEN dp.archived = 0 AND dp.parent_id IS NOT NULL THEN d.name || ${sep} || dp.name ELSE d.name END)`, joins: ['d', 'dp'] },
  reportsToId: { sql: `(r.title || ${sep} || coalesce(CASE WHEN rd.archived = 0 THEN rd.name END, '?'))`, joins: ['r', 'rd'] },
  incumbentId: { sql: `(i.first_name || ' ' || i.last_name || ' (' || i.employee_number || ')')`, joins: ['i'] },
  isKey: { sql: `(CASE WHEN p.is_key THEN 'Yes' ELSE 'No' END)`, joins: [] },
};

/**
 * A reference column's labels, each built once from its own table with the aliases of FIELD_TEXT.
 * (The incumbent is joined for every row anyway, and a seat held by two people shows a row each.)
 */
const REFERENCE_LABELS = {
  jobId: { column: 'job_id', from: 'j.id FROM job j' },
  departmentId: { column: 'department_id', from: 'd.id FROM department d LEFT JOIN department dp ON dp.id = d.parent_id' },
  reportsToId: { column: 'reports_to_id', from: 'r.id FROM position r LEFT JOIN department rd ON rd.id = r.department_id' },
} as const;

/** FROM with only the joins `needed` (SQLite would visit the others for every row of a count). */
const fromSql = (needed: Set<Join>) => `position p ${JOINS.filter(([join]) => needed.has(join)).map(([, sql]) => sql).join(' ')}`;

const COLUMNS = `p.id, p.title, p.job_id AS jobId, p.department_id AS departmentId, p.reports_to_id AS reportsToId,
  i.id AS incumbentId, p.is_key AS isKey, p.archived, p.created_at AS createdAt, p.updated_at AS updatedAt, p.version`;

type View = Omit<PositionWindowQuery, 'offset' | 'limit'>;

function viewSql(view: View, shown: PositionGridField[] = []) {
  const where: string[] = view.includeArchived ? [] : ['p.archived = 0'];
  const joins = new Set<Join>();
  const text = (field: PositionGridField) => {
    FIELD_TEXT[field].joins.forEach((join) => joins.add(join));
    return FIELD_TEXT[field].sql;
  };
  const texts = textFilterTerms(view, POSITION_GRID_FIELDS, text, (field, pattern) => {
    const reference = REFERENCE_LABELS[field as keyof typeof REFERENCE_LABELS];
    return reference && `p.${reference.column} IN (SELECT ${reference.from} WHERE ${FIELD_TEXT[field].sql} LIKE ${pattern} ESCAPE '\\')`;
  });
  where.push(...texts.where);
  const params = [texts.params];
  const filterJoins = new Set(joins);
  const byTitle = 'p.title COLLATE NOCASE, p.id';
  const sorted = view.sort && text(view.sort.field);
  // Empty cells last either way, as the grid sorts them.
  const order = sorted ? orderByShown(sorted, view.sort!.desc, byTitle) : byTitle;
  const columns = shown.map(text);
  joins.add('i'); // the incumbent's id is a column of every row
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return { columns, body: `FROM ${fromSql(joins)} ${filter} ORDER BY ${order}`, countSql: `SELECT count(*) AS total FROM ${fromSql(filterJoins)} ${filter}`, params };
}

interface PositionWindowRow extends Omit<Position, 'isKey' | 'archived'> {
  isKey: number;
  archived: number;
}

export function listPositionWindow(ctx: ServiceContext, query: PositionWindowQuery): { rows: Position[]; total: number } {
  const { body, countSql, params } = viewSql(query);
  const rows = ctx.store.raw.prepare(`SELECT ${COLUMNS} ${body} LIMIT ${query.limit} OFFSET ${query.offset}`).all(...params) as PositionWindowRow[];
  const total = viewTotal(query, rows.length, () => (ctx.store.raw.prepare(countSql).get(...params) as { total: number }).total);
  return { rows: rows.map((row) => ({ ...row, isKey: Boolean(row.isKey), archived: Boolean(row.archived) })), total };
}

/** Every row of the view as the grid shows it, as a file (the same format as a grid's own export). */
export function exportPositions(ctx: ServiceContext, query: PositionExportQuery) {
  const { format, title, columns, ...view } = query;
  const { columns: texts, body, params } = viewSql(view, columns.map((c) => c.field));
  const select = texts.map((sql, i) => `${sql} AS c${i}`).join(', ');
  const rows = ctx.store.raw.prepare(`SELECT ${select} ${body}`).raw(true).all(...params) as Cell[][];
  return exportTable({ format, title, headers: columns.map((c) => c.header), rows });
}
