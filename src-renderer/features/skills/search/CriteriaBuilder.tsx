import { ActionIcon, Button, Group, NumberInput, Select, Stack } from '@mantine/core';
import { useSkillReferences } from '../shared/useSkillReferences';
import { defaultMinLevel, emptyCriterion, type CriterionDraft } from './searchForm';

interface CriteriaBuilderProps {
  criteria: CriterionDraft[];
  onChange: (criteria: CriterionDraft[]) => void;
}

/** Rows of skill, minimum level (from that skill's rating model) and weight. */
export function CriteriaBuilder({ criteria, onChange }: CriteriaBuilderProps) {
  const refs = useSkillReferences();
  const update = (key: number, patch: Partial<CriterionDraft>) => onChange(criteria.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const remove = (key: number) => onChange(criteria.filter((c) => c.key !== key));

  return (
    <Stack gap="xs" data-testid="criteria">
      {criteria.map((criterion, index) => (
        <Group key={criterion.key} gap="xs" align="flex-end" wrap="nowrap" data-testid="criterion">
          <Select
            label={index === 0 ? 'Skill' : undefined}
            aria-label="Skill"
            placeholder="Type to find a skill"
            searchable
            limit={100}
            w={300}
            data={refs.skillOptions}
            value={criterion.skillId}
            onChange={(skillId) => update(criterion.key, { skillId, minLevel: skillId ? defaultMinLevel(refs, skillId) : null })}
          />
          <Select
            label={index === 0 ? 'At least' : undefined}
            aria-label="Minimum level"
            placeholder="Pick a skill first"
            w={220}
            disabled={!criterion.skillId}
            allowDeselect={false}
            data={criterion.skillId ? refs.levelOptions(criterion.skillId) : []}
            value={criterion.minLevel}
            onChange={(minLevel) => update(criterion.key, { minLevel })}
          />
          <NumberInput
            label={index === 0 ? 'Weight' : undefined}
            aria-label="Weight"
            w={90}
            min={1}
            max={5}
            allowDecimal={false}
            clampBehavior="strict"
            value={criterion.weight}
            onChange={(weight) => update(criterion.key, { weight: typeof weight === 'number' ? weight : 3 })}
          />
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Remove this skill" title="Remove this skill" onClick={() => remove(criterion.key)}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...criteria, emptyCriterion()])} data-testid="add-criterion">
          Add skill
        </Button>
      </Group>
    </Stack>
  );
}
