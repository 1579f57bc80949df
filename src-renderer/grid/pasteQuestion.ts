import type { BatchPlan, CellWrite } from './pasteBlock';
import type { CellRange } from './selection';

/** What a paste would do beyond the rows the user selected. */
export interface PasteSummary {
  /** Existing records outside the selected rows whose values change. */
  outsideRecords: number;
  /** Their cells that change (cells already holding the pasted value are not counted). */
  outsideCells: number;
  /** Records the paste creates (in new rows and past the last row). */
  created: number;
}

/** A paste waiting for the user: apply it, paste it as new rows, or cancel. */
export interface PasteQuestion {
  text: string;
  /** Lines in the pasted block. */
  lines: number;
  plan: BatchPlan;
  writes: CellWrite[];
  summary: PasteSummary;
}

export function summarizePaste(plan: BatchPlan, selection: CellRange): PasteSummary {
  const summary: PasteSummary = { outsideRecords: 0, outsideCells: 0, created: 0 };
  for (const change of plan.changes) {
    if (change.id === undefined) {
      summary.created += 1;
      continue;
    }
    const row = (plan.rowNumbers.get(change.rowKey) ?? 0) - 1;
    if (row >= selection.top && row <= selection.bottom) continue;
    summary.outsideRecords += 1;
    summary.outsideCells += Object.keys(change.values).length;
  }
  return summary;
}

export interface RowNoun {
  one: string;
  other: string;
}

const counted = new Intl.NumberFormat('en-US');

export const countOf = (n: number, noun: RowNoun) => `${counted.format(n)} ${n === 1 ? noun.one : noun.other}`;

/** "This paste changes 499 existing employees (1,996 cells) outside the selected rows and adds 1 new employee." */
export function describePaste(summary: PasteSummary, noun: RowNoun): string {
  const cells = `${counted.format(summary.outsideCells)} ${summary.outsideCells === 1 ? 'cell' : 'cells'}`;
  const changes = `changes ${counted.format(summary.outsideRecords)} existing ${summary.outsideRecords === 1 ? noun.one : noun.other} (${cells}) outside the selected rows`;
  const adds = summary.created > 0 ? ` and adds ${counted.format(summary.created)} new ${summary.created === 1 ? noun.one : noun.other}` : '';
  return `This paste ${changes}${adds}.`;
}
