// Review templates: weighted sections (goals, competencies, questions) and which steps run.
import { randomUUID } from 'node:crypto';
import type { Input, ReviewTemplate, StoredSection, TemplateSection } from '../../../src-shared/api';
import { notFound } from '../../../src-shared/errors';
import { ReviewTemplateEntity } from '../../store/entities/reviews';
import type { ServiceContext } from '../context';
import { setArchived } from '../shared/batch';
import { saveRecord, type RecordSpec } from '../shared/records';
import { fieldError, parseSections, parseSteps } from './common';

const TEMPLATE_SELECT = `SELECT t.id, t.name, t.description, t.sections, t.steps, t.archived, t.created_at AS createdAt, t.updated_at AS updatedAt, t.version,
  (SELECT count(*) FROM review_cycle c WHERE c.template_id = t.id) AS cycleCount
  FROM review_template t`;

type TemplateSqlRow = Omit<ReviewTemplate, 'sections' | 'steps' | 'archived'> & { sections: string; steps: string; archived: number };
const toTemplate = (row: TemplateSqlRow): ReviewTemplate => ({
  ...row, sections: parseSections(row.sections), steps: parseSteps(row.steps), archived: Boolean(row.archived),
});

export async function listTemplates(ctx: ServiceContext, includeArchived = false): Promise<ReviewTemplate[]> {
  const rows = ctx.store.raw.prepare(`${TEMPLATE_SELECT} ${includeArchived ? '' : 'WHERE t.archived = 0'} ORDER BY t.name COLLATE NOCASE`).all() as TemplateSqlRow[];
  return rows.map(toTemplate);
}

export function findTemplate(ctx: ServiceContext, id: string): ReviewTemplate | undefined {
  const row = ctx.store.raw.prepare(`${TEMPLATE_SELECT} WHERE t.id = ?`).get(id) as TemplateSqlRow | undefined;
  return row && toTemplate(row);
}

export function getTemplate(ctx: ServiceContext, id: string): ReviewTemplate {
  const template = findTemplate(ctx, id);
  if (!template) throw notFound('The review template');
  return template;
}

/** Sections as stored: every question gets a stable id (answers refer to it); ids must not repeat. */
function toStoredSections(sections: TemplateSection[]): StoredSection[] {
  const seen = new Set<string>();
  return sections.map((section) => {
    const stored: StoredSection = { kind: section.kind, title: section.title, weight: section.weight };
    if (section.kind !== 'questions') return stored;
    stored.questions = (section.questions ?? []).map((question) => {
      const id = question.id ?? randomUUID();
      if (seen.has(id)) throw fieldError('sections', `Question "${question.text}" repeats the id of another question; each question needs its own.`);
      seen.add(id);
      return { id, text: question.text, kind: question.kind, required: question.required };
    });
    return stored;
  });
}

const templateSpec: RecordSpec<ReviewTemplate, Input<'reviews.saveTemplate'>> = {
  table: 'review_template',
  noun: 'template',
  load: findTemplate,
  unique: [{ field: 'name', activeOnly: true }],
  columns: (input) => ({
    name: input.name,
    description: input.description || null,
    sections: JSON.stringify(toStoredSections(input.sections)),
    steps: JSON.stringify({ selfReview: input.steps.selfReview, peerFeedback: input.steps.peerFeedback }),
  }),
};

/** Creates or edits a template; cycles already launched keep the sections they were launched with. */
export const saveTemplate = (ctx: ServiceContext, input: Input<'reviews.saveTemplate'>) => saveRecord(ctx, templateSpec, input);

export async function archiveTemplates(ctx: ServiceContext, ids: string[], archived: boolean): Promise<number> {
  const count = await setArchived(ReviewTemplateEntity, 'Review template', ids, archived, ctx);
  return count;
}
