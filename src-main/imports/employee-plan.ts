import { EMPLOYEE_IMPORT_FIELDS, EMPLOYEE_STATUS_LABELS, EMPLOYEE_STATUSES, type ImportIssue } from '../../src-shared/api';
import { isRealDate } from '../../src-shared/domain/dates';
import type { CompiledMapping } from './mapping';
import { DepartmentIndex, EmployeeIndex, JobIndex, lower, PositionIndex, type NewDepartment, type NewJob, type NewPosition, type PeopleData, type Resolved, type StoredEmployee } from './people-data';
import { changedFields, idsInLoops, rowNumberOf, timeOrderedId } from './pipeline';
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
export function planEmployeeImport(table: Table, m: CompiledMapping, existing: PeopleData, newId: () => string = timeOrderedId): EmployeePlan {
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
  if (!checkMapping(m, plan)) return plan;
  const rows = new RowPlanner(m, plan, existing, { departments, jobs, positions }, newId);
  table.rows.forEach((cells, index) => rows.planRow(cells, index, rowNumberOf(table, index)));
  requireForNewEmployees(m, plan, rows.newRows);
  linkManagers(plan, rows.managerCells, rows.planned, rows.people, existing.employees, (row, key, message) => rows.issue(row, key, message));
  for (const employee of rows.planned.values()) {
    employee.changed = employee.stored ? changedFields(storedValues(employee.stored), employee.values, plan.written) : plan.written;
    plan.employees.push(employee);
  }
  plan.issues.sort((a, b) => a.row - b.row);
  return plan;
}

interface ManagerCell {
  index: number;
  row: number;
  id: string;
  text: string;
  current: string | null;
}

/** Plans one row at a time; every lookup is a map access, so a row costs the same in any organisation. */
class RowPlanner {
  readonly people: EmployeeIndex;
  readonly planned = new Map<number, PlannedEmployee>();
  readonly managerCells: ManagerCell[] = [];
  newRows = 0;
  private readonly stored: Map<string, StoredEmployee>;
  private readonly firstRowOf = new Map<string, number>();
  /** Per-row checks of the fields read from the file (a value for every row was checked once already). */
  private readonly checks: [string, (value: string) => string | null][];
  private readonly lengths: [string, number][];

  constructor(
    private readonly m: CompiledMapping,
    private readonly plan: EmployeePlan,
    existing: PeopleData,
    private readonly index: { departments: DepartmentIndex; jobs: JobIndex; positions: PositionIndex },
    private readonly newId: () => string,
  ) {
    this.stored = new Map(existing.employees.map((e) => [lower(e.employeeNumber), e]));
    this.people = new EmployeeIndex(existing.employees);
    this.checks = Object.entries(VALUE_CHECKS).filter(([key]) => m.has(key) && m.constant(key) === undefined);
    this.lengths = Object.entries(MAX_LENGTH).filter(([key]) => m.has(key));
  }

  issue(row: number, key: string, message: string) {
    this.plan.issues.push({ row, column: this.m.label(key), message });
  }

  planRow(cells: string[], index: number, row: number) {
    const { m } = this;
    const before = this.plan.issues.length;
    const number = m.get('employeeNumber', cells);
    if (!number) return this.issue(row, 'employeeNumber', `${m.label('employeeNumber')} is empty${m.emptyReason('employeeNumber', cells)}.`);
    const key = lower(number);
    const found = this.stored.get(key);
    if (this.firstRowOf.has(key)) this.issue(row, 'employeeNumber', `Employee number ${number} also appears on row ${this.firstRowOf.get(key)}.`);
    else this.firstRowOf.set(key, row);
    if (!found) this.newRows++;
    const id = found?.id ?? this.newId();
    const values = this.readValues(cells, row, number, found);
    this.resolveReferences(cells, row, id, values, found, before);
    this.people.add({ id, employeeNumber: number, firstName: values.firstName, lastName: values.lastName, email: values.email });
    if (m.has('managerNumber')) this.managerCells.push({ index, row, id, text: m.get('managerNumber', cells), current: found?.managerId ?? null });
    if (this.plan.issues.length === before) this.planned.set(index, { id, row, stored: found, values, changed: [] });
  }

  /** The row's own fields over the stored ones (or a new employee's defaults), checked. */
  private readValues(cells: string[], row: number, number: string, found: StoredEmployee | undefined): EmployeeValues {
    const { m } = this;
    const values: EmployeeValues = found
      ? storedValues(found)
      : { employeeNumber: number, firstName: '', lastName: '', email: null, hireDate: '', status: 'active', departmentId: null, jobId: null, location: null, managerId: null, positionId: null };
    values.employeeNumber = number;
    for (const key of REQUIRED_TEXT) {
      if (!m.has(key)) continue;
      const text = m.get(key, cells);
      if (!text) this.issue(row, key, `${LABEL[key]} is empty${m.emptyReason(key, cells)}.`);
      else values[key] = text;
    }
    if (m.has('email')) values.email = m.get('email', cells) || null;
    if (m.has('location')) values.location = m.get('location', cells) || null;
    const status = m.has('status') ? m.get('status', cells) : '';
    if (status) values.status = STATUS_WORDS[lower(status)] ?? status;
    for (const [key, check] of this.checks) {
      const problem = check(m.get(key, cells));
      if (problem) this.issue(row, key, problem);
    }
    for (const [key, max] of this.lengths) if (m.get(key, cells).length > max) this.issue(row, key, `At most ${max} characters.`);
    return values;
  }

  /** Department, job and position by what the cells say (an empty cell clears the reference). */
  private resolveReferences(cells: string[], row: number, id: string, values: EmployeeValues, found: StoredEmployee | undefined, issuesBefore: number) {
    const { m, index } = this;
    if (m.has('department')) {
      const text = m.get('department', cells);
      values.departmentId = text ? this.settle(row, 'department', index.departments.resolve(text, m.get('parentDepartment', cells), found?.departmentId)) : null;
    }
    if (m.has('jobTitle')) {
      const text = m.get('jobTitle', cells);
      values.jobId = text ? this.settle(row, 'jobTitle', index.jobs.resolve(text, m.get('jobLevel', cells) || null, m.get('jobFamily', cells) || null, found?.jobId)) : null;
    }
    // A seat is only taken by a row that is otherwise valid.
    if (m.has('positionTitle') && this.plan.issues.length === issuesBefore) {
      const text = m.get('positionTitle', cells);
      values.positionId = text ? this.settle(row, 'positionTitle', index.positions.seat(text, id, values.departmentId, values.jobId, found?.positionId ?? null)) : null;
    }
  }

  private settle(row: number, key: string, result: Resolved): string | null {
    if ('id' in result) return result.id;
    this.issue(row, key, result.problem);
    return null;
  }
}

const REQUIRED_TEXT = ['firstName', 'lastName', 'hireDate'] as const;
const LABEL = Object.fromEntries(EMPLOYEE_IMPORT_FIELDS.map((f) => [f.key, f.label])) as Record<string, string>;

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
  cells: ManagerCell[],
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
