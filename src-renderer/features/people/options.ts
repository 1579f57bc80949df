import { useMemo } from 'react';
import { EMPLOYEE_STATUSES, EMPLOYEE_STATUS_LABELS, type Department, type Employee, type Job, type Position, type PositionHit } from '../../../src-shared/api';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { Option, ReferenceLookup } from '../../grid';
import { departmentLabel, employeeLabel, jobLabel, positionLabel } from '../../../src-shared/domain/people-labels';

export { employeeLabel, jobLabel };

export const STATUS_OPTIONS: Option[] = EMPLOYEE_STATUSES.map((value) => ({ value, label: EMPLOYEE_STATUS_LABELS[value] }));
export const YES_NO: Option[] = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];

/** An employee as a grid option: typed or pasted by full label, employee number or plain name. */
export const employeeOption = (e: Pick<Employee, 'id' | 'firstName' | 'lastName' | 'employeeNumber'>): Option => ({
  value: e.id,
  label: employeeLabel(e),
  aliases: [e.employeeNumber, `${e.firstName} ${e.lastName}`],
});

/**
 * A grid column's people, found where they are (an organisation may have 50,000): a type-ahead
 * by name, number or email, texts resolved by label, number or name, labels for the ids rows
 * hold. Every column pointing to a person uses it.
 */
export const employeeLookup: ReferenceLookup = {
  kind: 'employee',
  search: async (text, limit) => {
    // A label typed or pasted whole ("Ann Smith (E100)") finds the person by its words.
    const found = await call('people.searchEmployees', { query: text.replace(/[()]/g, ' '), limit: Math.min(limit, 50) });
    return { options: found.rows.map(employeeOption), more: found.more };
  },
  resolve: (texts) => inChunks(texts, 5000, async (part) => (await call('people.resolveEmployees', { texts: part })).matches.map((hits) => hits.map(employeeOption))),
  options: (ids) => inChunks(ids, 2000, async (part) => (await call('people.searchEmployees', { ids: part })).rows.map(employeeOption)),
};

/** `fetch` over `items` a part at a time (the most one call takes), results in order. */
export async function inChunks<T, R>(items: T[], size: number, fetch: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let at = 0; at < items.length; at += size) out.push(...(await fetch(items.slice(at, at + size))));
  return out;
}

const positionOption = (p: PositionHit): Option => ({ value: p.id, label: positionLabel(p, p.departmentName ?? undefined), aliases: [p.title] });

/** A column's positions, found where they are (as many as people): by title and department, labels for the ids rows hold. */
export const positionLookup: ReferenceLookup = {
  kind: 'position',
  search: async (text, limit) => {
    const found = await call('people.searchPositions', { query: text, limit: Math.min(limit, 50) });
    return { options: found.rows.map(positionOption), more: found.more };
  },
  resolve: (texts) => inChunks(texts, 5000, async (part) => (await call('people.resolvePositions', { texts: part })).matches.map((hits) => hits.map(positionOption))),
  options: (ids) => inChunks(ids, 2000, async (part) => (await call('people.searchPositions', { ids: part })).rows.map(positionOption)),
};

/** Labels name the parent too ("Platform · Engineering Group 1") so same-named teams stay apart. */
export function departmentOptions(departments: Department[]): Option[] {
  const byId = new Map(departments.map((d) => [d.id, d]));
  // The plain name is enough to paste or type where it names one department.
  return departments.map((d) => ({ value: d.id, label: departmentLabel(d, byId), aliases: [d.name] })).sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * Departments and jobs as options, for the grids and forms that show them as names. People and
 * positions (as many as people) are never listed whole: grid columns use `employeeLookup` and
 * `positionLookup`, forms `EmployeePicker` and `LookupSelect`.
 */
export function usePeopleReferences() {
  const departments = useApi('people.listDepartments', {});
  const jobs = useApi('people.listJobs', {});
  return useMemo(
    () => ({
      loading: departments.isLoading || jobs.isLoading,
      error: departments.error ?? jobs.error,
      departments: departmentOptions(departments.data?.rows ?? []),
      jobs: (jobs.data?.rows ?? []).map((j: Job) => ({ value: j.id, label: jobLabel(j), aliases: [j.title] })),
    }),
    [departments.data, jobs.data, departments.isLoading, jobs.isLoading, departments.error, jobs.error],
  );
}

/** Many positions share a title, so the label names the department too. */
export function positionOptions(positions: Position[], departments: Department[]): Option[] {
  const names = new Map(departments.map((d) => [d.id, d.name]));
  return positions.map((p) => ({ value: p.id, label: positionLabel(p, names.get(p.departmentId)), aliases: [p.title] }));
}
