export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 32;
/** Extra header height when the per-column filter inputs are shown. */
export const FILTER_HEIGHT = 30;
export const ROW_HEADER_WIDTH = 64;
export const DEFAULT_COLUMN_WIDTH = 160;
export const MIN_COLUMN_WIDTH = 48;
/** Above this many visible columns, columns are virtualised too. */
export const COLUMN_VIRTUALIZATION_THRESHOLD = 30;
