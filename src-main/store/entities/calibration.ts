import { EntitySchema } from 'typeorm';
import { archived, nullableText, trackedColumns, type Tracked } from './columns';

/*
 * TypeORM schemas of the calibration records saved or archived through the shared helpers (each
 * matches its table, checked in tests/unit/schema.test.ts). The move history is written with
 * prepared SQL on the raw connection.
 */

export interface GuidelineSetRow extends Tracked {
  name: string;
  description: string | null;
  ratingScaleId: string;
  mode: 'advisory' | 'enforced';
  /** JSON: GuidelineRule[]. */
  rules: string;
  archived: boolean;
}
export const GuidelineSetEntity = new EntitySchema<GuidelineSetRow>({
  name: 'CalibrationGuidelineSet',
  tableName: 'calibration_guideline_set',
  columns: {
    ...trackedColumns, name: { type: 'text' }, description: nullableText(), ratingScaleId: { type: 'text', name: 'rating_scale_id' },
    mode: { type: 'text' }, rules: { type: 'text' }, archived,
  },
});

export interface CalibrationSessionRow extends Tracked {
  name: string;
  cycleId: string;
  date: string;
  location: string | null;
  facilitatorId: string | null;
  /** JSON: employee ids. */
  reviewerIds: string;
  /** JSON: SessionPopulation. */
  population: string;
  guidelineSetId: string | null;
  /** JSON: SessionSettings. */
  settings: string;
  status: 'draft' | 'in_session' | 'finalised';
  startedAt: string | null;
  finalisedAt: string | null;
  finalisedBy: string | null;
  acknowledgement: string | null;
  /** JSON: FinaliseSummary of the latest finalisation. */
  summary: string | null;
  archived: boolean;
}
export const CalibrationSessionEntity = new EntitySchema<CalibrationSessionRow>({
  name: 'CalibrationSession',
  tableName: 'calibration_session',
  columns: {
    ...trackedColumns, name: { type: 'text' }, cycleId: { type: 'text', name: 'cycle_id' }, date: { type: 'text' }, location: nullableText(),
    facilitatorId: nullableText('facilitator_id'), reviewerIds: { type: 'text', name: 'reviewer_ids' }, population: { type: 'text' },
    guidelineSetId: nullableText('guideline_set_id'), settings: { type: 'text' }, status: { type: 'text' },
    startedAt: nullableText('started_at'), finalisedAt: nullableText('finalised_at'), finalisedBy: nullableText('finalised_by'),
    acknowledgement: nullableText(), summary: nullableText(), archived,
  },
});

export interface CalibrationMemberRow extends Tracked {
  sessionId: string;
  reviewId: string;
  employeeId: string;
  /** The calibrated performance level; null follows the review's own rating. */
  performance: number | null;
  potential: number | null;
  /** The review's rating before this session wrote to it (kept in step with the review by a trigger). */
  originalRating: number | null;
  riskOfLoss: 'low' | 'medium' | 'high' | null;
  impactOfLoss: 'low' | 'medium' | 'high' | null;
  comment: string | null;
  privateNote: string | null;
  discussed: boolean;
  /** JSON: the review's ratings before this session wrote to it. */
  reviewBefore: string | null;
  /** Removed from the session (kept for its history). */
  archived: boolean;
}
export const CalibrationMemberEntity = new EntitySchema<CalibrationMemberRow>({
  name: 'CalibrationMember',
  tableName: 'calibration_member',
  columns: {
    ...trackedColumns, sessionId: { type: 'text', name: 'session_id' }, reviewId: { type: 'text', name: 'review_id' }, employeeId: { type: 'text', name: 'employee_id' },
    performance: { type: 'real', nullable: true }, potential: { type: 'integer', nullable: true }, originalRating: { type: 'real', nullable: true, name: 'original_rating' },
    riskOfLoss: nullableText('risk_of_loss'), impactOfLoss: nullableText('impact_of_loss'), comment: nullableText(), privateNote: nullableText('private_note'),
    discussed: { type: 'boolean', default: false }, reviewBefore: nullableText('review_before'), archived,
  },
});

export const calibrationEntities = [GuidelineSetEntity, CalibrationSessionEntity, CalibrationMemberEntity];
