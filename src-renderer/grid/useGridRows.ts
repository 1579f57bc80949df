import { useMemo } from 'react';
import { currentRow, mergeRows, withPending, type OverlayState } from './overlay';
import type { GridColumn, GridRow } from './types';
import { useTableView, useViewState } from './useTableView';

const NO_PENDING = new Map<string, Record<string, unknown>>();

/**
 * From the `rows` prop and the local overlay to the rows on screen: drafts,
 * then the sorted and filtered rows with their latest values.
 *
 * The table (sort and filter order) is rebuilt when rows come or go, or when
 * the user re-sorts or re-filters after editing; not on every edit, because a
 * rebuild costs O(rows) and, as in a spreadsheet, an edited row should not
 * jump away. Edited values are laid over the table's rows instead.
 */
export function useGridRows(rows: GridRow[], overlay: OverlayState, columns: GridColumn[], quickFilter: string) {
  const viewState = useViewState();
  const { saved, pending, created, appended, removed, drafts } = overlay;
  const savedAtViewChange = useMemo(
    () => saved,
    // `saved` is read, deliberately not a dependency: it is sampled when the view changes.
    [viewState.sorting, viewState.columnFilters, quickFilter],
  );
  const tableData = useMemo(
    () => mergeRows(rows, { saved: savedAtViewChange, pending: NO_PENDING, created, appended, removed }),
    [rows, savedAtViewChange, created, appended, removed],
  );
  const view = useTableView(tableData, columns, quickFilter, viewState);
  const bodyRows = useMemo(
    () => (saved.size + pending.size === 0 ? view.rows : view.rows.map((row) => currentRow(row, saved, pending))),
    [view.rows, saved, pending],
  );
  const displayed = useMemo(
    () => (drafts.length > 0 ? [...drafts.map((row) => withPending(row, pending)), ...bodyRows] : bodyRows),
    [drafts, pending, bodyRows],
  );
  return { tableData, view, bodyRows, displayed };
}
