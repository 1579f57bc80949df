import { useEffect, useMemo, useState } from 'react';
import { RowSourceModel, type SourceState } from './rowSource';
import { useStore } from './store';
import type { RowSource, RowView } from './types';

const NO_SOURCE: SourceState = { mode: 'whole', rows: [], total: 0, baseTotal: 0, generation: 0, stale: false, error: null };

/**
 * The rows of `source` (none: the grid's `rows` prop is used). A new `source.key` starts over;
 * `view` is the grid's sort and filters, applied by the source when it is read by window.
 */
export function useRowSource(source: RowSource | undefined, view: RowView, windowAbove?: number) {
  const [model, setModel] = useState<RowSourceModel | null>(null);
  const viewJson = JSON.stringify(view);
  useEffect(() => {
    if (!source) return;
    const next = new RowSourceModel(source, windowAbove);
    setModel(next);
    void next.start(JSON.parse(viewJson) as RowView);
    return () => next.dispose();
    // The model lives as long as the source's key; the view at its start is read once, later views go through setView.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source?.key, windowAbove]);
  useEffect(() => model?.setView(JSON.parse(viewJson) as RowView), [model, viewJson]);
  const fallback = useMemo(() => new RowSourceModel({ key: '', load: async () => ({ rows: [], total: 0 }) }), []);
  const state = useStore((model ?? fallback).state, (s) => s);
  return { model: source ? model : null, state: source ? state : NO_SOURCE };
}
