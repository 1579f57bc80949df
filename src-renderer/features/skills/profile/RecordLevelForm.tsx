import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useApiMutation } from '../../../api/hooks';
import { DateField, useDateField } from '../gaps/DateField';
import { useSkillReferences } from '../shared/useSkillReferences';
import { SOURCE_OPTIONS, type RecordDefaults, type SkillSource } from './useSkillGrid';

const NO_LONGER_APPLIES = 'none';

interface RecordLevelFormProps {
  employeeId: string;
  /** Given: the form records this skill; absent: the user picks one. */
  skillId?: string;
  defaults: RecordDefaults;
  onRecorded?: () => void;
}

/** Records one level (a new history entry) with the levels of the skill's own rating model. */
export function RecordLevelForm({ employeeId, skillId: fixedSkillId, defaults, onRecorded }: RecordLevelFormProps) {
  const refs = useSkillReferences();
  const [skillId, setSkillId] = useState<string | null>(fixedSkillId ?? null);
  const [level, setLevel] = useState<string | null>(null);
  const effectiveDate = useDateField(defaults.effectiveDate);
  const [source, setSource] = useState<SkillSource>(defaults.source);
  const [verifiedBy, setVerifiedBy] = useState('');
  const [notes, setNotes] = useState('');
  const record = useApiMutation('skills.recordLevels');

  const levels = skillId ? refs.levelOptions(skillId) : [];
  const levelData = fixedSkillId ? [...levels, { value: NO_LONGER_APPLIES, label: 'No longer applies' }] : levels;

  async function submit() {
    if (!skillId || !level) return;
    const row = {
      employeeId,
      skillId,
      level: level === NO_LONGER_APPLIES ? null : Number(level),
      effectiveDate: effectiveDate.value,
      source,
      verifiedBy: verifiedBy.trim() || null,
      notes: notes.trim() || null,
    };
    await record.mutateAsync({ rows: [row] });
    notifications.show({ color: 'teal', message: `${refs.skillById.get(skillId)?.name ?? 'Skill'}: ${refs.levelLabel(skillId, row.level) || 'no longer applies'} recorded.` });
    setLevel(null);
    setVerifiedBy('');
    setNotes('');
    onRecorded?.();
  }

  return (
    <Stack gap="sm" data-testid="record-level-form">
      {!fixedSkillId && (
        <Select
          label="Skill"
          placeholder="Type to find a skill"
          searchable
          limit={100}
          data={refs.skillOptions}
          value={skillId}
          onChange={(value) => (setSkillId(value), setLevel(null))}
          data-autofocus
        />
      )}
      <Select label="Level" placeholder={skillId ? 'Choose a level' : 'Choose a skill first'} disabled={!skillId} data={levelData} value={level} onChange={setLevel} />
      <Group grow>
        <DateField field={effectiveDate} label="Effective from" />
        <Select label="Source" data={SOURCE_OPTIONS} value={source} onChange={(value) => value && setSource(value as SkillSource)} allowDeselect={false} />
      </Group>
      <TextInput label="Verified by" value={verifiedBy} onChange={(e) => setVerifiedBy(e.currentTarget.value)} />
      <TextInput label="Notes" value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
      {record.error && <Alert color="red" data-testid="record-level-error">{record.error.message}</Alert>}
      <Group justify="flex-end">
        <Button onClick={() => void submit().catch(() => undefined)} disabled={!skillId || !level} loading={record.isPending}>
          Record level
        </Button>
      </Group>
    </Stack>
  );
}
