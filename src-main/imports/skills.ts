import { SKILL_IMPORT_FIELDS } from '../../src-shared/api';
import type { ServiceContext } from '../services/context';
import { recordAudit } from '../services/shared/audit';
import { createdList, type ImportKindHandler } from './pipeline';
import { planSkillImport, type ExistingSkills, type SkillImportPlan } from './skill-plan';

export const skillImport: ImportKindHandler = {
  fields: SKILL_IMPORT_FIELDS,
  plan(ctx, table, mapping) {
    const plan = planSkillImport(table, mapping, loadExisting(ctx));
    const summary = { create: 0, update: 0, unchanged: 0 };
    for (const s of plan.skills) summary[s.isNew ? 'create' : s.changed ? 'update' : 'unchanged']++;
    return {
      issues: plan.issues,
      summary,
      creates: createdList('skill type', plan.newTypes.map((t) => t.name)),
      async write(ctx, job) {
        writePlan(ctx, plan);
        await recordAudit(ctx, [
          ...plan.newTypes.map((t) => ({ entity: 'skill_type', entityId: t.id, action: 'create' as const, after: { ...t, source: job.fileName } })),
          ...plan.skills
            .filter((s) => s.changed)
            .map((s) => ({ entity: 'skill', entityId: s.id, action: s.isNew ? ('create' as const) : ('update' as const), after: { ...s, source: job.fileName } })),
        ]);
      },
    };
  },
};

function writePlan(ctx: ServiceContext, plan: SkillImportPlan) {
  const db = ctx.store.raw;
  db.pragma('defer_foreign_keys = ON');
  const insertType = db.prepare(`INSERT INTO skill_type (id, name, archived, created_at, updated_at, version) VALUES (?, ?, 0, ?, ?, 1)`);
  const insert = db.prepare(`INSERT INTO skill (id, name, description, skill_type_id, rating_model_id, parent_id, external_id, archived, created_at, updated_at, version)
    VALUES (@id, @name, @description, @typeId, @ratingModelId, @parentId, @externalId, 0, @now, @now, 1)`);
  const update = db.prepare(`UPDATE skill SET name = @name, description = @description, skill_type_id = @typeId, rating_model_id = @ratingModelId,
    external_id = @externalId, parent_id = @parentId, updated_at = @now, version = version + 1 WHERE id = @id`);
  for (const type of plan.newTypes) insertType.run(type.id, type.name, ctx.now, ctx.now);
  for (const skill of plan.skills) {
    if (!skill.changed) continue;
    const { parentKey: _key, isNew: _new, row: _row, changed: _changed, ...values } = skill;
    (skill.isNew ? insert : update).run({ ...values, now: ctx.now });
  }
}

function loadExisting(ctx: ServiceContext): ExistingSkills {
  const db = ctx.store.raw;
  return {
    skills: db.prepare(`SELECT id, name, description, skill_type_id AS typeId, external_id AS externalId, parent_id AS parentId, rating_model_id AS ratingModelId FROM skill`).all() as ExistingSkills['skills'],
    types: db.prepare(`SELECT id, name FROM skill_type`).all() as ExistingSkills['types'],
    models: (db.prepare(`SELECT id, name, archived FROM rating_model`).all() as { id: string; name: string; archived: number }[]).map((m) => ({ ...m, archived: Boolean(m.archived) })),
  };
}
