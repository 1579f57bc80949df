import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';

export interface SkillInfo {
  id: string;
  name: string;
  archived: boolean;
  levels: number;
}

/** Every skill with its rating model's number of levels: the checks for requirements, levels and targets. */
export function loadSkillInfo(ctx: ServiceContext): Map<string, SkillInfo> {
  const rows = ctx.store.raw
    .prepare(`SELECT s.id, s.name, s.archived, (SELECT count(*) FROM rating_level l WHERE l.rating_model_id = s.rating_model_id) AS levels FROM skill s`)
    .all() as (Omit<SkillInfo, 'archived'> & { archived: number })[];
  return new Map(rows.map((r) => [r.id, { ...r, archived: Boolean(r.archived) }]));
}

/** Issues for a skill id and level: unknown or archived skill, level outside its rating model. */
export function skillLevelIssues(skills: Map<string, SkillInfo>, index: number, skillId: string, level: number | null, allowArchived = false): ErrorIssue[] {
  const skill = skills.get(skillId);
  const at = (field: string, message: string): ErrorIssue => ({ path: ['rows', index, field], row: index + 1, field, message });
  if (!skill) return [at('skillId', 'The skill does not exist.')];
  if (skill.archived && !allowArchived) return [at('skillId', `"${skill.name}" is archived; restore it before using it.`)];
  if (level !== null && level > skill.levels) return [at('level', `Level ${level} is not in the rating model of "${skill.name}" (it has ${skill.levels} levels).`)];
  return [];
}

export function throwIfIssues(issues: ErrorIssue[], what: string): void {
  if (issues.length === 0) return;
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new AppError('VALIDATION', `Row ${first.row}: ${first.message}${more} No ${what} were saved.`, issues);
}

export function existingIdSet(ctx: ServiceContext, table: 'job' | 'employee'): Set<string> {
  return new Set((ctx.store.raw.prepare(`SELECT id FROM ${table}`).all() as { id: string }[]).map((r) => r.id));
}
