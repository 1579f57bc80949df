import { useMemo } from 'react';
import { EMPLOYEE_STATUSES, EMPLOYEE_STATUS_LABELS, type Department, type Employee, type Job, type Position } from '../../../src-shared/api';
import { useApi } from '../../api/hooks';
import type { Option } from '../../grid';
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

/** Labels name the parent too ("Platform · Engineering Group 1") so same-named teams stay apart. */
export function departmentOptions(departments: Department[]): Option[] {
  const byId = new Map(departments.map((d) => [d.id, d]));
  // The plain name is enough to paste or type where it names one department.
  return departments.map((d) => ({ value: d.id, label: departmentLabel(d, byId), aliases: [d.name] })).sort((a, b) => a.label.localeCompare(b.label));
}

/** Everything the people grids need to show references as names. */
export function usePeopleReferences(options: { employees?: boolean } = {}) {
  const departments = useApi('people.listDepartments', {});
  const jobs = useApi('people.listJobs', {});
  const positions = useApi('people.listPositions', {});
  const employees = useApi('people.listEmployees', { limit: 100_000 }, { enabled: options.employees !== false });
  return useMemo(
    () => ({
      loading: departments.isLoading || jobs.isLoading || positions.isLoading || (options.employees !== false && employees.isLoading),
      error: departments.error ?? jobs.error ?? positions.error ?? employees.error,
      departments: departmentOptions(departments.data?.rows ?? []),
      jobs: (jobs.data?.rows ?? []).map((j: Job) => ({ value: j.id, label: jobLabel(j), aliases: [j.title] })),
      positions: positionOptions(positions.data?.rows ?? [], departments.data?.rows ?? []),
      employees: (employees.data?.rows ?? []).map(employeeOption),
      employeeRows: employees.data?.rows ?? [],
    }),
    [departments.data, jobs.data, positions.data, employees.data, departments.isLoading, jobs.isLoading, positions.isLoading, employees.isLoading, departments.error, jobs.error, positions.error, employees.error, options.employees],
  );
}

/** Many positions share a title, so the label names the department too. */
export function positionOptions(positions: Position[], departments: Department[]): Option[] {
  const names = new Map(departments.map((d) => [d.id, d.name]));
  return positions.map((p) => ({ value: p.id, label: positionLabel(p, names.get(p.departmentId)), aliases: [p.title] }));
}
