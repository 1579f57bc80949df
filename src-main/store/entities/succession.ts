import { EntitySchema } from 'typeorm';
import type { Level } from '../../../src-shared/api/succession';
import { archived, nullableText, trackedColumns, type Tracked } from './columns';

/* Succession planning. Photos (employee_photo, a BLOB per person) are read and written by SQL only. */

export interface ReadinessLevelRow extends Tracked {
  label: string;
  shortLabel: string;
  sortOrder: number;
  description: string | null;
  archived: boolean;
}
export const ReadinessLevelEntity = new EntitySchema<ReadinessLevelRow>({
  name: 'ReadinessLevel',
  tableName: 'readiness_level',
  columns: {
    ...trackedColumns,
    label: { type: 'text' },
    shortLabel: { type: 'text', name: 'short_label' },
    sortOrder: { type: 'integer', name: 'sort_order' },
    description: nullableText(),
    archived,
  },
});

/** The details of a key position; its id is the position's. */
export interface KeyPositionRow extends Tracked {
  criticality: Level;
  vacancyRisk: Level;
  reason: string | null;
  plannedLeaveDate: string | null;
  archived: boolean;
}
export const KeyPositionEntity = new EntitySchema<KeyPositionRow>({
  name: 'KeyPosition',
  tableName: 'key_position',
  columns: {
    ...trackedColumns,
    criticality: { type: 'text', default: 'medium' },
    vacancyRisk: { type: 'text', name: 'vacancy_risk', default: 'medium' },
    reason: nullableText(),
    plannedLeaveDate: nullableText('planned_leave_date'),
    archived,
  },
});

export interface SuccessionPlanRow extends Tracked {
  positionId: string | null;
  jobId: string | null;
  notes: string | null;
  reviewedOn: string | null;
  archived: boolean;
}
export const SuccessionPlanEntity = new EntitySchema<SuccessionPlanRow>({
  name: 'SuccessionPlan',
  tableName: 'succession_plan',
  columns: {
    ...trackedColumns,
    positionId: nullableText('position_id'),
    jobId: nullableText('job_id'),
    notes: nullableText(),
    reviewedOn: nullableText('reviewed_on'),
    archived,
  },
});

export interface ExternalCandidateRow extends Tracked {
  name: string;
  organisation: string | null;
  currentRole: string | null;
  email: string | null;
  notes: string | null;
  archived: boolean;
}
export const ExternalCandidateEntity = new EntitySchema<ExternalCandidateRow>({
  name: 'ExternalCandidate',
  tableName: 'external_candidate',
  columns: {
    ...trackedColumns,
    name: { type: 'text' },
    organisation: nullableText(),
    currentRole: nullableText('current_role'),
    email: nullableText(),
    notes: nullableText(),
    archived,
  },
});

export interface NominationRow extends Tracked {
  planId: string;
  employeeId: string | null;
  externalCandidateId: string | null;
  rank: number;
  readinessId: string;
  emergency: boolean;
  notes: string | null;
  developmentActions: string | null;
  archived: boolean;
}
export const NominationEntity = new EntitySchema<NominationRow>({
  name: 'SuccessionNomination',
  tableName: 'succession_nomination',
  columns: {
    ...trackedColumns,
    planId: { type: 'text', name: 'plan_id' },
    employeeId: nullableText('employee_id'),
    externalCandidateId: nullableText('external_candidate_id'),
    rank: { type: 'integer' },
    readinessId: { type: 'text', name: 'readiness_id' },
    emergency: { type: 'boolean', default: false },
    notes: nullableText(),
    developmentActions: nullableText('development_actions'),
    archived,
  },
});

export interface LossRiskRow extends Tracked {
  employeeId: string;
  riskOfLoss: Level;
  impactOfLoss: Level;
  reason: string | null;
  archived: boolean;
}
export const LossRiskEntity = new EntitySchema<LossRiskRow>({
  name: 'LossRisk',
  tableName: 'loss_risk',
  columns: {
    ...trackedColumns,
    employeeId: { type: 'text', name: 'employee_id' },
    riskOfLoss: { type: 'text', name: 'risk_of_loss' },
    impactOfLoss: { type: 'text', name: 'impact_of_loss' },
    reason: nullableText(),
    archived,
  },
});

export interface TalentPoolRow extends Tracked {
  name: string;
  description: string | null;
  archived: boolean;
}
export const TalentPoolEntity = new EntitySchema<TalentPoolRow>({
  name: 'TalentPool',
  tableName: 'talent_pool',
  columns: { ...trackedColumns, name: { type: 'text' }, description: nullableText(), archived },
});

export interface PoolMemberRow extends Tracked {
  poolId: string;
  employeeId: string;
  notes: string | null;
  archived: boolean;
}
export const PoolMemberEntity = new EntitySchema<PoolMemberRow>({
  name: 'TalentPoolMember',
  tableName: 'talent_pool_member',
  columns: {
    ...trackedColumns,
    poolId: { type: 'text', name: 'pool_id' },
    employeeId: { type: 'text', name: 'employee_id' },
    notes: nullableText(),
    archived,
  },
});

export interface PoolPositionRow extends Tracked {
  poolId: string;
  positionId: string;
  archived: boolean;
}
export const PoolPositionEntity = new EntitySchema<PoolPositionRow>({
  name: 'TalentPoolPosition',
  tableName: 'talent_pool_position',
  columns: {
    ...trackedColumns,
    poolId: { type: 'text', name: 'pool_id' },
    positionId: { type: 'text', name: 'position_id' },
    archived,
  },
});

export const successionEntities = [
  ReadinessLevelEntity, KeyPositionEntity, SuccessionPlanEntity, ExternalCandidateEntity, NominationEntity, LossRiskEntity,
  TalentPoolEntity, PoolMemberEntity, PoolPositionEntity,
];
