import { EntitySchema } from 'typeorm';
import { archived, nullableReal, nullableText, trackedColumns, type Tracked } from './columns';

export interface JournalEntryRow extends Tracked {
  employeeId: string;
  date: string;
  author: string;
  kind: 'praise' | 'development' | 'note';
  shared: boolean;
  text: string;
  goalId: string | null;
  reviewId: string | null;
  archived: boolean;
}
export const JournalEntryEntity = new EntitySchema<JournalEntryRow>({
  name: 'JournalEntry',
  tableName: 'journal_entry',
  columns: {
    ...trackedColumns,
    employeeId: { type: 'text', name: 'employee_id' },
    date: { type: 'text' },
    author: { type: 'text' },
    kind: { type: 'text' },
    shared: { type: 'boolean', default: false },
    text: { type: 'text' },
    goalId: nullableText('goal_id'),
    reviewId: nullableText('review_id'),
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

/** TypeORM schemas of the journal tables (only those edited through the shared batch save need one). */
export const journalEntities: EntitySchema[] = [JournalEntryEntity, GoalLibraryItemEntity] as EntitySchema[];
