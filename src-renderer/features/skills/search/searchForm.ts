import type { SkillSearchInput } from '../../../../src-shared/api';
import type { SkillReferences } from '../shared/useSkillReferences';

/** One row of the criteria builder as the user fills it in. */
export interface CriterionDraft {
  key: number;
  skillId: string | null;
  minLevel: string | null;
  weight: number;
}

/** The search as edited on screen; `asOf` stays outside (a saved search runs on any date). */
export interface SearchForm {
  criteria: CriterionDraft[];
  departmentId: string | null;
  jobId: string | null;
  location: string | null;
}

export const RESULT_LIMIT = 200;

let nextKey = 1;
export const emptyCriterion = (): CriterionDraft => ({ key: nextKey++, skillId: null, minLevel: null, weight: 3 });
export const emptyForm = (): SearchForm => ({ criteria: [emptyCriterion()], departmentId: null, jobId: null, location: null });

/** A sensible starting minimum for a newly picked skill: the middle of its scale. */
export function defaultMinLevel(refs: SkillReferences, skillId: string): string | null {
  const levels = refs.levelOptions(skillId);
  return levels[Math.ceil(levels.length / 2) - 1]?.value ?? null;
}

/** Rows without a skill are left out; the server explains what is missing when nothing is left. */
export function toSearchInput(form: SearchForm): Omit<SkillSearchInput, 'asOf' | 'limit'> {
  return {
    criteria: form.criteria
      .filter((c): c is CriterionDraft & { skillId: string } => c.skillId !== null)
      .map((c) => ({ skillId: c.skillId, minLevel: Number(c.minLevel ?? 1), weight: c.weight })),
    ...(form.departmentId ? { departmentId: form.departmentId } : {}),
    ...(form.jobId ? { jobId: form.jobId } : {}),
    ...(form.location ? { location: form.location } : {}),
  };
}

export function fromSearchInput(input: SkillSearchInput): SearchForm {
  return {
    criteria: input.criteria.map((c) => ({ key: nextKey++, skillId: c.skillId, minLevel: String(c.minLevel), weight: c.weight ?? 3 })),
    departmentId: input.departmentId ?? null,
    jobId: input.jobId ?? null,
    location: input.location ?? null,
  };
}
