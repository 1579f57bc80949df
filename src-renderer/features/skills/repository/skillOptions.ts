import type { Skill, SkillType } from '../../../../src-shared/api';
import type { Option } from '../../../grid';

/** Skill names repeat across types ("Python" in Technical and in Languages), so the label names the type too. */
export function skillOptionsWithType(skills: Skill[], skillTypes: SkillType[]): Option[] {
  const typeNames = new Map(skillTypes.map((t) => [t.id, t.name]));
  return skills
    .map((s) => ({ value: s.id, label: typeNames.has(s.skillTypeId) ? `${s.name} · ${typeNames.get(s.skillTypeId)}` : s.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
