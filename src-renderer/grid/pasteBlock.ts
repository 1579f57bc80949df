import { formatCellValue, parseCellInput, sameValue } from './convert';
import type { ResolvedTexts } from './lookup';
import { draftValues, isDraftKey, newDraftKey } from './drafts';
import { isSingleCell, rangeCells, type CellPos, type CellRange } from './selection';
import type { CellError, GridColumn, GridRow, RowChange } from './types';
import type { RecordEdit } from './undo';

/** Text to write into one cell; `row` may lie past the last displayed row (a new row). */
export interface CellWrite {
  row: number;
  col: number;
  raw: string;
}

export interface BatchTarget {
  /** Displayed rows (drafts first, then filtered + sorted). */
  rows: GridRow[];
  /** Visible columns in display order. */
  columns: GridColumn[];
  allowAdd: boolean;
  createKey?: () => string;
  /** Texts of lookup columns resolved for this batch. */
  resolved?: ResolvedTexts;
}

export interface BatchPlan {
  changes: RowChange[];
  /** Before/after values of existing records, for undo. */
  edits: RecordEdit[];
  /** 1-based displayed row number of each change's rowKey, for error messages. */
  rowNumbers: Map<string, number>;
}

export type PlanResult =
  | ({ ok: true } & BatchPlan)
  | { ok: false; message: string; errors: CellError[]; rowNumbers: Map<string, number> };

/**
 * Where a pasted block goes: from the top-left of the selection; a single
 * value pasted onto a larger selection fills the whole selection.
 */
export function pasteWrites(block: string[][], selection: CellRange): CellWrite[] {
  if (block.length === 1 && block[0].length === 1 && !isSingleCell(selection)) {
    return rangeCells(selection).map((pos) => ({ ...pos, raw: block[0][0] }));
  }
  const writes: CellWrite[] = [];
  block.forEach((cells, r) => {
    cells.forEach((raw, c) => writes.push({ row: selection.top + r, col: selection.left + c, raw }));
  });
  return writes;
}

/** Writes that clear every editable cell of a range. */
export function clearWrites(range: CellRange, columns: GridColumn[]): CellWrite[] {
  return rangeCells(range)
    .filter((pos: CellPos) => columns[pos.col]?.editable !== false)
    .map((pos) => ({ ...pos, raw: '' }));
}

function extent(writes: CellWrite[]): { minCol: number; maxCol: number; maxRow: number } {
  let minCol = Infinity;
  let maxCol = -1;
  let maxRow = -1;
  for (const write of writes) {
    minCol = Math.min(minCol, write.col);
    maxCol = Math.max(maxCol, write.col);
    maxRow = Math.max(maxRow, write.row);
  }
  return { minCol, maxCol, maxRow };
}

function blockProblem(writes: CellWrite[], target: BatchTarget): string | null {
  const { minCol, maxCol, maxRow } = extent(writes);
  if (maxCol >= target.columns.length) {
    const available = target.columns.length - minCol;
    return `The pasted block is wider than the grid: only ${available} column(s) are available from the selected cell.`;
  }
  if (maxRow >= target.rows.length && !target.allowAdd) {
    return `The pasted block reaches ${maxRow + 1 - target.rows.length} row(s) past the last row, and rows cannot be added here.`;
  }
  return null;
}

interface RowDraft {
  rowKey: string;
  row: GridRow | undefined;
  values: Record<string, unknown>;
}

class PlanBuilder {
  readonly errors: CellError[] = [];
  readonly rowNumbers = new Map<string, number>();
  private readonly byRow = new Map<number, RowDraft>();

  constructor(private readonly target: BatchTarget) {}

  add(write: CellWrite): void {
    const column = this.target.columns[write.col];
    const entry = this.entryFor(write.row);
    const current = entry.row ? entry.row[column.id] : null;
    if (write.raw.trim() === '' && !entry.row) return;
    if (column.editable === false) {
      // Pasting back a copied block may cover read-only cells; only a real change is an error.
      if (formatCellValue(column, current) !== write.raw) {
        this.errors.push({ rowKey: entry.rowKey, field: column.id, message: `${column.header} is read-only` });
      }
      return;
    }
    const parsed = parseCellInput(column, write.raw, { resolved: this.target.resolved });
    if (!parsed.ok) {
      this.errors.push({ rowKey: entry.rowKey, field: column.id, message: parsed.message });
      return;
    }
    if (entry.row && sameValue(current, parsed.value)) return;
    entry.values[column.id] = parsed.value;
  }

  private entryFor(rowIndex: number): RowDraft {
    let entry = this.byRow.get(rowIndex);
    if (!entry) {
      const row = this.target.rows[rowIndex] as GridRow | undefined;
      const rowKey = row ? row.id : (this.target.createKey ?? newDraftKey)();
      entry = { rowKey, row, values: {} };
      this.byRow.set(rowIndex, entry);
      this.rowNumbers.set(rowKey, rowIndex + 1);
    }
    return entry;
  }

  plan(): BatchPlan {
    const changes: RowChange[] = [];
    const edits: RecordEdit[] = [];
    const ordered = [...this.byRow.entries()].sort((a, b) => a[0] - b[0]).map(([, entry]) => entry);
    for (const entry of ordered) {
      if (Object.keys(entry.values).length === 0) continue;
      const change = toChange(entry);
      changes.push(change);
      if (entry.row && change.id !== undefined) edits.push(recordEdit(entry.row, change.values));
    }
    return { changes, edits, rowNumbers: this.rowNumbers };
  }
}

function toChange(entry: RowDraft): RowChange {
  if (!entry.row) return { rowKey: entry.rowKey, values: withoutEmpty(entry.values) };
  if (isDraftKey(entry.row.id)) {
    return { rowKey: entry.rowKey, values: { ...draftValues(entry.row), ...withoutEmpty(entry.values) } };
  }
  return { rowKey: entry.rowKey, id: entry.row.id, version: entry.row.version, values: entry.values };
}

function withoutEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
}

function recordEdit(row: GridRow, values: Record<string, unknown>): RecordEdit {
  const before: Record<string, unknown> = {};
  for (const field of Object.keys(values)) before[field] = row[field] ?? null;
  return { id: row.id, before, after: values };
}

/**
 * Turns cell writes into one batch of row changes, or into the list of cells
 * that cannot take their text (then nothing may be saved).
 */
export function planWrites(writes: CellWrite[], target: BatchTarget): PlanResult {
  const empty = new Map<string, number>();
  if (writes.length === 0) return { ok: true, changes: [], edits: [], rowNumbers: empty };
  const problem = blockProblem(writes, target);
  if (problem) return { ok: false, message: problem, errors: [], rowNumbers: empty };
  const builder = new PlanBuilder(target);
  for (const write of writes) builder.add(write);
  if (builder.errors.length > 0) {
    const count = builder.errors.length;
    const message = `${count} cell${count === 1 ? '' : 's'} could not be converted; nothing was saved.`;
    return { ok: false, message, errors: builder.errors, rowNumbers: builder.rowNumbers };
  }
  return { ok: true, ...builder.plan() };
}
