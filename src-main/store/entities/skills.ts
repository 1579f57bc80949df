import { EntitySchema } from 'typeorm';
import { archived, nullableText, trackedColumns, type Tracked } from './columns';

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
