import { ActionIcon, Alert, Button, Group, List, Modal, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { RatingModel } from '../../../../src-shared/api';
import { ApiCallError, call } from '../../../api/client';
import { ConflictNotice, type FieldSpecs } from '../../shared/ConflictNotice';
import { useVersionedForm } from '../../shared/useVersionedForm';
import {
  MAX_LEVELS,
  MIN_LEVELS,
  NO_ERRORS,
  addLevel,
  draftOf,
  errorsFromIssues,
  issueSummary,
  missingFactors,
  moveLevel,
  removeLevel,
  toSaveInput,
  type FormErrors,
  type LevelDraft,
  type ModelDraft,
} from './ratingModelForm';

interface Props {
  opened: boolean;
  onClose(): void;
  /** Given when editing (the newest copy): the form keeps the version it opened and sends it, so a change made elsewhere is caught. */
  model?: RatingModel;
}

const FIELDS: FieldSpecs<ModelDraft> = {
  name: 'Name',
  description: 'Description',
  levels: { label: 'Levels', format: (levels) => levels.map((l, i) => `${i + 1} ${l.label} (${l.factor})`).join(' · ') },
};

/** Create or edit a rating model: a name and 2-10 ordered levels, each with a label and a factor 0-9. */
export function RatingModelFormModal({ opened, onClose, model }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={model ? `Edit rating model "${model.name}"` : 'New rating model'} size="xl">
      {opened && <RatingModelForm onClose={onClose} model={model} />}
    </Modal>
  );
}

function RatingModelForm({ onClose, model }: Omit<Props, 'opened'>) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [formError, setFormError] = useState<string[]>([]);
  const form = useVersionedForm({
    record: model,
    toValues: draftOf,
    save: (draft, target) => call('skills.saveRatingModel', toSaveInput(draft, target)),
    onSaved: (saved) => {
      notifications.show({ color: 'teal', message: `Rating model "${saved.name}" ${model ? 'saved' : 'created'}.` });
      onClose();
    },
    onError: (error) => {
      const issues = error instanceof ApiCallError ? error.issues : [];
      setErrors(errorsFromIssues(issues));
      setFormError(issueSummary(issues, (error as Error).message));
    },
  });
  const draft = form.values;
  const setDraft = form.setValues;

  const setLevels = (levels: LevelDraft[]) => {
    setDraft((d) => ({ ...d, levels }));
    setErrors((e) => ({ ...e, levels: {} }));
  };
  const editLevel = (index: number, change: Partial<LevelDraft>) => {
    setDraft((d) => ({ ...d, levels: d.levels.map((l, i) => (i === index ? { ...l, ...change } : l)) }));
    setErrors((e) => ({ ...e, levels: { ...e.levels, [index]: {} } }));
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const missing = missingFactors(draft);
    if (missing) {
      setErrors(missing);
      setFormError(['Every level needs a factor.']);
      return;
    }
    setErrors(NO_ERRORS);
    setFormError([]);
    await form.submit();
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="rating-model-form">
      <Stack gap="sm">
        {formError.length > 0 && (
          <Alert color="red" data-testid="form-error" title={formError.length > 1 ? 'Nothing was saved:' : undefined}>
            {formError.length === 1 ? formError[0] : (
              <List size="sm">{formError.map((line) => <List.Item key={line}>{line}</List.Item>)}</List>
            )}
          </Alert>
        )}
        <ConflictNotice conflict={form.conflict} what="rating model" fields={FIELDS} />
        <TextInput label="Name" required value={draft.name} error={errors.fields.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
        <Textarea label="Description" autosize minRows={1} value={draft.description} error={errors.fields.description} onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })} />
        <LevelList levels={draft.levels} errors={errors} onEdit={editLevel} onChange={setLevels} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={form.saving}>{model ? 'Save' : 'Create rating model'}</Button>
        </Group>
      </Stack>
    </form>
  );
}

interface LevelListProps {
  levels: LevelDraft[];
  errors: FormErrors;
  onEdit(index: number, change: Partial<LevelDraft>): void;
  onChange(levels: LevelDraft[]): void;
}

function LevelList({ levels, errors, onEdit, onChange }: LevelListProps) {
  return (
    <Stack gap={6}>
      <Text fw={500} size="sm">Levels, lowest first</Text>
      <Text size="xs" c="dimmed">
        A level's number is its place in the list. The factor (0-9) makes levels of different models comparable: it must rise with the levels, one factor per level.
      </Text>
      {levels.map((level, index) => (
        <LevelRow
          key={level.key}
          level={level}
          index={index}
          count={levels.length}
          errors={errors.levels[index]}
          onEdit={(change) => onEdit(index, change)}
          onMove={(by) => onChange(moveLevel(levels, index, by))}
          onRemove={() => onChange(removeLevel(levels, index))}
        />
      ))}
      {errors.fields.levels && <Text size="sm" c="red" data-testid="levels-error">{errors.fields.levels}</Text>}
      <Group>
        <Button variant="light" size="xs" disabled={levels.length >= MAX_LEVELS} onClick={() => onChange(addLevel(levels))}>
          Add level
        </Button>
        <Text size="xs" c="dimmed">{levels.length} of at most {MAX_LEVELS} levels</Text>
      </Group>
    </Stack>
  );
}

interface LevelRowProps {
  level: LevelDraft;
  index: number;
  count: number;
  errors?: FormErrors['levels'][number];
  onEdit(change: Partial<LevelDraft>): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

function LevelRow({ level, index, count, errors, onEdit, onMove, onRemove }: LevelRowProps) {
  const n = index + 1;
  // Inputs are only marked; the messages go under the row, where they have room.
  const messages = [...new Set(Object.values(errors ?? {}))];
  return (
    <div data-testid="rating-level">
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <Text size="sm" fw={600} w={24} pt={6} ta="right">{n}</Text>
        <TextInput aria-label={`Level ${n} label`} placeholder="Label" w={200} value={level.label} error={!!errors?.label} onChange={(e) => onEdit({ label: e.currentTarget.value })} />
        <TextInput aria-label={`Level ${n} description`} placeholder="What this level looks like" style={{ flex: 1 }} value={level.description} error={!!errors?.description} onChange={(e) => onEdit({ description: e.currentTarget.value })} />
        <NumberInput
          aria-label={`Level ${n} factor`}
          w={90}
          min={0}
          max={9}
          allowDecimal={false}
          allowNegative={false}
          value={level.factor}
          error={!!errors?.factor}
          onChange={(value) => onEdit({ factor: typeof value === 'number' ? value : '' })}
        />
        <Group gap={2} wrap="nowrap" pt={4}>
          <ActionIcon variant="subtle" aria-label={`Move level ${n} up`} disabled={index === 0} onClick={() => onMove(-1)}>↑</ActionIcon>
          <ActionIcon variant="subtle" aria-label={`Move level ${n} down`} disabled={index === count - 1} onClick={() => onMove(1)}>↓</ActionIcon>
          <ActionIcon variant="subtle" color="red" aria-label={`Remove level ${n}`} disabled={count <= MIN_LEVELS} onClick={onRemove}>✕</ActionIcon>
        </Group>
      </Group>
      {messages.map((message) => (
        <Text key={message} size="xs" c="red" ml={32} mt={2}>{message}</Text>
      ))}
    </div>
  );
}
