import type { Option } from '../../../grid';
import type { SkillReferences } from '../shared/useSkillReferences';

/**
 * Grid cells hold a level as its label ("3 · Proficient"). One column serves every row, so its
 * options are the labels of the rating models of the listed skills; a label from another
 * skill's model is refused when the row is saved.
 */
export function levelCellOptions(refs: SkillReferences, skillIds: string[]): Option[] {
  const labels = new Set<string>();
  for (const skillId of skillIds) for (const option of refs.levelOptions(skillId)) labels.add(option.label);
  return [...labels].sort(byLevelThenLabel).map((label) => ({ value: label, label }));
}

/**
 * The levels one row's skill may take (its own rating model), as cell options,
 * one array per skill so the grid's option lookups are built once.
 */
export function rowLevelOptions(refs: SkillReferences): (skillId: string) => Option[] {
  const bySkill = new Map<string, Option[]>();
  return (skillId) => {
    let options = bySkill.get(skillId);
    if (!options) {
      options = refs.levelOptions(skillId).map((option) => ({ value: option.label, label: option.label }));
      bySkill.set(skillId, options);
    }
    return options;
  };
}

const byLevelThenLabel = (a: string, b: string) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);

export const levelCell = (refs: SkillReferences, skillId: string, level: number | null) => (level === null ? null : refs.levelLabel(skillId, level));

export type ParsedLevel = { ok: true; level: number | null } | { ok: false; message: string };

/** The level value behind a cell's label, checked against the row's own rating model. */
export function parseLevelCell(refs: SkillReferences, skillId: string, cell: unknown): ParsedLevel {
  if (cell === null || cell === undefined || cell === '') return { ok: true, level: null };
  const match = refs.levelOptions(skillId).find((option) => option.label === cell);
  if (match) return { ok: true, level: Number(match.value) };
  const allowed = refs.levelOptions(skillId).map((option) => option.label).join(', ');
  const skill = refs.skillById.get(skillId)?.name ?? 'this skill';
  return { ok: false, message: `"${String(cell)}" is not a level of ${skill}. Choose one of: ${allowed}.` };
}
