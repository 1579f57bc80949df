import type { RowChange } from './types';

/** The values of one saved record before and after a committed edit. */
export interface RecordEdit {
  id: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
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

/** The changes that apply a step, stamped with each record's current version. */
export function stepChanges(
  entry: UndoEntry,
  direction: UndoDirection,
  versionOf: (id: string) => number | undefined,
): RowChange[] {
  return entry.edits.map((edit) => ({
    rowKey: edit.id,
    id: edit.id,
    version: versionOf(edit.id),
    values: direction === 'undo' ? edit.before : edit.after,
  }));
}
