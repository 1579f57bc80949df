import { useEffect, useMemo, useRef, useState } from 'react';
import { labelRows, unlabelled } from './lookup';
import type { GridColumn, GridRow, RowSource } from './types';

/**
 * The rows once their lookup columns' labels are known (fetched for the values they hold),
 * so no cell shows an id and sorting by a person's name is right from the first frame. While
 * new rows are labelled the previous ones stay on screen; before any, `labelling` is true.
 */
export function useLabelledRows(columns: GridColumn[], rows: GridRow[] | undefined): { rows: GridRow[] | undefined; labelling: boolean } {
  const [attempts, setAttempts] = useState(0);
  const tried = useRef<GridRow[] | undefined>(undefined);
  const shown = useRef<GridRow[] | undefined>(undefined);
  // `attempts` is read so the check runs again once labels have arrived.
  const missing = useMemo(() => !!rows && attempts >= 0 && unlabelled(columns, rows).size > 0, [columns, rows, attempts]);
  useEffect(() => {
    if (!missing || !rows) return;
    let live = true;
    void labelRows(columns, rows)
      .catch(() => undefined)
      .then(() => {
        if (!live) return;
        tried.current = rows;
        setAttempts((n) => n + 1);
      });
    return () => {
      live = false;
    };
  }, [missing, columns, rows]);
  // Rows whose labels could not be fetched are shown anyway (their ids), rather than never.
  if (!missing || tried.current === rows) shown.current = rows;
  return { rows: shown.current, labelling: !!rows && shown.current === undefined };
}

/** A row source whose windows arrive with their lookup columns' labels known. */
export function useLabelledSource(source: RowSource | undefined, columns: GridColumn[]): RowSource | undefined {
  const current = useRef(columns);
  current.current = columns;
  return useMemo(
    () =>
      source && {
        ...source,
        load: async (request) => {
          const window = await source.load(request);
          await labelRows(current.current, window.rows).catch(() => undefined);
          return window;
        },
      },
    [source],
  );
}
