import { formatCellValue, isOptionKind, parseEditorValue, sameValue } from './convert';
import { isDraftKey, newDraftKey, newDraftRow } from './drafts';
import type { GridAction, KeyContext } from './keyboard';
import { resolveTexts, textsToResolve, type ResolvedTexts } from './lookup';
import { emptyOverlay, withoutErrors, type OverlayState } from './overlay';
import { clearWrites, pasteWrites, planWrites, type BatchPlan, type CellWrite } from './pasteBlock';
import { summarizePaste } from './pasteQuestion';
import { isUnloaded } from './rowSource';
import { INITIAL_STATUS, Saver, type SaveEnv, type StatusState } from './saver';
import { clampPos, jumpPos, movePos, samePos, type CellPos, type CellRange, type JumpTarget } from './selection';
import { Store } from './store';
import { parseTsv, toTsv } from './tsv';
import type { DataGridProps, GridColumn, GridRow } from './types';
import { INITIAL_UI_STATE, selectionRange, type UiState } from './uiState';

export interface GridLayout {
  rowHeight: number;
  headerHeight: number;
  rowHeaderWidth: number;
  /** Left offset of each visible column, after the row header. */
  colLefts: number[];
  colWidths: number[];
  /** Width of the pinned leading columns (they stay in view and cover what scrolls under them). */
  pinnedWidth: number;
}

/** The grid as last rendered; the controller acts on it. */
export interface GridEnv {
  /** Visible columns in display order. */
  columns: GridColumn[];
  allColumns: GridColumn[];
  /** Displayed rows: drafts first, then the filtered and sorted rows. */
  rows: GridRow[];
  /** Every row the table holds (unfiltered); newer saved versions are in the overlay. */
  sourceRows: GridRow[];
  /** Changes when the user sorts or filters: the rows are then laid out anew and the cursor keeps its place, as in a spreadsheet. */
  viewKey: object;
  allowAdd: boolean;
  /** Nothing in the grid can change (no editable column, no add, no delete): no undo or redo either. */
  readOnly?: boolean;
  onSave: DataGridProps['onSave'];
  onDelete?: DataGridProps['onDelete'];
  onOpenRow?: DataGridProps['onOpenRow'];
  layout: GridLayout;
  /** A windowed row source: loads displayed rows `first`..`last` that are not loaded yet. */
  loadRows?: (first: number, last: number) => Promise<void>;
}

const EMPTY_ENV: GridEnv = {
  columns: [],
  allColumns: [],
  rows: [],
  sourceRows: [],
  viewKey: {},
  allowAdd: false,
  onSave: async () => ({ ok: true, rows: [] }),
  layout: { rowHeight: 32, headerHeight: 32, rowHeaderWidth: 0, colLefts: [], colWidths: [], pinnedWidth: 0 },
};

/** Builds a lookup once per array; the arrays are replaced, never mutated. */
function cachedIndex<V>(build: (rows: GridRow[]) => Map<string, V>) {
  let source: GridRow[] | null = null;
  let index = new Map<string, V>();
  return (rows: GridRow[]) => {
    if (rows !== source) {
      source = rows;
      index = build(rows);
    }
    return index;
  };
}

/**
 * Everything the grid does in response to the keyboard, the mouse and the
 * clipboard. React components render from its stores and call its methods.
 */
export class GridController {
  readonly ui = new Store<UiState>(INITIAL_UI_STATE);
  readonly overlay = new Store<OverlayState>(emptyOverlay());
  readonly status = new Store<StatusState>(INITIAL_STATUS);
  private readonly saver = new Saver(this.overlay, this.status, () => this.saveEnv());
  private env: GridEnv = EMPTY_ENV;
  private scroller: HTMLElement | null = null;
  private dragging = false;
  /** The cursor was just placed on rows the next render brings (a new draft): do not move it to follow records. */
  private holdCursor = false;
  /** When Ctrl+Shift+V was pressed: the paste event that follows pastes as new rows. */
  private pasteAsNewArmedAt = 0;
  private readonly rowsById = cachedIndex((rows) => new Map(rows.map((row) => [row.id, row])));
  private readonly rowNumbers = cachedIndex((rows) => new Map(rows.map((row, i) => [row.id, i + 1])));

  private synced: (() => void)[] = [];
  /** Texts of lookup columns resolved for the batch being planned. */
  private resolved: ResolvedTexts = new Map();

  sync(env: GridEnv): void {
    const before = this.env;
    this.env = env;
    this.synced.splice(0).forEach((resolve) => resolve());
    const sameView = before.viewKey === env.viewKey;
    if (before.rows !== env.rows && sameView && !this.holdCursor) this.followRecords(before.rows);
    this.holdCursor = false;
    this.keepInsideGrid();
  }

  /**
   * Rows came, went or were reordered: the cursor, selection and open editor
   * stay on the records they were on, not on the row numbers.
   */
  private followRecords(before: GridRow[]): void {
    const { cursor, extent, edit } = this.ui.get();
    if (!cursor && !edit) return;
    const numbers = this.rowNumbers(this.env.rows);
    const indexOf = (id: string | undefined) => {
      const number = id === undefined ? undefined : numbers.get(id);
      return number === undefined ? undefined : number - 1;
    };
    const follow = (pos: CellPos | null, id: string | undefined): CellPos | null => {
      const row = indexOf(id);
      return pos && row !== undefined ? { row, col: pos.col } : pos;
    };
    const nextCursor = follow(cursor, cursor ? before[cursor.row]?.id : undefined);
    const nextExtent = follow(extent, extent ? before[extent.row]?.id : undefined);
    const editRow = edit ? indexOf(this.recordOf(edit.rowId)) : undefined;
    const nextEdit = edit && editRow !== undefined && editRow !== edit.row ? { ...edit, row: editRow } : edit;
    if (samePos(nextCursor, cursor) && samePos(nextExtent, extent) && nextEdit === edit) return;
    this.ui.set({ cursor: nextCursor, extent: nextExtent, edit: nextEdit });
    if (nextCursor && !samePos(nextCursor, cursor)) this.ensureVisible(nextCursor);
  }

  /**
   * The parent passed a new `rows` array: it now decides which rows exist, so
   * rows hidden after a delete/archive are no longer hidden here.
   */
  rowsReplaced(): void {
    if (this.overlay.get().removed.size > 0) this.overlay.set({ removed: new Set() });
  }

  setScroller = (element: HTMLElement | null): void => {
    this.scroller = element;
  };

  /** Runs a key's action; false when the key should be left to the browser instead. */
  handleKey(action: GridAction): boolean {
    if (action.type === 'move' && action.exitAtEdge && this.atEdge(action.dRow, action.dCol)) return false;
    // The browser still has to deliver the clipboard, in the paste event that follows.
    if (action.type === 'pasteAsNew') {
      this.pasteAsNewArmedAt = Date.now();
      return false;
    }
    this.execute(action);
    return true;
  }

  private atEdge(dRow: number, dCol: number): boolean {
    const cursor = this.ui.get().cursor;
    if (!cursor) return false;
    const next = movePos(cursor, dRow, dCol, this.env.rows.length, this.env.columns.length);
    return samePos(next, cursor);
  }

  execute(action: GridAction): void {
    switch (action.type) {
      case 'move':
        return this.moveBy(action.dRow, action.dCol, action.extend);
      case 'jump':
        return this.jump(action.to, action.extend);
      case 'page':
        return this.moveBy(action.direction * this.pageRows(), 0, action.extend);
      case 'startEdit':
        return this.startEdit(action.initial);
      case 'commit':
        return this.commitEdit(action.dRow, action.dCol);
      case 'cancel':
        return this.cancelEdit();
      case 'clear':
        return this.clearSelection();
      case 'undo':
        return this.undo();
      case 'redo':
        return this.redo();
      case 'selectAll':
        return this.select({ row: 0, col: 0 }, { row: this.env.rows.length - 1, col: this.env.columns.length - 1 });
      case 'pasteAsNew':
        this.pasteAsNewArmedAt = Date.now();
        return;
      case 'openRow': {
        const cursor = this.ui.get().cursor;
        if (cursor) this.openRow(cursor.row);
        return;
      }
    }
  }

  /** What the keyboard handler needs to know about an open editor. */
  keyContext(): KeyContext {
    const edit = this.ui.get().edit;
    const column = edit && this.env.columns[edit.col];
    return { editing: edit && column ? { mode: edit.mode, kind: column.kind } : null };
  }

  // ---- selection -------------------------------------------------------

  select(cursor: CellPos, extent: CellPos = cursor): void {
    const rows = this.env.rows.length;
    const cols = this.env.columns.length;
    const c = clampPos(cursor, rows, cols);
    const e = clampPos(extent, rows, cols);
    const state = this.ui.get();
    if (samePos(c, state.cursor) && samePos(e, state.extent)) return;
    this.ui.set({ cursor: c, extent: e });
  }

  private moveBy(dRow: number, dCol: number, extend: boolean): void {
    const { cursor, extent } = this.ui.get();
    const from = (extend ? extent : cursor) ?? { row: 0, col: 0 };
    const next = cursor ? movePos(from, dRow, dCol, this.env.rows.length, this.env.columns.length) : from;
    if (!next) return;
    this.moveTo(next, extend);
  }

  private moveTo(pos: CellPos, extend: boolean): void {
    const cursor = this.ui.get().cursor;
    if (extend && cursor) this.select(cursor, pos);
    else this.select(pos);
    this.ensureVisible(pos);
  }

  private jump(to: JumpTarget, extend: boolean): void {
    const { cursor, extent } = this.ui.get();
    const from = (extend ? extent : cursor) ?? { row: 0, col: 0 };
    this.moveTo(jumpPos(from, to, this.env.rows.length, this.env.columns.length), extend);
  }

  private pageRows(): number {
    const { rowHeight, headerHeight } = this.env.layout;
    const height = this.scroller ? this.scroller.clientHeight - headerHeight : rowHeight * 10;
    return Math.max(1, Math.floor(height / rowHeight) - 1);
  }

  /** Scrolls just enough to show the cell below the sticky header and beside the row header. */
  ensureVisible(pos: CellPos): void {
    const el = this.scroller;
    if (!el) return;
    const { rowHeight, headerHeight, rowHeaderWidth, colLefts, colWidths, pinnedWidth } = this.env.layout;
    const top = pos.row * rowHeight;
    const viewHeight = el.clientHeight - headerHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + viewHeight) el.scrollTop = top + rowHeight - viewHeight;
    const left = colLefts[pos.col] ?? 0;
    if (left < pinnedWidth) return; // a pinned column is always in view
    const width = colWidths[pos.col] ?? 0;
    const viewWidth = el.clientWidth - rowHeaderWidth;
    // Scrolled columns show to the right of the pinned ones.
    if (left - pinnedWidth < el.scrollLeft) el.scrollLeft = left - pinnedWidth;
    else if (left + width > el.scrollLeft + viewWidth) el.scrollLeft = Math.min(left - pinnedWidth, left + width - viewWidth);
  }

  private keepInsideGrid(): void {
    const { cursor, extent, edit } = this.ui.get();
    const rows = this.env.rows.length;
    const cols = this.env.columns.length;
    const c = cursor && clampPos(cursor, rows, cols);
    const e = extent && clampPos(extent, rows, cols);
    const editGone = edit && (edit.row >= rows || edit.col >= cols);
    if (samePos(c, cursor) && samePos(e, extent) && !editGone) return;
    this.ui.set({ cursor: c, extent: e, edit: editGone ? null : edit });
  }

  // ---- mouse -----------------------------------------------------------

  pointerDownCell(pos: CellPos, extend: boolean): void {
    const edit = this.ui.get().edit;
    if (edit && (edit.row !== pos.row || edit.col !== pos.col)) this.commitEdit(0, 0);
    const cursor = this.ui.get().cursor;
    if (extend && cursor) this.select(cursor, pos);
    else this.select(pos);
    this.startDrag();
    this.focusGrid();
  }

  pointerDownRowHeader(row: number, extend: boolean): void {
    if (this.ui.get().edit) this.commitEdit(0, 0);
    const lastCol = this.env.columns.length - 1;
    const cursor = this.ui.get().cursor;
    const from = extend && cursor ? cursor.row : row;
    this.select({ row: from, col: 0 }, { row, col: lastCol });
    this.focusGrid();
  }

  dragOver(pos: CellPos): void {
    const cursor = this.ui.get().cursor;
    if (this.dragging && cursor) this.select(cursor, pos);
  }

  private startDrag(): void {
    this.dragging = true;
    window.addEventListener('mouseup', () => (this.dragging = false), { once: true });
  }

  openRow(rowIndex: number): void {
    const row = this.env.rows[rowIndex];
    if (row && !isDraftKey(row.id) && !isUnloaded(row)) this.env.onOpenRow?.(row);
  }

  /** Keyboard focus arriving on the grid shows a cursor to start from. */
  focused(): void {
    if (!this.ui.get().cursor) this.select({ row: 0, col: 0 });
  }

  focusGrid(): void {
    this.scroller?.focus({ preventScroll: true });
  }

  // ---- editing ---------------------------------------------------------

  startEdit(typed?: string): void {
    const cursor = this.ui.get().cursor;
    const column = cursor && this.env.columns[cursor.col];
    const row = cursor && this.env.rows[cursor.row];
    if (!cursor || !column || !row || column.editable === false) return;
    // A key typed on a row still loading opens the editor once the row is in.
    if (isUnloaded(row)) return void this.whenLoaded(cursor.row, cursor.row, () => this.startEdit(typed));
    const current = row[column.id];
    const optionEditor = isOptionKind(column.kind);
    const existing = optionEditor ? String(current ?? '') : formatCellValue(column, current);
    const value = typed === undefined || optionEditor ? existing : typed;
    const mode = typed === undefined ? 'edit' : 'replace';
    // The edit carries the version the record had when the editor opened.
    this.ui.set({ extent: cursor, edit: { ...cursor, value, mode, typed: optionEditor ? (typed ?? null) : null, rowId: row.id, version: row.version } });
  }

  setEditValue(value: string): void {
    this.ui.set((s) => (s.edit ? { edit: { ...s.edit, value } } : {}));
  }

  /** Saves the open editor's value (or `value`) and moves the cursor. */
  commitEdit(dRow: number, dCol: number, value?: string): void {
    if (!this.finishEdit(value)) return;
    if (dRow !== 0 || dCol !== 0) this.moveBy(dRow, dCol, false);
    this.focusGrid();
  }

  /** The editor lost focus to something else: save, but leave the focus where the user put it. */
  commitOnBlur(): void {
    this.finishEdit();
  }

  private finishEdit(value?: string): boolean {
    const edit = this.ui.get().edit;
    if (!edit) return false;
    this.ui.set({ edit: null });
    const recordId = this.recordOf(edit.rowId);
    const rowIndex = (this.rowNumbers(this.env.rows).get(recordId) ?? edit.row + 1) - 1;
    const row = this.env.rows[rowIndex];
    const column = this.env.columns[edit.col];
    // An edit opened on a new row that has since been created starts from the version its creation gave it.
    const startVersion = recordId !== edit.rowId && row?.id === recordId ? row.version : edit.version;
    if (row && column) this.saveCell(rowIndex, row, column, value ?? edit.value, startVersion);
    return true;
  }

  /** The record a row key stands for now: a draft that was created became that record. */
  private recordOf(rowKey: string): string {
    return (isDraftKey(rowKey) && this.saver.createdIdOf(rowKey)) || rowKey;
  }

  cancelEdit(): void {
    if (!this.ui.get().edit) return;
    this.ui.set({ edit: null });
    this.focusGrid();
  }

  private saveCell(rowIndex: number, row: GridRow, column: GridColumn, raw: string, startVersion: number): void {
    // Text typed into a lookup cell is first resolved to the records it names, where they are.
    if (this.whenResolved([{ column, raw }], () => this.saveCell(rowIndex, row, column, raw, startVersion))) return;
    const parsed = parseEditorValue(column, raw, { row, resolved: this.resolved });
    const draft = isDraftKey(row.id);
    const rowNumbers = new Map([[row.id, rowIndex + 1]]);
    const cell = { rowKey: row.id, field: column.id };
    if (!parsed.ok) {
      this.saver.report(parsed.message, [{ ...cell, message: parsed.message }], rowNumbers, draft);
      return;
    }
    if (sameValue(row[column.id], parsed.value)) return;
    const values = { [column.id]: parsed.value };
    if (draft) {
      this.overlay.set((s) => ({ drafts: s.drafts.map((d) => (d.id === row.id ? { ...d, ...values } : d)) }));
      void this.saver.save({ changes: [{ rowKey: row.id, values }], edits: [], rowNumbers, cell, quiet: true });
      return;
    }
    void this.saver.save({
      changes: [{ rowKey: row.id, id: row.id, version: startVersion, values }],
      edits: [{ id: row.id, before: { [column.id]: row[column.id] ?? null }, after: values }],
      rowNumbers,
      cell,
    });
  }

  // ---- batches: clear, paste, copy, undo -------------------------------

  clearSelection(): void {
    const range = selectionRange(this.ui.get());
    if (!range || this.whenLoaded(range.top, range.bottom, () => this.clearSelection())) return;
    this.applyWrites(clearWrites(range, this.env.columns), null);
  }

  /**
   * A windowed row source: runs `action` again once displayed rows `first`..`last` are all
   * loaded. False (nothing to wait for) when they already are.
   */
  private whenLoaded(first: number, last: number, action: () => void): boolean {
    const load = this.env.loadRows;
    if (!load || !this.hasUnloaded(first, last)) return false;
    void load(first, last)
      .then(() => this.nextSync())
      .then(() => {
        if (this.hasUnloaded(first, last)) this.showMessage('Some of these rows moved because the data changed elsewhere. Re-apply the sort and filter, then try again.');
        else action();
      })
      .catch((error: unknown) => this.showMessage(`The rows could not be loaded: ${error instanceof Error ? error.message : String(error)}`));
    return true;
  }

  /**
   * Texts written into lookup columns (people) are resolved by their lookups first; `action`
   * then runs again with them in `this.resolved`. False when there is nothing to resolve.
   */
  private whenResolved(writes: { column: GridColumn | undefined; raw: string }[], action: () => void): boolean {
    const pending = textsToResolve(writes.filter((w): w is { column: GridColumn; raw: string } => !!w.column), this.resolved);
    if (pending.size === 0) return false;
    void resolveTexts(pending, this.resolved)
      .then(() => {
        action();
        // Resolved texts serve one batch: the next one asks again, as the records may change.
        this.resolved = new Map();
      })
      .catch((error: unknown) => {
        this.resolved = new Map();
        this.showMessage(`The names could not be looked up: ${error instanceof Error ? error.message : String(error)}`);
      });
    return true;
  }

  private cellWrites(writes: CellWrite[]): { column: GridColumn | undefined; raw: string }[] {
    return writes.map((write) => ({ column: this.env.columns[write.col], raw: write.raw }));
  }

  private hasUnloaded(first: number, last: number): boolean {
    const rows = this.env.rows;
    for (let i = Math.max(0, first); i <= Math.min(last, rows.length - 1); i++) if (isUnloaded(rows[i])) return true;
    return false;
  }

  /** The next render's rows (or, if nothing re-renders, the current ones after a moment). */
  private nextSync(): Promise<void> {
    return new Promise((resolve) => {
      this.synced.push(resolve);
      setTimeout(resolve, 1000);
    });
  }

  /**
   * Pastes from the top-left of the selection. A paste that would change
   * existing records outside the selected rows waits for the user's answer.
   */
  paste(text: string): void {
    const block = parseTsv(text);
    if (block.length === 0) return;
    if (this.takePasteAsNew()) return this.pasteAsNewRows(text);
    const range = selectionRange(this.ui.get());
    if (!range) return;
    const writes = pasteWrites(block, range);
    const lastRow = writes.reduce((max, write) => Math.max(max, write.row), range.top);
    // Rows a paste reaches that are not loaded yet are loaded first, so it checks and changes what is really there.
    if (this.whenLoaded(range.top, lastRow, () => this.paste(text))) return;
    if (this.whenResolved(this.cellWrites(writes), () => this.paste(text))) return;
    const plan = this.plan(writes);
    if (!plan) return;
    const summary = summarizePaste(plan, range);
    if (summary.outsideRecords > 0) this.status.set({ pasteQuestion: { text, lines: block.length, plan, writes, summary } });
    else this.savePlan(plan, writes);
  }

  answerPaste(answer: 'apply' | 'asNewRows' | 'cancel'): void {
    const question = this.status.get().pasteQuestion;
    this.status.set({ pasteQuestion: null });
    this.focusGrid();
    if (!question) return;
    if (answer === 'apply') this.savePlan(question.plan, question.writes);
    if (answer === 'asNewRows') this.pasteAsNewRows(question.text);
  }

  private takePasteAsNew(): boolean {
    const armed = Date.now() - this.pasteAsNewArmedAt < 2000;
    this.pasteAsNewArmedAt = 0;
    return armed && this.env.allowAdd;
  }

  /**
   * Every line of the block becomes a new record, from the selection's left
   * column; the new rows show (and stay) where drafts are, at the top. A draft
   * under the cursor takes the first line.
   */
  pasteAsNewRows(text: string): void {
    const block = parseTsv(text);
    if (block.length === 0 || !this.env.allowAdd) return;
    if (this.ui.get().edit) this.commitEdit(0, 0);
    const range = selectionRange(this.ui.get());
    const left = range?.left ?? 0;
    const cursorRow = range ? this.env.rows[range.top] : undefined;
    const intoDraft = cursorRow && isDraftKey(cursorRow.id) ? cursorRow : undefined;
    const drafts = this.overlay.get().drafts;
    const at = intoDraft ? drafts.indexOf(intoDraft) : 0;
    const writes = block.flatMap((cells, r) => cells.map((raw, c) => ({ row: r, col: left + c, raw })));
    if (this.whenResolved(this.cellWrites(writes), () => this.pasteAsNewRows(text))) return;
    const plan = planWrites(writes, { rows: intoDraft ? [intoDraft] : [], columns: this.env.columns, allowAdd: true, createKey: newDraftKey, resolved: this.resolved });
    if (!plan.ok) {
      this.saver.report(plan.message, plan.errors, new Map([...plan.rowNumbers].map(([key, n]) => [key, at + n])));
      return;
    }
    const byKey = new Map(plan.changes.map((change) => [change.rowKey, change.values]));
    const added = [...byKey.keys()].filter((key) => key !== intoDraft?.id).map((key) => ({ ...newDraftRow(this.env.allColumns), ...byKey.get(key), id: key }));
    const filled = intoDraft && byKey.has(intoDraft.id) ? [{ ...intoDraft, ...byKey.get(intoDraft.id) }] : intoDraft ? [intoDraft] : [];
    this.overlay.set((s) => ({ drafts: [...s.drafts.slice(0, at), ...filled, ...added, ...s.drafts.slice(intoDraft ? at + 1 : at)] }));
    const width = Math.max(...block.map((cells) => cells.length));
    this.holdCursor = true;
    this.ui.set({ cursor: { row: at, col: left }, extent: { row: at + filled.length + added.length - 1, col: left + width - 1 }, edit: null });
    const rowNumbers = new Map(plan.changes.map((change, i) => [change.rowKey, at + i + 1]));
    void this.saver.save({ changes: plan.changes, edits: [], rowNumbers, createdOnTop: true });
  }  /** The selection as TSV of display text, so it pastes back (and into Excel) as shown. */
  copyText(): string | null {
    const range = selectionRange(this.ui.get());
    if (!range) return null;
    // The clipboard event cannot wait: load the rows, then copy them through the clipboard API.
    if (this.whenLoaded(range.top, range.bottom, () => this.copyLoaded())) return '';
    const lines: string[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const row = this.env.rows[r];
      const cells: string[] = [];
      for (let c = range.left; c <= range.right; c++) {
        const column = this.env.columns[c];
        cells.push(formatCellValue(column, row?.[column.id]));
      }
      lines.push(cells);
    }
    return toTsv(lines);
  }

  private copyLoaded(): void {
    const text = this.copyText();
    if (text === null) return;
    navigator.clipboard.writeText(text).catch(() => this.showMessage('The selected rows have loaded: press Ctrl+C again to copy them.'));
  }

  private applyWrites(writes: CellWrite[], selectAfter: CellWrite[] | null): void {
    const plan = this.plan(writes);
    if (plan) this.savePlan(plan, selectAfter);
  }

  /** The batch the writes make, or null when there is nothing to save (problems are reported). */
  private plan(writes: CellWrite[]): BatchPlan | null {
    const plan = planWrites(writes, { rows: this.env.rows, columns: this.env.columns, allowAdd: this.env.allowAdd, resolved: this.resolved });
    if (!plan.ok) {
      this.saver.report(plan.message, plan.errors, plan.rowNumbers);
      return null;
    }
    return plan.changes.length === 0 ? null : plan;
  }

  private savePlan(plan: BatchPlan, selectAfter: CellWrite[] | null): void {
    void this.saver.save({ changes: plan.changes, edits: plan.edits, rowNumbers: plan.rowNumbers });
    if (selectAfter) this.selectWritten(selectAfter);
  }

  private selectWritten(writes: CellWrite[]): void {
    const range: CellRange = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
    for (const w of writes) {
      range.top = Math.min(range.top, w.row);
      range.left = Math.min(range.left, w.col);
      range.bottom = Math.max(range.bottom, w.row);
      range.right = Math.max(range.right, w.col);
    }
    this.select({ row: range.top, col: range.left }, { row: range.bottom, col: range.right });
  }

  undo(): void {
    if (this.env.readOnly) return;
    this.cancelEdit();
    void this.saver.step('undo');
  }

  redo(): void {
    if (this.env.readOnly) return;
    this.cancelEdit();
    void this.saver.step('redo');
  }

  dismissReport(): void {
    this.saver.dismissReport();
  }

  /** A message in the grid's report area, about no cell in particular. */
  showMessage(message: string): void {
    this.saver.report(message, [], new Map());
  }

  /** After a conflict: keep the values saved elsewhere (mine are given up). */
  keepTheirs(key: number): void {
    this.saver.discardConflict(key);
    this.focusGrid();
  }

  /** After a conflict: save my values again on the versions saved elsewhere. */
  keepMine(key: number): void {
    void this.saver.keepMine(key);
    this.focusGrid();
  }

  // ---- rows: add, discard, delete --------------------------------------

  addRow(): void {
    if (this.ui.get().edit) this.commitEdit(0, 0);
    const draft = newDraftRow(this.env.allColumns);
    this.overlay.set((s) => ({ drafts: [draft, ...s.drafts] }));
    const firstEditable = Math.max(0, this.env.columns.findIndex((c) => c.editable !== false));
    this.holdCursor = true;
    this.ui.set({ cursor: { row: 0, col: firstEditable }, extent: { row: 0, col: firstEditable }, edit: null });
    if (this.scroller) this.scroller.scrollTop = 0;
    this.focusGrid();
  }

  discardDraft(key: string): void {
    this.overlay.set((s) => ({ drafts: s.drafts.filter((row) => row.id !== key), errors: withoutErrors(s.errors, [key]) }));
  }

  /** Drafts in the selection go at once; saved rows wait for the confirm dialog. */
  requestDelete(): void {
    const range = selectionRange(this.ui.get());
    if (!range || this.whenLoaded(range.top, range.bottom, () => this.requestDelete())) return;
    const rows = this.env.rows.slice(range.top, range.bottom + 1);
    rows.filter((row) => isDraftKey(row.id)).forEach((row) => this.discardDraft(row.id));
    const saved = rows.filter((row) => !isDraftKey(row.id));
    if (saved.length > 0 && this.env.onDelete) this.status.set({ deleteRequest: saved });
  }

  async confirmDelete(): Promise<void> {
    const rows = this.status.get().deleteRequest;
    this.status.set({ deleteRequest: null });
    this.focusGrid();
    if (!rows) return;
    await this.saver.remove(rows);
    const cursor = this.ui.get().cursor;
    if (cursor) this.select(cursor);
  }

  cancelDelete(): void {
    this.status.set({ deleteRequest: null });
    this.focusGrid();
  }

  private saveEnv(): SaveEnv {
    const env = this.env;
    return {
      onSave: env.onSave,
      onDelete: env.onDelete,
      rowById: (id) => this.rowsById(env.sourceRows).get(id),
      rowNumber: (key) => this.rowNumbers(env.rows).get(key),
      header: (field) => env.allColumns.find((c) => c.id === field)?.header ?? field,
    };
  }
}
