import { useMemo } from 'react';
import { EMPLOYEE_STATUSES, EMPLOYEE_STATUS_LABELS, type Department, type Employee, type Job, type Position } from '../../../src-shared/api';
import { useApi } from '../../api/hooks';
import type { Option } from '../../grid';
import { departmentLabel, employeeLabel, jobLabel, positionLabel } from '../../../src-shared/domain/people-labels';

export { employeeLabel, jobLabel };

export const STATUS_OPTIONS: Option[] = EMPLOYEE_STATUSES.map((value) => ({ value, label: EMPLOYEE_STATUS_LABELS[value] }));
export const YES_NO: Option[] = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];


/** Labels name the parent too ("Platform · Engineering Group 1") so same-named teams stay apart. */
export function departmentOptions(departments: Department[]): Option[] {
  const byId = new Map(departments.map((d) => [d.id, d]));
  return departments.map((d) => ({ value: d.id, label: departmentLabel(d, byId) })).sort((a, b) => a.label.localeCompare(b.label));
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
      jobs: (jobs.data?.rows ?? []).map((j: Job) => ({ value: j.id, label: jobLabel(j) })),
      positions: positionOptions(positions.data?.rows ?? [], departments.data?.rows ?? []),
      employees: (employees.data?.rows ?? []).map((e: Employee) => ({ value: e.id, label: employeeLabel(e) })),
      employeeRows: employees.data?.rows ?? [],
    }),
    [departments.data, jobs.data, positions.data, employees.data, departments.isLoading, jobs.isLoading, positions.isLoading, employees.isLoading, departments.error, jobs.error, positions.error, employees.error, options.employees],
  );
}

/** Many positions share a title, so the label names the department too. */
export function positionOptions(positions: Position[], departments: Department[]): Option[] {
  const names = new Map(departments.map((d) => [d.id, d.name]));
  return positions.map((p) => ({ value: p.id, label: positionLabel(p, names.get(p.departmentId)) }));
}
