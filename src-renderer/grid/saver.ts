import { OwnVersions, type GridConflict } from './conflict';
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
import {
  EMPTY_UNDO_STACK,
  completeStep,
  dropStep,
  nextEntry,
  pushEntry,
  stepChanges,
  type RecordEdit,
  type UndoDirection,
  type UndoStack,
} from './undo';
import type { PasteQuestion } from './pasteQuestion';

export interface StatusState {
  undo: UndoStack;
  /** Number of save/delete requests queued or in flight. */
  saving: number;
  report: ErrorReport | null;
  /** Rows waiting for the user to confirm their deletion. */
  deleteRequest: GridRow[] | null;
  /** Saves refused because records changed elsewhere, oldest first, each waiting for the user's choice. */
  conflicts: GridConflict[];
  /** A paste that would change records outside the selection, waiting for the user's answer. */
  pasteQuestion: PasteQuestion | null;
}

export const INITIAL_STATUS: StatusState = {
  undo: EMPTY_UNDO_STACK,
  saving: 0,
  report: null,
  deleteRequest: null,
  conflicts: [],
  pasteQuestion: null,
};

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
  /** Rows created by this job go to the top (where drafts are), not the bottom. */
  createdOnTop?: boolean;
  onSaved?: () => void;
  /** The user gave up the job's changes after a conflict. */
  onDiscarded?: () => void;
}

interface PendingConflict extends GridConflict {
  job: SaveJob;
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
  private readonly ownVersions = new OwnVersions();
  private readonly waiting = new Map<number, PendingConflict>();
  private conflictKey = 0;

  constructor(
    private readonly overlay: Store<OverlayState>,
    private readonly status: Store<StatusState>,
    private readonly env: () => SaveEnv,
  ) {
    this.queue = new SaveQueue((saving) => this.status.set({ saving }));
  }

  /** The id of the record a draft became, once it was created. */
  createdIdOf(draftKey: string): string | undefined {
    return this.createdIds.get(draftKey);
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
      const changes = stepChanges(entry, direction);
      this.showPending(changes);
      await this.run({
        changes,
        edits: [],
        rowNumbers: new Map(),
        onSaved: () => this.status.set((s) => ({ undo: completeStep(s.undo, direction) })),
        // A step that conflicted and whose changes the user gave up no longer applies.
        onDiscarded: () => this.status.set((s) => ({ undo: dropStep(s.undo, direction, entry) })),
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
      const gone = new Set(ids);
      // Rows this grid created are forgotten too, or a reload without them would bring them back.
      this.overlay.set((s) => ({
        removed: new Set([...s.removed, ...ids]),
        created: s.created.filter((row) => !gone.has(row.id)),
        appended: s.appended.filter((row) => !gone.has(row.id)),
        errors: withoutErrors(s.errors, ids),
      }));
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
    else if (result.conflict) this.holdConflict(result.message, changes, job);
    else this.applyFailure(result, job);
  }

  /** The user's values wait, out of the way, until they keep theirs or mine. */
  private holdConflict(message: string, changes: RowChange[], job: SaveJob): void {
    const conflict: PendingConflict = { key: ++this.conflictKey, message, changes, job };
    this.waiting.set(conflict.key, conflict);
    this.status.set((s) => ({ conflicts: [...s.conflicts, { key: conflict.key, message, changes }] }));
    if (job.cell) {
      const cell = { ...job.cell, message: 'Not saved: changed elsewhere since you started editing (see above the grid).' };
      this.overlay.set((s) => ({ errors: new Map([...s.errors, ...groupErrors([cell])]) }));
    }
  }

  private releaseConflict(key: number): PendingConflict | undefined {
    const conflict = this.waiting.get(key);
    this.waiting.delete(key);
    this.status.set((s) => ({ conflicts: s.conflicts.filter((c) => c.key !== key) }));
    if (conflict?.job.cell) this.overlay.set((s) => ({ errors: withoutErrors(s.errors, [conflict.job.cell!.rowKey]) }));
    return conflict;
  }

  /** Keep theirs: my values of the conflict are given up (the grid already shows theirs). */
  discardConflict(key: number): void {
    this.releaseConflict(key)?.job.onDiscarded?.();
  }

  /**
   * Keep mine: the same values again, on the versions saved elsewhere. Only the
   * fields this window changed are sent, so their other changes stay.
   */
  keepMine(key: number): Promise<void> {
    const conflict = this.releaseConflict(key);
    if (!conflict) return Promise.resolve();
    const changes = conflict.changes.map((change) =>
      change.id === undefined ? change : { ...change, version: this.currentRow(change.id)?.version ?? change.version },
    );
    const edits: RecordEdit[] =
      conflict.job.edits.length === 0
        ? []
        : changes.flatMap((change) => {
            const row = change.id === undefined ? undefined : this.currentRow(change.id);
            if (!row) return [];
            const before = Object.fromEntries(Object.keys(change.values).map((field) => [field, row[field] ?? null]));
            return [{ id: row.id, before, after: change.values }];
          });
    return this.save({ ...conflict.job, changes, edits });
  }

  private currentRow(id: string): GridRow | undefined {
    const saved = this.overlay.get().saved.get(id);
    const known = this.env().rowById(id) ?? this.overlay.get().created.find((row) => row.id === id);
    if (saved && known) return saved.version >= known.version ? saved : known;
    return saved ?? known;
  }

  /**
   * Brings a queued change up to date with this window's saves that ran before
   * it. Its version moves only along versions those saves produced: a version
   * saved elsewhere since the edit started must conflict, not be overwritten.
   */
  private resolve(change: RowChange): RowChange | null {
    if (change.id !== undefined) {
      const version = change.version === undefined ? this.currentRow(change.id)?.version : this.ownVersions.advance(change.id, change.version);
      return { ...change, version };
    }
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
        if (change.version !== undefined) this.ownVersions.record(row.id, change.version, row.version);
        return;
      }
      (draftKeys.has(change.rowKey) || job.createdOnTop ? created : appended).push(row);
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
    if (job.edits.length > 0) {
      const edits = job.edits.map((edit) => ({ ...edit, version: saved.get(edit.id)?.version ?? edit.version }));
      this.status.set((s) => ({ undo: pushEntry(s.undo, { edits }) }));
    }
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
