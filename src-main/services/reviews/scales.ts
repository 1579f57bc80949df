// Rating scales: named lists of levels (value + label) that reviews are rated on.
import type { Input, RatingScale } from '../../../src-shared/api';
import { notFound } from '../../../src-shared/errors';
import { RatingScaleEntity } from '../../store/entities/reviews';
import type { ServiceContext } from '../context';
import { setArchived } from '../shared/batch';
import { saveRecord, type RecordSpec } from '../shared/records';
import { parseLevels } from './common';

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

const scaleSpec: RecordSpec<RatingScale, Input<'reviews.saveRatingScale'>> = {
  table: 'rating_scale',
  noun: 'rating scale',
  load: findRatingScale,
  unique: [{ field: 'name', activeOnly: true }],
  columns: (input) => ({
    name: input.name,
    description: input.description || null,
    levels: JSON.stringify(input.levels.map((level) => ({ value: level.value, label: level.label, description: level.description || null }))),
  }),
};

/** Creates or edits a scale; cycles already launched keep the levels they were launched with. */
export const saveRatingScale = (ctx: ServiceContext, input: Input<'reviews.saveRatingScale'>) => saveRecord(ctx, scaleSpec, input);

export async function archiveRatingScales(ctx: ServiceContext, ids: string[], archived: boolean): Promise<number> {
  const count = await setArchived(RatingScaleEntity, 'Rating scale', ids, archived, ctx);
  return count;
}
