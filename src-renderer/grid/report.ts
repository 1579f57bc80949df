import type { CellError } from './types';

/** The error report shown above the grid. */
export interface ErrorReport {
  title: string;
  items: string[];
}

export interface ErrorLabels {
  rowNumber: (rowKey: string) => number | undefined;
  header: (field: string) => string;
}

/** "Row N, Column <header>: message" (or "Row N: message" for a whole-row error). */
export function describeError(error: CellError, labels: ErrorLabels): string {
  const number = labels.rowNumber(error.rowKey);
  const parts = [number === undefined ? 'New row' : `Row ${number}`];
  if (error.field !== undefined) parts.push(`Column ${labels.header(error.field)}`);
  return `${parts.join(', ')}: ${error.message}`;
}

export function buildReport(title: string, errors: CellError[], labels: ErrorLabels): ErrorReport {
  return { title, items: errors.map((error) => describeError(error, labels)) };
}
