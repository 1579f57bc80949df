import { EMPLOYEE_GRID_FIELDS, EMPLOYEE_STATUS_LABELS, type Employee, type EmployeeExportQuery, type EmployeeGridField, type EmployeeWindowQuery } from '../../../src-shared/api';
import { LABEL_SEPARATOR } from '../../../src-shared/domain/people-labels';
import { exportTable, type Cell } from '../../exports/table';
import type { EmployeeRow } from '../../store/entities/people';
import type { ServiceContext } from '../context';
import { orderByShown, textFilterTerms, viewTotal } from '../shared/grid-view-sql';
import { EMPLOYEE_COLUMNS, EMPLOYEE_COLUMNS_AS_OF, employeeScopeSql, STATUS_AS_OF, toEmployee } from './employees';

/*
 * The people grid's row source: a window of rows by index with the grid's sort, column filters
 * and quick filter applied in SQL, on the text the grid shows (labels of references, not ids),
 * so a filter finds what the user sees and the export holds what the grid shows.
 */

type Join = 'd' | 'dp' | 'j' | 'p' | 'pd' | 'm';

/** Joins a label needs, in the order they must be written (a parent after its child). */
const JOIN_ORDER: Join[] = ['d', 'dp', 'j', 'p', 'pd', 'm'];

function joinSql(join: Join, org: string): string {
  switch (join) {
    case 'd':
      return `LEFT JOIN department d ON d.id = ${org}.department_id`;
    case 'dp':
      return 'LEFT JOIN department dp ON dp.id = d.parent_id';
    case 'j':
      return `LEFT JOIN job j ON j.id = ${org}.job_id`;
    case 'p':
      return `LEFT JOIN position p ON p.id = ${org}.position_id`;
    case 'pd':
      return 'LEFT JOIN department pd ON pd.id = p.department_id';
    case 'm':
      return `LEFT JOIN employee m ON m.id = ${org}.manager_id`;
  }
}

const sep = `'${LABEL_SEPARATOR}'`;
const statusLabel = (status: string) =>
  `(CASE ${status} ${Object.entries(EMPLOYEE_STATUS_LABELS).map(([value, label]) => `WHEN '${value}' THEN '${label}'`).join(' ')} END)`;

/**
 * The text a column shows, in SQL, and the joins it needs. References read as their labels
 * (src-shared/domain/people-labels): a department names its parent below the top of the tree,
 * a job its level, a position its department, a manager their number.
 */
function fieldText(field: EmployeeGridField, asOf: boolean): { sql: string; joins: Join[] } {
  switch (field) {
    case 'employeeNumber':
      return { sql: 'e.employee_number', joins: [] };
    case 'firstName':
      return { sql: 'e.first_name', joins: [] };
    case 'lastName':
      return { sql: 'e.last_name', joins: [] };
    case 'email':
      return { sql: 'e.email', joins: [] };
    case 'hireDate':
      return { sql: 'e.hire_date', joins: [] };
    case 'terminationDate':
      return { sql: 'e.termination_date', joins: [] };
    case 'location':
      return { sql: 'e.location', joins: [] };
    case 'status':
      return { sql: statusLabel(asOf ? STATUS_AS_OF : 'e.status'), joins: [] };
    case 'departmentId':
      return { sql: `(CASE WHEN dp.archived = 0 AND dp.parent_id IS NOT NULL THEN d.name || ${sep} || dp.name ELSE d.name END)`, joins: ['d', 'dp'] };
    case 'jobId':
      return { sql: `(CASE WHEN j.level IS NOT NULL AND j.level <> '' THEN j.title || ' (' || j.level || ')' ELSE j.title END)`, joins: ['j'] };
    case 'positionId':
      return { sql: `(p.title || ${sep} || coalesce(CASE WHEN pd.archived = 0 THEN pd.name END, '?'))`, joins: ['p', 'pd'] };
    case 'managerId':
      return { sql: `(m.first_name || ' ' || m.last_name || ' (' || m.employee_number || ')')`, joins: ['m'] };
  }
}

type View = Omit<EmployeeWindowQuery, 'offset' | 'limit'>;

/** FROM … WHERE … ORDER BY of a view, with the joins its filters and sort need. */
function viewSql(view: View, extraFields: EmployeeGridField[] = []) {
  const asOf = Boolean(view.asOf);
  const { from, org, where, params } = employeeScopeSql(view);
  const joins = new Set<Join>();
  const text = (field: EmployeeGridField) => {
    const { sql, joins: needed } = fieldText(field, asOf);
    needed.forEach((join) => joins.add(join));
    return sql;
  };
  const texts = textFilterTerms(view, EMPLOYEE_GRID_FIELDS, text, (field, pattern) => {
    const reference = REFERENCE_LABELS[field as keyof typeof REFERENCE_LABELS];
    return reference && `${org}.${reference.column} IN (SELECT ${reference.from} WHERE ${fieldText(field, asOf).sql} LIKE ${pattern} ESCAPE '\\')`;
  });
  where.push(...texts.where);
  // Named: after the scope's positional values.
  params.push(texts.params);
  const filterJoins = new Set(joins);
  const byName = 'e.last_name COLLATE NOCASE, e.first_name COLLATE NOCASE, e.id';
  let order = byName;
  // The window's order as terms (value, direction) that it reads back from its narrow sort (below).
  const terms: { sql: string; desc?: boolean; binary?: boolean }[] = [{ sql: 'e.last_name' }, { sql: 'e.first_name' }, { sql: 'e.id', binary: true }];
  let ranks: string | null = null;
  let sortOrder: string | null = null;
  if (view.sort) {
    const sorted = text(view.sort.field);
    // Empty cells last either way, as the grid sorts them.
    order = orderByShown(sorted, view.sort.desc, byName);
    const rank = RANKED[view.sort.field as keyof typeof RANKED];
    // A department or job label is ranked once per department or job instead of built per person.
    if (rank) ranks = `ranks(id, r) AS MATERIALIZED (SELECT ${rank.key}, dense_rank() OVER (ORDER BY ${fieldText(view.sort.field, asOf).sql} COLLATE NOCASE) FROM ${rank.from})`;
    const key = rank ? 'r.r' : sorted;
    terms.unshift({ sql: `(${key}) IS NULL` }, { sql: key, desc: view.sort.desc });
    if (rank) sortOrder = `(r.r) IS NULL, r.r ${view.sort.desc ? 'DESC' : 'ASC'}, ${byName}`;
  }
  const columns = extraFields.map(text);
  const joinsOf = (set: Set<Join>) => JOIN_ORDER.filter((join) => set.has(join)).map((join) => joinSql(join, org)).join(' ');
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const sortJoins = new Set([...filterJoins, ...(ranks ? [] : joins)]);
  return {
    asOf,
    columns,
    body: `FROM ${from} ${joinsOf(joins)} ${filter} ORDER BY ${order}`,
    countSql: `SELECT count(*) AS total FROM ${from} ${joinsOf(filterJoins)} ${filter}`,
    /**
     * A window: sorted narrow (the row ids and the sort's values, not every column), then those rows read
     * by rowid and put back in the same order. Deep windows sort tens of thousands of rows.
     */
    window: (limit: number, offset: number) => {
      const keys = terms.map((term, i) => `${term.sql} AS k${i}`).join(', ');
      const rowids = `e.rowid AS rid${asOf ? ', a.rowid AS arid' : ''}`;
      const rankJoin = ranks ? `LEFT JOIN ranks r ON r.id = ${org}.${view.sort!.field === 'jobId' ? 'job_id' : 'department_id'}` : '';
      const inner = `SELECT ${rowids}, ${keys} FROM ${from} ${joinsOf(sortJoins)} ${rankJoin} ${filter} ORDER BY ${sortOrder ?? order} LIMIT ${limit} OFFSET ${offset}`;
      const outer = terms.map((term, i) => `k.k${i}${term.binary ? '' : ' COLLATE NOCASE'}${term.desc ? ' DESC' : ''}`).join(', ');
      return `${ranks ? `WITH ${ranks} ` : ''}SELECT ${asOf ? EMPLOYEE_COLUMNS_AS_OF : EMPLOYEE_COLUMNS} FROM (${inner}) k CROSS JOIN employee e ON e.rowid = k.rid${
        asOf ? ' CROSS JOIN employee_assignment a ON a.rowid = k.arid' : ''} ORDER BY ${outer}`;
    },
    params,
  };
}

/** A reference column's labels, each built once from its own table with the aliases of `fieldText`. */
const REFERENCE_LABELS = {
  departmentId: { column: 'department_id', from: 'd.id FROM department d LEFT JOIN department dp ON dp.id = d.parent_id' },
  jobId: { column: 'job_id', from: 'j.id FROM job j' },
  positionId: { column: 'position_id', from: 'p.id FROM position p LEFT JOIN department pd ON pd.id = p.department_id' },
  managerId: { column: 'manager_id', from: 'm.id FROM employee m' },
} as const;

/** Sorts by a label of a small table, ranked in SQL once per row of that table. */
const RANKED = {
  departmentId: { key: 'd.id', from: 'department d LEFT JOIN department dp ON dp.id = d.parent_id' },
  jobId: { key: 'j.id', from: 'job j' },
} as const;

/** The SQL of one window and of its view's count (exported for the benchmark's raw floor). */
export function buildEmployeeWindow(query: EmployeeWindowQuery): { sql: string; countSql: string; params: unknown[] } {
  const { window, countSql, params } = viewSql(query);
  return { sql: window(query.limit, query.offset), countSql, params };
}

export function listEmployeeWindow(ctx: ServiceContext, query: EmployeeWindowQuery): { rows: Employee[]; total: number } {
  const { sql, countSql, params } = buildEmployeeWindow(query);
  const rows = ctx.store.raw.prepare(sql).all(...params) as EmployeeRow[];
  const total = viewTotal(query, rows.length, () => (ctx.store.raw.prepare(countSql).get(...params) as { total: number }).total);
  return { rows: rows.map(toEmployee), total };
}

/** Every row of the view as the grid shows it, as a file (the same format as a grid's own export). */
export async function exportEmployees(ctx: ServiceContext, query: EmployeeExportQuery) {
  const { format, title, columns, ...view } = query;
  const { columns: texts, body, params } = viewSql(view, columns.map((c) => c.field));
  const select = texts.map((sql, i) => `${sql} AS c${i}`).join(', ');
  const rows = ctx.store.raw.prepare(`SELECT ${select} ${body}`).raw(true).all(...params) as Cell[][];
  return exportTable({ format, title, headers: columns.map((c) => c.header), rows });
}
