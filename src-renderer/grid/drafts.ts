import type { GridColumn, GridRow } from './types';

/**
 * Unsaved rows (from "Add row" or a paste past the last row) live in the grid
 * with a temporary id under this prefix; that id is their RowChange.rowKey.
 */
const DRAFT_PREFIX = '__draft:';

let draftCounter = 0;

export function newDraftKey(): string {
  draftCounter += 1;
  return `${DRAFT_PREFIX}${draftCounter}`;
}

export function isDraftKey(key: string): boolean {
  return key.startsWith(DRAFT_PREFIX);
}

export function newDraftRow(columns: GridColumn[]): GridRow {
  const row: GridRow = { id: newDraftKey(), version: 0 };
  for (const column of columns) row[column.id] = null;
  return row;
}

/** The filled-in fields of a draft: what a create request sends. */
export function draftValues(row: GridRow): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (field !== 'id' && field !== 'version' && value !== null && value !== undefined) values[field] = value;
  }
  return values;
}
