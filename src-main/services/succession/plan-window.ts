import {
  PLAN_GRID_FIELDS, readinessCountField, type Plan, type PlanExportQuery, type PlanGridField, type PlanWindowQuery, type ReadinessCountField,
} from '../../../src-shared/api/succession';
import type { ServiceContext } from '../context';
import { orderByShown, textFilterTerms } from '../shared/grid-view-sql';
import { benchSql, type BenchSql } from './bench-sql';
import { readinessLevels } from './common';
import { LISTED_PLAN, PLAN_LABEL, plansByIds } from './plans';
import { exportView, viewQueries, windowIds } from './view-sql';

/*
 * The plans grid's row source (a plan per key position: 5,000 at 50,000 people): a window of plans
 * with the grid's sort, column filters and quick filter applied in SQL on the text the grid shows
 * (the key position's and the job's labels, the bench figures by the rule of
 * src-shared/domain/succession), so a filter finds what the user sees and the export holds what
 * the grid shows. The window's ids come first; its plans and their benches are then read for
 * those rows only. The bench of every plan is computed (once per query, from the nominations)
 * only when the view sorts or filters by a bench figure.
 */

type Join = 'p' | 'd' | 'j' | 'e' | 'b';
const JOIN_ORDER: Join[] = ['p', 'd', 'j', 'e', 'b'];

const isCount = (field: string): field is ReadinessCountField => field.startsWith('count:');
const countLevel = (field: ReadinessCountField) => field.slice('count:'.length);

const JOB_TEXT = `(CASE WHEN j.level IS NOT NULL AND j.level <> '' THEN j.title || ' (' || j.level || ')' ELSE j.title END)`;

interface FieldSql {
  sql: string;
  numeric: boolean;
  joins: Join[];
}

function fieldSql(field: PlanGridField, bench: BenchSql): FieldSql {
  const text = (sql: string, joins: Join[] = []): FieldSql => ({ sql, numeric: false, joins });
  const number = (sql: string): FieldSql => ({ sql, numeric: true, joins: ['b'] });
  if (isCount(field)) return number(bench.count(countLevel(field)) ?? 'NULL');
  switch (field) {
    // The plan's label: the key-position column's options are the plans themselves.
    case 'positionId':
      return text(`(CASE WHEN sp.position_id IS NOT NULL THEN p.title || coalesce(' · ' || d.name, '') END)`, ['p', 'd']);
    // jobLabel (src-shared/domain/people-labels), as the column's job options show it.
    case 'jobId':
      return text(JOB_TEXT, ['j']);
    case 'incumbentName':
      return text(`(e.first_name || ' ' || e.last_name)`, ['e']);
    case 'emergencyLabel':
      return { ...text(bench.emergencyLabel), joins: ['b'] };
    case 'strength':
      return number(bench.strength);
    case 'band':
      return { ...text(bench.band), joins: ['b'] };
    case 'reviewedOn':
      return text('sp.reviewed_on');
    case 'notes':
      return text(`nullif(sp.notes, '')`);
  }
}

type View = Omit<PlanWindowQuery, 'offset' | 'limit'>;

function viewSql(ctx: ServiceContext, view: View, extraFields: PlanGridField[] = []) {
  const levels = readinessLevels(ctx);
  const everyField: PlanGridField[] = [...PLAN_GRID_FIELDS, ...levels.map((level) => readinessCountField(level.id))];
  // The count columns this view reads: each is one aggregate of the bench.
  const search = view.search?.trim() ? (view.searchFields?.length ? view.searchFields : everyField) : [];
  const read = [...(view.filters ?? []).map((f) => f.field), ...(view.sort ? [view.sort.field] : []), ...search, ...extraFields];
  const bench = benchSql(levels, read.filter(isCount).map(countLevel));

  const joins = new Set<Join>(['p']);
  const use = (field: PlanGridField) => {
    const sql = fieldSql(field, bench);
    sql.joins.forEach((join) => joins.add(join));
    return sql;
  };
  const where = [LISTED_PLAN, ...(view.includeArchived ? [] : ['sp.archived = 0'])];
  // The key position's label is built per plan (5,000 at 50,000 people), not for every position
  // (50,000) as matching by label-first ids would; the jobs' (about a hundred) once, not per plan.
  const texts = textFilterTerms(view, everyField, (field) => use(field).sql, (field, pattern) =>
    field === 'jobId' ? `sp.job_id IN (SELECT j.id FROM job j WHERE ${JOB_TEXT} LIKE ${pattern} ESCAPE '\\')` : undefined);
  where.push(...texts.where);
  const filterJoins = new Set(joins);
  // Plans of key positions first, then of jobs, each by label (listPlans' order).
  const byLabel = `sp.job_id IS NOT NULL, ${PLAN_LABEL} COLLATE NOCASE, sp.id`;
  ['d', 'j'].forEach((join) => joins.add(join as Join));
  let order = byLabel;
  if (view.sort) {
    const sorted = use(view.sort.field);
    // Empty cells last either way, as the grid sorts them.
    order = orderByShown(sorted.sql, view.sort.desc, byLabel, { numeric: sorted.numeric });
  }
  const columns = extraFields.map((field) => use(field).sql);
  const sql: Record<Join, string> = {
    p: 'LEFT JOIN position p ON p.id = sp.position_id',
    d: 'LEFT JOIN department d ON d.id = p.department_id',
    j: 'LEFT JOIN job j ON j.id = sp.job_id',
    e: 'LEFT JOIN employee e ON e.position_id = sp.position_id',
    b: bench.join('sp.id'),
  };
  const queries = viewQueries({ from: 'succession_plan sp', joins: sql, order: JOIN_ORDER, bench }, { used: joins, filtered: filterJoins, where, orderBy: order });
  return { columns, ...queries, params: texts.params };
}

export function listPlanWindow(ctx: ServiceContext, query: PlanWindowQuery): { rows: Plan[]; total: number } {
  const { ids, total } = windowIds(ctx, viewSql(ctx, query), 'sp.id', query);
  // The window's plans with their benches (the domain functions, over these plans' successors only).
  return { rows: ids.length ? plansByIds(ctx, ids) : [], total };
}

/** Every plan of the view as the grid shows it, as a file (the same format as a grid's own export). */
export async function exportPlanView(ctx: ServiceContext, query: PlanExportQuery) {
  const { format, title, columns, ...view } = query;
  const fields = columns.map((c) => c.field);
  return exportView(ctx, viewSql(ctx, view, fields), { format, title, headers: columns.map((c) => c.header), dateColumns: fields.flatMap((f, i) => (f === 'reviewedOn' ? [i] : [])) });
}
