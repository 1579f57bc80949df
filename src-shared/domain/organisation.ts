/**
 * Effective-dated organisation: the pure rules behind a person's history of department, job,
 * manager and position, and the termination date that comes with "terminated".
 */

/** The four references that are effective-dated, in the order the history shows them. */
export const ASSIGNMENT_FIELDS = ['departmentId', 'jobId', 'managerId', 'positionId'] as const;
export type AssignmentField = (typeof ASSIGNMENT_FIELDS)[number];
export type Assignment = Record<AssignmentField, string | null>;

export const ASSIGNMENT_FIELD_LABELS: Record<AssignmentField, string> = {
  departmentId: 'Department',
  jobId: 'Job',
  managerId: 'Manager',
  positionId: 'Position',
};

/** Today on this computer's calendar (the user's day, not UTC's): the default and the latest effective date. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

export interface RecordedAssignment extends Assignment {
  effectiveDate: string;
  recordedAt: string;
}

/**
 * A person's history as dated steps, oldest first: of several rows on one day the one recorded last
 * counts (a correction), and each step says which references changed from the step before. Steps
 * that change nothing (a correction that restored the earlier value) are left out.
 */
export function assignmentSteps<T extends RecordedAssignment>(rows: T[]): (T & { changed: AssignmentField[] })[] {
  const ordered = [...rows].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.recordedAt.localeCompare(b.recordedAt));
  const lastOfDay = ordered.filter((row, i) => ordered[i + 1]?.effectiveDate !== row.effectiveDate);
  const steps: (T & { changed: AssignmentField[] })[] = [];
  for (const row of lastOfDay) {
    const previous = steps.at(-1);
    const changed = previous ? ASSIGNMENT_FIELDS.filter((field) => (previous[field] ?? null) !== (row[field] ?? null)) : [];
    if (previous && changed.length === 0) continue;
    steps.push({ ...row, changed });
  }
  return steps;
}

/**
 * What a single edit implies for the termination date, so a grid can change one cell at a time:
 * entering a termination date makes the person terminated, and setting another status clears
 * the date (the audit log keeps the old one). Both-at-once edits are taken as they are.
 */
export function settleTermination<V extends { status: string; terminationDate?: string | null }>(values: V, changedFields: readonly string[]): V {
  const setsDate = changedFields.includes('terminationDate');
  const setsStatus = changedFields.includes('status');
  if (setsDate && !setsStatus && values.terminationDate) return { ...values, status: 'terminated' };
  if (setsStatus && !setsDate && values.status !== 'terminated') return { ...values, terminationDate: null };
  return values;
}

/** The termination rules, as messages for the field they concern (labels, not keys). */
export function terminationProblems(values: { status: string; hireDate: string; terminationDate?: string | null }, today: string): { field: 'terminationDate'; message: string }[] {
  const date = values.terminationDate ?? null;
  if (values.status === 'terminated' && !date) return [{ field: 'terminationDate', message: 'Termination date is required when the status is Terminated.' }];
  if (values.status !== 'terminated' && date) {
    return [{ field: 'terminationDate', message: 'Only a terminated employee has a termination date: clear the date, or set the status to Terminated.' }];
  }
  if (date && date < values.hireDate) return [{ field: 'terminationDate', message: `The termination date cannot be before the hire date (${values.hireDate}).` }];
  if (date && date > today) {
    return [{ field: 'terminationDate', message: `The termination date cannot be in the future (today is ${today}): record the termination on the last day or after it.` }];
  }
  return [];
}

/** The effective date of an organisation change: on or after the hire date, and not in the future. */
export function effectiveDateProblem(effectiveDate: string, hireDate: string, today: string): string | null {
  if (effectiveDate > today) {
    return `Changes cannot take effect in the future (today is ${today}): enter a change on the day it takes effect, or choose an earlier date.`;
  }
  if (effectiveDate < hireDate) return `A change cannot take effect before the hire date (${hireDate}).`;
  return null;
}
