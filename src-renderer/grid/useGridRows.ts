import { useMemo, useRef, useState } from 'react';
import { currentRow, mergeRows, withPending, type OverlayState } from './overlay';
import { keepOrder, sameOrder } from './order';
import type { GridColumn, GridRow } from './types';
import { useTableView, type ViewState } from './useTableView';

const NO_PENDING = new Map<string, Record<string, unknown>>();

/**
 * Keeps rows where they were shown until `resetKey` changes (the user sorted
 * or filtered, or the page's own filters changed): edits and reloads update
 * values in place instead of moving rows away under the cursor.
 */
function useStableOrder(viewRows: GridRow[], allRows: GridRow[], resetKey: object, local: { top: GridRow[]; bottom: GridRow[] }, keptBySource: boolean): GridRow[] {
  const last = useRef<{ key: object; rows: GridRow[] } | null>(null);
  return useMemo(() => {
    // A windowed row source keeps each row at its index itself.
    if (keptBySource) return viewRows;
    const previous = last.current;
    const fresh = !previous || previous.key !== resetKey || previous.rows.length === 0;
    const rows = fresh ? viewRows : keepOrder(previous.rows.map((row) => row.id), viewRows, allRows, local);
    last.current = { key: resetKey, rows };
    return rows;
  }, [viewRows, allRows, resetKey, local, keptBySource]);
}

/**
 * From the `rows` prop and the local overlay to the rows on screen: drafts,
 * then the rows in the order they were shown (sorted and filtered when the
 * user last sorted or filtered), with their latest values.
 *
 * As in a spreadsheet an edited row does not jump away: the order is frozen
 * until the user sorts or filters again (or asks to re-apply the sort), and
 * edited values are laid over the rows. `viewKey` is the page's own filter:
 * when it changes the rows show in their sorted order again.
 *
 * `windowed`: the rows come from a windowed row source, already sorted and filtered (the
 * view state goes to the source), each kept at its index by the source.
 */
export function useGridRows(rows: GridRow[], overlay: OverlayState, columns: GridColumn[], quickFilter: string, viewState: ViewState, viewKey?: unknown, windowed = false) {
  const [resorts, setResorts] = useState(0);
  const { saved, pending, created, appended, removed, drafts } = overlay;
  const resetKey = useMemo(
    () => ({}),
    // A new object whenever the user changes the view: the order is rebuilt then.
    [viewState.sorting, viewState.columnFilters, quickFilter, viewKey, resorts],
  );
  const savedAtViewChange = useMemo(
    () => saved,
    // `saved` is read, deliberately not a dependency: it is sampled when the view changes.
    [resetKey],
  );
  const tableData = useMemo(
    () => mergeRows(rows, { saved: savedAtViewChange, pending: NO_PENDING, created, appended, removed }),
    [rows, savedAtViewChange, created, appended, removed],
  );
  const view = useTableView(tableData, columns, quickFilter, viewState, !windowed);
  const local = useMemo(() => ({ top: created, bottom: appended }), [created, appended]);
  const ordered = useStableOrder(view.rows, tableData, resetKey, local, windowed);
  const bodyRows = useMemo(
    () => (saved.size + pending.size === 0 ? ordered : ordered.map((row) => currentRow(row, saved, pending))),
    [ordered, saved, pending],
  );
  const displayed = useMemo(
    () => (drafts.length > 0 ? [...drafts.map((row) => withPending(row, pending)), ...bodyRows] : bodyRows),
    [drafts, pending, bodyRows],
  );
  /** Rows were kept in place although the sort or filter would now move or hide them. */
  const orderStale = view.active && !sameOrder(ordered, view.rows);
  const resort = () => setResorts((n) => n + 1);
  return { tableData, view, bodyRows, displayed, orderStale, resort, viewKey: resetKey };
}
