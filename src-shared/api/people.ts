import { z } from 'zod';
import { exportedFile } from './admin';
import {
  archiveInput,
  batchOf,
  calendarDate,
  countOutput,
  defineArea,
  listAll,
  email,
  gridView,
  gridWindow,
  id,
  optionalText,
  pageInput,
  pageOf,
  read,
  requiredText,
  text,
  timestamps,
  write,
  MAX_LONG_TEXT,
  MAX_TEXT,
} from './common';

export const EMPLOYEE_STATUSES = ['active', 'on_leave', 'terminated'] as const;
export const employeeStatus = z.enum(EMPLOYEE_STATUSES, {
  message: 'Status must be Active, On leave or Terminated.',
});
export const EMPLOYEE_STATUS_LABELS: Record<(typeof EMPLOYEE_STATUSES)[number], string> = {
  active: 'Active',
  on_leave: 'On leave',
  terminated: 'Terminated',
};

const nullableId = id.nullable().optional();

// ---- Departments -------------------------------------------------------------
export const departmentFields = z.strictObject({
  name: requiredText('Name'),
  code: optionalText(40),
  parentId: nullableId,
});
export const department = z.strictObject({
  id,
  name: z.string(),
  code: z.string().nullable(),
  parentId: z.string().nullable(),
  archived: z.boolean(),
  headcount: z.number().int(),
  ...timestamps,
});
export type Department = z.infer<typeof department>;

// ---- Jobs --------------------------------------------------------------------
export const jobFields = z.strictObject({
  title: requiredText('Title'),
  family: optionalText(),
  level: optionalText(40),
  description: optionalText(MAX_LONG_TEXT),
});
export const job = z.strictObject({
  id,
  title: z.string(),
  family: z.string().nullable(),
  level: z.string().nullable(),
  description: z.string().nullable(),
  archived: z.boolean(),
  ...timestamps,
});
export type Job = z.infer<typeof job>;

// ---- Positions ---------------------------------------------------------------
export const positionFields = z.strictObject({
  title: requiredText('Title'),
  jobId: id,
  departmentId: id,
  reportsToId: nullableId,
  incumbentId: nullableId,
  isKey: z.boolean().optional(),
});
export const position = z.strictObject({
  id,
  title: z.string(),
  jobId: z.string(),
  departmentId: z.string(),
  reportsToId: z.string().nullable(),
  incumbentId: z.string().nullable(),
  isKey: z.boolean(),
  archived: z.boolean(),
  ...timestamps,
});
export type Position = z.infer<typeof position>;

/** The positions grid's columns, as its row source sorts and filters them. */
export const POSITION_GRID_FIELDS = ['title', 'jobId', 'departmentId', 'reportsToId', 'incumbentId', 'isKey'] as const;
export const positionGridField = z.enum(POSITION_GRID_FIELDS);
export type PositionGridField = z.infer<typeof positionGridField>;
export const positionWindowQuery = z.strictObject({ includeArchived: z.boolean().optional(), ...gridWindow(positionGridField) });
export type PositionWindowQuery = z.infer<typeof positionWindowQuery>;
export const positionExportQuery = z.strictObject({
  includeArchived: z.boolean().optional(),
  ...gridView(positionGridField),
  format: z.enum(['csv', 'xlsx']),
  title: z.string().min(1).max(100),
  columns: z.array(z.strictObject({ field: positionGridField, header: z.string().max(200) })).min(1).max(50),
});
export type PositionExportQuery = z.infer<typeof positionExportQuery>;

/** A position found for a picker or a grid cell; `departmentName` null when the department is archived (labels show "?"). */
export const positionHit = z.strictObject({ id, title: z.string(), departmentName: z.string().nullable(), archived: z.boolean() });
export type PositionHit = z.infer<typeof positionHit>;
/** Type-ahead over positions by title and department (first 50, ranked: title starts with it first), or the positions of `ids`. */
export const positionSearchInput = z.strictObject({
  query: text(MAX_TEXT).optional(),
  ids: z.array(id).max(2000).optional(),
  limit: z.number().int().min(1).max(50).optional(),
});
/** Texts naming positions ("Sales Lead · Sales", a title, an id), each to every position it names. */
export const positionResolveInput = z.strictObject({ texts: z.array(z.string().max(MAX_TEXT)).min(1).max(5000) });

// ---- Employees ---------------------------------------------------------------
export const employeeFields = z.strictObject({
  employeeNumber: requiredText('Employee number', 40),
  firstName: requiredText('First name', 100),
  lastName: requiredText('Last name', 100),
  email: email.nullable().optional(),
  hireDate: calendarDate,
  status: employeeStatus,
  managerId: nullableId,
  positionId: nullableId,
  departmentId: nullableId,
  jobId: nullableId,
  location: optionalText(100),
  /** The last day of employment: required when the status is terminated, and only then. */
  terminationDate: calendarDate.nullable().optional(),
  /**
   * When a change of department, job, manager or position takes effect (default today; not in the
   * future). Not stored on the employee: it dates the change in the organisation history.
   */
  effectiveDate: calendarDate.optional(),
});
export const employee = z.strictObject({
  id,
  employeeNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  hireDate: z.string(),
  status: employeeStatus,
  managerId: z.string().nullable(),
  positionId: z.string().nullable(),
  departmentId: z.string().nullable(),
  jobId: z.string().nullable(),
  location: z.string().nullable(),
  terminationDate: z.string().nullable(),
  archived: z.boolean(),
  ...timestamps,
});
export type Employee = z.infer<typeof employee>;

/** One dated step of a person's organisation history: where they were from `effectiveDate` on. */
export const assignmentStep = z.strictObject({
  effectiveDate: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  jobId: z.string().nullable(),
  jobTitle: z.string().nullable(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  positionId: z.string().nullable(),
  positionTitle: z.string().nullable(),
  /** What changed from the step before (empty for the first: the hire). */
  changed: z.array(z.enum(['departmentId', 'jobId', 'managerId', 'positionId'])),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type AssignmentStep = z.infer<typeof assignmentStep>;

export const employeeDetail = z.strictObject({
  employee,
  managerName: z.string().nullable(),
  departmentName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  positionTitle: z.string().nullable(),
  reportingChain: z.array(z.strictObject({ id, name: z.string() })),
  directReports: z.array(z.strictObject({ id, name: z.string(), jobTitle: z.string().nullable() })),
  /** Oldest first. */
  history: z.array(assignmentStep),
});
export type EmployeeDetail = z.infer<typeof employeeDetail>;

export const employeeQuery = z.strictObject({
  ...pageInput,
  departmentId: id.optional(),
  includeSubdepartments: z.boolean().optional(),
  jobId: id.optional(),
  status: employeeStatus.optional(),
  location: text(100).optional(),
  /** The organisation as it was on this day: who was employed then, in which department, job, position and under whom. */
  asOf: calendarDate.optional(),
});
export type EmployeeQuery = z.infer<typeof employeeQuery>;

/**
 * A type-ahead search for one person (pickers): ranked exact employee number first, then a prefix
 * of the name, number or email, then text anywhere in them; at most 50. With `ids`, those people
 * (whatever their status), for showing a picker's current value without loading everyone.
 */
export const employeeSearchInput = z.strictObject({
  query: text(MAX_TEXT).optional(),
  ids: z.array(id).max(2000).optional(),
  limit: z.number().int().min(1).max(50).optional(),
  includeTerminated: z.boolean().optional(),
});
export type EmployeeSearchInput = z.infer<typeof employeeSearchInput>;
export const employeeHit = z.strictObject({
  id,
  employeeNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  status: employeeStatus,
  /** Only ever true for people asked for by id. */
  archived: z.boolean(),
  departmentName: z.string().nullable(),
  jobTitle: z.string().nullable(),
});
export type EmployeeHit = z.infer<typeof employeeHit>;

/**
 * Typed or pasted texts that name people, for a grid cell: each text's people, found by their
 * label ("Ann Smith (E100)"), id, employee number or "First Last" (any case). Archived people
 * never; terminated people too, so a file exported with a former manager pastes back.
 */
export const employeeResolveInput = z.strictObject({ texts: z.array(z.string().max(MAX_TEXT)).min(1).max(5000) });

/** The people grid's columns, as the row source sorts and filters them. */
export const EMPLOYEE_GRID_FIELDS = ['employeeNumber', 'firstName', 'lastName', 'email', 'hireDate', 'status', 'terminationDate', 'departmentId', 'jobId', 'positionId', 'managerId', 'location'] as const;
export const employeeGridField = z.enum(EMPLOYEE_GRID_FIELDS);
export type EmployeeGridField = z.infer<typeof employeeGridField>;

const employeeScope = employeeQuery.omit({ offset: true, limit: true, search: true, sort: true }).shape;
/** The page's own filters: which employees a list is about (department and below, job, status, location, archived; as of a day). */
export type EmployeeScope = Omit<EmployeeQuery, 'offset' | 'limit' | 'search' | 'sort'>;
/** A window of the people grid: the page's own filters, then the grid's sort, column filters and quick filter. */
export const employeeWindowQuery = z.strictObject({ ...employeeScope, ...gridWindow(employeeGridField) });
export type EmployeeWindowQuery = z.infer<typeof employeeWindowQuery>;
/** Every row of the same view as a CSV or XLSX file, columns as the grid shows them (labels, not ids). */
export const employeeExportQuery = z.strictObject({
  ...employeeScope,
  ...gridView(employeeGridField),
  format: z.enum(['csv', 'xlsx']),
  title: z.string().min(1).max(100),
  columns: z.array(z.strictObject({ field: employeeGridField, header: z.string().max(200) })).min(1).max(50),
});
export type EmployeeExportQuery = z.infer<typeof employeeExportQuery>;

export const orgNode = z.strictObject({
  id,
  name: z.string(),
  parentId: z.string().nullable(),
  headcount: z.number().int(),
  totalHeadcount: z.number().int(),
  /** The holder of the department's top position, when the department has exactly one. */
  headName: z.string().nullable(),
  headPosition: z.string().nullable(),
});
export type OrgNode = z.infer<typeof orgNode>;

export const peopleArea = defineArea({
  key: 'people',
  label: 'People',
  summary: 'Departments, jobs, positions and employees.',
  methods: {
    'people.listDepartments': read(listAll, z.strictObject({ rows: z.array(department) })),
    'people.saveDepartments': write(batchOf(departmentFields), z.strictObject({ rows: z.array(department) })),
    'people.archiveDepartments': write(archiveInput, countOutput),

    'people.listJobs': read(listAll, z.strictObject({ rows: z.array(job) })),
    'people.saveJobs': write(batchOf(jobFields), z.strictObject({ rows: z.array(job) })),
    'people.archiveJobs': write(archiveInput, countOutput),

    'people.listPositions': read(listAll, z.strictObject({ rows: z.array(position) })),
    'people.listPositionWindow': read(positionWindowQuery, pageOf(position)),
    'people.exportPositions': read(positionExportQuery, exportedFile),
    'people.searchPositions': read(positionSearchInput, z.strictObject({ rows: z.array(positionHit), more: z.boolean() })),
    'people.resolvePositions': read(positionResolveInput, z.strictObject({ matches: z.array(z.array(positionHit)) })),
    'people.savePositions': write(batchOf(positionFields), z.strictObject({ rows: z.array(position) })),
    'people.archivePositions': write(archiveInput, countOutput),

    'people.listEmployees': read(employeeQuery, pageOf(employee)),
    'people.listEmployeeWindow': read(employeeWindowQuery, pageOf(employee)),
    'people.exportEmployees': read(employeeExportQuery, exportedFile),
    'people.getEmployee': read(z.strictObject({ id }), employeeDetail),
    /** `more`: other people match too (the picker asks the user to type more). */
    'people.searchEmployees': read(employeeSearchInput, z.strictObject({ rows: z.array(employeeHit), more: z.boolean() })),
    /** `matches[i]`: every person `texts[i]` names (none, one, or several when it is ambiguous). */
    'people.resolveEmployees': read(employeeResolveInput, z.strictObject({ matches: z.array(z.array(employeeHit)) })),
    'people.saveEmployees': write(batchOf(employeeFields), z.strictObject({ rows: z.array(employee) })),
    'people.archiveEmployees': write(archiveInput, countOutput),
    'people.listLocations': read(z.strictObject({}), z.strictObject({ locations: z.array(z.string()) })),

    'people.getOrgTree': read(z.strictObject({ asOf: calendarDate.optional() }), z.strictObject({ nodes: z.array(orgNode) })),
  },
});
