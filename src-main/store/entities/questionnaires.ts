import { EntitySchema } from 'typeorm';
import { archived, nullableText, trackedColumns, type Tracked } from './columns';

/* Only what the shared archive helper needs; everything else about questionnaires is prepared SQL. */

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
    status: { type: 'text' },
    sections: { type: 'text' },
    resultGroups: { type: 'text', name: 'result_groups' },
    population: nullableText(),
    openedAt: nullableText('opened_at'),
    closedAt: nullableText('closed_at'),
    archived,
  },
});

export const questionnairesEntities: EntitySchema[] = [AnswerGroupEntity, QuestionnaireEntity] as EntitySchema[];
