import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  type ClipboardEvent as ReactClipboardEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type RefObject,
} from 'react';
import type { ColumnView } from './columnPrefs';
import type { GridController } from './controller';
import { isDraftKey } from './drafts';
import { isUnloaded } from './rowSource';
import { GridHeader } from './GridHeader';
import { GridRowView, type ColumnWindow } from './GridRowView';
import { resolveKey } from './keyboard';
import { COLUMN_VIRTUALIZATION_THRESHOLD, ROW_HEADER_WIDTH, ROW_HEIGHT } from './layout';
import type { RowErrors } from './overlay';
import type { CellPos } from './selection';
import { useStore } from './store';
import type { GridRow } from './types';

type HeaderControls = Omit<Parameters<typeof GridHeader>[0], 'columns' | 'colWindow' | 'width' | 'onSelectAll'>;

interface GridBodyProps extends HeaderControls {
  controller: GridController;
  rows: GridRow[];
  columns: ColumnView[];
  errors: Map<string, RowErrors>;
  canOpen: boolean;
  headerHeight: number;
  /** Rows `first`..`last` are on screen (a windowed row source loads them). */
  onVisibleRows?: (first: number, last: number) => void;
  /** The rows are still on their way: say so rather than "No rows". */
  loading?: boolean;
}

// Lets the first paint show rows before the scroll container has been measured.
const INITIAL_RECT = { width: 1200, height: 800 };

function cellAt(target: EventTarget): CellPos | null {
  const cell = (target as HTMLElement).closest<HTMLElement>('[data-col-index]');
  if (!cell) return null;
  return { row: Number(cell.dataset.rowIndex), col: Number(cell.dataset.colIndex) };
}

function rowHeaderAt(target: EventTarget): number | null {
  const header = (target as HTMLElement).closest<HTMLElement>('[data-row-header]');
  return header ? Number(header.dataset.rowHeader) : null;
}

function isInteractive(target: EventTarget): boolean {
  return !!(target as HTMLElement).closest('[data-cell-editor], button, input');
}

function useColumnWindow(columns: ColumnView[], getScrollElement: () => HTMLElement | null): ColumnWindow {
  const virtualize = columns.length > COLUMN_VIRTUALIZATION_THRESHOLD;
  const virtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement,
    estimateSize: (i) => columns[i].width,
    overscan: 2,
    scrollMargin: ROW_HEADER_WIDTH,
    initialRect: INITIAL_RECT,
    enabled: virtualize,
  });
  useLayoutEffect(() => {
    if (virtualize) virtualizer.measure();
  }, [columns, virtualize, virtualizer]);
  const items = virtualize ? virtualizer.getVirtualItems() : [];
  const start = items.length > 0 ? items[0].index : 0;
  const end = items.length > 0 ? items[items.length - 1].index : columns.length - 1;
  return useMemo(() => ({ start, end, padLeft: columns[start]?.left ?? 0 }), [columns, start, end]);
}

type ClipboardKind = 'copy' | 'cut' | 'paste';
const CLIPBOARD_KINDS: ClipboardKind[] = ['copy', 'cut', 'paste'];

/** Copy/cut/paste on the grid. Returns false when the event is not the grid's to handle. */
function handleClipboard(controller: GridController, kind: ClipboardKind, data: DataTransfer | null): boolean {
  if (!data || controller.ui.get().edit) return false;
  if (kind === 'paste') {
    controller.paste(data.getData('text/plain'));
    return true;
  }
  const text = controller.copyText();
  if (text === null) return false;
  data.setData('text/plain', text);
  if (kind === 'cut') controller.clearSelection();
  return true;
}

/**
 * A keyboard copy/paste targets the element holding the page's text selection,
 * or <body>, rather than the focused grid; this catches those while the grid
 * has focus (the grid's own handlers run first and mark events they handled).
 */
function useDocumentClipboard(controller: GridController, scroller: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const listeners = CLIPBOARD_KINDS.map((kind) => {
      const listener = (e: ClipboardEvent) => {
        if (e.defaultPrevented || document.activeElement !== scroller.current) return;
        if (handleClipboard(controller, kind, e.clipboardData)) e.preventDefault();
      };
      document.addEventListener(kind, listener);
      return () => document.removeEventListener(kind, listener);
    });
    return () => listeners.forEach((remove) => remove());
  }, [controller, scroller]);
}

/** The scrolling grid: sticky header, virtualised rows and columns, and all input handling. */
export function GridBody(props: GridBodyProps) {
  const { controller, rows, columns, errors, canOpen, headerHeight } = props;
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const setScroller = useCallback(
    (element: HTMLDivElement | null) => {
      scrollerRef.current = element;
      controller.setScroller(element);
    },
    [controller],
  );
  const getScrollElement = useCallback(() => scrollerRef.current, []);
  // The row being edited stays mounted when scrolled away, so its editor keeps focus and text.
  const editRow = useStore(controller.ui, (s) => s.edit?.row ?? -1);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return editRow < 0 || indexes.includes(editRow) ? indexes : [...indexes, editRow].sort((a, b) => a - b);
    },
    [editRow],
  );
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: headerHeight,
    initialRect: INITIAL_RECT,
    rangeExtractor,
  });
  const colWindow = useColumnWindow(columns, getScrollElement);
  useDocumentClipboard(controller, scrollerRef);
  const items = rowVirtualizer.getVirtualItems();
  const firstVisible = items.length > 0 ? items[0].index : 0;
  const lastVisible = items.length > 0 ? items[items.length - 1].index : -1;
  const { onVisibleRows } = props;
  useEffect(() => {
    if (lastVisible >= 0) onVisibleRows?.(firstVisible, lastVisible);
  }, [firstVisible, lastVisible, onVisibleRows]);

  const last = columns[columns.length - 1];
  const width = ROW_HEADER_WIDTH + (last ? last.left + last.width : 0);

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (e.defaultPrevented || e.nativeEvent.isComposing) return;
    if (e.target !== e.currentTarget && !(e.target as HTMLElement).closest('[data-cell-editor]')) return;
    const action = resolveKey(e, controller.keyContext());
    if (action && controller.handleKey(action)) e.preventDefault();
  };

  const onClipboard = (kind: ClipboardKind) => (e: ReactClipboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    if (handleClipboard(controller, kind, e.clipboardData)) e.preventDefault();
  };

  const onMouseDown = (e: ReactMouseEvent) => {
    if (e.button !== 0 || isInteractive(e.target)) return;
    const pos = cellAt(e.target);
    const header = pos ? null : rowHeaderAt(e.target);
    if (!pos && header === null) return;
    e.preventDefault();
    if (pos) controller.pointerDownCell(pos, e.shiftKey);
    else if (header !== null) controller.pointerDownRowHeader(header, e.shiftKey);
  };

  const onMouseOver = (e: ReactMouseEvent) => {
    const pos = cellAt(e.target);
    if (pos) controller.dragOver(pos);
  };

  const onDoubleClick = (e: ReactMouseEvent) => {
    if (isInteractive(e.target)) return;
    const pos = cellAt(e.target);
    if (pos) {
      controller.select(pos);
      controller.startEdit();
      return;
    }
    const header = rowHeaderAt(e.target);
    if (header !== null) controller.openRow(header);
  };

  return (
    <div
      ref={setScroller}
      role="grid"
      tabIndex={0}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      aria-multiselectable
      className="cg-scroller"
      onKeyDown={onKeyDown}
      onFocus={(e) => e.target === e.currentTarget && controller.focused()}
      onCopy={onClipboard('copy')}
      onCut={onClipboard('cut')}
      onPaste={onClipboard('paste')}
      onMouseDown={onMouseDown}
      onMouseOver={onMouseOver}
      onDoubleClick={onDoubleClick}
    >
      <GridHeader
        columns={columns}
        colWindow={colWindow}
        width={width}
        sortOf={props.sortOf}
        onSort={props.onSort}
        onResize={props.onResize}
        onSelectAll={() => controller.execute({ type: 'selectAll' })}
        showFilters={props.showFilters}
        filterOf={props.filterOf}
        onFilter={props.onFilter}
      />
      <div className="cg-body" style={{ height: rows.length * ROW_HEIGHT, width }}>
        {items.map((item) => {
          const row = rows[item.index];
          return (
            <GridRowView
              key={row.id}
              controller={controller}
              row={row}
              index={item.index}
              top={item.index * ROW_HEIGHT}
              width={width}
              columns={columns}
              colWindow={colWindow}
              errors={errors.get(row.id)}
              draft={isDraftKey(row.id)}
              loading={isUnloaded(row)}
              canOpen={canOpen}
            />
          );
        })}
      </div>
      {rows.length === 0 && <div className="cg-empty">{props.loading ? 'Loading…' : 'No rows'}</div>}
    </div>
  );
}
