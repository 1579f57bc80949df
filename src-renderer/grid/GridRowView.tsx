import { memo } from 'react';
import { CellEditor } from './CellEditor';
import type { ColumnView } from './columnPrefs';
import { pinnedStyle, splitPinned } from './layout';
import type { GridController } from './controller';
import { formatCellValue } from './convert';
import type { RowErrors } from './overlay';
import { useStore } from './store';
import type { GridRow } from './types';
import { decodeRowSignature, rowSignature, type RowMarks } from './uiState';

/** The visible slice of columns (all of them unless columns are virtualised). */
export interface ColumnWindow {
  start: number;
  end: number;
  padLeft: number;
}

interface RowViewProps {
  controller: GridController;
  row: GridRow;
  index: number;
  top: number;
  width: number;
  columns: ColumnView[];
  colWindow: ColumnWindow;
  errors: RowErrors | undefined;
  draft: boolean;
  /** Not loaded yet (a windowed row source): shown as a placeholder, not editable. */
  loading?: boolean;
  canOpen: boolean;
}

function cellClass(view: ColumnView, marks: RowMarks, col: number, error: string | undefined): string {
  let name = `cg-cell cg-kind-${view.column.kind}`;
  if (col >= marks.selectedFrom && col <= marks.selectedTo) name += ' cg-selected';
  if (col === marks.cursorCol) name += ' cg-cursor';
  if (view.column.editable === false) name += ' cg-readonly';
  if (error) name += ' cg-cell-error';
  return name;
}

type RowHeaderProps = Pick<RowViewProps, 'controller' | 'index' | 'draft' | 'canOpen'> & { rowId: string };

function RowHeader({ controller, index, draft, canOpen, rowId }: RowHeaderProps) {
  return (
    <div role="rowheader" aria-colindex={1} className="cg-rowheader" data-row-header={index}>
      <span className="cg-rownum">{draft ? 'New' : index + 1}</span>
      {draft ? (
        <button
          type="button"
          className="cg-row-button"
          data-testid="grid-discard-draft"
          title="Discard this new row"
          onClick={() => controller.discardDraft(rowId)}
        >
          ×
        </button>
      ) : (
        canOpen && (
          <button
            type="button"
            className="cg-row-button cg-open"
            data-testid="grid-open-row"
            title="Open (Ctrl+Enter)"
            onClick={() => controller.openRow(index)}
          >
            ↗
          </button>
        )
      )}
    </div>
  );
}

/**
 * One displayed row. Memoised: it re-renders only when its row object, its
 * errors or its part of the selection (via `rowSignature`) change.
 */
export const GridRowView = memo(function GridRowView(props: RowViewProps) {
  const { controller, row, index, top, width, columns, colWindow, errors, draft, loading = false, canOpen } = props;
  const marks = decodeRowSignature(useStore(controller.ui, (s) => rowSignature(s, index)));
  const split = splitPinned(columns, colWindow);
  const cell = (col: number, pinnedLeft?: number) => {
    const view = columns[col];
    const id = view.column.id;
    const error = errors?.cells[id];
    return (
      <div
        key={id}
        role="gridcell"
        aria-colindex={col + 2}
        aria-selected={col >= marks.selectedFrom && col <= marks.selectedTo}
        aria-readonly={view.column.editable === false || undefined}
        aria-invalid={error ? true : undefined}
        className={cellClass(view, marks, col, error) + (pinnedLeft === undefined ? '' : ' cg-pinned')}
        style={pinnedStyle(view.width, pinnedLeft)}
        data-row-index={index}
        data-col-id={id}
        data-col-index={col}
        data-testid={error ? 'cell-error' : undefined}
        title={error}
      >
        {loading ? null : col === marks.editCol ? <CellEditor controller={controller} column={view.column} row={row} /> : formatCellValue(view.column, row[id])}
      </div>
    );
  };
  const cells = [];
  for (let col = split.start; col <= colWindow.end; col++) cells.push(cell(col));
  const rowClass = `cg-row${draft ? ' cg-draft' : ''}${loading ? ' cg-row-loading' : ''}${errors?.message ? ' cg-row-invalid' : ''}`;
  return (
    <div role="row" aria-rowindex={index + 2} aria-busy={loading || undefined} className={rowClass} style={{ transform: `translateY(${top}px)`, width }}>
      <RowHeader controller={controller} index={index} draft={draft} canOpen={canOpen && !loading} rowId={row.id} />
      {errors?.message && (
        <div className="cg-row-error-track">
          <div className="cg-row-error" data-testid="row-error" title={errors.message}>
            {errors.message}
          </div>
        </div>
      )}
      {split.pinned.map(({ col, left }) => cell(col, left))}
      {split.padLeft > 0 && <div className="cg-pad" style={{ width: split.padLeft }} />}
      {cells}
    </div>
  );
});
