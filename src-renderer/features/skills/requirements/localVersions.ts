import type { GridRow } from '../../../grid';

export interface UnversionedRow {
  id: string;
  [field: string]: unknown;
}

/**
 * Versions for rows that are not records (a job's line of the matrix). Every
 * fetched snapshot and every saved row takes a newer version than anything
 * before it, so the grid shows a save until the next fetch and then the fetch.
 */
export class LocalVersions {
  private tick = 0;
  private readonly latest = new Map<string, GridRow>();

  stamp(rows: UnversionedRow[]): GridRow[] {
    const version = ++this.tick;
    return rows.map((row) => this.keep({ ...row, version }));
  }

  /** The whole row after `values` were saved. */
  saved(id: string, values: Record<string, unknown>): GridRow {
    return this.keep({ ...this.latest.get(id), ...values, id, version: ++this.tick });
  }

  private keep(row: GridRow): GridRow {
    this.latest.set(row.id, row);
    return row;
  }
}
