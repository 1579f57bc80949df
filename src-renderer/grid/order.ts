import type { GridRow } from './types';

/**
 * Rows in the order they were shown, as spreadsheets keep them: a row stays
 * where it is after an edit or a reload, even when it would now sort
 * elsewhere or no longer pass the filter, until the user sorts or filters
 * again. Rows that are gone drop out. New rows this grid created stay where
 * they were added (new rows at the top, rows pasted past the end at the
 * bottom); other new rows (added elsewhere) go after the row they follow in
 * the view's order.
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
  const top = pick(local.top);
  const bottom = pick(local.bottom);
  // New rows from elsewhere, grouped under the shown row they follow in view order (null: before all).
  const following = new Map<string | null, GridRow[]>();
  let anchor: string | null = null;
  for (const row of viewRows) {
    if (shown.has(row.id)) {
      anchor = row.id;
      continue;
    }
    if (placed.has(row.id)) continue;
    placed.add(row.id);
    following.set(anchor, [...(following.get(anchor) ?? []), byId.get(row.id) ?? row]);
  }
  const result = [...top, ...(following.get(null) ?? [])];
  for (const id of shownIds) {
    const row = byId.get(id);
    if (row) result.push(row);
    const after = following.get(id);
    if (after) result.push(...after);
  }
  result.push(...bottom);
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
