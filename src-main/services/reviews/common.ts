// Small helpers shared by the reviews services.
import type { RatingScaleLevel, StoredSection, TemplateSteps } from '../../../src-shared/api';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';

export type StoredLevel = Omit<RatingScaleLevel, 'description'> & { description: string | null };

/** A VALIDATION error about one input field. */
export const fieldError = (field: string, message: string, more: ErrorIssue[] = []) =>
  new AppError('VALIDATION', message, [{ path: [field], field, message }, ...more]);

export const parseLevels = (json: string) => JSON.parse(json) as StoredLevel[];
export const parseSections = (json: string) => JSON.parse(json) as StoredSection[];
export const parseSteps = (json: string) => JSON.parse(json) as TemplateSteps;
