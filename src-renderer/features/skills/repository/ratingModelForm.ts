import type { Input, RatingModel } from '../../../../src-shared/api';
import type { ErrorIssue } from '../../../../src-shared/errors';

export const MIN_LEVELS = 2;
export const MAX_LEVELS = 10;

export interface LevelDraft {
  /** Stable React key while levels move around. */
  key: number;
  label: string;
  description: string;
  /** '' while the factor input is empty. */
  factor: number | '';
}

export interface ModelDraft {
  name: string;
  description: string;
  levels: LevelDraft[];
}

export type LevelField = 'label' | 'description' | 'factor';

export interface FormErrors {
  /** name, description, or levels (about the list as a whole) -> message. */
  fields: Record<string, string>;
  /** Level index -> field -> message; `row` when the message is about the level as a whole. */
  levels: Record<number, Partial<Record<LevelField | 'row', string>>>;
}

export const NO_ERRORS: FormErrors = { fields: {}, levels: {} };

let nextKey = 0;
const newLevel = (factor: number): LevelDraft => ({ key: ++nextKey, label: '', description: '', factor });

/** Factors spread evenly over 0-9, so a fresh scale is valid once its levels are named. */
export function spreadFactors(count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.round((i * 9) / (count - 1)));
}

/**
 * The form's values for a model. Its levels' keys are their places (negative,
 * apart from new levels' keys), so two drafts of one model compare equal.
 */
export function draftOf(model?: RatingModel): ModelDraft {
  if (!model) return { name: '', description: '', levels: spreadFactors(3).map((factor, i) => ({ key: -(i + 1), label: '', description: '', factor })) };
  return {
    name: model.name,
    description: model.description ?? '',
    levels: model.levels.map((l, i) => ({ key: -(i + 1), label: l.label, description: l.description ?? '', factor: l.factor })),
  };
}

export function addLevel(levels: LevelDraft[]): LevelDraft[] {
  const last = levels[levels.length - 1];
  const factor = typeof last?.factor === 'number' ? Math.min(9, last.factor + 1) : 0;
  return [...levels, newLevel(factor)];
}

export function removeLevel(levels: LevelDraft[], index: number): LevelDraft[] {
  return levels.filter((_, i) => i !== index);
}

/** Moves a level one place up (-1) or down (+1); its factor moves with it. */
export function moveLevel(levels: LevelDraft[], index: number, by: -1 | 1): LevelDraft[] {
  const target = index + by;
  if (target < 0 || target >= levels.length) return levels;
  const next = [...levels];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** Empty factors are the one thing checked here: the API would only say a number is expected. */
export function missingFactors(draft: ModelDraft): FormErrors | null {
  const levels: FormErrors['levels'] = {};
  draft.levels.forEach((level, i) => {
    if (level.factor === '') levels[i] = { factor: `Give level ${i + 1} a factor from 0 to 9.` };
  });
  return Object.keys(levels).length > 0 ? { fields: {}, levels } : null;
}

/** The save call for a draft; `target` is the model and the version the form opened. */
export function toSaveInput(draft: ModelDraft, target?: { id: string; version: number }): Input<'skills.saveRatingModel'> {
  return {
    ...(target ? { id: target.id, version: target.version } : {}),
    name: draft.name,
    description: draft.description.trim() || null,
    levels: draft.levels.map((l) => ({ label: l.label, description: l.description.trim() || null, factor: Number(l.factor) })),
  };
}

const LEVEL_FIELDS: readonly string[] = ['label', 'description', 'factor'];

/** Places each server issue next to its input: a level's own field, the level row, or a top field. */
export function errorsFromIssues(issues: ErrorIssue[]): FormErrors {
  const errors: FormErrors = { fields: {}, levels: {} };
  for (const issue of issues) {
    const [first, index, field] = issue.path;
    if (first === 'levels' && typeof index === 'number') {
      const key = typeof field === 'string' && LEVEL_FIELDS.includes(field) ? (field as LevelField) : 'row';
      errors.levels[index] = { ...errors.levels[index], [key]: issue.message };
    } else {
      const key = typeof first === 'string' ? first : (issue.field ?? 'levels');
      errors.fields[key] ??= issue.message;
    }
  }
  return errors;
}

/** The server's messages for the top of the form, each saying which level it is about. */
export function issueSummary(issues: ErrorIssue[], fallback: string): string[] {
  if (issues.length === 0) return [fallback];
  const lines = issues.map((issue) => {
    const [first, index] = issue.path;
    return first === 'levels' && typeof index === 'number' && !issue.message.startsWith('Level') ? `Level ${index + 1}: ${issue.message}` : issue.message;
  });
  return [...new Set(lines)];
}
