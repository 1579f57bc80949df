import type { GridRow } from './types';

/**
 * Rows in the order they were shown, as spreadsheets keep them: a row stays
 * where it is after an edit or a reload, even when it would now sort
 * elsewhere or no longer pass the filter, until the user sorts or filters
 * again. Rows that are gone drop out; new rows this grid created go to the
 * top (where they were added), other new rows to the bottom, in view order.
 *
 * @param shownIds  ids in the order last shown
 * @param viewRows  rows sorted and filtered now
 * @param allRows   every current row (also those the filter would now hide)
 * @param local     rows this grid created: `top` from new rows (newest first), `bottom` past the last row
 */
export function keepOrder(
  shownIds: string[],
  viewRows: GridRow[],
  allRows: GridRow[],
  local: { top: GridRow[]; bottom: GridRow[] },
): GridRow[] {
  const byId = new Map(allRows.map((row) => [row.id, row]));
  const shown = new Set(shownIds);
  const placed = new Set<string>();
  const pick = (rows: GridRow[]) =>
    rows.flatMap((row) => {
      const current = byId.get(row.id);
      if (!current || shown.has(row.id) || placed.has(row.id)) return [];
      placed.add(row.id);
      return [current];
    });
  const kept: GridRow[] = [];
  for (const id of shownIds) {
    const row = byId.get(id);
    if (row) kept.push(row);
  }
  const top = pick(local.top);
  const bottom = [...pick(local.bottom), ...pick(viewRows)];
  const result = top.length + bottom.length === 0 ? kept : [...top, ...kept, ...bottom];
  return sameRows(result, viewRows) ? viewRows : result;
}

export function sameRows(a: GridRow[], b: GridRow[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function sameOrder(a: GridRow[], b: GridRow[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].id !== b[i].id) return false;
  return true;
}
