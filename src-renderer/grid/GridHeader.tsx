import { useRef, type PointerEvent as ReactPointerEvent } from 'react';
import type { ColumnView } from './columnPrefs';
import type { ColumnWindow } from './GridRowView';
import { MIN_COLUMN_WIDTH, pinnedStyle, splitPinned } from './layout';
import type { SortDirection } from './useTableView';

interface HeaderProps {
  columns: ColumnView[];
  colWindow: ColumnWindow;
  width: number;
  sortOf: (id: string) => SortDirection;
  onSort: (id: string) => void;
  onResize: (id: string, width: number) => void;
  onSelectAll: () => void;
  showFilters: boolean;
  filterOf: (id: string) => string;
  onFilter: (id: string, value: string) => void;
}

const SORT_MARK = { asc: '▲', desc: '▼' } as const;
const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** Drag on a header's right edge to resize; a click right after a drag must not sort. */
function useColumnResize(onResize: HeaderProps['onResize']) {
  const resizedAt = useRef(0);
  const start = (e: ReactPointerEvent, id: string, startWidth: number) => {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const move = (ev: PointerEvent) => onResize(id, Math.max(MIN_COLUMN_WIDTH, startWidth + ev.clientX - startX));
    const stop = () => {
      resizedAt.current = Date.now();
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', stop);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', stop);
  };
  const justResized = () => Date.now() - resizedAt.current < 300;
  return { start, justResized };
}

export function GridHeader(props: HeaderProps) {
  const { columns, colWindow: cols, width, sortOf, onSort, showFilters, filterOf, onFilter } = props;
  const resize = useColumnResize(props.onResize);
  const split = splitPinned(columns, cols);
  const header = (col: number, pinnedLeft?: number) => {
    const { column, width: colWidth } = columns[col];
    const sort = sortOf(column.id);
    return (
      <div
        key={column.id}
        role="columnheader"
        aria-colindex={col + 2}
        aria-sort={sort ? ARIA_SORT[sort] : 'none'}
        className={`cg-colheader cg-kind-${column.kind}${pinnedLeft === undefined ? '' : ' cg-pinned'}`}
        style={pinnedStyle(colWidth, pinnedLeft)}
        data-col-id={column.id}
      >
        <button
          type="button"
          className="cg-colheader-label"
          title={`Sort by ${column.header}`}
          onClick={() => !resize.justResized() && onSort(column.id)}
        >
          <span className="cg-colheader-text">{column.header}</span>
          {column.required && <span className="cg-required">*</span>}
          {sort && <span className="cg-sort" data-testid="grid-sort-indicator">{SORT_MARK[sort]}</span>}
        </button>
        {showFilters && (
          <input
            className="cg-colfilter"
            data-testid={`grid-filter-${column.id}`}
            aria-label={`Filter ${column.header}`}
            placeholder="Filter…"
            value={filterOf(column.id)}
            onChange={(e) => onFilter(column.id, e.currentTarget.value)}
          />
        )}
        <div
          className="cg-resizer"
          data-testid={`grid-resize-${column.id}`}
          onPointerDown={(e) => resize.start(e, column.id, colWidth)}
          onClick={(e) => e.stopPropagation()}
        />
      </div>
    );
  };
  const headers = [];
  for (let col = split.start; col <= cols.end; col++) headers.push(header(col));
  return (
    <div role="row" aria-rowindex={1} className={`cg-header${showFilters ? ' cg-with-filters' : ''}`} style={{ width }}>
      <div role="columnheader" aria-colindex={1} className="cg-corner" title="Select all" onMouseDown={props.onSelectAll} />
      {split.pinned.map(({ col, left }) => header(col, left))}
      {split.padLeft > 0 && <div className="cg-pad" style={{ width: split.padLeft }} />}
      {headers}
    </div>
  );
}
