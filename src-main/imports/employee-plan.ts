import { randomUUID } from 'node:crypto';
import { EMPLOYEE_IMPORT_FIELDS, type ImportIssue } from '../../src-shared/api';
import { isRealDate } from '../../src-shared/domain/dates';
import type { Table } from './read-table';

export interface ExistingData {
  employees: { id: string; employeeNumber: string; managerId: string | null; version: number }[];
  departments: { id: string; name: string; parentId: string | null }[];
  jobs: { id: string; title: string; level: string | null }[];
  positions: { id: string; title: string; departmentId: string; incumbentId: string | null }[];
}

export interface PlannedEmployee {
  id: string;
  isNew: boolean;
  row: number;
  values: {
    employeeNumber: string; firstName: string; lastName: string; email: string | null; hireDate: string;
    status: string; departmentId: string | null; jobId: string | null; location: string | null;
  };
  /** undefined = leave the stored manager alone (no manager column mapped). */
  managerId?: string | null;
  positionId?: string;
}

export interface ImportPlan {
  issues: ImportIssue[];
  employees: PlannedEmployee[];
  newDepartments: { id: string; name: string; parentId: string | null }[];
  newJobs: { id: string; title: string; family: string | null; level: string | null }[];
  newPositions: { id: string; title: string; jobId: string; departmentId: string }[];
}

const STATUS_WORDS: Record<string, string> = {
  active: 'active', 'on leave': 'on_leave', on_leave: 'on_leave', leave: 'on_leave', terminated: 'terminated', inactive: 'terminated', left: 'terminated',
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const lower = (s: string) => s.trim().toLowerCase();

/**
 * Checks every row of an employee file and works out what to create and update.
 * Pure: reads nothing but its arguments, so the report can be shown before committing.
 * Row numbers are the spreadsheet's (the header is row 1).
 */
export function planEmployeeImport(table: Table, mapping: Record<string, string>, existing: ExistingData): ImportPlan {
  const plan: ImportPlan = { issues: [], employees: [], newDepartments: [], newJobs: [], newPositions: [] };
  const labelOf = (key: string) => mapping[key] ?? EMPLOYEE_IMPORT_FIELDS.find((f) => f.key === key)?.label ?? key;
  const issue = (row: number, key: string, message: string) => plan.issues.push({ row, column: labelOf(key), message });
  checkMapping(table, mapping, plan);
  if (plan.issues.length) return plan;

  const column = new Map(Object.entries(mapping).map(([key, header]) => [key, table.headers.indexOf(header)]));
  const stored = new Map(existing.employees.map((e) => [lower(e.employeeNumber), e]));
  const resolver = makeResolver(existing, plan);
  const seenNumbers = new Map<string, number>();
  const managerNumbers: { employee: PlannedEmployee; number: string }[] = [];
  const orphanManagers: { row: number; number: string }[] = [];

  table.rows.forEach((cells, index) => {
    const row = index + 2;
    const get = (key: string) => (column.has(key) && column.get(key)! >= 0 ? (cells[column.get(key)!] ?? '').trim() : '');
    const before = plan.issues.length;
    for (const field of EMPLOYEE_IMPORT_FIELDS) if (field.required && !get(field.key)) issue(row, field.key, `${field.label} is empty.`);
    const number = get('employeeNumber');
    if (number && seenNumbers.has(lower(number))) issue(row, 'employeeNumber', `Employee number ${number} also appears on row ${seenNumbers.get(lower(number))}.`);
    if (number) seenNumbers.set(lower(number), row);
    const email = get('email');
    if (email && !EMAIL.test(email)) issue(row, 'email', `"${email}" is not a valid email address.`);
    const hireDate = get('hireDate');
    if (hireDate && !isRealDate(hireDate)) issue(row, 'hireDate', `"${hireDate}" is not a real date in the format YYYY-MM-DD.`);
    const statusText = get('status');
    const status = statusText ? STATUS_WORDS[lower(statusText)] : 'active';
    if (!status) issue(row, 'status', `Status "${statusText}" is not one of Active, On leave, Terminated.`);
    for (const key of ['firstName', 'lastName', 'location', 'department', 'jobTitle', 'positionTitle']) {
      if (get(key).length > 100) issue(row, key, 'At most 100 characters.');
    }
    if (plan.issues.length > before) {
      // Still name an unknown manager on a bad row, so one pass over the report finds everything.
      if (get('managerNumber')) orphanManagers.push({ row, number: get('managerNumber') });
      return;
    }

    const found = stored.get(lower(number));
    const departmentId = get('department') ? resolver.department(get('department'), get('parentDepartment')) : null;
    const jobId = get('jobTitle') ? resolver.job(get('jobTitle'), get('jobLevel') || null, get('jobFamily') || null) : null;
    const employee: PlannedEmployee = {
      id: found?.id ?? randomUUID(),
      isNew: !found,
      row,
      values: { employeeNumber: number, firstName: get('firstName'), lastName: get('lastName'), email: email || null, hireDate, status, departmentId, jobId, location: get('location') || null },
    };
    if (get('positionTitle')) {
      if (!departmentId || !jobId) issue(row, 'positionTitle', 'A position needs the department and job title columns filled too.');
      else employee.positionId = resolver.position(get('positionTitle'), jobId, departmentId, employee.id);
    }
    if (column.has('managerNumber')) managerNumbers.push({ employee, number: get('managerNumber') });
    plan.employees.push(employee);
  });
  linkManagers(plan, managerNumbers, stored, issue);
  for (const { row, number } of orphanManagers) {
    if (!seenNumbers.has(lower(number)) && !stored.has(lower(number))) issue(row, 'managerNumber', `No employee has the number ${number} (in this file or already stored).`);
  }
  plan.issues.sort((a, b) => a.row - b.row);
  return plan;
}

function checkMapping(table: Table, mapping: Record<string, string>, plan: ImportPlan) {
  for (const field of EMPLOYEE_IMPORT_FIELDS) {
    const header = mapping[field.key];
    if (field.required && !header) plan.issues.push({ row: 1, column: field.label, message: `Choose the column that holds ${field.label.toLowerCase()}.` });
    else if (header && !table.headers.includes(header)) plan.issues.push({ row: 1, column: header, message: `The file has no column "${header}".` });
  }
  if (table.rows.length === 0) plan.issues.push({ row: 2, column: '', message: 'The file has a header row but no data rows.' });
}

function makeResolver(existing: ExistingData, plan: ImportPlan) {
  const departments = [...existing.departments];
  const jobs = [...existing.jobs];
  const positions = [...existing.positions];
  return {
    department(name: string, parentName: string): string {
      const parent = parentName ? this.department(parentName, '') : null;
      const matches = departments.filter((d) => lower(d.name) === lower(name));
      const match = matches.find((d) => !parentName || d.parentId === parent) ?? (parentName ? undefined : matches[0]);
      if (match) return match.id;
      const created = { id: randomUUID(), name, parentId: parent };
      departments.push(created);
      plan.newDepartments.push(created);
      return created.id;
    },
    job(title: string, level: string | null, family: string | null): string {
      const match = jobs.find((j) => lower(j.title) === lower(title) && (j.level ?? '') === (level ?? ''));
      if (match) return match.id;
      const created = { id: randomUUID(), title, level, family };
      jobs.push(created);
      plan.newJobs.push(created);
      return created.id;
    },
    position(title: string, jobId: string, departmentId: string, employeeId: string): string {
      const match = positions.find((p) => lower(p.title) === lower(title) && p.departmentId === departmentId && (!p.incumbentId || p.incumbentId === employeeId));
      if (match) {
        match.incumbentId = employeeId;
        return match.id;
      }
      const created = { id: randomUUID(), title, jobId, departmentId, incumbentId: employeeId };
      positions.push(created);
      plan.newPositions.push({ id: created.id, title, jobId, departmentId });
      return created.id;
    },
  };
}

function linkManagers(
  plan: ImportPlan,
  managerNumbers: { employee: PlannedEmployee; number: string }[],
  stored: Map<string, ExistingData['employees'][number]>,
  issue: (row: number, key: string, message: string) => void,
) {
  const inFile = new Map(plan.employees.map((e) => [lower(e.values.employeeNumber), e.id]));
  const managerOf = new Map(Array.from(stored.values(), (e) => [e.id, e.managerId]));
  for (const { employee, number } of managerNumbers) {
    const managerId = number ? (inFile.get(lower(number)) ?? stored.get(lower(number))?.id) : null;
    if (number && !managerId) issue(employee.row, 'managerNumber', `No employee has the number ${number} (in this file or already stored).`);
    else if (managerId === employee.id) issue(employee.row, 'managerNumber', 'An employee cannot be their own manager.');
    else {
      employee.managerId = managerId ?? null;
      managerOf.set(employee.id, managerId ?? null);
    }
  }
  for (const { employee } of managerNumbers) {
    if (employee.managerId && inLoop(employee.id, managerOf)) {
      issue(employee.row, 'managerNumber', `The manager chain of ${employee.values.employeeNumber} loops back to them (someone would manage their own manager).`);
    }
  }
}

function inLoop(start: string, managerOf: Map<string, string | null | undefined>): boolean {
  const seen = new Set([start]);
  for (let current = managerOf.get(start); current; current = managerOf.get(current)) {
    if (seen.has(current)) return true;
    seen.add(current);
  }
  return false;
}
