import { GOAL_GRID_FIELDS, GOAL_SCOPE_LABELS, GOAL_STATUS_LABELS, GOAL_UNIT_LABELS, type Goal, type GoalExportQuery, type GoalGridField, type GoalWindowQuery } from '../../../src-shared/api';
import { LABEL_SEPARATOR } from '../../../src-shared/domain/people-labels';
import { exportTable, type Cell } from '../../exports/table';
import type { ServiceContext } from '../context';
import { orderByShown, textFilterTerms } from '../shared/grid-view-sql';
import { GOAL_COLUMNS, goalScopeWhere, rolledUpFor, toGoal, wholeRollup, type GoalSqlRow } from './goals';

/*
 * The goals grid's row source: a window of rows by index with the grid's sort, column filters
 * and quick filter applied in SQL, on the text the grid shows (an owner's label, the aligned-to
 * goal's label, status and unit labels, numbers as the grid prints them), so a filter finds
 * what the user sees and the export holds what the grid shows.
 */

type Join = 'e' | 'd' | 'dp' | 'p' | 'pd' | 'pe' | 'r';
const JOIN_ORDER: Join[] = ['e', 'd', 'dp', 'p', 'pd', 'pe', 'r'];
const JOINS: Record<Join, string> = {
  e: `LEFT JOIN employee e ON e.id = g.employee_id AND g.scope = 'individual'`,
  d: `LEFT JOIN department d ON d.id = g.department_id AND g.scope = 'department'`,
  dp: 'LEFT JOIN department dp ON dp.id = d.parent_id',
  p: 'LEFT JOIN goal p ON p.id = g.aligned_to_id',
  pd: `LEFT JOIN department pd ON pd.id = p.department_id AND p.scope = 'department'`,
  pe: `LEFT JOIN employee pe ON pe.id = p.employee_id AND p.scope = 'individual'`,
  // Not a join: the roll-ups come from @rolled by json_extract (SQLite keeps the parsed JSON between rows).
  r: '',
};

const q = (text: string) => `'${text.replace(/'/g, "''")}'`;
const labelCase = (column: string, labels: Record<string, string>) =>
  `(CASE ${column} ${Object.entries(labels).map(([value, label]) => `WHEN ${q(value)} THEN ${q(label)}`).join(' ')} END)`;
/** A number as the grid prints it (String(n) in JavaScript): 50, not 50.0. */
const numberText = (sql: string) => `(CASE WHEN ${sql} IS NULL THEN NULL WHEN ${sql} = CAST(${sql} AS INTEGER) THEN CAST(CAST(${sql} AS INTEGER) AS TEXT) ELSE CAST(${sql} AS TEXT) END)`;
const sep = q(LABEL_SEPARATOR);

interface FieldSql {
  /** The text the grid shows. */
  text: string;
  /** What the column sorts by: the number for number columns, else the text. */
  sort: string;
  numeric: boolean;
  joins: Join[];
}

const NUMBER_COLUMNS: Partial<Record<GoalGridField, string>> = {
  progress: 'g.progress', weight: 'g.weight', startValue: 'g.start_value', targetValue: 'g.target_value', actualValue: 'g.actual_value',
  // The roll-up of goals with active goals aligned below them (others roll up to their own progress).
  rolledUp: `(CASE WHEN g.archived = 0 THEN coalesce(json_extract(@rolled, '$."' || g.id || '"'), g.progress) ELSE g.progress END)`,
};
const PLAIN_COLUMNS: Partial<Record<GoalGridField, string>> = {
  title: 'g.title', periodStart: 'g.period_start', periodEnd: 'g.period_end', category: 'g.category', description: 'g.description',
};

/** The label of an employee (src-shared/domain/people-labels `employeeLabel`) and of a department (`departmentLabel`). */
const employeeText = (e: string) => `(${e}.first_name || ' ' || ${e}.last_name || ' (' || ${e}.employee_number || ')')`;
const departmentText = `(CASE WHEN dp.archived = 0 AND dp.parent_id IS NOT NULL THEN d.name || ${sep} || dp.name ELSE d.name END)`;
/** renderer goals/options `goalLabel`: "Title · Scope (owner)". */
const alignedText = `(p.title || ' · ' || ${labelCase('p.scope', GOAL_SCOPE_LABELS)} || coalesce(' (' || (CASE p.scope WHEN 'department' THEN pd.name WHEN 'individual' THEN pe.first_name || ' ' || pe.last_name END) || ')', ''))`;

/** A reference column's labels, each built once from its own table with the aliases of `fieldSql`, and the goal's column that points there. */
const REFERENCE_LABELS = {
  employeeId: { owns: `g.scope = 'individual' AND g.employee_id`, from: 'e.id FROM employee e' },
  departmentId: { owns: `g.scope = 'department' AND g.department_id`, from: 'd.id FROM department d LEFT JOIN department dp ON dp.id = d.parent_id' },
  alignedToId: {
    owns: 'g.aligned_to_id',
    from: `p.id FROM goal p LEFT JOIN department pd ON pd.id = p.department_id AND p.scope = 'department' LEFT JOIN employee pe ON pe.id = p.employee_id AND p.scope = 'individual'`,
    // Only the goals something aligns to: a few higher goals, not every goal.
    among: 'p.id IN (SELECT aligned_to_id FROM goal WHERE aligned_to_id IS NOT NULL)',
  },
} as const;

function fieldSql(field: GoalGridField): FieldSql {
  const number = NUMBER_COLUMNS[field];
  if (number) return { text: numberText(number), sort: number, numeric: true, joins: field === 'rolledUp' ? ['r'] : [] };
  const plain = PLAIN_COLUMNS[field];
  if (plain) return { text: plain, sort: plain, numeric: false, joins: [] };
  const text = (sql: string, joins: Join[] = []): FieldSql => ({ text: sql, sort: sql, numeric: false, joins });
  switch (field) {
    case 'scope':
      return text(labelCase('g.scope', GOAL_SCOPE_LABELS));
    case 'status':
      return text(labelCase('g.status', GOAL_STATUS_LABELS));
    case 'unit':
      return text(labelCase('g.unit', GOAL_UNIT_LABELS));
    case 'stretch':
      return text(`(CASE WHEN g.stretch THEN 'Yes' ELSE 'No' END)`);
    case 'employeeId':
      return text(employeeText('e'), ['e']);
    case 'departmentId':
      return text(departmentText, ['d', 'dp']);
    case 'alignedToId':
      return text(alignedText, ['p', 'pd', 'pe']);
    default:
      throw new Error(`No SQL for goal field ${field}`);
  }
}

/** Rolled-up progress of every active goal that has active goals aligned below it, as JSON for the rolledUp column. */
function rolledJson(ctx: ServiceContext): string {
  const { rolled, parents } = wholeRollup(ctx);
  return JSON.stringify(Object.fromEntries([...parents].flatMap((id) => (rolled.has(id) ? [[id, rolled.get(id)]] : []))));
}

type View = Omit<GoalWindowQuery, 'offset' | 'limit'>;

const DEFAULT_ORDER = `CASE g.scope WHEN 'organisation' THEN 0 WHEN 'department' THEN 1 ELSE 2 END, g.period_start, g.title COLLATE NOCASE, g.id`;

/** FROM … WHERE … ORDER BY of a view, with the joins its filters and sort need. */
function viewSql(ctx: ServiceContext, view: View, extraFields: GoalGridField[] = []) {
  const { where, params } = goalScopeWhere(view);
  const joins = new Set<Join>();
  const use = (field: GoalGridField) => {
    const sql = fieldSql(field);
    sql.joins.forEach((join) => joins.add(join));
    return sql;
  };
  const texts = textFilterTerms(view, GOAL_GRID_FIELDS, (field) => use(field).text, (field, pattern) => {
    const reference = REFERENCE_LABELS[field as keyof typeof REFERENCE_LABELS];
    return reference && `(${reference.owns} IN (SELECT ${reference.from} WHERE ${'among' in reference ? `${reference.among} AND ` : ''}${fieldSql(field).text} LIKE ${pattern} ESCAPE '\\'))`;
  });
  where.push(...texts.where);
  const filterJoins = new Set(joins);
  let order = DEFAULT_ORDER;
  if (view.sort) {
    const sorted = use(view.sort.field);
    // Empty cells last either way, as the grid sorts them.
    order = orderByShown(sorted.sort, view.sort.desc, DEFAULT_ORDER, { numeric: sorted.numeric });
  }
  const columns = extraFields.map((field) => {
    const sql = use(field);
    return sql.numeric ? sql.sort : sql.text;
  });
  const named: Record<string, unknown> = { ...params, ...texts.params };
  if (joins.has('r')) named.rolled = rolledJson(ctx);
  const joinsOf = (set: Set<Join>) => JOIN_ORDER.filter((join) => set.has(join)).map((join) => JOINS[join]).join(' ');
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return {
    columns,
    body: `FROM goal g ${joinsOf(joins)} ${filter} ORDER BY ${order}`,
    countSql: `SELECT count(*) AS total FROM goal g ${joinsOf(filterJoins)} ${filter}`,
    params: named,
    countParams: filterJoins.has('r') ? named : { ...named, rolled: undefined },
  };
}

const withoutUndefined = (params: Record<string, unknown>) => Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));

export function listGoalWindow(ctx: ServiceContext, query: GoalWindowQuery): { rows: Goal[]; total: number } {
  const { body, countSql, params, countParams } = viewSql(ctx, query);
  // The window's ids first (with the view's count, from the same pass over the filters), then their
  // columns: the owner and aligned-to titles are read for these rows only.
  const page = ctx.store.raw.prepare(`SELECT g.id, count(*) OVER () AS total ${body} LIMIT ${query.limit} OFFSET ${query.offset}`).all(withoutUndefined(params)) as { id: string; total: number }[];
  const ids = page.map((r) => r.id);
  // Past the end of the view there is no row to carry the count.
  const total = page[0]?.total ?? (ctx.store.raw.prepare(countSql).get(withoutUndefined(countParams)) as { total: number }).total;
  const byId = new Map((ctx.store.raw.prepare(`SELECT ${GOAL_COLUMNS} FROM goal g WHERE g.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as GoalSqlRow[]).map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)!);
  const rolled = rolledUpFor(ctx, rows.map((r) => r.id));
  return { rows: rows.map((r) => toGoal(r, rolled)), total };
}

/** Every row of the view as the grid shows it, as a file (the same format as a grid's own export). */
export async function exportGoals(ctx: ServiceContext, query: GoalExportQuery) {
  const { format, title, columns, ...view } = query;
  const { columns: texts, body, params } = viewSql(ctx, view, columns.map((c) => c.field));
  const select = texts.map((sql, i) => `${sql} AS c${i}`).join(', ');
  const rows = ctx.store.raw.prepare(`SELECT ${select} ${body}`).raw(true).all(withoutUndefined(params)) as Cell[][];
  const dateColumns = columns.flatMap((c, i) => (c.field === 'periodStart' || c.field === 'periodEnd' ? [i] : []));
  return exportTable({ format, title, headers: columns.map((c) => c.header), rows, dateColumns });
}
