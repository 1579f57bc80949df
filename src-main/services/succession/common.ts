// Helpers shared by the succession services: the refusal of a batch, names, readiness levels.
import type { ReadinessLevel } from '../../../src-shared/api/succession';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';

/** A batch refused as a whole: the first problem (with its row when there are several), every problem in the issues. */
export function batchRefusal(issues: ErrorIssue[], rowCount: number): AppError {
  const first = issues[0];
  const where = rowCount > 1 && first.row ? `Row ${first.row}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new AppError('VALIDATION', `${where}${first.message}${more} Nothing was saved.`, issues);
}

/** A VALIDATION error about one input field. */
export const fieldRefusal = (field: string, message: string) => new AppError('VALIDATION', message, [{ path: [field], field, message }]);

export const PERSON_NAME = (alias: string) => `${alias}.first_name || ' ' || ${alias}.last_name`;

const READINESS_COLUMNS = `id, label, short_label AS shortLabel, sort_order AS sortOrder, description, archived, created_at AS createdAt, updated_at AS updatedAt, version`;

/** The readiness scale in order (active levels unless `includeArchived`). */
export function readinessLevels(ctx: ServiceContext, includeArchived = false): ReadinessLevel[] {
  const rows = ctx.store.raw
    .prepare(`SELECT ${READINESS_COLUMNS} FROM readiness_level ${includeArchived ? '' : 'WHERE archived = 0'} ORDER BY archived, sort_order, label`)
    .all() as (Omit<ReadinessLevel, 'archived'> & { archived: number })[];
  return rows.map((row) => ({ ...row, archived: Boolean(row.archived) }));
}

export const readinessByIds = (ctx: ServiceContext, ids: string[]) => {
  const wanted = new Set(ids);
  return readinessLevels(ctx, true).filter((level) => wanted.has(level.id));
};

/** JSON array parameter for `json_each` (lists of ids of any length in one statement). */
export const jsonIds = (ids: Iterable<string>) => JSON.stringify([...new Set(ids)]);
