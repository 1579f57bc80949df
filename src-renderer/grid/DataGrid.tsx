import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useState, type JSX } from 'react';
import { isColumnHidden, useColumnPrefs } from './columnPrefs';
import { GridController, type GridLayout } from './controller';
import { DeleteConfirm } from './DeleteConfirm';
import { ErrorReport } from './ErrorReport';
import { GridBody } from './GridBody';
import { GridConflictNotice } from './GridConflictNotice';
import { currentRow } from './overlay';
import { PasteQuestionDialog } from './PasteQuestionDialog';
import { GridToolbar } from './GridToolbar';
import { FILTER_HEIGHT, HEADER_HEIGHT, pinnedWidth, ROW_HEADER_WIDTH, ROW_HEIGHT } from './layout';
import { useStore } from './store';
import { isUnloaded } from './rowSource';
import type { DataGridProps, GridColumn, GridRow, RowView } from './types';
import { useGridRows } from './useGridRows';
import { useLabelledRows, useLabelledSource } from './useLabelledRows';
import { labelsArrived } from './lookup';
import { useRowSource } from './useRowSource';
import { useViewState, type ViewState } from './useTableView';
import './grid.css';

const DEFAULT_NOUN = { one: 'row', other: 'rows' };
const NO_PENDING = new Map<string, Record<string, unknown>>();
const NO_ROWS: GridRow[] = [];

/** The grid's sort, column filters and quick filter over the visible columns, for a row source to apply. */
function rowView(state: ViewState, quickFilter: string, columns: GridColumn[]): RowView {
  const ids = new Set(columns.map((c) => c.id));
  const sort = state.sorting.find((s) => ids.has(s.id));
  const filters = state.columnFilters.filter((f) => ids.has(f.id) && String(f.value ?? '') !== '').map((f) => ({ field: f.id, contains: String(f.value) }));
  const search = quickFilter.trim();
  return {
    ...(sort ? { sort: { field: sort.id, desc: sort.desc } } : {}),
    ...(filters.length ? { filters } : {}),
    ...(search ? { search, searchFields: [...ids] } : {}),
  };
}

/** Spreadsheet-like editable grid: virtualised, keyboard driven, saving every edit through `onSave`. */
export function DataGrid(props: DataGridProps): JSX.Element {
  const { gridId, columns, allowAdd = false, onDelete, onExport, onOpenRow, rowNoun = DEFAULT_NOUN, deleteMode = 'archive' } = props;
  // Reference columns over many records (people) show labels fetched for the rows' values.
  const source = useLabelledSource(props.source, columns);
  const whole = useLabelledRows(columns, props.source ? undefined : props.rows);
  const readOnly = !allowAdd && !onDelete && columns.every((column) => column.editable === false);
  const [controller] = useState(() => new GridController());
  const prefs = useColumnPrefs(gridId, columns);
  const overlay = useStore(controller.overlay, (s) => s);
  const [filter, setFilter] = useState('');
  // Filtering scans every row: typing stays responsive and the view follows.
  const deferredFilter = useDeferredValue(filter);
  const [showFilters, setShowFilters] = useState(false);
  const viewState = useViewState();
  const sourceView = useMemo(() => rowView(viewState, deferredFilter, prefs.visible), [viewState, deferredFilter, prefs.visible]);
  const sourced = useRowSource(source, sourceView, props.windowAbove);
  const windowed = sourced.state.mode === 'windowed';
  const rows = source ? sourced.state.rows : (whole.rows ?? NO_ROWS);
  // A windowed source lays rows out anew for each view it loads; a whole table keeps its order across reloads.
  const pageKey = windowed ? `${source!.key}#${sourced.state.generation}` : (props.viewKey ?? source?.key);

  const grid = useGridRows(rows, overlay, prefs.visible, windowed ? '' : deferredFilter, viewState, pageKey, windowed);
  const { tableData, view, bodyRows, displayed, viewKey } = grid;
  const orderStale = windowed ? sourced.state.stale : grid.orderStale;
  const resort = windowed ? () => sourced.model?.reload() : grid.resort;

  /** Source indexes of the rows not loaded yet among displayed rows `first`..`last`. */
  const unloadedRange = useCallback(
    (first: number, last: number, all: boolean): [number, number] | null => {
      const model = sourced.model;
      if (!model || !windowed) return null;
      let min = Infinity;
      let max = -1;
      for (let i = Math.max(0, first); i <= Math.min(last, displayed.length - 1); i++) {
        const at = all || isUnloaded(displayed[i]) ? model.indexOf(displayed[i]) : undefined;
        if (at !== undefined) (min = Math.min(min, at), max = Math.max(max, at));
      }
      return max < 0 ? null : [min, max];
    },
    [sourced.model, windowed, displayed],
  );
  const onVisibleRows = useCallback(
    (first: number, last: number) => {
      const range = unloadedRange(first, last, true);
      if (range) sourced.model!.want(range[0], range[1]);
    },
    [unloadedRange, sourced.model],
  );
  const loadRows = useMemo(
    () =>
      windowed
        ? async (first: number, last: number) => {
            const range = unloadedRange(first, last, false);
            if (range) await sourced.model!.ensureLoaded(range[0], range[1]);
          }
        : undefined,
    [windowed, unloadedRange, sourced.model],
  );
  const latest = useMemo(() => {
    const byId = new Map(tableData.map((row) => [row.id, row]));
    return (id: string) => {
      const row = byId.get(id);
      return row && currentRow(row, overlay.saved, NO_PENDING);
    };
  }, [tableData, overlay.saved]);
  const rowNumber = useMemo(() => {
    const numbers = new Map(displayed.map((row, i) => [row.id, i + 1]));
    return (id: string) => numbers.get(id);
  }, [displayed]);

  // New labels from a lookup redraw the rows (their cells read labels as they render).
  const labelsVersion = useStore(labelsArrived, (s) => s.version);
  const columnViews = useMemo(() => prefs.views.map((view) => ({ ...view })), [prefs.views, labelsVersion]);
  const headerHeight = HEADER_HEIGHT + (showFilters ? FILTER_HEIGHT : 0);
  const layout = useMemo<GridLayout>(
    () => ({
      rowHeight: ROW_HEIGHT,
      headerHeight,
      rowHeaderWidth: ROW_HEADER_WIDTH,
      colLefts: prefs.views.map((v) => v.left),
      colWidths: prefs.views.map((v) => v.width),
      pinnedWidth: pinnedWidth(prefs.views),
    }),
    [prefs.views, headerHeight],
  );

  useLayoutEffect(() => sourced.model?.keepLoaded(() => {
    const edit = controller.ui.get().edit;
    return edit ? [edit.rowId] : [];
  }), [sourced.model, controller]);
  // Rows a source loaded anew no longer hold the ones deleted here; a window loading in does not replace them.
  useLayoutEffect(() => controller.rowsReplaced(), [controller, source ? sourced.state.generation : rows]);

  useLayoutEffect(() => {
    controller.sync({
      columns: prefs.visible,
      allColumns: columns,
      rows: displayed,
      sourceRows: tableData,
      viewKey,
      allowAdd,
      readOnly,
      onSave: props.onSave,
      onDelete,
      onOpenRow,
      layout,
      loadRows,
    });
  });

  return (
    <div className="cg-root" data-testid={`grid-${gridId}`} style={{ height: props.height ?? '100%' }}>
      <GridToolbar
        controller={controller}
        filter={filter}
        onFilterChange={setFilter}
        rowCount={windowed ? sourced.state.total : bodyRows.length}
        totalCount={windowed ? sourced.state.baseTotal : tableData.length}
        columns={columns}
        isHidden={(column) => isColumnHidden(column, prefs.prefs)}
        onToggleColumn={prefs.setHidden}
        showFilters={showFilters}
        onToggleFilters={() => setShowFilters((shown) => !shown)}
        onExport={
          windowed
            ? source?.exportView && ((format) => void source.exportView!(format, sourceView, prefs.visible))
            : onExport && ((format) => onExport(format, bodyRows, prefs.visible))
        }
        allowAdd={allowAdd}
        readOnly={readOnly}
        canDelete={!!onDelete}
        deleteMode={deleteMode}
        extra={props.toolbarExtra}
        orderStale={orderStale}
        onResort={() => (resort(), controller.focusGrid())}
      />
      <GridConflictNotice controller={controller} lookups={{ latest, columns, rowNumber }} />
      <ErrorReport controller={controller} />
      {sourced.state.error && (
        <div className="cg-source-error" role="alert" data-testid="grid-load-error">
          Rows could not be loaded: {sourced.state.error}
        </div>
      )}
      <GridBody
        controller={controller}
        rows={displayed}
        columns={columnViews}
        errors={overlay.errors}
        canOpen={!!onOpenRow}
        headerHeight={headerHeight}
        sortOf={view.sortOf}
        onSort={view.toggleSort}
        onResize={prefs.setWidth}
        showFilters={showFilters}
        filterOf={view.filterOf}
        onFilter={view.setFilter}
        onVisibleRows={onVisibleRows}
        loading={(!!source && sourced.state.mode === 'loading') || whole.labelling}
      />
      <DeleteConfirm controller={controller} rowNoun={rowNoun} mode={deleteMode} />
      <PasteQuestionDialog controller={controller} rowNoun={rowNoun} allowAdd={allowAdd} />
    </div>
  );
}
