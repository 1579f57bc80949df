import { EntitySchema } from 'typeorm';
import { archived, nullableText, trackedColumns, type Tracked } from './columns';

/* The organisation: departments, jobs, positions and employees. */

export interface DepartmentRow extends Tracked {
  name: string;
  code: string | null;
  parentId: string | null;
  archived: boolean;
}
export const DepartmentEntity = new EntitySchema<DepartmentRow>({
  name: 'Department',
  tableName: 'department',
  columns: {
    ...trackedColumns,
    name: { type: 'text' },
    code: nullableText(),
    parentId: nullableText('parent_id'),
    archived,
  },
});

export interface JobRow extends Tracked {
  title: string;
  family: string | null;
  level: string | null;
  description: string | null;
  archived: boolean;
}
export const JobEntity = new EntitySchema<JobRow>({
  name: 'Job',
  tableName: 'job',
  columns: {
    ...trackedColumns,
    title: { type: 'text' },
    family: nullableText(),
    level: nullableText(),
    description: nullableText(),
    archived,
  },
});

export interface PositionRow extends Tracked {
  title: string;
  jobId: string;
  departmentId: string;
  reportsToId: string | null;
  isKey: boolean;
  archived: boolean;
}
export const PositionEntity = new EntitySchema<PositionRow>({
  name: 'Position',
  tableName: 'position',
  columns: {
    ...trackedColumns,
    title: { type: 'text' },
    jobId: { type: 'text', name: 'job_id' },
    departmentId: { type: 'text', name: 'department_id' },
    reportsToId: nullableText('reports_to_id'),
    isKey: { type: 'boolean', name: 'is_key', default: false },
    archived,
  },
});

export interface EmployeeRow extends Tracked {
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  hireDate: string;
  status: 'active' | 'on_leave' | 'terminated';
  managerId: string | null;
  positionId: string | null;
  departmentId: string | null;
  jobId: string | null;
  location: string | null;
  /** The last day of employment; set exactly when the status is terminated. */
  terminationDate: string | null;
  archived: boolean;
}
export const EmployeeEntity = new EntitySchema<EmployeeRow>({
  name: 'Employee',
  tableName: 'employee',
  columns: {
    ...trackedColumns,
    employeeNumber: { type: 'text', name: 'employee_number' },
    firstName: { type: 'text', name: 'first_name' },
    lastName: { type: 'text', name: 'last_name' },
    email: nullableText(),
    hireDate: { type: 'text', name: 'hire_date' },
    status: { type: 'text' },
    managerId: nullableText('manager_id'),
    positionId: nullableText('position_id'),
    departmentId: nullableText('department_id'),
    jobId: nullableText('job_id'),
    location: nullableText(),
    terminationDate: nullableText('termination_date'),
    archived,
  },
});

export const peopleEntities = [DepartmentEntity, JobEntity, PositionEntity, EmployeeEntity];
