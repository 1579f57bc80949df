import { SKILL_IMPORT_FIELDS, type ImportPreview } from '../../src-shared/api';
import type { ServiceContext } from '../services/context';
import { recordAudit } from '../services/shared/audit';
import { suggestMapping } from './mapping';
import { importFailed, rememberedMapping, rememberMapping, type ImportRequest } from './request';
import { planSkillImport, type ExistingSkills, type SkillImportPlan } from './skill-plan';
import { readTable } from './read-table';


export async function previewSkillImport(ctx: ServiceContext, input: ImportRequest): Promise<ImportPreview> {
  const table = await readTable(input.fileName, input.contentBase64);
  const mapping = input.mapping ?? suggestMapping(table.headers, SKILL_IMPORT_FIELDS, rememberedMapping(ctx, 'skills'));
  const plan = planSkillImport(table, mapping, loadExisting(ctx));
  return {
    headers: table.headers,
    mapping,
    rowCount: table.rows.length,
    sampleRows: table.rows.slice(0, 10),
    issues: plan.issues.slice(0, 1000),
    summary: { create: plan.skills.filter((s) => s.isNew).length, update: plan.skills.filter((s) => !s.isNew).length },
  };
}

export async function commitSkillImport(ctx: ServiceContext, input: ImportRequest & { mapping: Record<string, string> }) {
  const table = await readTable(input.fileName, input.contentBase64);
  const plan = planSkillImport(table, input.mapping, loadExisting(ctx));
  if (plan.issues.length > 0) throw importFailed(plan.issues);
  writePlan(ctx, plan);
  await recordAudit(ctx, [
    ...plan.newTypes.map((t) => ({ entity: 'skill_type', entityId: t.id, action: 'create' as const, after: t })),
    ...plan.skills.map((s) => ({ entity: 'skill', entityId: s.id, action: s.isNew ? ('create' as const) : ('update' as const), after: { ...s, source: input.fileName } })),
  ]);
  await rememberMapping(ctx, 'skills', input.mapping);
  return { created: plan.skills.filter((s) => s.isNew).length, updated: plan.skills.filter((s) => !s.isNew).length };
}

function writePlan(ctx: ServiceContext, plan: SkillImportPlan) {
  const db = ctx.store.raw;
  const insertType = db.prepare(`INSERT INTO skill_type (id, name, archived, created_at, updated_at, version) VALUES (?, ?, 0, ?, ?, 1)`);
  const insert = db.prepare(`INSERT INTO skill (id, name, description, skill_type_id, rating_model_id, parent_id, external_id, archived, created_at, updated_at, version)
    VALUES (@id, @name, @description, @typeId, @ratingModelId, NULL, @externalId, 0, @now, @now, 1)`);
  const update = db.prepare(`UPDATE skill SET name = @name, description = @description, skill_type_id = @typeId, rating_model_id = @ratingModelId,
    external_id = @externalId, updated_at = @now, version = version + 1 WHERE id = @id`);
  const setParent = db.prepare(`UPDATE skill SET parent_id = ? WHERE id = ?`);
  for (const type of plan.newTypes) insertType.run(type.id, type.name, ctx.now, ctx.now);
  for (const skill of plan.skills) {
    const { parentKey: _key, parentId: _parent, isNew: _new, row: _row, ...values } = skill;
    (skill.isNew ? insert : update).run({ ...values, now: ctx.now });
  }
  // Parents after every row exists, so a parent may come later in the file.
  for (const skill of plan.skills) if (skill.parentKey) setParent.run(skill.parentId, skill.id);
}

function loadExisting(ctx: ServiceContext): ExistingSkills {
  const db = ctx.store.raw;
  return {
    skills: db.prepare(`SELECT id, name, skill_type_id AS typeId, external_id AS externalId, parent_id AS parentId, rating_model_id AS ratingModelId FROM skill`).all() as ExistingSkills['skills'],
    types: db.prepare(`SELECT id, name FROM skill_type`).all() as ExistingSkills['types'],
    models: (db.prepare(`SELECT id, name, archived FROM rating_model`).all() as { id: string; name: string; archived: number }[]).map((m) => ({ ...m, archived: Boolean(m.archived) })),
  };
}

