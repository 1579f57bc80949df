import { Store } from './store';
import type { GridRow, RowSource, RowView } from './types';

/** Rows per request while scrolling a windowed source. */
export const WINDOW_BLOCK = 200;
/** Rows per request while loading a small table whole (the most one window may hold). */
const WHOLE_BLOCK = 500;
/** Rows fetched ahead of and behind the rows in view. */
const FETCH_AHEAD = 150;
export const DEFAULT_WINDOW_ABOVE = 2_000;
/** Once the data changed under a layout, windows are read this many rows wider each side, to find where they join the rows shown. */
const ALIGN_MARGIN = 100;

const LOADING_PREFIX = '__row:';
const GAP_PREFIX = '__gap:';

/** A row not loaded yet: it stands at its index in the source's order. */
const loadingRow = (index: number): GridRow => ({ id: `${LOADING_PREFIX}${index}`, version: 0 });

/** A row that did not arrive where it was expected, because the data changed meanwhile (it arrived elsewhere). */
const gapRow = (index: number): GridRow => ({ id: `${GAP_PREFIX}${index}`, version: 0 });

/** Not a record: a row still loading (or a gap left by rows that moved since the view was laid out). */
export const isUnloaded = (row: GridRow | undefined): boolean => !!row && (row.id.startsWith(LOADING_PREFIX) || row.id.startsWith(GAP_PREFIX));

export interface SourceState {
  mode: 'loading' | 'whole' | 'windowed';
  /** Whole: every row; windowed: one entry per row of the view, loaded or not. */
  rows: GridRow[];
  /** Rows of the view (windowed: after the grid's filters). */
  total: number;
  /** Rows before the grid's own filters. */
  baseTotal: number;
  /** Bumped when the rows are laid out anew (new view or reload). */
  generation: number;
  /** The data changed since the view was laid out: rows stay where they are until the user sorts or reloads. */
  stale: boolean;
  error: string | null;
}

const INITIAL: SourceState = { mode: 'loading', rows: [], total: 0, baseTotal: 0, generation: 0, stale: false, error: null };

const sameView = (a: RowView, b: RowView) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The rows of a row source as the grid shows them. A table of at most `windowAbove` rows is
 * loaded whole (the grid sorts and filters it); a larger one a window at a time, in the order
 * and under the filters of the grid's view, fetching ahead of what is on screen.
 *
 * Once laid out, a row keeps its index until the view changes or the user reloads: a change
 * elsewhere refreshes the values of loaded rows in place and marks the layout stale.
 */
export class RowSourceModel {
  readonly state = new Store<SourceState>(INITIAL);
  private view: RowView = {};
  private blocks = new Map<number, Promise<void>>();
  private indexById = new Map<string, number>();
  /** Any answer of an older generation is ignored. */
  private generation = 0;
  private wanted: [number, number] | null = null;
  /** The source indexes last on screen. */
  private inView: [number, number] = [0, 0];
  /** Rows never let go (the row with an open editor). */
  private keep: () => string[] = () => [];
  private wantTimer: ReturnType<typeof setTimeout> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;
  private disposed = false;
  /** The current layout's first block: windows are asked for once it is in. */
  private ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly source: RowSource,
    private readonly windowAbove = DEFAULT_WINDOW_ABOVE,
  ) {}

  /** Decides by the total count whether to load whole or by window, and loads the first rows. */
  async start(view: RowView): Promise<void> {
    this.view = view;
    this.unsubscribe = this.source.subscribe?.(() => this.scheduleRefresh()) ?? null;
    const generation = ++this.generation;
    try {
      const first = await this.source.load({ offset: 0, limit: WHOLE_BLOCK });
      if (this.outdated(generation)) return;
      if (first.total <= this.windowAbove) await this.loadWhole(generation, first);
      else {
        this.state.set({ mode: 'windowed', baseTotal: first.total });
        await this.startLayout(generation);
      }
    } catch (error) {
      this.fail(generation, error);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe?.();
    if (this.wantTimer) clearTimeout(this.wantTimer);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }

  /** The grid's sort and filters changed: a windowed source lays the rows out anew. */
  setView(view: RowView): void {
    if (sameView(view, this.view)) return;
    this.view = view;
    if (this.state.get().mode === 'windowed') void this.startLayout(++this.generation);
  }

  /** Lays the rows out again in the current view (the user asked to re-apply the sort). */
  reload(): void {
    const mode = this.state.get().mode;
    if (mode === 'windowed') void this.startLayout(++this.generation);
    else if (mode === 'whole') void this.refreshWhole(this.generation);
  }

  /** Names the rows that must stay loaded whatever is on screen. */
  keepLoaded(ids: () => string[]): void {
    this.keep = ids;
  }

  /** Where a row stands in the source's order, if known. */
  indexOf(row: GridRow): number | undefined {
    if (row.id.startsWith(LOADING_PREFIX)) return Number(row.id.slice(LOADING_PREFIX.length));
    if (row.id.startsWith(GAP_PREFIX)) return Number(row.id.slice(GAP_PREFIX.length));
    return this.indexById.get(row.id);
  }

  /** Rows `from`..`to` (source indexes) are on screen: load them and those around them, soon. */
  want(from: number, to: number): void {
    if (this.state.get().mode !== 'windowed') return;
    this.wanted = [from, to];
    this.inView = [from, to];
    // Settles while the user drags the scrollbar: only where they stop is loaded.
    this.wantTimer ??= setTimeout(() => {
      this.wantTimer = null;
      const [start, end] = this.wanted!;
      void this.loadRange(start - FETCH_AHEAD, end + FETCH_AHEAD);
    }, 40);
  }

  /** Loads rows `from`..`to` (source indexes) now; resolves when they are in `state.rows`. */
  ensureLoaded(from: number, to: number): Promise<void> {
    return this.loadRange(from, to);
  }

  private async loadRange(from: number, to: number): Promise<void> {
    let ready: Promise<void>;
    do await (ready = this.ready);
    while (ready !== this.ready);
    const { mode, total } = this.state.get();
    if (mode !== 'windowed' || total === 0) return;
    const first = Math.max(0, Math.floor(from / WINDOW_BLOCK));
    const last = Math.min(Math.floor((total - 1) / WINDOW_BLOCK), Math.floor(Math.max(0, to) / WINDOW_BLOCK));
    const loads: Promise<void>[] = [];
    for (let block = first; block <= last; block++) loads.push(this.loadBlock(block));
    await Promise.all(loads);
  }

  private loadBlock(block: number): Promise<void> {
    let loading = this.blocks.get(block);
    if (!loading) {
      const generation = this.generation;
      const start = block * WINDOW_BLOCK;
      // Rows moved since the layout: read around the block to find the row it follows.
      const margin = this.state.get().stale ? ALIGN_MARGIN : 0;
      const offset = Math.max(0, start - margin);
      loading = this.source.load({ ...this.view, offset, limit: start - offset + WINDOW_BLOCK + margin }).then(
        (page) => this.place(generation, block, page.rows, page.total, offset),
        (error) => {
          this.blocks.delete(block);
          this.fail(generation, error);
        },
      );
      this.blocks.set(block, loading);
    }
    return loading;
  }

  /** A new layout of the view: its first block, then what the grid asks for. Old rows stay on screen until it comes. */
  private startLayout(generation: number): Promise<void> {
    this.ready = this.layOut(generation);
    return this.ready;
  }

  private async layOut(generation: number): Promise<void> {
    try {
      const page = await this.source.load({ ...this.view, offset: 0, limit: WINDOW_BLOCK });
      if (this.outdated(generation)) return;
      this.indexById = new Map();
      this.blocks = new Map([[0, Promise.resolve()]]);
      const rows = Array.from({ length: page.total }, (_, i) => loadingRow(i));
      this.state.set((s) => ({ rows, total: page.total, generation: s.generation + 1, stale: false, error: null }));
      this.place(generation, 0, page.rows, page.total);
    } catch (error) {
      this.fail(generation, error);
    }
  }

  /**
   * Puts a block's rows at their indexes. `loaded` starts at source index `offset`; the block
   * continues after the row shown just before it when that row is among them (rows moved since
   * the layout), and a row already shown elsewhere is skipped, never shown twice.
   */
  private place(generation: number, block: number, loaded: GridRow[], total: number, offset = block * WINDOW_BLOCK): void {
    if (this.outdated(generation)) return;
    const state = this.state.get();
    const rows = state.rows.slice();
    const start = block * WINDOW_BLOCK;
    const end = Math.min(rows.length, start + WINDOW_BLOCK);
    let stale = state.stale || total !== state.total;
    let next = start - offset;
    const before = start > 0 ? rows[start - 1] : undefined;
    if (before && !isUnloaded(before)) {
      const at = loaded.findIndex((row) => row.id === before.id);
      if (at >= 0) next = at + 1;
    }
    const shownElsewhere = (row: GridRow, index: number) => {
      const placed = this.indexById.get(row.id);
      return placed !== undefined && placed !== index;
    };
    for (let index = start; index < end; index++) {
      while (next < loaded.length && shownElsewhere(loaded[next], index)) (next++, (stale = true));
      const row = loaded[next++];
      if (row) {
        rows[index] = row;
        this.indexById.set(row.id, index);
      } else {
        rows[index] = gapRow(index);
        stale = true;
      }
    }
    this.state.set({ rows, stale });
  }

  private async loadWhole(generation: number, first: { rows: GridRow[]; total: number }): Promise<void> {
    const rest: Promise<{ rows: GridRow[] }>[] = [];
    for (let offset = WHOLE_BLOCK; offset < first.total; offset += WHOLE_BLOCK) rest.push(this.source.load({ offset, limit: WHOLE_BLOCK }));
    const pages = await Promise.all(rest);
    if (this.outdated(generation)) return;
    const rows = [...first.rows, ...pages.flatMap((page) => page.rows)];
    this.state.set((s) => ({ mode: 'whole', rows, total: rows.length, baseTotal: rows.length, generation: s.generation + 1, error: null }));
  }

  private async refreshWhole(generation: number): Promise<void> {
    try {
      const first = await this.source.load({ offset: 0, limit: WHOLE_BLOCK });
      await this.loadWhole(generation, first);
    } catch (error) {
      this.fail(generation, error);
    }
  }

  private scheduleRefresh(): void {
    // Several writes in a row (a paste, an import) refresh once.
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.refresh();
    }, 100);
  }

  /**
   * The data changed elsewhere: loaded rows on and around the screen take their new values where
   * they are; other loaded blocks are let go (read again, aligned, when scrolled to), so the cost
   * of a change follows the screen, not how much was loaded before.
   */
  private async refresh(): Promise<void> {
    const { mode } = this.state.get();
    const generation = this.generation;
    if (mode === 'whole') return this.refreshWhole(generation);
    if (mode !== 'windowed') return;
    const near = (block: number) => {
      const [from, to] = this.inView;
      return (block + 1) * WINDOW_BLOCK > from - FETCH_AHEAD && block * WINDOW_BLOCK <= to + FETCH_AHEAD;
    };
    const kept = new Set(this.keep().map((id) => this.indexById.get(id)).filter((index) => index !== undefined).map((index) => Math.floor(index / WINDOW_BLOCK)));
    const loaded = [...this.blocks.keys()].filter((block) => near(block) || kept.has(block));
    this.release([...this.blocks.keys()].filter((block) => !loaded.includes(block)));
    try {
      const [base, ...pages] = await Promise.all([
        this.source.load({ offset: 0, limit: 1 }),
        ...loaded.map((block) => this.source.load({ ...this.view, offset: block * WINDOW_BLOCK, limit: WINDOW_BLOCK })),
      ]);
      if (this.outdated(generation)) return;
      const fresh = new Map(pages.flatMap((page) => page.rows).map((row) => [row.id, row]));
      const state = this.state.get();
      const rows = state.rows.map((row) => fresh.get(row.id) ?? row);
      const moved = pages.some((page, i) => page.total !== state.total || page.rows.some((row, j) => state.rows[loaded[i] * WINDOW_BLOCK + j]?.id !== row.id));
      this.state.set({ rows, baseTotal: base.total, stale: state.stale || moved });
    } catch (error) {
      this.fail(generation, error);
    }
  }

  /** Blocks go back to placeholders, to be read again when needed. */
  private release(blocks: number[]): void {
    if (blocks.length === 0) return;
    const rows = this.state.get().rows.slice();
    for (const block of blocks) {
      this.blocks.delete(block);
      for (let index = block * WINDOW_BLOCK; index < Math.min(rows.length, (block + 1) * WINDOW_BLOCK); index++) {
        if (this.indexById.get(rows[index].id) === index) this.indexById.delete(rows[index].id);
        rows[index] = loadingRow(index);
      }
    }
    this.state.set({ rows });
  }

  private outdated(generation: number): boolean {
    return this.disposed || generation !== this.generation;
  }

  private fail(generation: number, error: unknown): void {
    if (this.outdated(generation)) return;
    this.state.set({ error: error instanceof Error ? error.message : String(error) });
  }
}
