import { formatCellValue, sameValue } from './convert';
import type { GridColumn, GridRow, RowChange } from './types';

/**
 * The versions this grid's own saves moved each record through (sent version
 * -> returned version). A change started from version v may be sent on the
 * version this window's later saves produced from v, never on a version
 * someone else saved: that one must conflict.
 */
export class OwnVersions {
  private readonly moves = new Map<string, Map<number, number>>();

  record(id: string, from: number, to: number): void {
    let moves = this.moves.get(id);
    if (!moves) this.moves.set(id, (moves = new Map()));
    moves.set(from, to);
  }

  advance(id: string, version: number): number {
    const moves = this.moves.get(id);
    let current = version;
    for (let next = moves?.get(current); next !== undefined && next > current; next = moves?.get(current)) current = next;
    return current;
  }
}

/** A save refused because records were saved elsewhere since the edit started: the user's values wait for a choice. */
export interface GridConflict {
  key: number;
  message: string;
  /** The changes as they were sent, with the versions they started from. */
  changes: RowChange[];
}

/** One cell both this window and someone else changed. */
export interface ConflictCell {
  id: string;
  field: string;
  header: string;
  /** Which record: its row number and first column ("Row 3 · E0003"). */
  record: string;
  theirs: string;
  mine: string;
}

export interface ConflictView {
  /** Records saved elsewhere whose newer version the grid has. */
  stale: string[];
  /** Records the grid no longer lists (archived or removed elsewhere). */
  missing: string[];
  /** The newer versions have not arrived yet. */
  loading: boolean;
  cells: ConflictCell[];
}

export interface ConflictLookups {
  /** The newest known copy of a record. */
  latest: (id: string) => GridRow | undefined;
  columns: GridColumn[];
  /** 1-based displayed row number. */
  rowNumber: (id: string) => number | undefined;
}

function recordLabel(row: GridRow, lookups: ConflictLookups): string {
  const number = lookups.rowNumber(row.id);
  const first = lookups.columns[0];
  const name = first ? formatCellValue(first, row[first.id]) : '';
  return [number === undefined ? 'Row not shown' : `Row ${number}`, name].filter(Boolean).join(' · ');
}

/** What the user chooses between: per record and field, their saved value and mine. */
export function describeConflict(conflict: GridConflict, lookups: ConflictLookups): ConflictView {
  const stale: string[] = [];
  const missing: string[] = [];
  const cells: ConflictCell[] = [];
  for (const change of conflict.changes) {
    if (change.id === undefined) continue;
    const latest = lookups.latest(change.id);
    if (!latest) {
      missing.push(change.id);
      continue;
    }
    if (change.version === undefined || latest.version <= change.version) continue;
    stale.push(change.id);
    for (const [field, mine] of Object.entries(change.values)) {
      const column = lookups.columns.find((c) => c.id === field);
      if (!column || sameValue(latest[field], mine)) continue;
      cells.push({
        id: change.id,
        field,
        header: column.header,
        record: recordLabel(latest, lookups),
        theirs: formatCellValue(column, latest[field]),
        mine: formatCellValue(column, mine),
      });
    }
  }
  return { stale, missing, loading: stale.length === 0 && missing.length === 0, cells };
}
