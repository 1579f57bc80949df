/** Cell positions are indices into the displayed rows and the visible columns. */
export interface CellPos {
  row: number;
  col: number;
}

/** Inclusive rectangle of cells. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function normalizeRange(a: CellPos, b: CellPos): CellRange {
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}

export function rangeCells(range: CellRange): CellPos[] {
  const cells: CellPos[] = [];
  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) cells.push({ row, col });
  }
  return cells;
}

export function rangeContains(range: CellRange, pos: CellPos): boolean {
  return pos.row >= range.top && pos.row <= range.bottom && pos.col >= range.left && pos.col <= range.right;
}

export function rangeRowCount(range: CellRange): number {
  return range.bottom - range.top + 1;
}

export function rangeColCount(range: CellRange): number {
  return range.right - range.left + 1;
}

export function isSingleCell(range: CellRange): boolean {
  return range.top === range.bottom && range.left === range.right;
}

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(value, max));
}

/** Clamps into a grid of `rowCount` x `colCount`; null when the grid is empty. */
export function clampPos(pos: CellPos, rowCount: number, colCount: number): CellPos | null {
  if (rowCount <= 0 || colCount <= 0) return null;
  return { row: clamp(pos.row, rowCount - 1), col: clamp(pos.col, colCount - 1) };
}

export function movePos(pos: CellPos, dRow: number, dCol: number, rowCount: number, colCount: number): CellPos | null {
  return clampPos({ row: pos.row + dRow, col: pos.col + dCol }, rowCount, colCount);
}

export function samePos(a: CellPos | null, b: CellPos | null): boolean {
  return a === b || (!!a && !!b && a.row === b.row && a.col === b.col);
}

export type JumpTarget = 'rowStart' | 'rowEnd' | 'top' | 'bottom' | 'first' | 'last';

/** Home/End, Ctrl+Home/End and Ctrl+arrow destinations. */
export function jumpPos(from: CellPos, to: JumpTarget, rowCount: number, colCount: number): CellPos {
  const lastRow = rowCount - 1;
  const lastCol = colCount - 1;
  switch (to) {
    case 'rowStart':
      return { row: from.row, col: 0 };
    case 'rowEnd':
      return { row: from.row, col: lastCol };
    case 'top':
      return { row: 0, col: from.col };
    case 'bottom':
      return { row: lastRow, col: from.col };
    case 'first':
      return { row: 0, col: 0 };
    case 'last':
      return { row: lastRow, col: lastCol };
  }
}
