import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_COLUMN_WIDTH } from './layout';
import type { GridColumn } from './types';

/** Column widths and visibility, persisted per grid. */
export interface GridPrefs {
  widths: Record<string, number>;
  hidden: Record<string, boolean>;
}

/** A visible column with its resolved width and left offset (after the row header). */
export interface ColumnView {
  column: GridColumn;
  width: number;
  left: number;
}

const storageKey = (gridId: string) => `canopy.grid.${gridId}`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function loadPrefs(gridId: string): GridPrefs {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(gridId)) ?? 'null');
    if (isRecord(stored) && isRecord(stored.widths) && isRecord(stored.hidden)) {
      return { widths: stored.widths as GridPrefs['widths'], hidden: stored.hidden as GridPrefs['hidden'] };
    }
  } catch {
    // Unreadable prefs fall back to the column defaults.
  }
  return { widths: {}, hidden: {} };
}

export function savePrefs(gridId: string, prefs: GridPrefs): void {
  try {
    localStorage.setItem(storageKey(gridId), JSON.stringify(prefs));
  } catch {
    // Storage may be full or unavailable; the layout then lasts for this session only.
  }
}

export function isColumnHidden(column: GridColumn, prefs: GridPrefs): boolean {
  return prefs.hidden[column.id] ?? column.hiddenByDefault ?? false;
}

export function columnViews(columns: GridColumn[], prefs: GridPrefs): ColumnView[] {
  let left = 0;
  return columns
    .filter((column) => !isColumnHidden(column, prefs))
    .map((column) => {
      const width = prefs.widths[column.id] ?? column.width ?? DEFAULT_COLUMN_WIDTH;
      const view = { column, width, left };
      left += width;
      return view;
    });
}

export function useColumnPrefs(gridId: string, columns: GridColumn[]) {
  const [prefs, setPrefs] = useState(() => loadPrefs(gridId));
  const loaded = useRef(prefs);

  useEffect(() => {
    if (prefs !== loaded.current) savePrefs(gridId, prefs);
  }, [gridId, prefs]);

  const views = useMemo(() => columnViews(columns, prefs), [columns, prefs]);
  const visible = useMemo(() => views.map((view) => view.column), [views]);

  const setWidth = (id: string, width: number) =>
    setPrefs((p) => ({ ...p, widths: { ...p.widths, [id]: Math.round(width) } }));
  const setHidden = (id: string, hidden: boolean) => setPrefs((p) => ({ ...p, hidden: { ...p.hidden, [id]: hidden } }));

  return { prefs, views, visible, setWidth, setHidden };
}
