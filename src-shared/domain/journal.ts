/** Journal arithmetic shared by the main process and the UI. */
import type { JournalKind } from '../api/reviews/journal';

/** The calendar date (YYYY-MM-DD) of `at` on this machine's clock: what the person at the laptop calls "today". */
export function localDateIso(at: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export interface JournalSummary {
  total: number;
  byKind: Record<JournalKind, number>;
  shared: number;
}

/** Counts per kind and how many are shared with the employee. */
export function summariseJournal(entries: { kind: JournalKind; shared: boolean }[]): JournalSummary {
  const summary: JournalSummary = { total: 0, byKind: { praise: 0, development: 0, note: 0 }, shared: 0 };
  for (const entry of entries) {
    summary.total += 1;
    summary.byKind[entry.kind] += 1;
    if (entry.shared) summary.shared += 1;
  }
  return summary;
}
