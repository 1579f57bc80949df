// A grid row source over rows the page already holds: the grid then lays out only the rows in
// view (a window at a time) instead of building its table of thousands of rows, while sorting and
// filtering work on the text the grid shows, as the grid itself does. Used where a list is read
// whole anyway (the plans, which other pickers on the page need too).
import { useEffect, useMemo, useRef } from 'react';
import { formatCellValue, type ExportFormat, type GridColumn, type GridRow, type RowSource, type RowView } from '../../grid';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The rows of a view: filtered on shown text (ignoring case), then sorted with empty cells last. */
export function viewOf(rows: readonly GridRow[], columns: readonly GridColumn[], view: RowView): GridRow[] {
  const byId = new Map(columns.map((column) => [column.id, column]));
  const text = (row: GridRow, field: string) => {
    const column = byId.get(field);
    return column ? formatCellValue(column, row[field]).toLowerCase() : String(row[field] ?? '').toLowerCase();
  };
  let out = rows.filter((row) => (view.filters ?? []).every((filter) => !filter.contains.trim() || text(row, filter.field).includes(filter.contains.trim().toLowerCase())));
  const search = view.search?.trim().toLowerCase();
  if (search) {
    const fields = view.searchFields?.length ? view.searchFields : columns.map((column) => column.id);
    out = out.filter((row) => fields.some((field) => text(row, field).includes(search)));
  }
  const sort = view.sort;
  if (sort) {
    const column = byId.get(sort.field);
    const sign = sort.desc ? -1 : 1;
    out = [...out].sort((a, b) => {
      const x = a[sort.field];
      const y = b[sort.field];
      const xEmpty = x === null || x === undefined || x === '';
      const yEmpty = y === null || y === undefined || y === '';
      if (xEmpty || yEmpty) return xEmpty === yEmpty ? 0 : xEmpty ? 1 : -1;
      if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
      return sign * collator.compare(column ? formatCellValue(column, x) : String(x), column ? formatCellValue(column, y) : String(y));
    });
  }
  return out;
}

/**
 * A row source over `rows` (undefined while they load). New rows (after a write anywhere) refresh
 * the grid's loaded rows in place, as a server-side source's change events do.
 */
export function useMemoryRowSource(key: string, rows: GridRow[] | undefined, columns: GridColumn[], exportRows: (format: ExportFormat, rows: GridRow[], columns: GridColumn[]) => void): RowSource {
  const current = useRef({ rows, columns, exportRows });
  current.current = { rows, columns, exportRows };
  const listeners = useRef(new Set<() => void>());
  const waiting = useRef<(() => void)[]>([]);
  useEffect(() => {
    if (!rows) return;
    waiting.current.splice(0).forEach((resolve) => resolve());
    listeners.current.forEach((listener) => listener());
  }, [rows]);
  return useMemo<RowSource>(() => ({
    key,
    async load(request) {
      while (!current.current.rows) await new Promise<void>((resolve) => waiting.current.push(resolve));
      const all = viewOf(current.current.rows, current.current.columns, request);
      return { rows: all.slice(request.offset, request.offset + request.limit), total: all.length };
    },
    subscribe(onChange) {
      listeners.current.add(onChange);
      return () => void listeners.current.delete(onChange);
    },
    async exportView(format, view, exported) {
      const { rows: held, columns: all } = current.current;
      current.current.exportRows(format, viewOf(held ?? [], all, view), exported);
    },
  }), [key]);
}
