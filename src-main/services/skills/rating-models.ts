import type { z } from 'zod';
import type { RatingModel, ratingModelInput } from '../../../src-shared/api';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import { RatingModelEntity, type RatingModelRow } from '../../store/entities/skills';
import type { ServiceContext } from '../context';
import { saveRecord, type RecordSpec } from '../shared/records';
import { setArchived } from '../shared/batch';

type ModelInput = z.infer<typeof ratingModelInput>;

export async function listRatingModels(ctx: ServiceContext, includeArchived = false): Promise<RatingModel[]> {
  return readRatingModels(ctx, includeArchived ? '' : 'WHERE m.archived = 0');
}

const findRatingModel = (ctx: ServiceContext, id: string): RatingModel | undefined => readRatingModels(ctx, 'WHERE m.id = ?', id)[0];

function readRatingModels(ctx: ServiceContext, where: string, ...params: string[]): RatingModel[] {
  const db = ctx.store.raw;
  const models = db
    .prepare(
      `SELECT m.id, m.name, m.description, m.archived, m.created_at AS createdAt, m.updated_at AS updatedAt, m.version,
              (SELECT count(*) FROM skill s WHERE s.rating_model_id = m.id AND s.archived = 0) AS skillCount
         FROM rating_model m ${where} ORDER BY m.name COLLATE NOCASE`,
    )
    .all(...params) as (RatingModelRow & { skillCount: number })[];
  const levels = db.prepare(`SELECT rating_model_id AS modelId, value, label, description, factor FROM rating_level ORDER BY value`).all() as {
    modelId: string; value: number; label: string; description: string | null; factor: number;
  }[];
  return models.map((m) => ({
    id: m.id,
    name: m.name,
    description: m.description ?? null,
    archived: Boolean(m.archived),
    skillCount: m.skillCount,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    version: m.version,
    levels: levels.filter((l) => l.modelId === m.id).map(({ value, label, description, factor }) => ({ value, label, description: description ?? null, factor })),
  }));
}

/** Levels must rise in factor, one factor each, so levels of different models compare. */
export function checkLevels(levels: ModelInput['levels']): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const seen = new Map<number, number>();
  levels.forEach((level, index) => {
    const earlier = seen.get(level.factor);
    if (earlier !== undefined) {
      issues.push({ path: ['levels', index, 'factor'], field: 'levels', message: `Levels ${earlier + 1} and ${index + 1} both have factor ${level.factor}; each level needs its own factor.` });
    } else if (index > 0 && level.factor < levels[index - 1].factor) {
      issues.push({ path: ['levels', index, 'factor'], field: 'levels', message: `Factors must rise with the levels: level ${index + 1} (${level.factor}) is below level ${index} (${levels[index - 1].factor}).` });
    }
    seen.set(level.factor, index);
  });
  return issues;
}

const ratingModelSpec: RecordSpec<RatingModel, ModelInput> = {
  table: 'rating_model',
  noun: 'rating model',
  load: findRatingModel,
  unique: [{ field: 'name' }],
  check(ctx, input, before) {
    const issues = checkLevels(input.levels);
    if (before && issues.length === 0) assertLevelsStillCover(ctx, before.id, input.levels.length);
    return issues;
  },
  columns: (input) => ({ name: input.name, description: input.description ?? null }),
  afterWrite(ctx, id, input) {
    ctx.store.raw.prepare(`DELETE FROM rating_level WHERE rating_model_id = ?`).run(id);
    const insert = ctx.store.raw.prepare(`INSERT INTO rating_level (rating_model_id, value, label, description, factor) VALUES (?, ?, ?, ?, ?)`);
    input.levels.forEach((level, index) => insert.run(id, index + 1, level.label, level.description ?? null, level.factor));
  },
};

export const saveRatingModel = (ctx: ServiceContext, input: ModelInput) => saveRecord(ctx, ratingModelSpec, input);

/** A model may not lose levels that requirements, recorded levels or targets still use. */
function assertLevelsStillCover(ctx: ServiceContext, modelId: string, levelCount: number) {
  const { highest } = ctx.store.raw
    .prepare(
      `SELECT max(level) AS highest FROM (
         SELECT js.level FROM job_skill js JOIN skill s ON s.id = js.skill_id WHERE s.rating_model_id = @id
         UNION ALL SELECT es.level FROM employee_skill es JOIN skill s ON s.id = es.skill_id WHERE s.rating_model_id = @id
         UNION ALL SELECT t.level FROM employee_skill_target t JOIN skill s ON s.id = t.skill_id WHERE s.rating_model_id = @id)`,
    )
    .get({ id: modelId }) as { highest: number | null };
  if (highest !== null && highest > levelCount) {
    throw new AppError('VALIDATION', `Level ${highest} of this model is in use (requirements, recorded levels or targets); keep at least ${highest} levels.`, [
      { path: ['levels'], field: 'levels', message: `Keep at least ${highest} levels.` },
    ]);
  }
}

export async function archiveRatingModels(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  if (archived) {
    const inUse = ctx.store.raw.prepare(`SELECT count(*) AS n FROM skill WHERE archived = 0 AND rating_model_id IN (${ids.map(() => '?').join(',')})`).get(...ids) as { n: number };
    if (inUse.n > 0) throw new AppError('CONFLICT', `${inUse.n} active skill${inUse.n === 1 ? ' uses' : 's use'} this rating model; move or archive them first.`);
  }
  const count = await setArchived(RatingModelEntity, 'Rating model', ids, archived, ctx);
  return count;
}
