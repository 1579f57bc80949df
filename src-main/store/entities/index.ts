import { EntitySchema } from 'typeorm';
import { archived, nullableReal, nullableText, trackedColumns, type Tracked } from './columns';
import { journalEntities } from './journal';
import { questionnairesEntities } from './questionnaires';
import { reviewsEntities } from './reviews';

/*
 * Entities are EntitySchema objects rather than decorated classes: esbuild (used by
 * electron-vite, Vitest and tsx) emits no decorator metadata, and plain schemas keep
 * every column type explicit. See docs/decisions.md. Later areas keep theirs in their
 * own file next to this one (columns.ts has the shared column shapes).
 */

export type { Tracked };

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
    archived,
  },
});

export interface AuditEventRow {
  id: string;
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  before: string | null;
  after: string | null;
}
export const AuditEventEntity = new EntitySchema<AuditEventRow>({
  name: 'AuditEvent',
  tableName: 'audit_event',
  columns: {
    id: { type: 'text', primary: true },
    at: { type: 'text' },
    actor: { type: 'text' },
    entity: { type: 'text' },
    entityId: { type: 'text', name: 'entity_id' },
    action: { type: 'text' },
    before: nullableText(),
    after: nullableText(),
  },
});

export interface SettingRow {
  key: string;
  value: string;
}
export const SettingEntity = new EntitySchema<SettingRow>({
  name: 'Setting',
  tableName: 'setting',
  columns: { key: { type: 'text', primary: true }, value: { type: 'text' } },
});

export const peopleEntities = [DepartmentEntity, JobEntity, PositionEntity, EmployeeEntity, AuditEventEntity, SettingEntity];

export interface SkillTypeRow extends Tracked {
  name: string;
  description: string | null;
  archived: boolean;
}
export const SkillTypeEntity = new EntitySchema<SkillTypeRow>({
  name: 'SkillType',
  tableName: 'skill_type',
  columns: { ...trackedColumns, name: { type: 'text' }, description: nullableText(), archived },
});

export interface RatingModelRow extends Tracked {
  name: string;
  description: string | null;
  archived: boolean;
}
export const RatingModelEntity = new EntitySchema<RatingModelRow>({
  name: 'RatingModel',
  tableName: 'rating_model',
  columns: { ...trackedColumns, name: { type: 'text' }, description: nullableText(), archived },
});

export interface SkillRow extends Tracked {
  name: string;
  description: string | null;
  skillTypeId: string;
  ratingModelId: string;
  parentId: string | null;
  externalId: string | null;
  archived: boolean;
}
export const SkillEntity = new EntitySchema<SkillRow>({
  name: 'Skill',
  tableName: 'skill',
  columns: {
    ...trackedColumns,
    name: { type: 'text' },
    description: nullableText(),
    skillTypeId: { type: 'text', name: 'skill_type_id' },
    ratingModelId: { type: 'text', name: 'rating_model_id' },
    parentId: nullableText('parent_id'),
    externalId: nullableText('external_id'),
    archived,
  },
});

export const skillEntities = [SkillTypeEntity, RatingModelEntity, SkillEntity];

export interface GoalRow extends Tracked {
  scope: 'organisation' | 'department' | 'individual';
  employeeId: string | null;
  departmentId: string | null;
  title: string;
  description: string | null;
  periodStart: string;
  periodEnd: string;
  category: string | null;
  unit: 'number' | 'percent' | 'currency' | 'date' | 'rating';
  startValue: number | null;
  targetValue: number | null;
  actualValue: number | null;
  stretch: boolean;
  weight: number;
  status: 'not_started' | 'on_track' | 'at_risk' | 'behind' | 'achieved' | 'missed' | 'cancelled';
  alignedToId: string | null;
  progress: number;
  archived: boolean;
}
export const GoalEntity = new EntitySchema<GoalRow>({
  name: 'Goal',
  tableName: 'goal',
  columns: {
    ...trackedColumns,
    scope: { type: 'text' },
    employeeId: nullableText('employee_id'),
    departmentId: nullableText('department_id'),
    title: { type: 'text' },
    description: nullableText(),
    periodStart: { type: 'text', name: 'period_start' },
    periodEnd: { type: 'text', name: 'period_end' },
    category: nullableText(),
    unit: { type: 'text' },
    startValue: nullableReal('start_value'),
    targetValue: nullableReal('target_value'),
    actualValue: nullableReal('actual_value'),
    stretch: { type: 'boolean', default: false },
    weight: { type: 'real', default: 0 },
    status: { type: 'text' },
    alignedToId: nullableText('aligned_to_id'),
    progress: { type: 'real', default: 0 },
    archived,
  },
});
export const goalEntities = [GoalEntity];

export const entities = [...peopleEntities, ...skillEntities, ...goalEntities, ...reviewsEntities, ...journalEntities, ...questionnairesEntities];
