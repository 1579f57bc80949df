import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type FilterFn,
  type Row,
  type SortingFn,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { formatCellValue } from './convert';
import type { GridColumn, GridRow } from './types';

/** A hidden column holding each row's lower-cased display text, for the quick filter. */
const SEARCH_COLUMN = '__search';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

// Display text per row object; rows keep their identity until they change.
const searchCache = new WeakMap<GridRow, { columns: GridColumn[]; text: string }>();

function searchText(row: GridRow, columns: GridColumn[]): string {
  const cached = searchCache.get(row);
  if (cached && cached.columns === columns) return cached.text;
  const text = columns
    .map((column) => formatCellValue(column, row[column.id]))
    .join('\u0000')
    .toLowerCase();
  searchCache.set(row, { columns, text });
  return text;
}

function sortingFor(column: GridColumn): SortingFn<GridRow> {
  if (column.kind === 'number') {
    return (a, b, id) => Math.sign((a.getValue(id) as number) - (b.getValue(id) as number));
  }
  return (a, b, id) =>
    collator.compare(formatCellValue(column, a.getValue(id)), formatCellValue(column, b.getValue(id)));
}

function containsFilter(column: GridColumn): FilterFn<GridRow> {
  return (row, id, query: string) =>
    formatCellValue(column, row.getValue(id)).toLowerCase().includes(query.toLowerCase());
}

const quickFilter: FilterFn<GridRow> = (row: Row<GridRow>, id: string, query: string) =>
  (row.getValue(id) as string).includes(query.trim().toLowerCase());

function columnDefs(columns: GridColumn[]): ColumnDef<GridRow, unknown>[] {
  const defs: ColumnDef<GridRow, unknown>[] = columns.map((column) => ({
    id: column.id,
    // Empty values are undefined so `sortUndefined: 'last'` keeps them at the bottom either way.
    accessorFn: (row: GridRow) => row[column.id] ?? undefined,
    sortingFn: sortingFor(column),
    sortUndefined: 'last',
    sortDescFirst: false,
    filterFn: containsFilter(column),
  }));
  defs.push({ id: SEARCH_COLUMN, accessorFn: (row: GridRow) => searchText(row, columns), enableSorting: false });
  return defs;
}

export type SortDirection = 'asc' | 'desc' | false;

/** Sort and per-column filter state, owned by the grid so it can tell when the view changes. */
export function useViewState() {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  return { sorting, setSorting, columnFilters, setColumnFilters };
}

export type ViewState = ReturnType<typeof useViewState>;

/**
 * Sorting and filtering through TanStack Table: returns the rows in display
 * order plus the sort/filter accessors for the header.
 */
export function useTableView(data: GridRow[], columns: GridColumn[], globalFilter: string, state: ViewState, clientSide = true) {
  const { sorting, setSorting, columnFilters, setColumnFilters } = state;
  const defs = useMemo(() => columnDefs(columns), [columns]);
  const ids = useMemo(() => new Set(columns.map((c) => c.id)), [columns]);
  const activeSorting = useMemo(() => sorting.filter((s) => ids.has(s.id)), [sorting, ids]);
  const activeFilters = useMemo(() => columnFilters.filter((f) => ids.has(f.id)), [columnFilters, ids]);

  const query = globalFilter.trim();
  const table = useReactTable<GridRow>({
    data,
    columns: defs,
    state: { sorting: activeSorting, columnFilters: activeFilters, globalFilter: query },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    globalFilterFn: quickFilter,
    getColumnCanGlobalFilter: (column) => column.id === SEARCH_COLUMN,
    enableSortingRemoval: true,
  });

  // Without sorting or filtering the order is the data's own; skipping the row
  // model then saves building a TanStack row object per row on first render.
  // A windowed row source sorts and filters where the rows are: `data` comes in the view's order.
  const active = clientSide && (activeSorting.length > 0 || activeFilters.length > 0 || query !== '');
  const model = active ? table.getRowModel() : null;
  const rows = useMemo(() => (model ? model.rows.map((row) => row.original) : data), [model, data]);

  const sortOf = (id: string): SortDirection => {
    const entry = activeSorting.find((s) => s.id === id);
    return entry ? (entry.desc ? 'desc' : 'asc') : false;
  };
  /** none -> ascending -> descending -> none */
  const toggleSort = (id: string) => {
    const current = sortOf(id);
    setSorting(current === false ? [{ id, desc: false }] : current === 'asc' ? [{ id, desc: true }] : []);
  };
  const filterOf = (id: string): string => (activeFilters.find((f) => f.id === id)?.value as string) ?? '';
  const setFilter = (id: string, value: string) =>
    setColumnFilters((filters) => [...filters.filter((f) => f.id !== id), ...(value ? [{ id, value }] : [])]);

  return { rows, active, sortOf, toggleSort, filterOf, setFilter, sorting: activeSorting, filters: activeFilters };
}
