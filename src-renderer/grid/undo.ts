import type { RowChange } from './types';

/** The values of one saved record before and after a committed edit. */
export interface RecordEdit {
  id: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** The version the edit's save left the record at: undo and redo start from it (advanced by this window's own later saves). */
  version?: number;
}

/** One undoable step: a single-cell edit, a paste batch, a clear, ... */
export interface UndoEntry {
  edits: RecordEdit[];
}

export interface UndoStack {
  past: UndoEntry[];
  future: UndoEntry[];
}

export type UndoDirection = 'undo' | 'redo';

export const EMPTY_UNDO_STACK: UndoStack = { past: [], future: [] };

const DEFAULT_LIMIT = 100;

/** Records a new step; a new step always discards the redo history. */
export function pushEntry(stack: UndoStack, entry: UndoEntry, limit = DEFAULT_LIMIT): UndoStack {
  if (entry.edits.length === 0) return stack;
  return { past: [...stack.past, entry].slice(-limit), future: [] };
}

export function nextEntry(stack: UndoStack, direction: UndoDirection): UndoEntry | undefined {
  const list = direction === 'undo' ? stack.past : stack.future;
  return list[list.length - 1];
}

/** Moves the top entry to the other list, once its changes were saved. */
export function completeStep(stack: UndoStack, direction: UndoDirection): UndoStack {
  const entry = nextEntry(stack, direction);
  if (!entry) return stack;
  if (direction === 'undo') return { past: stack.past.slice(0, -1), future: [...stack.future, entry] };
  return { past: [...stack.past, entry], future: stack.future.slice(0, -1) };
}

/** Takes a step that can no longer be applied off its list. */
export function dropStep(stack: UndoStack, direction: UndoDirection, entry: UndoEntry): UndoStack {
  if (direction === 'undo') return { ...stack, past: stack.past.filter((e) => e !== entry) };
  return { ...stack, future: stack.future.filter((e) => e !== entry) };
}

/**
 * The changes that apply a step, stamped with the version each edit left its
 * record at: when someone else has saved the record since, the step conflicts
 * instead of overwriting their values.
 */
export function stepChanges(entry: UndoEntry, direction: UndoDirection): RowChange[] {
  return entry.edits.map((edit) => ({
    rowKey: edit.id,
    id: edit.id,
    version: edit.version,
    values: direction === 'undo' ? edit.before : edit.after,
  }));
}
