import { randomUUID } from 'node:crypto';
import { EMPLOYEE_IMPORT_FIELDS, EMPLOYEE_STATUS_LABELS, EMPLOYEE_STATUSES, type ImportIssue } from '../../src-shared/api';
import { isRealDate } from '../../src-shared/domain/dates';
import type { CompiledMapping } from './mapping';
import { DepartmentIndex, EmployeeIndex, JobIndex, lower, PositionIndex, type NewDepartment, type NewJob, type NewPosition, type PeopleData, type Resolved, type StoredEmployee } from './people-data';
import { changedFields, idsInLoops, rowNumberOf } from './pipeline';
import type { Table } from './read-table';

export interface EmployeeValues {
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  hireDate: string;
  status: string;
  departmentId: string | null;
  jobId: string | null;
  location: string | null;
  managerId: string | null;
  positionId: string | null;
}
type Field = keyof EmployeeValues;

export interface PlannedEmployee {
  id: string;
  row: number;
  stored: StoredEmployee | undefined;
  values: EmployeeValues;
  /** Fields that differ from the stored record (every mapped field for a new employee). */
  changed: Field[];
}

export interface EmployeePlan {
  issues: ImportIssue[];
  employees: PlannedEmployee[];
  /** The columns the import writes (the mapped fields); the rest of a stored record stays as it is. */
  written: Field[];
  newDepartments: NewDepartment[];
  newJobs: NewJob[];
  newPositions: NewPosition[];
  labels: { department(id: string): string; job(id: string): string; position(id: string): string };
}

const STATUS_WORDS: Record<string, string> = {
  active: 'active', 'on leave': 'on_leave', on_leave: 'on_leave', onleave: 'on_leave', leave: 'on_leave', terminated: 'terminated', inactive: 'terminated', left: 'terminated',
};
const STATUS_LIST = EMPLOYEE_STATUSES.map((s) => EMPLOYEE_STATUS_LABELS[s]).join(', ');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field key of the file → the stored column it fills. */
const WRITES: Partial<Record<string, Field>> = {
  employeeNumber: 'employeeNumber', firstName: 'firstName', lastName: 'lastName', email: 'email', hireDate: 'hireDate', status: 'status',
  department: 'departmentId', jobTitle: 'jobId', location: 'location', managerNumber: 'managerId', positionTitle: 'positionId',
};

/** Checks on a single value, shared by cells and by a value typed for every row. */
const VALUE_CHECKS: Record<string, (value: string) => string | null> = {
  email: (v) => (v && !EMAIL.test(v) ? `"${v}" is not a valid email address.` : null),
  hireDate: (v) => (v && !isRealDate(v) ? `"${v}" is not a real date in the format YYYY-MM-DD.` : null),
  status: (v) => (v && !STATUS_WORDS[lower(v)] ? `Status "${v}" is not one of ${STATUS_LIST}.` : null),
};
const MAX_LENGTH: Record<string, number> = { employeeNumber: 40, firstName: 100, lastName: 100, location: 100, email: 200 };

/**
 * Checks every row of an employee file and works out what to create, update and leave alone.
 * Pure: reads nothing but its arguments, so the report can be shown before committing.
 * A row matches a stored employee by number; only the mapped fields are compared and written.
 */
export function planEmployeeImport(table: Table, m: CompiledMapping, existing: PeopleData, newId: () => string = randomUUID): EmployeePlan {
  const departments = new DepartmentIndex(existing.departments, newId);
  const jobs = new JobIndex(existing.jobs, newId);
  const positions = new PositionIndex(existing.positions, departments, newId);
  const plan: EmployeePlan = {
    issues: [],
    employees: [],
    written: EMPLOYEE_IMPORT_FIELDS.map((f) => WRITES[f.key]).filter((f): f is Field => !!f && m.has(reverse(f))),
    newDepartments: departments.created,
    newJobs: jobs.created,
    newPositions: positions.created,
    labels: { department: (id) => departments.label(id), job: (id) => jobs.label(id), position: (id) => positions.label(id) },
  };
  const issue = (row: number, key: string, message: string) => plan.issues.push({ row, column: m.label(key), message });
  if (!checkMapping(m, plan)) return plan;

  const stored = new Map(existing.employees.map((e) => [lower(e.employeeNumber), e]));
  const people = new EmployeeIndex(existing.employees);
  const firstRowOf = new Map<string, number>();
  const managerCells: { index: number; row: number; id: string; text: string; current: string | null }[] = [];
  const planned = new Map<number, PlannedEmployee>();
  let newRows = 0;

  table.rows.forEach((cells, index) => {
    const row = rowNumberOf(table, index);
    const get = (key: string) => m.get(key, cells);
    const before = plan.issues.length;
    const number = get('employeeNumber');
    if (!number) return void issue(row, 'employeeNumber', `${m.label('employeeNumber')} is empty${m.emptyReason('employeeNumber', cells)}.`);
    const found = stored.get(lower(number));
    if (firstRowOf.has(lower(number))) issue(row, 'employeeNumber', `Employee number ${number} also appears on row ${firstRowOf.get(lower(number))}.`);
    else firstRowOf.set(lower(number), row);
    if (!found) newRows++;
    const id = found?.id ?? newId();
    const values: EmployeeValues = found ? storedValues(found) : { employeeNumber: number, firstName: '', lastName: '', email: null, hireDate: '', status: 'active', departmentId: null, jobId: null, location: null, managerId: null, positionId: null };
    values.employeeNumber = number;

    for (const key of ['firstName', 'lastName', 'hireDate'] as const) {
      if (!m.has(key)) continue;
      const text = get(key);
      if (!text) issue(row, key, `${EMPLOYEE_IMPORT_FIELDS.find((f) => f.key === key)!.label} is empty${m.emptyReason(key, cells)}.`);
      else values[key] = text;
    }
    if (m.has('email')) values.email = get('email') || null;
    if (m.has('location')) values.location = get('location') || null;
    if (m.has('status') && get('status')) values.status = STATUS_WORDS[lower(get('status'))] ?? get('status');
    for (const [key, check] of Object.entries(VALUE_CHECKS)) {
      const problem = m.has(key) && m.constant(key) === undefined ? check(get(key)) : null;
      if (problem) issue(row, key, problem);
    }
    for (const [key, max] of Object.entries(MAX_LENGTH)) if (get(key).length > max) issue(row, key, `At most ${max} characters.`);

    const settle = (key: string, result: Resolved): string | null => ('problem' in result ? (issue(row, key, result.problem), null) : result.id);
    if (m.has('department')) {
      const text = get('department');
      values.departmentId = text ? settle('department', departments.resolve(text, get('parentDepartment'), found?.departmentId)) : null;
    }
    if (m.has('jobTitle')) {
      const text = get('jobTitle');
      values.jobId = text ? settle('jobTitle', jobs.resolve(text, get('jobLevel') || null, get('jobFamily') || null, found?.jobId)) : null;
    }
    if (m.has('positionTitle') && plan.issues.length === before) {
      const text = get('positionTitle');
      values.positionId = text ? settle('positionTitle', positions.seat(text, id, values.departmentId, values.jobId, found?.positionId ?? null)) : null;
    }
    people.add({ id, employeeNumber: number, firstName: values.firstName, lastName: values.lastName, email: values.email });
    if (m.has('managerNumber')) managerCells.push({ index, row, id, text: get('managerNumber'), current: found?.managerId ?? null });
    if (plan.issues.length === before) planned.set(index, { id, row, stored: found, values, changed: [] });
  });

  requireForNewEmployees(m, plan, newRows);
  linkManagers(plan, managerCells, planned, people, existing.employees, issue);
  for (const employee of planned.values()) {
    employee.changed = employee.stored ? changedFields(storedValues(employee.stored), employee.values, plan.written) : plan.written;
    plan.employees.push(employee);
  }
  plan.issues.sort((a, b) => a.row - b.row);
  return plan;
}

const reverse = (field: Field) => Object.entries(WRITES).find(([, f]) => f === field)![0];

function storedValues(e: StoredEmployee): EmployeeValues {
  return {
    employeeNumber: e.employeeNumber, firstName: e.firstName, lastName: e.lastName, email: e.email, hireDate: e.hireDate, status: e.status,
    departmentId: e.departmentId, jobId: e.jobId, location: e.location, managerId: e.managerId, positionId: e.positionId,
  };
}

/** The employee number must come from the file; a value typed for every row is checked once, here. */
function checkMapping(m: CompiledMapping, plan: EmployeePlan): boolean {
  plan.issues.push(...m.issues);
  if (!m.has('employeeNumber')) plan.issues.push({ row: 1, column: 'Employee number', message: 'Choose the column that holds the employee number.' });
  for (const [key, check] of Object.entries(VALUE_CHECKS)) {
    const value = m.constant(key);
    const problem = value === undefined ? null : check(value);
    if (problem) plan.issues.push({ row: 1, column: m.label(key), message: `${problem.replace(/\.$/, '')} (the value typed for every row).` });
  }
  return plan.issues.length === 0;
}

/** A new employee needs a name and a hire date: one problem for the mapping, not one per row. */
function requireForNewEmployees(m: CompiledMapping, plan: EmployeePlan, newRows: number) {
  if (newRows === 0) return;
  for (const field of EMPLOYEE_IMPORT_FIELDS) {
    if (!field.required || m.has(field.key)) continue;
    const who = newRows === 1 ? '1 row is a new employee, who needs' : `${newRows.toLocaleString('en')} rows are new employees, who need`;
    plan.issues.push({
      row: 1,
      column: field.label,
      message: `${who} a ${field.label.toLowerCase()}: choose its column, type one value for every row, or build it with a pattern from other columns.`,
    });
  }
}

function linkManagers(
  plan: EmployeePlan,
  cells: { index: number; row: number; id: string; text: string; current: string | null }[],
  planned: Map<number, PlannedEmployee>,
  people: EmployeeIndex,
  stored: StoredEmployee[],
  issue: (row: number, key: string, message: string) => void,
) {
  const managerOf = new Map(stored.map((e) => [e.id, e.managerId]));
  for (const cell of cells) {
    const result = cell.text ? people.resolve(cell.text, cell.current) : { id: null };
    if ('problem' in result) issue(cell.row, 'managerNumber', result.problem);
    else if (result.id === cell.id) issue(cell.row, 'managerNumber', 'An employee cannot be their own manager.');
    else {
      const employee = planned.get(cell.index);
      if (employee) employee.values.managerId = result.id;
      managerOf.set(cell.id, result.id);
      continue;
    }
    planned.delete(cell.index);
  }
  const looping = idsInLoops(managerOf);
  for (const [index, employee] of planned) {
    if (!looping.has(employee.id)) continue;
    issue(employee.row, 'managerNumber', `The manager chain of ${employee.values.employeeNumber} loops back to them (someone would manage their own manager).`);
    planned.delete(index);
  }
}
