import type { z } from 'zod';
import { skillFields, type Skill } from '../../../src-shared/api';
import type { ErrorIssue } from '../../../src-shared/errors';
import { SkillEntity, type SkillRow } from '../../store/entities/skills';
import type { ServiceContext } from '../context';
import { formsLoop, rowIssue, saveBatch, setArchived, type BatchSpec, type Candidate, type RowChangeInput } from '../shared/batch';
import { parentMap } from '../shared/lookups';

type Values = z.infer<typeof skillFields>;

export const SKILL_COLUMNS = `s.id, s.name, s.description, s.skill_type_id AS skillTypeId, s.rating_model_id AS ratingModelId,
  s.parent_id AS parentId, s.external_id AS externalId, s.archived, s.created_at AS createdAt, s.updated_at AS updatedAt, s.version`;

export async function listSkills(ctx: ServiceContext, includeArchived = false): Promise<Skill[]> {
  const rows = ctx.store.raw
    .prepare(`SELECT ${SKILL_COLUMNS} FROM skill s ${includeArchived ? '' : 'WHERE s.archived = 0'} ORDER BY s.name COLLATE NOCASE`)
    .all() as SkillRow[];
  return rows.map(toSkill);
}

export const toSkill = (row: SkillRow): Skill => ({
  id: row.id,
  name: row.name,
  description: row.description ?? null,
  skillTypeId: row.skillTypeId,
  ratingModelId: row.ratingModelId,
  parentId: row.parentId ?? null,
  externalId: row.externalId ?? null,
  archived: Boolean(row.archived),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

export const skillSpec: BatchSpec<SkillRow, Values> = {
  entity: SkillEntity,
  label: 'Skill',
  fields: skillFields,
  toValues: (row) => ({
    name: row.name,
    description: row.description,
    skillTypeId: row.skillTypeId,
    ratingModelId: row.ratingModelId,
    parentId: row.parentId,
    externalId: row.externalId,
  }),
  toColumns: (v) => ({
    name: v.name,
    description: v.description ?? null,
    skillTypeId: v.skillTypeId,
    ratingModelId: v.ratingModelId,
    parentId: v.parentId ?? null,
    externalId: v.externalId || null,
  }),
  check: checkSkills,
};

async function checkSkills(candidates: Candidate<Values>[], ctx: ServiceContext): Promise<ErrorIssue[]> {
  const db = ctx.store.raw;
  const issues: ErrorIssue[] = [];
  const types = new Map((db.prepare(`SELECT id, archived FROM skill_type`).all() as { id: string; archived: number }[]).map((t) => [t.id, t.archived]));
  const models = new Map(
    (db.prepare(`SELECT m.id, m.archived, (SELECT count(*) FROM rating_level l WHERE l.rating_model_id = m.id) AS levels FROM rating_model m`).all() as {
      id: string; archived: number; levels: number;
    }[]).map((m) => [m.id, m]),
  );
  const parents = await parentMap(ctx, 'skill', 'parent_id');
  const batchIds = new Set(candidates.map((c) => c.id));
  for (const c of candidates) parents.set(c.id, c.values.parentId ?? null);
  const stored = db.prepare(`SELECT id, skill_type_id AS typeId, lower(name) AS name, external_id AS externalId FROM skill`).all() as {
    id: string; typeId: string; name: string; externalId: string | null;
  }[];
  const others = stored.filter((s) => !batchIds.has(s.id));
  const names = new Set(others.map((s) => `${s.typeId}\u0000${s.name}`));
  const externalIds = new Set(others.map((s) => s.externalId).filter(Boolean));
  for (const c of candidates) {
    const v = c.values;
    if (!types.has(v.skillTypeId)) issues.push(rowIssue(c.index, 'skillTypeId', 'The skill type does not exist.'));
    else if (types.get(v.skillTypeId) && c.changedFields.includes('skillTypeId')) issues.push(rowIssue(c.index, 'skillTypeId', 'The skill type is archived.'));
    const model = models.get(v.ratingModelId);
    if (!model) issues.push(rowIssue(c.index, 'ratingModelId', 'The rating model does not exist.'));
    else if (model.archived && c.changedFields.includes('ratingModelId')) issues.push(rowIssue(c.index, 'ratingModelId', 'The rating model is archived.'));
    else if (!c.isNew && c.changedFields.includes('ratingModelId')) issues.push(...levelsInUseIssues(ctx, c, model.levels));
    if (v.parentId && !parents.has(v.parentId)) issues.push(rowIssue(c.index, 'parentId', 'The parent skill does not exist.'));
    else if (v.parentId && formsLoop(c.id, (id) => parents.get(id))) issues.push(rowIssue(c.index, 'parentId', `"${v.name}" cannot sit under itself or one of its own sub-skills.`));
    const key = `${v.skillTypeId}\u0000${v.name.toLowerCase()}`;
    if (names.has(key)) issues.push(rowIssue(c.index, 'name', `A skill named "${v.name}" already exists in this skill type.`));
    names.add(key);
    if (v.externalId) {
      if (externalIds.has(v.externalId)) issues.push(rowIssue(c.index, 'externalId', `Another skill already has the external id ${v.externalId}.`));
      externalIds.add(v.externalId);
    }
  }
  return issues;
}

function levelsInUseIssues(ctx: ServiceContext, c: Candidate<Values>, levelCount: number): ErrorIssue[] {
  const { highest } = ctx.store.raw
    .prepare(`SELECT max(level) AS highest FROM (SELECT level FROM job_skill WHERE skill_id = @id UNION ALL SELECT level FROM employee_skill WHERE skill_id = @id UNION ALL SELECT level FROM employee_skill_target WHERE skill_id = @id)`)
    .get({ id: c.id }) as { highest: number | null };
  return highest !== null && highest > levelCount
    ? [rowIssue(c.index, 'ratingModelId', `Level ${highest} is in use for this skill; the new rating model has only ${levelCount} levels.`)]
    : [];
}

export async function saveSkills(ctx: ServiceContext, rows: RowChangeInput[]): Promise<Skill[]> {
  const saved = await saveBatch(skillSpec, rows, ctx);
  return saved.map(toSkill);
}

export async function archiveSkills(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  const count = await setArchived(SkillEntity, 'Skill', ids, archived, ctx);
  return count;
}
