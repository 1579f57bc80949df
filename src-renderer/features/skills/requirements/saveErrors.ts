import type { ErrorIssue } from '../../../../src-shared/errors';
import { ApiCallError } from '../../../api/client';
import type { CellError, SaveResult } from '../../../grid';

/** Where in the grid a sent change came from: a cell, or (no field) a whole row. */
export interface CellTarget {
  rowKey: string;
  field?: string;
}

/** 0-based index of the sent change an issue is about, from its `row` (1-based) or its path (['changes', 3, 'level']). */
export function changeIndexOf(issue: ErrorIssue): number | undefined {
  if (issue.row !== undefined) return issue.row - 1;
  const [list, index] = issue.path;
  return list === 'changes' && typeof index === 'number' ? index : undefined;
}

/**
 * Turns a refused `skills.saveRequirements` into a failed grid save whose
 * errors sit on the cells that produced the changes.
 */
export function failedSave(error: unknown, targetOf: (index: number, issue: ErrorIssue) => CellTarget | undefined): SaveResult {
  if (!(error instanceof ApiCallError)) return { ok: false, message: (error as Error)?.message ?? String(error), errors: [] };
  const errors: CellError[] = [];
  for (const issue of error.issues) {
    const index = changeIndexOf(issue);
    const target = index === undefined ? undefined : targetOf(index, issue);
    if (target) errors.push({ ...target, message: issue.message });
  }
  return { ok: false, message: error.message, errors };
}
