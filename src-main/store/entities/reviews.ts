import { EntitySchema } from 'typeorm';
import { archived, nullableText, trackedColumns, type Tracked } from './columns';

/*
 * TypeORM schemas of the reviews area's records that are saved or archived through the shared
 * helpers (each matches its table, checked in tests/unit/schema.test.ts). Reviews, answers and
 * steps are read and written with prepared SQL on the raw connection.
 */

export interface RatingScaleRow extends Tracked {
  name: string;
  description: string | null;
  /** JSON: `[{ value, label, description }]`, lowest value first. */
  levels: string;
  archived: boolean;
}
export const RatingScaleEntity = new EntitySchema<RatingScaleRow>({
  name: 'RatingScale',
  tableName: 'rating_scale',
  columns: { ...trackedColumns, name: { type: 'text' }, description: nullableText(), levels: { type: 'text' }, archived },
});

export interface ReviewTemplateRow extends Tracked {
  name: string;
  description: string | null;
  /** JSON: StoredSection[]. */
  sections: string;
  /** JSON: { selfReview, peerFeedback }. */
  steps: string;
  archived: boolean;
}
export const ReviewTemplateEntity = new EntitySchema<ReviewTemplateRow>({
  name: 'ReviewTemplate',
  tableName: 'review_template',
  columns: { ...trackedColumns, name: { type: 'text' }, description: nullableText(), sections: { type: 'text' }, steps: { type: 'text' }, archived },
});

export interface ReviewCycleRow extends Tracked {
  name: string;
  periodStart: string;
  periodEnd: string;
  ratingScaleId: string;
  templateId: string;
  /** JSON: CyclePopulation. */
  population: string;
  selfReviewDue: string | null;
  managerReviewDue: string | null;
  dueDate: string;
  status: 'draft' | 'active' | 'closed';
  launchedAt: string | null;
  closedAt: string | null;
  /** Copies frozen at launch (JSON). */
  levelsSnapshot: string | null;
  sectionsSnapshot: string | null;
  stepsSnapshot: string | null;
  archived: boolean;
}
export const ReviewCycleEntity = new EntitySchema<ReviewCycleRow>({
  name: 'ReviewCycle',
  tableName: 'review_cycle',
  columns: {
    ...trackedColumns,
    name: { type: 'text' },
    periodStart: { type: 'text', name: 'period_start' },
    periodEnd: { type: 'text', name: 'period_end' },
    ratingScaleId: { type: 'text', name: 'rating_scale_id' },
    templateId: { type: 'text', name: 'template_id' },
    population: { type: 'text' },
    selfReviewDue: nullableText('self_review_due'),
    managerReviewDue: nullableText('manager_review_due'),
    dueDate: { type: 'text', name: 'due_date' },
    status: { type: 'text', default: 'draft' },
    launchedAt: nullableText('launched_at'),
    closedAt: nullableText('closed_at'),
    levelsSnapshot: nullableText('levels_snapshot'),
    sectionsSnapshot: nullableText('sections_snapshot'),
    stepsSnapshot: nullableText('steps_snapshot'),
    archived,
  },
});

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

export interface AnswerGroupRow extends Tracked {
  name: string;
  /** JSON: [{ id, label, points }]. */
  options: string;
  archived: boolean;
}
export const AnswerGroupEntity = new EntitySchema<AnswerGroupRow>({
  name: 'AnswerGroup',
  tableName: 'answer_group',
  columns: { ...trackedColumns, name: { type: 'text' }, options: { type: 'text' }, archived },
});

export interface QuestionnaireRow extends Tracked {
  name: string;
  kind: string;
  description: string | null;
  anonymous: boolean;
  /** 360 feedback: the person it is about. */
  subjectEmployeeId: string | null;
  status: string;
  sections: string;
  resultGroups: string;
  population: string | null;
  openedAt: string | null;
  closedAt: string | null;
  archived: boolean;
}
export const QuestionnaireEntity = new EntitySchema<QuestionnaireRow>({
  name: 'Questionnaire',
  tableName: 'questionnaire',
  columns: {
    ...trackedColumns,
    name: { type: 'text' },
    kind: { type: 'text' },
    description: nullableText(),
    anonymous: { type: 'boolean', default: false },
    subjectEmployeeId: nullableText('subject_employee_id'),
    status: { type: 'text' },
    sections: { type: 'text' },
    resultGroups: { type: 'text', name: 'result_groups' },
    population: nullableText(),
    openedAt: nullableText('opened_at'),
    closedAt: nullableText('closed_at'),
    archived,
  },
});

export const reviewsEntities = [RatingScaleEntity, ReviewTemplateEntity, ReviewCycleEntity, JournalEntryEntity, AnswerGroupEntity, QuestionnaireEntity];
