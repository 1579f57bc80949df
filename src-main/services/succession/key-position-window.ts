import {
  KEY_POSITION_GRID_FIELDS, LEVEL_LABELS, type KeyPosition, type KeyPositionExportQuery, type KeyPositionGridField, type KeyPositionWindowQuery,
} from '../../../src-shared/api/succession';
import { LABEL_SEPARATOR } from '../../../src-shared/domain/people-labels';
import type { ServiceContext } from '../context';
import { orderByShown, textFilterTerms } from '../shared/grid-view-sql';
import { benchSql, type BenchSql } from './bench-sql';
import { readinessLevels } from './common';
import { keyPositionsByIds } from './key-positions';
import { exportView, viewQueries, windowIds } from './view-sql';

/*
 * The key positions grid's row source (5,000 at 50,000 people): a window of key positions with the
 * grid's sort, column filters and quick filter applied in SQL on the text the grid shows (the
 * position's label as the position lookup names it, level labels, the bench figures of its plan by
 * the rule of src-shared/domain/succession). The window's ids come first, then its rows.
 */

type Join = 'kp' | 'd' | 'e' | 'lr' | 'sp' | 'b';
const JOIN_ORDER: Join[] = ['kp', 'd', 'e', 'lr', 'sp', 'b'];

const q = (text: string) => `'${text.replace(/'/g, "''")}'`;
const levelText = (sql: string) => `(CASE ${sql} ${Object.entries(LEVEL_LABELS).map(([value, label]) => `WHEN ${q(value)} THEN ${q(label)}`).join(' ')} END)`;

interface FieldSql {
  sql: string;
  numeric: boolean;
  joins: Join[];
}

function fieldSql(field: KeyPositionGridField, bench: BenchSql): FieldSql {
  const text = (sql: string, joins: Join[] = []): FieldSql => ({ sql, numeric: false, joins });
  const number = (sql: string): FieldSql => ({ sql, numeric: true, joins: ['sp', 'b'] });
  switch (field) {
    // positionLabel (src-shared/domain/people-labels): "?" for a department since archived, as the position lookup shows it.
    case 'positionId':
      return text(`(p.title || ${q(LABEL_SEPARATOR)} || coalesce(CASE WHEN d.archived = 0 THEN d.name END, '?'))`, ['d']);
    case 'incumbentName':
      return text(`(e.first_name || ' ' || e.last_name)`, ['e']);
    case 'criticality':
      return text(levelText(`coalesce(kp.criticality, 'medium')`), ['kp']);
    case 'vacancyRisk':
      return text(levelText(`coalesce(kp.vacancy_risk, 'medium')`), ['kp']);
    case 'reason':
      return text(`nullif(kp.reason, '')`, ['kp']);
    case 'plannedLeaveDate':
      return text('kp.planned_leave_date', ['kp']);
    case 'riskOfLoss':
      return text(levelText('lr.risk_of_loss'), ['e', 'lr']);
    case 'impactOfLoss':
      return text(levelText('lr.impact_of_loss'), ['e', 'lr']);
    case 'successors':
      return number(bench.successors);
    case 'readyNow':
      return number(bench.readyNow);
    case 'strength':
      return number(bench.strength);
    case 'departmentName':
      return text('d.name', ['d']);
  }
}

type View = Omit<KeyPositionWindowQuery, 'offset' | 'limit'>;

function viewSql(ctx: ServiceContext, view: View, extraFields: KeyPositionGridField[] = []) {
  const bench = benchSql(readinessLevels(ctx));
  const joins = new Set<Join>();
  const use = (field: KeyPositionGridField) => {
    const sql = fieldSql(field, bench);
    sql.joins.forEach((join) => joins.add(join));
    return sql;
  };
  // Positions marked key; with `includeArchived`, also those unmarked since (their details stay).
  const where = ['p.archived = 0', view.includeArchived ? '(p.is_key = 1 OR kp.id IS NOT NULL)' : 'p.is_key = 1'];
  if (view.includeArchived) joins.add('kp');
  // Every column is matched per row: the rows are the key positions (5,000 at 50,000 people), and
  // the position, department and incumbent they show are one index lookup each, cheaper than
  // building the label of every position or person to match them by id.
  const texts = textFilterTerms(view, KEY_POSITION_GRID_FIELDS, (field) => use(field).sql);
  where.push(...texts.where);
  const filterJoins = new Set(joins);
  // Key first, then by title and department (listKeyPositions' order).
  const byTitle = 'p.is_key DESC, p.title COLLATE NOCASE, d.name COLLATE NOCASE, p.id';
  joins.add('d');
  let order = byTitle;
  if (view.sort) {
    const sorted = use(view.sort.field);
    // Empty cells last either way, as the grid sorts them.
    order = orderByShown(sorted.sql, view.sort.desc, byTitle, { numeric: sorted.numeric });
  }
  const columns = extraFields.map((field) => use(field).sql);
  const sql: Record<Join, string> = {
    kp: 'LEFT JOIN key_position kp ON kp.id = p.id',
    d: 'LEFT JOIN department d ON d.id = p.department_id',
    e: 'LEFT JOIN employee e ON e.position_id = p.id',
    lr: 'LEFT JOIN loss_risk lr ON lr.employee_id = e.id AND lr.archived = 0',
    sp: 'LEFT JOIN succession_plan sp ON sp.position_id = p.id AND sp.archived = 0',
    b: bench.join('sp.id'),
  };
  const queries = viewQueries({ from: 'position p', joins: sql, order: JOIN_ORDER, bench }, { used: joins, filtered: filterJoins, where, orderBy: order });
  return { columns, ...queries, params: texts.params };
}

export function listKeyPositionWindow(ctx: ServiceContext, query: KeyPositionWindowQuery): { rows: KeyPosition[]; total: number } {
  const { ids, total } = windowIds(ctx, viewSql(ctx, query), 'p.id', query);
  return { rows: ids.length ? keyPositionsByIds(ctx, ids) : [], total };
}

/** Every key position of the view as the grid shows it, as a file (the same format as a grid's own export). */
export async function exportKeyPositions(ctx: ServiceContext, query: KeyPositionExportQuery) {
  const { format, title, columns, ...view } = query;
  const fields = columns.map((c) => c.field);
  return exportView(ctx, viewSql(ctx, view, fields), { format, title, headers: columns.map((c) => c.header), dateColumns: fields.flatMap((f, i) => (f === 'plannedLeaveDate' ? [i] : [])) });
}
