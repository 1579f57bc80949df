import { EntitySchema } from 'typeorm';
import { archived, nullableText, trackedColumns, type Tracked } from './columns';

/*
 * TypeORM schemas of the reviews records that are archived through the shared `setArchived`.
 * Everything else in the reviews area (reviews, answers, steps) is read and written with
 * prepared SQL on the raw connection.
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
  archived: boolean;
}
/** Only the columns archiving needs; cycles are otherwise written with SQL. */
export const ReviewCycleEntity = new EntitySchema<ReviewCycleRow>({
  name: 'ReviewCycle',
  tableName: 'review_cycle',
  columns: { ...trackedColumns, name: { type: 'text' }, archived },
});

export const reviewsEntities: EntitySchema[] = [RatingScaleEntity, ReviewTemplateEntity, ReviewCycleEntity] as EntitySchema[];
