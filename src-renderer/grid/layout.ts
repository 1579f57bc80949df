export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 32;
/** Extra header height when the per-column filter inputs are shown. */
export const FILTER_HEIGHT = 30;
export const ROW_HEADER_WIDTH = 64;
export const DEFAULT_COLUMN_WIDTH = 160;
export const MIN_COLUMN_WIDTH = 48;
/** Above this many visible columns, columns are virtualised too. */
export const COLUMN_VIRTUALIZATION_THRESHOLD = 30;

/** The window of columns to render once the pinned leading columns are taken out of it. */
export interface PinnedSplit {
  /** Pinned column indices with their sticky offset from the row numbers. */
  pinned: { col: number; left: number }[];
  /** First scrolled column to render (after the pinned ones). */
  start: number;
  /** Width of the scrolled columns before `start` that are not rendered. */
  padLeft: number;
}

type PinnableColumn = { column: { pinned?: boolean }; width: number };

/** The leading pinned columns with their sticky offsets, and their total width. */
function pinnedLead(columns: PinnableColumn[]): { pinned: PinnedSplit['pinned']; width: number } {
  const pinned: PinnedSplit['pinned'] = [];
  let width = 0;
  for (let col = 0; col < columns.length && columns[col].column.pinned; col++) {
    pinned.push({ col, left: width });
    width += columns[col].width;
  }
  return { pinned, width };
}

/**
 * Pinned columns are always rendered first (sticky), so the scrolled window starts after
 * them and its left padding loses their width.
 */
export function splitPinned(columns: PinnableColumn[], window: { start: number; padLeft: number }): PinnedSplit {
  const { pinned, width } = pinnedLead(columns);
  if (pinned.length === 0) return { pinned, start: window.start, padLeft: window.padLeft };
  return { pinned, start: Math.max(window.start, pinned.length), padLeft: Math.max(0, window.padLeft - width) };
}

/** Total width of the pinned leading columns. */
export const pinnedWidth = (columns: PinnableColumn[]): number => pinnedLead(columns).width;

/** Width, plus the sticky offset of a pinned column (after the row numbers). */
export function pinnedStyle(width: number, pinnedLeft: number | undefined): { width: number; left?: string } {
  return pinnedLeft === undefined ? { width } : { width, left: `calc(var(--cg-row-header-width) + ${pinnedLeft}px)` };
}
