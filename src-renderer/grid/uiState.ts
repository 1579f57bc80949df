import type { EditMode } from './keyboard';
import { normalizeRange, type CellPos, type CellRange } from './selection';

export interface EditState {
  row: number;
  col: number;
  /** Editor text; for select/reference editors the chosen option value. */
  value: string;
  mode: EditMode;
  /** The key that started a select/reference edit: the editor's first search text. */
  typed: string | null;
  /** The record being edited, and its version when the editor opened: the save starts from it. */
  rowId: string;
  version: number;
}

/** Cursor, selection and edit state, kept outside React so rows can subscribe selectively. */
export interface UiState {
  /** The active cell: outlined, edited, where pastes start. */
  cursor: CellPos | null;
  /** The selection's other corner, moved by Shift+arrows, Shift+click and dragging. */
  extent: CellPos | null;
  edit: EditState | null;
}

export const INITIAL_UI_STATE: UiState = { cursor: null, extent: null, edit: null };

export function selectionRange(state: UiState): CellRange | null {
  if (!state.cursor) return null;
  return normalizeRange(state.cursor, state.extent ?? state.cursor);
}

/** What one row needs to know about the selection, as a string so unchanged rows skip rendering. */
export function rowSignature(state: UiState, row: number): string {
  const range = selectionRange(state);
  if (!range || row < range.top || row > range.bottom) return '';
  const cursorCol = state.cursor?.row === row ? state.cursor.col : -1;
  const editCol = state.edit?.row === row ? state.edit.col : -1;
  return `${range.left},${range.right},${cursorCol},${editCol}`;
}

export interface RowMarks {
  selectedFrom: number;
  selectedTo: number;
  cursorCol: number;
  editCol: number;
}

const NO_MARKS: RowMarks = { selectedFrom: -1, selectedTo: -2, cursorCol: -1, editCol: -1 };

export function decodeRowSignature(signature: string): RowMarks {
  if (signature === '') return NO_MARKS;
  const [selectedFrom, selectedTo, cursorCol, editCol] = signature.split(',').map(Number);
  return { selectedFrom, selectedTo, cursorCol, editCol };
}
