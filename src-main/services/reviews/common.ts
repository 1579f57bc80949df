// Small helpers shared by the reviews services.
import type { RatingScaleLevel, StoredSection, TemplateSteps } from '../../../src-shared/api';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';

export type StoredLevel = Omit<RatingScaleLevel, 'description'> & { description: string | null };

/** A VALIDATION error about one input field. */
export const fieldError = (field: string, message: string, more: ErrorIssue[] = []) =>
  new AppError('VALIDATION', message, [{ path: [field], field, message }, ...more]);

/** CONFLICT when the record moved since the caller loaded it (no version sent = no check). */
export function assertVersion(stored: { version: number }, sent: number | undefined, what: string): void {
  if (sent !== undefined && sent !== stored.version) {
    throw new AppError('CONFLICT', `This ${what} was changed elsewhere since you loaded it. Nothing was saved; reload to see the latest values.`);
  }
}

export const parseLevels = (json: string) => JSON.parse(json) as StoredLevel[];
export const parseSections = (json: string) => JSON.parse(json) as StoredSection[];
export const parseSteps = (json: string) => JSON.parse(json) as TemplateSteps;

/** Names are unique among the records of a table that are not archived (compared without case). */
export function assertNameFree(ctx: ServiceContext, table: 'rating_scale' | 'review_template' | 'review_cycle', name: string, id: string | undefined, what: string): void {
  const clash = ctx.store.raw.prepare(`SELECT 1 FROM ${table} WHERE name = ? COLLATE NOCASE AND archived = 0 AND id <> ?`).get(name, id ?? '');
  if (clash) throw fieldError('name', `Another ${what} is already called "${name}".`);
}
