import { sameValue } from './convert';
import { draftValues, isDraftKey } from './drafts';
import {
  addPending,
  groupErrors,
  removePending,
  withoutErrors,
  type OverlayState,
  type RowErrors,
} from './overlay';
import { buildReport, type ErrorReport } from './report';
import { SaveQueue } from './saveQueue';
import type { Store } from './store';
import type { CellError, GridRow, RowChange, SaveResult } from './types';
import { EMPTY_UNDO_STACK, completeStep, nextEntry, pushEntry, stepChanges, type RecordEdit, type UndoDirection, type UndoStack } from './undo';

export interface StatusState {
  undo: UndoStack;
  /** Number of save/delete requests queued or in flight. */
  saving: number;
  report: ErrorReport | null;
  /** Rows waiting for the user to confirm their deletion. */
  deleteRequest: GridRow[] | null;
}

export const INITIAL_STATUS: StatusState = { undo: EMPTY_UNDO_STACK, saving: 0, report: null, deleteRequest: null };

/** What the saver needs from the grid at the time a job runs. */
export interface SaveEnv {
  onSave: (changes: RowChange[]) => Promise<SaveResult>;
  onDelete?: (rows: GridRow[]) => Promise<SaveResult | { ok: true }>;
  /** Displayed rows and the props' rows, by id. */
  rowById: (id: string) => GridRow | undefined;
  /** 1-based displayed row number. */
  rowNumber: (rowKey: string) => number | undefined;
  header: (field: string) => string;
}

export interface SaveJob {
  changes: RowChange[];
  /** Before/after values of existing records; empty = nothing to undo. */
  edits: RecordEdit[];
  rowNumbers: Map<string, number>;
  /** The edited cell of a single-cell edit: it is marked even if the server names no field. */
  cell?: { rowKey: string; field: string };
  /** Draft edits show their errors in place only, not in the report. */
  quiet?: boolean;
  onSaved?: () => void;
}

function failure(error: unknown): SaveResult {
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, message: message || 'Saving failed', errors: [] };
}

/** Runs a parent callback, turning a throw (sync or async) into a failed result. */
function attempt<T>(call: () => Promise<T>): Promise<T | SaveResult> {
  return Promise.resolve().then(call).catch(failure);
}

function onlyDraftErrors(errors: Map<string, RowErrors>): Map<string, RowErrors> {
  return new Map([...errors].filter(([key]) => isDraftKey(key)));
}

/**
 * Sends changes through `onSave` one batch at a time and folds the outcome into
 * the overlay (saved rows, drafts, errors) and the status (undo stack, report).
 */
export class Saver {
  private readonly queue: SaveQueue;
  /** Draft rowKey -> id of the record it became. */
  private readonly createdIds = new Map<string, string>();

  constructor(
    private readonly overlay: Store<OverlayState>,
    private readonly status: Store<StatusState>,
    private readonly env: () => SaveEnv,
  ) {
    this.queue = new SaveQueue((saving) => this.status.set({ saving }));
  }

  save(job: SaveJob): Promise<void> {
    this.showPending(job.changes);
    return this.queue.push(() => this.run(job));
  }

  /** Undo or redo the newest step; the step is picked when the job runs, after earlier saves. */
  step(direction: UndoDirection): Promise<void> {
    return this.queue.push(async () => {
      const entry = nextEntry(this.status.get().undo, direction);
      if (!entry) return;
      const changes = stepChanges(entry, direction, (id) => this.currentRow(id)?.version);
      this.showPending(changes);
      await this.run({
        changes,
        edits: [],
        rowNumbers: new Map(),
        onSaved: () => this.status.set((s) => ({ undo: completeStep(s.undo, direction) })),
      });
    });
  }

  remove(rows: GridRow[]): Promise<void> {
    return this.queue.push(async () => {
      const onDelete = this.env().onDelete;
      if (!onDelete) return;
      const result = await attempt(() => onDelete(rows));
      if (!result.ok) {
        this.report(result.message, result.errors, new Map());
        return;
      }
      const ids = rows.map((row) => row.id);
      this.overlay.set((s) => ({ removed: new Set([...s.removed, ...ids]), errors: withoutErrors(s.errors, ids) }));
    });
  }

  /** Shows problems found before or by a save; `quiet` keeps them in place only. */
  report(title: string, errors: CellError[], rowNumbers: Map<string, number>, quiet = false): void {
    const grouped = groupErrors(errors);
    this.overlay.set((s) => ({ errors: new Map([...(quiet ? s.errors : onlyDraftErrors(s.errors)), ...grouped]) }));
    if (quiet) return;
    const env = this.env();
    const labels = { rowNumber: (key: string) => rowNumbers.get(key) ?? env.rowNumber(key), header: env.header };
    this.status.set({ report: buildReport(title, errors, labels) });
  }

  dismissReport(): void {
    this.status.set({ report: null });
    this.overlay.set((s) => ({ errors: onlyDraftErrors(s.errors) }));
  }

  private async run(job: SaveJob): Promise<void> {
    const changes = job.changes.map((change) => this.resolve(change)).filter((c): c is RowChange => c !== null);
    if (changes.length === 0) {
      this.hidePending(job.changes);
      return;
    }
    const result = await attempt(() => this.env().onSave(changes));
    this.hidePending(job.changes);
    if (result.ok) this.applySaved(changes, result.rows, job);
    else this.applyFailure(result, job);
  }

  private currentRow(id: string): GridRow | undefined {
    const saved = this.overlay.get().saved.get(id);
    const known = this.env().rowById(id) ?? this.overlay.get().created.find((row) => row.id === id);
    if (saved && known) return saved.version >= known.version ? saved : known;
    return saved ?? known;
  }

  /** Brings a queued change up to date with the saves that ran before it. */
  private resolve(change: RowChange): RowChange | null {
    if (change.id !== undefined) return { ...change, version: this.currentRow(change.id)?.version ?? change.version };
    const createdId = this.createdIds.get(change.rowKey);
    if (createdId === undefined) {
      const draft = this.overlay.get().drafts.find((row) => row.id === change.rowKey);
      return draft ? { ...change, values: { ...draftValues(draft), ...change.values } } : change;
    }
    // The draft was created by an earlier request: what is left is an update.
    const row = this.currentRow(createdId);
    const values = Object.fromEntries(Object.entries(change.values).filter(([field, value]) => !sameValue(row?.[field], value)));
    if (Object.keys(values).length === 0) return null;
    return { rowKey: createdId, id: createdId, version: row?.version, values };
  }

  private showPending(changes: RowChange[]): void {
    this.overlay.set((s) => ({ pending: addPending(s.pending, changes) }));
  }

  private hidePending(changes: RowChange[]): void {
    this.overlay.set((s) => ({ pending: removePending(s.pending, changes) }));
  }

  private applySaved(changes: RowChange[], rows: GridRow[], job: SaveJob): void {
    const state = this.overlay.get();
    const saved = new Map(state.saved);
    const draftKeys = new Set(state.drafts.map((row) => row.id));
    const created: GridRow[] = [];
    const appended: GridRow[] = [];
    changes.forEach((change, i) => {
      const row = rows[i];
      if (!row) return;
      if (change.id !== undefined) {
        saved.set(row.id, row);
        return;
      }
      (draftKeys.has(change.rowKey) ? created : appended).push(row);
      this.createdIds.set(change.rowKey, row.id);
    });
    const touched = changes.flatMap((change) => [change.rowKey, ...(change.id ? [change.id] : [])]);
    this.overlay.set({
      saved,
      created: [...created, ...state.created],
      appended: [...state.appended, ...appended],
      drafts: state.drafts.filter((row) => !this.createdIds.has(row.id)),
      errors: withoutErrors(state.errors, touched),
    });
    if (job.edits.length > 0) this.status.set((s) => ({ undo: pushEntry(s.undo, { edits: job.edits }) }));
    job.onSaved?.();
  }

  private applyFailure(result: Extract<SaveResult, { ok: false }>, job: SaveJob): void {
    const errors = [...result.errors];
    if (job.cell) errors.push(...editedCellErrors(errors, job.cell, result.message, job.quiet));
    this.report(result.message, errors, job.rowNumbers, job.quiet);
  }
}

/**
 * A failed single-cell edit is always marked in place: a saved row marks the
 * edited cell; a draft shows a row message (it stays until it can be created).
 */
function editedCellErrors(
  errors: CellError[],
  cell: { rowKey: string; field: string },
  message: string,
  draft = false,
): CellError[] {
  const own = errors.filter((e) => e.rowKey === cell.rowKey);
  if (!draft) return own.some((e) => e.field === cell.field) ? [] : [{ ...cell, message }];
  if (own.some((e) => e.field === undefined)) return [];
  return [{ rowKey: cell.rowKey, message: own.length > 0 ? own.map((e) => e.message).join('; ') : message }];
}
