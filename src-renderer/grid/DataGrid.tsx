import { useDeferredValue, useLayoutEffect, useMemo, useState, type JSX } from 'react';
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
import type { DataGridProps } from './types';
import { useGridRows } from './useGridRows';
import './grid.css';

const DEFAULT_NOUN = { one: 'row', other: 'rows' };
const NO_PENDING = new Map<string, Record<string, unknown>>();

/** Spreadsheet-like editable grid: virtualised, keyboard driven, saving every edit through `onSave`. */
export function DataGrid(props: DataGridProps): JSX.Element {
  const { gridId, columns, rows, allowAdd = false, onDelete, onExport, onOpenRow, rowNoun = DEFAULT_NOUN } = props;
  const [controller] = useState(() => new GridController());
  const prefs = useColumnPrefs(gridId, columns);
  const overlay = useStore(controller.overlay, (s) => s);
  const [filter, setFilter] = useState('');
  // Filtering scans every row: typing stays responsive and the view follows.
  const deferredFilter = useDeferredValue(filter);
  const [showFilters, setShowFilters] = useState(false);

  const { tableData, view, bodyRows, displayed, orderStale, resort, viewKey } = useGridRows(rows, overlay, prefs.visible, deferredFilter, props.viewKey);
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

  useLayoutEffect(() => controller.rowsReplaced(), [controller, rows]);

  useLayoutEffect(() => {
    controller.sync({
      columns: prefs.visible,
      allColumns: columns,
      rows: displayed,
      sourceRows: tableData,
      viewKey,
      allowAdd,
      onSave: props.onSave,
      onDelete,
      onOpenRow,
      layout,
    });
  });

  return (
    <div className="cg-root" data-testid={`grid-${gridId}`} style={{ height: props.height ?? '100%' }}>
      <GridToolbar
        controller={controller}
        filter={filter}
        onFilterChange={setFilter}
        rowCount={bodyRows.length}
        totalCount={tableData.length}
        columns={columns}
        isHidden={(column) => isColumnHidden(column, prefs.prefs)}
        onToggleColumn={prefs.setHidden}
        showFilters={showFilters}
        onToggleFilters={() => setShowFilters((shown) => !shown)}
        onExport={onExport && ((format) => onExport(format, bodyRows, prefs.visible))}
        allowAdd={allowAdd}
        canDelete={!!onDelete}
        extra={props.toolbarExtra}
        orderStale={orderStale}
        onResort={() => (resort(), controller.focusGrid())}
      />
      <GridConflictNotice controller={controller} lookups={{ latest, columns, rowNumber }} />
      <ErrorReport controller={controller} />
      <GridBody
        controller={controller}
        rows={displayed}
        columns={prefs.views}
        errors={overlay.errors}
        canOpen={!!onOpenRow}
        headerHeight={headerHeight}
        sortOf={view.sortOf}
        onSort={view.toggleSort}
        onResize={prefs.setWidth}
        showFilters={showFilters}
        filterOf={view.filterOf}
        onFilter={view.setFilter}
      />
      <DeleteConfirm controller={controller} />
      <PasteQuestionDialog controller={controller} rowNoun={rowNoun} allowAdd={allowAdd} />
    </div>
  );
}
