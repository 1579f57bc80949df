// Rating scales: named lists of levels (value + label) that reviews are rated on.
import type { Input, RatingScale } from '../../../src-shared/api';
import { notFound } from '../../../src-shared/errors';
import { RatingScaleEntity } from '../../store/entities/reviews';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { setArchived } from '../shared/batch';
import { assertNameFree, assertVersion, parseLevels } from './common';
import { randomUUID } from 'node:crypto';

const SCALE_SELECT = `SELECT s.id, s.name, s.description, s.levels, s.archived, s.created_at AS createdAt, s.updated_at AS updatedAt, s.version,
  (SELECT count(*) FROM review_cycle c WHERE c.rating_scale_id = s.id) AS cycleCount
  FROM rating_scale s`;

type ScaleSqlRow = Omit<RatingScale, 'levels' | 'archived'> & { levels: string; archived: number };
const toScale = (row: ScaleSqlRow): RatingScale => ({ ...row, levels: parseLevels(row.levels), archived: Boolean(row.archived) });

export async function listRatingScales(ctx: ServiceContext, includeArchived = false): Promise<RatingScale[]> {
  const rows = ctx.store.raw.prepare(`${SCALE_SELECT} ${includeArchived ? '' : 'WHERE s.archived = 0'} ORDER BY s.name COLLATE NOCASE`).all() as ScaleSqlRow[];
  return rows.map(toScale);
}

export function findRatingScale(ctx: ServiceContext, id: string): RatingScale | undefined {
  const row = ctx.store.raw.prepare(`${SCALE_SELECT} WHERE s.id = ?`).get(id) as ScaleSqlRow | undefined;
  return row && toScale(row);
}

export function getRatingScale(ctx: ServiceContext, id: string): RatingScale {
  const scale = findRatingScale(ctx, id);
  if (!scale) throw notFound('The rating scale');
  return scale;
}

/** Creates or edits a scale; cycles already launched keep the levels they were launched with. */
export async function saveRatingScale(ctx: ServiceContext, input: Input<'reviews.saveRatingScale'>): Promise<RatingScale> {
  const before = input.id ? getRatingScale(ctx, input.id) : undefined;
  if (before) assertVersion(before, input.version, 'rating scale');
  assertNameFree(ctx, 'rating_scale', input.name, input.id, 'rating scale');
  const row = {
    id: input.id ?? randomUUID(),
    name: input.name,
    description: input.description || null,
    levels: JSON.stringify(input.levels.map((level) => ({ value: level.value, label: level.label, description: level.description || null }))),
    now: ctx.now,
  };
  if (before) {
    ctx.store.raw.prepare(`UPDATE rating_scale SET name = @name, description = @description, levels = @levels, updated_at = @now, version = version + 1 WHERE id = @id`).run(row);
  } else {
    ctx.store.raw.prepare(`INSERT INTO rating_scale (id, created_at, updated_at, version, name, description, levels) VALUES (@id, @now, @now, 1, @name, @description, @levels)`).run(row);
  }
  const after = getRatingScale(ctx, row.id);
  await recordAudit(ctx, [{ entity: 'rating_scale', entityId: row.id, action: before ? 'update' : 'create', before, after }]);
  return after;
}

export async function archiveRatingScales(ctx: ServiceContext, ids: string[], archived: boolean): Promise<number> {
  const count = await setArchived(RatingScaleEntity, 'Rating scale', ids, archived, ctx);
  return count;
}
