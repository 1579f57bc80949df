import { describe, expect, it } from 'vitest';
import {
  clampPos,
  isSingleCell,
  jumpPos,
  movePos,
  normalizeRange,
  rangeCells,
  rangeColCount,
  rangeContains,
  rangeRowCount,
} from '../../src-renderer/grid/selection';
import { decodeRowSignature, rowSignature, selectionRange, type UiState } from '../../src-renderer/grid/uiState';

describe('ranges', () => {
  it('normalises corners given in any order', () => {
    expect(normalizeRange({ row: 5, col: 1 }, { row: 2, col: 3 })).toEqual({ top: 2, bottom: 5, left: 1, right: 3 });
  });

  it('lists cells row by row', () => {
    expect(rangeCells({ top: 0, bottom: 1, left: 2, right: 3 })).toEqual([
      { row: 0, col: 2 },
      { row: 0, col: 3 },
      { row: 1, col: 2 },
      { row: 1, col: 3 },
    ]);
  });

  it('measures and tests containment', () => {
    const range = { top: 1, bottom: 3, left: 0, right: 1 };
    expect(rangeRowCount(range)).toBe(3);
    expect(rangeColCount(range)).toBe(2);
    expect(rangeContains(range, { row: 2, col: 1 })).toBe(true);
    expect(rangeContains(range, { row: 4, col: 1 })).toBe(false);
    expect(isSingleCell({ top: 1, bottom: 1, left: 2, right: 2 })).toBe(true);
  });
});

describe('moving', () => {
  it('clamps to the grid', () => {
    expect(movePos({ row: 0, col: 0 }, -1, -1, 10, 5)).toEqual({ row: 0, col: 0 });
    expect(movePos({ row: 8, col: 4 }, 5, 1, 10, 5)).toEqual({ row: 9, col: 4 });
    expect(clampPos({ row: 3, col: 3 }, 0, 5)).toBeNull();
  });
});

describe('jumps', () => {
  it('goes to row and grid edges', () => {
    const from = { row: 4, col: 2 };
    expect(jumpPos(from, 'rowStart', 10, 5)).toEqual({ row: 4, col: 0 });
    expect(jumpPos(from, 'rowEnd', 10, 5)).toEqual({ row: 4, col: 4 });
    expect(jumpPos(from, 'bottom', 10, 5)).toEqual({ row: 9, col: 2 });
    expect(jumpPos(from, 'first', 10, 5)).toEqual({ row: 0, col: 0 });
    expect(jumpPos(from, 'last', 10, 5)).toEqual({ row: 9, col: 4 });
  });
});

describe('row signatures', () => {
  const state: UiState = { cursor: { row: 2, col: 1 }, extent: { row: 4, col: 3 }, edit: null };

  it('derives the selection from cursor and extent', () => {
    expect(selectionRange(state)).toEqual({ top: 2, bottom: 4, left: 1, right: 3 });
  });

  it('is empty for rows outside the selection, so they do not re-render', () => {
    expect(rowSignature(state, 0)).toBe('');
    expect(rowSignature({ ...state, cursor: { row: 3, col: 1 } }, 0)).toBe('');
  });

  it('encodes the selected columns, cursor and editor of a row', () => {
    expect(decodeRowSignature(rowSignature(state, 2))).toEqual({ selectedFrom: 1, selectedTo: 3, cursorCol: 1, editCol: -1 });
    expect(decodeRowSignature(rowSignature(state, 3)).cursorCol).toBe(-1);
    const editing = { ...state, extent: state.cursor, edit: { row: 2, col: 1, value: 'x', mode: 'edit' as const, typed: null, rowId: 'r2', version: 1 } };
    expect(decodeRowSignature(rowSignature(editing, 2)).editCol).toBe(1);
  });
});
