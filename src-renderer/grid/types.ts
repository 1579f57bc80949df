import type { ReactNode } from 'react';

export type CellKind = 'text' | 'number' | 'date' | 'select' | 'reference';

export interface Option {
  value: string;
  label: string;
  /**
   * Shorter names a user may type or paste for this option ("Sales" for
   * "Sales · Europe", an employee number). One that fits a single option picks
   * it; one that fits several is reported as ambiguous.
   */
  aliases?: string[];
}

/**
 * Where a reference column's options come from when there are too many to list (50,000
 * people): found by a search as the user types, resolved from typed or pasted text, and
 * labelled for the values the rows hold. The grid never asks for every option.
 */
export interface ReferenceLookup {
  /** Labels of the same records are shared by every grid: 'employee'. */
  kind: string;
  /** The first `limit` options the text finds, best first; `more`: others match too. */
  search(text: string, limit: number): Promise<{ options: Option[]; more: boolean }>;
  /** Every option each text names (by label, value or alias), in the order of `texts`. */
  resolve(texts: string[]): Promise<Option[][]>;
  /** The options of these values, for showing them (unknown values are left out). */
  options(values: string[]): Promise<Option[]>;
}

export interface GridColumn {
  /** Key of the field in the row object. */
  id: string;
  header: string;
  kind: CellKind;
  /** Width in px, default 160. */
  width?: number;
  /** Default true. */
  editable?: boolean;
  required?: boolean;
  /** For 'select' and 'reference' (reference: value = record id, label = display name). */
  options?: Option[];
  /**
   * The options one row may take, when they depend on the row (a skill's own
   * levels); `options` then lists every value the column can show.
   */
  optionsFor?: (row: GridRow) => Option[];
  /**
   * For a 'reference' column over a large table (people): options found by search as the user
   * types and resolved from pasted text, never listed whole. `options`, if given too, are a few
   * more offered alongside (external candidates next to employees).
   */
  lookup?: ReferenceLookup;
  /** What the options are called in messages, plural ("departments"); default "<header> options". */
  optionNoun?: string;
  hiddenByDefault?: boolean;
  /** Leading columns marked pinned stay in view, after the row numbers, while the grid scrolls sideways. */
  pinned?: boolean;
}

export interface GridRow {
  id: string;
  version: number;
  [field: string]: unknown;
}

/** One change to one row. `id` undefined = create a new record. Values hold only the changed fields. */
export interface RowChange {
  rowKey: string;
  id?: string;
  version?: number;
  values: Record<string, unknown>;
}

/** `field` undefined means the error concerns the whole row. */
export interface CellError {
  rowKey: string;
  field?: string;
  message: string;
}

export type SaveResult =
  /** Saved rows in the same order as the changes (with new id/version). */
  | { ok: true; rows: GridRow[] }
  /**
   * Nothing was saved. `conflict`: a record was saved elsewhere since the
   * version the change started from; the grid then asks the user which values to keep.
   */
  | { ok: false; message: string; errors: CellError[]; conflict?: boolean };

export type ExportFormat = 'csv' | 'xlsx';
export type DeleteMode = 'archive' | 'remove';

/** The grid's view of the rows, for a row source to apply where the rows are (in SQL). */
export interface RowView {
  /** By a column's id; none = the source's own order. */
  sort?: { field: string; desc?: boolean };
  /** Rows whose shown text of `field` contains `contains` (ignoring case). */
  filters?: { field: string; contains: string }[];
  /** The quick filter: rows where the shown text of one of `searchFields` contains it. */
  search?: string;
  searchFields?: string[];
}

/** One window of the view, by index. */
export interface RowWindowRequest extends RowView {
  offset: number;
  limit: number;
}

/**
 * Where a grid's rows come from when the page does not hold them all: the grid asks for the
 * rows in view, sorted and filtered by the source. A small table is still loaded whole and
 * sorted and filtered in the grid; the grid decides, by the total count.
 */
export interface RowSource {
  /** Changes when the page's own filters change: the rows are then loaded anew. */
  key: string;
  load(request: RowWindowRequest): Promise<{ rows: GridRow[]; total: number }>;
  /** Calls back when the rows may have changed elsewhere; returns an unsubscribe. */
  subscribe?(onChange: () => void): () => void;
  /** A file of every row of the view in the visible columns, made where the rows are. */
  exportView?(format: ExportFormat, view: RowView, columns: GridColumn[]): Promise<void>;
}

export interface DataGridProps {
  /** Used for persisted column widths/visibility (localStorage `canopy.grid.<gridId>`) and for data-testid. */
  gridId: string;
  columns: GridColumn[];
  /** All rows; sorting and filtering happen client side in the grid. Leave out when `source` is given. */
  rows?: GridRow[];
  /** Rows loaded on demand instead of `rows` (see RowSource). */
  source?: RowSource;
  /** Above this many rows a `source` is read a window at a time; default 2,000. */
  windowAbove?: number;
  /** Called for every committed edit, paste batch, undo/redo and new-row edit. */
  onSave: (changes: RowChange[]) => Promise<SaveResult>;
  /** Delete/archive the selected rows (after a confirm). */
  onDelete?: (rows: GridRow[]) => Promise<SaveResult | { ok: true }>;
  /**
   * What `onDelete` does, for the button and the confirm: 'archive' (default; the records are kept
   * and "Show archived" brings them back) or 'remove' (they are erased).
   */
  deleteMode?: DeleteMode;
  /** rows = currently visible (filtered + sorted), columns = visible columns. A windowed source exports through `source.exportView` instead. */
  onExport?: (format: ExportFormat, rows: GridRow[], columns: GridColumn[]) => void;
  /** Double-click on the row header or its open button. */
  onOpenRow?: (row: GridRow) => void;
  /** Show "Add row" (and "Paste as new rows"). */
  allowAdd?: boolean;
  /** What one row is, for messages: `{ one: 'employee', other: 'employees' }`; default row(s). */
  rowNoun?: { one: string; other: string };
  /**
   * Rows keep their place after edits and reloads until the user sorts or
   * filters again; a new value here (the page's own filters changed) shows the
   * rows in their sorted order again.
   */
  viewKey?: unknown;
  /** Default fills the parent (the parent gives the height). */
  height?: number | string;
  toolbarExtra?: ReactNode;
}
