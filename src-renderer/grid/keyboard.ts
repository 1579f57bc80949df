import type { JumpTarget } from './selection';
import type { CellKind } from './types';

/** Everything a key press can ask the grid to do. */
export type GridAction =
  /** `exitAtEdge`: at the grid's edge the key is left to the browser (Tab moves focus on). */
  | { type: 'move'; dRow: number; dCol: number; extend: boolean; exitAtEdge?: boolean }
  | { type: 'jump'; to: JumpTarget; extend: boolean }
  | { type: 'page'; direction: 1 | -1; extend: boolean }
  | { type: 'startEdit'; initial?: string }
  | { type: 'commit'; dRow: number; dCol: number }
  | { type: 'cancel' }
  | { type: 'clear' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'selectAll' }
  /** Ctrl+Shift+V: the paste that follows creates new rows. */
  | { type: 'pasteAsNew' }
  /** Ctrl+Enter: open the record of the cursor's row (its page or drawer), where the grid has one. */
  | { type: 'openRow' };

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface KeyContext {
  /** Null when no cell is being edited. */
  editing: { mode: EditMode; kind: CellKind } | null;
}

/** 'replace' = started by typing (arrows commit, like Excel's Enter mode); 'edit' = F2/Enter/double-click. */
export type EditMode = 'replace' | 'edit';

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

const EDGE_JUMPS: Record<string, 'top' | 'bottom' | 'rowStart' | 'rowEnd'> = {
  ArrowUp: 'top',
  ArrowDown: 'bottom',
  ArrowLeft: 'rowStart',
  ArrowRight: 'rowEnd',
};

function isPrintable(e: KeyInput): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}

function resolveEditingKey(e: KeyInput, editing: NonNullable<KeyContext['editing']>): GridAction | null {
  switch (e.key) {
    case 'Enter':
      return { type: 'commit', dRow: e.shiftKey ? -1 : 1, dCol: 0 };
    case 'Tab':
      return { type: 'commit', dRow: 0, dCol: e.shiftKey ? -1 : 1 };
    case 'Escape':
      return { type: 'cancel' };
  }
  const arrow = ARROWS[e.key];
  const optionList = editing.kind === 'select' || editing.kind === 'reference';
  if (arrow && editing.mode === 'replace' && !optionList && !e.shiftKey) {
    return { type: 'commit', dRow: arrow[0], dCol: arrow[1] };
  }
  return null;
}

function resolveModifiedKey(e: KeyInput): GridAction | null {
  const key = e.key.toLowerCase();
  if (key === 'z') return { type: e.shiftKey ? 'redo' : 'undo' };
  if (key === 'y') return { type: 'redo' };
  if (key === 'a') return { type: 'selectAll' };
  if (key === 'v' && e.shiftKey) return { type: 'pasteAsNew' };
  if (e.key === 'Enter') return { type: 'openRow' };
  if (e.key === 'Home') return { type: 'jump', to: 'first', extend: e.shiftKey };
  if (e.key === 'End') return { type: 'jump', to: 'last', extend: e.shiftKey };
  const edge = EDGE_JUMPS[e.key];
  if (edge) return { type: 'jump', to: edge, extend: e.shiftKey };
  return null;
}

function resolveNavigationKey(e: KeyInput): GridAction | null {
  const arrow = ARROWS[e.key];
  if (arrow) return { type: 'move', dRow: arrow[0], dCol: arrow[1], extend: e.shiftKey };
  switch (e.key) {
    case 'Tab':
      return { type: 'move', dRow: 0, dCol: e.shiftKey ? -1 : 1, extend: false, exitAtEdge: true };
    case 'Home':
      return { type: 'jump', to: 'rowStart', extend: e.shiftKey };
    case 'End':
      return { type: 'jump', to: 'rowEnd', extend: e.shiftKey };
    case 'PageUp':
      return { type: 'page', direction: -1, extend: e.shiftKey };
    case 'PageDown':
      return { type: 'page', direction: 1, extend: e.shiftKey };
    case 'Enter':
    case 'F2':
      return { type: 'startEdit' };
    case 'Delete':
    case 'Backspace':
      return { type: 'clear' };
  }
  return null;
}

/** Maps a key press to a grid action; null leaves the key to the browser (or the open editor). */
export function resolveKey(e: KeyInput, context: KeyContext): GridAction | null {
  if (context.editing) return resolveEditingKey(e, context.editing);
  if (e.ctrlKey || e.metaKey) return resolveModifiedKey(e);
  if (isPrintable(e)) return { type: 'startEdit', initial: e.key };
  return resolveNavigationKey(e);
}
