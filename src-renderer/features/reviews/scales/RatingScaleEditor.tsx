import { Badge, Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { RatingScale } from '../../../../src-shared/api';
import { useApiMutation } from '../../../api/hooks';
import { moveItem, RowButtons } from '../EditorList';
import { ConflictNotice, type FieldSpecs } from '../../shared/ConflictNotice';
import { useVersionedForm } from '../../shared/useVersionedForm';
import { ErrorAlert, errorText } from '../shared';

interface LevelDraft {
  value: number | string;
  label: string;
  description: string;
}

const DEFAULT_LEVELS: LevelDraft[] = [
  { value: 1, label: 'Below expectations', description: '' },
  { value: 2, label: 'Partly meets', description: '' },
  { value: 3, label: 'Meets expectations', description: '' },
  { value: 4, label: 'Exceeds expectations', description: '' },
  { value: 5, label: 'Outstanding', description: '' },
];

interface ScaleDraft {
  name: string;
  description: string;
  levels: LevelDraft[];
}

const toDraft = (scale: RatingScale | undefined): ScaleDraft => ({
  name: scale?.name ?? '',
  description: scale?.description ?? '',
  levels: scale ? scale.levels.map((l) => ({ ...l, description: l.description ?? '' })) : DEFAULT_LEVELS,
});

const FIELDS: FieldSpecs<ScaleDraft> = {
  name: 'Name',
  description: 'Description',
  levels: { label: 'Levels', format: (levels) => levels.map((l) => `${l.value} ${l.label}`).join(' · ') },
};

/** Edits one rating scale (the newest copy is passed in; the editor keeps the version it opened). */
export function RatingScaleEditor({ scale, onSaved }: { scale: RatingScale | undefined; onSaved: (id: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('reviews.saveRatingScale');
  const archive = useApiMutation('reviews.archiveRatingScales');
  const form = useVersionedForm({
    record: scale,
    toValues: toDraft,
    save: (draft, target) => {
      setError(null);
      return save.mutateAsync({
        id: target?.id,
        version: target?.version,
        name: draft.name,
        description: draft.description.trim() || null,
        levels: draft.levels.map((l) => ({ value: typeof l.value === 'number' ? l.value : Number.NaN, label: l.label, description: l.description.trim() || null })),
      });
    },
    onSaved: (saved) => {
      notifications.show({ color: 'teal', message: `Rating scale “${saved.name}” saved.` });
      onSaved(saved.id);
    },
    onError: (e) => setError(errorText(e)),
  });
  const { name, description, levels } = form.values;
  const setName = (value: string) => form.set('name', value);
  const setDescription = (value: string) => form.set('description', value);
  const setLevels = (update: (levels: LevelDraft[]) => LevelDraft[]) => form.setValues((d) => ({ ...d, levels: update(d.levels) }));

  const setLevel = (index: number, patch: Partial<LevelDraft>) => setLevels((all) => all.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const addLevel = () => setLevels((all) => [...all, { value: nextValue(all), label: '', description: '' }]);
  const submit = () => form.submit();
  const toggleArchive = async () => {
    if (!scale) return;
    setError(null);
    try {
      await archive.mutateAsync({ ids: [scale.id], archived: !scale.archived });
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Card withBorder data-testid="scale-editor">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{scale ? `Edit “${scale.name}”` : 'New rating scale'}</Title>
          {scale && scale.cycleCount > 0 && <Badge variant="light">Used by {scale.cycleCount} cycle{scale.cycleCount === 1 ? '' : 's'}</Badge>}
        </Group>
        <ConflictNotice conflict={form.conflict} what="rating scale" fields={FIELDS} />
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        <TextInput label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <Stack gap={4}>
          <Text fw={500} size="sm">Levels, lowest first</Text>
          <Table data-testid="scale-levels">
            <Table.Thead>
              <Table.Tr><Table.Th w={110}>Value</Table.Th><Table.Th>Label</Table.Th><Table.Th>Description</Table.Th><Table.Th w={110} /></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {levels.map((level, i) => (
                <Table.Tr key={i}>
                  <Table.Td><NumberInput aria-label={`Level ${i + 1} value`} value={level.value} onChange={(v) => setLevel(i, { value: v })} decimalScale={2} /></Table.Td>
                  <Table.Td><TextInput aria-label={`Level ${i + 1} label`} value={level.label} onChange={(e) => setLevel(i, { label: e.currentTarget.value })} /></Table.Td>
                  <Table.Td><TextInput aria-label={`Level ${i + 1} description`} value={level.description} onChange={(e) => setLevel(i, { description: e.currentTarget.value })} /></Table.Td>
                  <Table.Td>
                    <RowButtons index={i} count={levels.length} what={`level ${i + 1}`} onMove={(by) => setLevels((all) => moveItem(all, i, by))} onRemove={() => setLevels((all) => all.filter((_, j) => j !== i))} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group><Button size="xs" variant="light" onClick={addLevel} disabled={levels.length >= 10}>Add level</Button></Group>
        </Stack>
        <ErrorAlert error={error} testId="scale-error" />
        <Group justify="space-between">
          {scale ? <Button variant="default" color="gray" onClick={() => void toggleArchive()} loading={archive.isPending}>{scale.archived ? 'Restore' : 'Archive'}</Button> : <span />}
          <Button onClick={() => void submit()} loading={form.saving}>Save scale</Button>
        </Group>
      </Stack>
    </Card>
  );
}

const nextValue = (levels: LevelDraft[]) => {
  const values = levels.map((l) => l.value).filter((v): v is number => typeof v === 'number');
  return values.length ? Math.max(...values) + 1 : 1;
};
