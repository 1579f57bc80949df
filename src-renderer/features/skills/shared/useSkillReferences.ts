import { useMemo } from 'react';
import type { RatingModel, Skill, SkillType } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';
import type { Option } from '../../../grid';

export interface SkillReferences {
  loading: boolean;
  skills: Skill[];
  skillTypes: SkillType[];
  ratingModels: RatingModel[];
  skillOptions: Option[];
  skillTypeOptions: Option[];
  ratingModelOptions: Option[];
  skillById: Map<string, Skill>;
  modelById: Map<string, RatingModel>;
  /** The levels of the skill's rating model as options: value "3", label "3 · Proficient". */
  levelOptions(skillId: string): Option[];
  levelLabel(skillId: string, level: number | null): string;
}

/** Skills, their types and rating models, with the lookups every skills screen needs. */
export function useSkillReferences(): SkillReferences {
  const skills = useApi('skills.listSkills', {});
  const types = useApi('skills.listSkillTypes', {});
  const models = useApi('skills.listRatingModels', {});
  return useMemo(() => {
    const skillRows = skills.data?.rows ?? [];
    const modelRows = models.data?.rows ?? [];
    const skillById = new Map(skillRows.map((s) => [s.id, s]));
    const modelById = new Map(modelRows.map((m) => [m.id, m]));
    const levelsOf = (skillId: string) => modelById.get(skillById.get(skillId)?.ratingModelId ?? '')?.levels ?? [];
    return {
      loading: skills.isLoading || types.isLoading || models.isLoading,
      skills: skillRows,
      skillTypes: types.data?.rows ?? [],
      ratingModels: modelRows,
      skillOptions: skillRows.map((s) => ({ value: s.id, label: s.name })),
      skillTypeOptions: (types.data?.rows ?? []).map((t) => ({ value: t.id, label: t.name })),
      ratingModelOptions: modelRows.map((m) => ({ value: m.id, label: m.name })),
      skillById,
      modelById,
      levelOptions: (skillId) => levelsOf(skillId).map((l) => ({ value: String(l.value), label: `${l.value} · ${l.label}` })),
      levelLabel: (skillId, level) => (level === null ? '' : `${level} · ${levelsOf(skillId).find((l) => l.value === level)?.label ?? '?'}`),
    };
  }, [skills.data, types.data, models.data, skills.isLoading, types.isLoading, models.isLoading]);
}
