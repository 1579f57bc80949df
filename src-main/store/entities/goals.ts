import { EntitySchema } from 'typeorm';
import { archived, nullableReal, nullableText, trackedColumns, type Tracked } from './columns';

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
  /** The library item it was copied from. */
  libraryItemId: string | null;
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
    libraryItemId: nullableText('library_item_id'),
    archived,
  },
});

export interface GoalLibraryItemRow extends Tracked {
  title: string;
  description: string | null;
  category: string | null;
  unit: 'number' | 'percent' | 'currency' | 'date' | 'rating';
  targetValue: number | null;
  stretch: boolean;
  suggestedWeight: number;
  archived: boolean;
}
export const GoalLibraryItemEntity = new EntitySchema<GoalLibraryItemRow>({
  name: 'GoalLibraryItem',
  tableName: 'goal_library_item',
  columns: {
    ...trackedColumns,
    title: { type: 'text' },
    description: nullableText(),
    category: nullableText(),
    unit: { type: 'text' },
    targetValue: nullableReal('target_value'),
    stretch: { type: 'boolean', default: false },
    suggestedWeight: { type: 'real', name: 'suggested_weight', default: 0 },
    archived,
  },
});

export const goalEntities = [GoalEntity, GoalLibraryItemEntity];
