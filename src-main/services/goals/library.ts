import { goalLibraryFields, type GoalLibraryItem, type Input } from '../../../src-shared/api';
import { AppError } from '../../../src-shared/errors';
import { GoalLibraryItemEntity, type GoalLibraryItemRow } from '../../store/entities/goals';
import type { ServiceContext } from '../context';
import { saveBatch, setArchived, type BatchSpec, type RowChangeInput } from '../shared/batch';
import { likePattern } from '../shared/lookups';
import { assignToTeam } from './goals';
import type { z } from 'zod';

type Values = z.infer<typeof goalLibraryFields>;

const LIBRARY_COLUMNS = `i.id, i.title, i.description, i.category, i.unit, i.target_value AS targetValue, i.stretch,
  i.suggested_weight AS suggestedWeight, i.archived, i.created_at AS createdAt, i.updated_at AS updatedAt, i.version,
  (SELECT count(*) FROM goal g WHERE g.library_item_id = i.id) AS timesUsed`;

type LibrarySqlRow = Omit<GoalLibraryItem, 'stretch' | 'archived'> & { stretch: number; archived: number };
const toItem = (r: LibrarySqlRow): GoalLibraryItem => ({ ...r, stretch: Boolean(r.stretch), archived: Boolean(r.archived) });

/** Newest first: a row added in the grid (drafts sit on top) stays where it was typed; the grid sorts by any column on demand. */
export async function listGoalLibrary(ctx: ServiceContext, input: Input<'goals.listGoalLibrary'>): Promise<GoalLibraryItem[]> {
  const where: string[] = [];
  if (!input.includeArchived) where.push('i.archived = 0');
  if (input.search?.trim()) where.push(`(i.title LIKE @search ESCAPE '\\' OR i.description LIKE @search ESCAPE '\\' OR i.category LIKE @search ESCAPE '\\')`);
  const rows = ctx.store.raw
    .prepare(`SELECT ${LIBRARY_COLUMNS} FROM goal_library_item i ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY i.created_at DESC, i.rowid DESC`)
    .all({ search: likePattern(input.search) }) as LibrarySqlRow[];
  return rows.map(toItem);
}

const librarySpec: BatchSpec<GoalLibraryItemRow, Values> = {
  entity: GoalLibraryItemEntity,
  label: 'Goal library item',
  fields: goalLibraryFields,
  toValues: (row) => ({
    title: row.title, description: row.description, category: row.category, unit: row.unit, targetValue: row.targetValue,
    stretch: Boolean(row.stretch), suggestedWeight: row.suggestedWeight,
  }),
  toColumns: (v) => ({
    title: v.title, description: v.description || null, category: v.category || null, unit: v.unit, targetValue: v.targetValue ?? null,
    stretch: v.stretch, suggestedWeight: v.suggestedWeight,
  }),
  check: async () => [],
};

export async function saveGoalLibrary(ctx: ServiceContext, rows: RowChangeInput[]): Promise<GoalLibraryItem[]> {
  const saved = await saveBatch(librarySpec, rows, ctx);
  const stmt = ctx.store.raw.prepare(`SELECT ${LIBRARY_COLUMNS} FROM goal_library_item i WHERE i.id = ?`);
  return saved.map((row) => toItem(stmt.get(row.id) as LibrarySqlRow));
}

export async function archiveGoalLibrary(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  const count = await setArchived(GoalLibraryItemEntity, 'Goal library item', ids, archived, ctx);
  return count;
}

/** Copies a library item into one individual goal per chosen person (the goals' own rules apply: owners, alignment, periods). */
export async function copyFromLibrary(ctx: ServiceContext, input: Input<'goals.copyFromLibrary'>): Promise<{ created: number; ids: string[] }> {
  const item = ctx.store.raw.prepare(`SELECT ${LIBRARY_COLUMNS} FROM goal_library_item i WHERE i.id = ?`).get(input.itemId) as LibrarySqlRow | undefined;
  if (!item) throw new AppError('NOT_FOUND', 'The library goal does not exist (it may have been deleted).');
  if (item.archived) throw new AppError('VALIDATION', 'This library goal is archived; restore it before using it.', [{ path: ['itemId'], field: 'itemId', message: 'The library goal is archived.' }]);
  if (input.periodStart > input.periodEnd) {
    throw new AppError('VALIDATION', 'The period must end on or after its start.', [{ path: ['periodEnd'], field: 'periodEnd', message: 'The period must end on or after its start.' }]);
  }
  const result = await assignToTeam(ctx, {
    template: {
      title: item.title, description: item.description, category: item.category, unit: item.unit, startValue: null, targetValue: item.targetValue,
      actualValue: null, stretch: Boolean(item.stretch), weight: item.suggestedWeight, status: 'not_started',
      periodStart: input.periodStart, periodEnd: input.periodEnd,
    },
    alignToId: input.alignToId,
    employeeIds: input.employeeIds,
    departmentId: input.departmentId,
  });
  const mark = ctx.store.raw.prepare(`UPDATE goal SET library_item_id = ? WHERE id = ?`);
  for (const id of result.ids) mark.run(input.itemId, id);
  return result;
}
