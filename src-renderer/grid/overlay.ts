import { sameValue } from './convert';
import type { CellError, GridRow, RowChange } from './types';

/** Errors shown in place on one row. */
export interface RowErrors {
  /** Whole-row message. */
  message?: string;
  /** Field id -> message. */
  cells: Record<string, string>;
}

/**
 * What the grid knows beyond the `rows` prop: rows returned by saves the parent
 * has not passed back yet, values being saved, unsaved drafts, deleted ids and errors.
 */
export interface OverlayState {
  saved: Map<string, GridRow>;
  /** rowKey -> field values of requests in flight. */
  pending: Map<string, Record<string, unknown>>;
  drafts: GridRow[];
  /** Rows created from drafts: shown at the top until the parent passes them in. */
  created: GridRow[];
  /** Rows created by pasting past the last row: shown at the bottom until then. */
  appended: GridRow[];
  removed: Set<string>;
  errors: Map<string, RowErrors>;
}

export function emptyOverlay(): OverlayState {
  return {
    saved: new Map(),
    pending: new Map(),
    drafts: [],
    created: [],
    appended: [],
    removed: new Set(),
    errors: new Map(),
  };
}

export function withPending(row: GridRow, pending: Map<string, Record<string, unknown>>): GridRow {
  const values = pending.get(row.id);
  return values ? { ...row, ...values } : row;
}

/** The saved copy wins only while the loaded row is older; once reloaded at the same version, the loaded row (with fresh derived columns such as counts) wins. */
function newest(row: GridRow, saved: Map<string, GridRow>): GridRow {
  const savedRow = saved.get(row.id);
  return savedRow && savedRow.version > row.version ? savedRow : row;
}

/** A row as it should be shown now: the newest saved version plus values being saved. */
export function currentRow(row: GridRow, saved: Map<string, GridRow>, pending: Map<string, Record<string, unknown>>): GridRow {
  return withPending(newest(row, saved), pending);
}

export type RowLayers = Pick<OverlayState, 'saved' | 'pending' | 'created' | 'appended' | 'removed'>;

/** Locally created rows the parent has not passed in yet. */
function localRows(rows: GridRow[], baseIds: () => Set<string>, layers: RowLayers): GridRow[] {
  if (rows.length === 0) return rows;
  const ids = baseIds();
  return rows.filter((row) => !ids.has(row.id) && !layers.removed.has(row.id)).map((row) => newest(row, layers.saved));
}

/**
 * The rows to show, keeping each unchanged row object as is so memoised rows
 * do not re-render.
 */
export function mergeRows(base: GridRow[], layers: RowLayers): GridRow[] {
  let ids: Set<string> | undefined;
  const baseIds = () => (ids ??= new Set(base.map((row) => row.id)));
  const top = localRows(layers.created, baseIds, layers);
  const bottom = localRows(layers.appended, baseIds, layers);
  const { saved, pending, removed } = layers;
  const touched = saved.size > 0 || pending.size > 0 || removed.size > 0;
  const middle = touched
    ? base.filter((row) => !removed.has(row.id)).map((row) => currentRow(row, saved, pending))
    : base;
  return top.length === 0 && bottom.length === 0 ? middle : [...top, ...middle, ...bottom];
}

export function addPending(
  pending: Map<string, Record<string, unknown>>,
  changes: RowChange[],
): Map<string, Record<string, unknown>> {
  const next = new Map(pending);
  for (const change of changes) next.set(change.rowKey, { ...next.get(change.rowKey), ...change.values });
  return next;
}

/** Drops the values of finished changes, unless a later request replaced them. */
export function removePending(
  pending: Map<string, Record<string, unknown>>,
  changes: RowChange[],
): Map<string, Record<string, unknown>> {
  const next = new Map(pending);
  for (const change of changes) {
    const values = next.get(change.rowKey);
    if (!values) continue;
    const left = Object.fromEntries(
      Object.entries(values).filter(([field, value]) => !sameValue(value, change.values[field]) || !(field in change.values)),
    );
    if (Object.keys(left).length === 0) next.delete(change.rowKey);
    else next.set(change.rowKey, left);
  }
  return next;
}

export function groupErrors(errors: CellError[]): Map<string, RowErrors> {
  const byRow = new Map<string, RowErrors>();
  for (const error of errors) {
    const entry = byRow.get(error.rowKey) ?? { cells: {} };
    if (error.field === undefined) entry.message = entry.message ? `${entry.message}; ${error.message}` : error.message;
    else entry.cells = { ...entry.cells, [error.field]: error.message };
    byRow.set(error.rowKey, entry);
  }
  return byRow;
}

export function withoutErrors(errors: Map<string, RowErrors>, rowKeys: Iterable<string>): Map<string, RowErrors> {
  const next = new Map(errors);
  for (const key of rowKeys) next.delete(key);
  return next;
}
