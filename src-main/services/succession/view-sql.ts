import type { ServiceContext } from '../context';
import { exportTable, type Cell } from '../../exports/table';
import { viewTotal } from '../shared/grid-view-sql';
import type { BenchSql } from './bench-sql';

/**
 * The rows and count SQL of a succession grid view (plans, key positions): `from` joined with the
 * joins the view uses, in `order`; the count joins only what its filters read. Join `b` is the bench,
 * which brings its CTEs.
 */
export function viewQueries<J extends string>(
  spec: { from: string; joins: Record<J, string>; order: readonly J[]; bench: BenchSql },
  view: { used: Set<J>; filtered: Set<J>; where: string[]; orderBy: string },
) {
  const fromSql = (set: Set<J>) => ({
    withSql: set.has('b' as J) ? `WITH ${spec.bench.ctes.join(', ')} ` : '',
    from: `FROM ${spec.from} ${spec.order.filter((join) => set.has(join)).map((join) => spec.joins[join]).join(' ')}`,
  });
  const filter = `WHERE ${view.where.join(' AND ')}`;
  const all = fromSql(view.used);
  const counted = fromSql(view.filtered);
  return {
    /** The view's rows in order, selecting `select`. */
    rowsSql: (select: string) => `${all.withSql}SELECT ${select} ${all.from} ${filter} ORDER BY ${view.orderBy}`,
    countSql: `${counted.withSql}SELECT count(*) AS total ${counted.from} ${filter}`,
  };
}

interface ViewSql {
  columns: string[];
  rowsSql(select: string): string;
  countSql: string;
  params: Record<string, string>;
}

/** A window of a view: its ids in order (`id` is the SQL of the row's id), and the view's count. */
export function windowIds(ctx: ServiceContext, sql: ViewSql, id: string, window: { offset: number; limit: number }): { ids: string[]; total: number } {
  const db = ctx.store.raw;
  const ids = (db.prepare(`${sql.rowsSql(id)} LIMIT ${window.limit} OFFSET ${window.offset}`).raw(true).all(sql.params) as [string][]).map(([value]) => value);
  return { ids, total: viewTotal(window, ids.length, () => (db.prepare(sql.countSql).get(sql.params) as { total: number }).total) };
}

/** Every row of a view as the grid shows it, as a file (the same format as a grid's own export). */
export function exportView(ctx: ServiceContext, sql: ViewSql, file: { format: 'csv' | 'xlsx'; title: string; headers: string[]; dateColumns: number[] }) {
  const rows = ctx.store.raw.prepare(sql.rowsSql(sql.columns.map((column, i) => `${column} AS c${i}`).join(', '))).raw(true).all(sql.params) as Cell[][];
  return exportTable({ ...file, rows });
}
