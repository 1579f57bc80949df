import { ActionIcon, Anchor, Button, Card, Group, NavLink, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AnswerGroup } from '../../../../src-shared/api';
import { useApi, useApiMutation } from '../../../api/hooks';
import { ConflictNotice, type FieldSpecs } from '../../shared/ConflictNotice';
import { PageHeader } from '../../shared/PageHeader';
import { useVersionedForm } from '../../shared/useVersionedForm';
import { ErrorAlert, errorText } from '../shared';

interface OptionDraft { id?: string; label: string; points: number }
const BLANK: OptionDraft[] = [{ label: '', points: 1 }, { label: '', points: 2 }];

/** Reusable named lists of options with points ("Agreement 1–5"), offered by choice questions. */
export function AnswerGroupsPage() {
  const groups = useApi('reviews.listAnswerGroups', {});
  const [opened, setOpened] = useState<AnswerGroup | null>(null);
  const [formKey, setFormKey] = useState(0);
  const open = (group: AnswerGroup | null) => (setOpened(group), setFormKey((k) => k + 1));
  // The form gets the newest copy (it keeps the version it opened with).
  const editing = (opened && groups.data?.rows.find((g) => g.id === opened.id)) || opened;
  return (
    <Stack maw={1100}>
      <PageHeader
        title="Answer groups"
        description="Named lists of options with points, shared by the choice questions of every questionnaire. Draft questionnaires follow changes; open ones keep the options they were sent with."
        actions={<Anchor component={Link} to="/reviews/questionnaires">Back to questionnaires</Anchor>}
      />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Button variant="light" mb="xs" onClick={() => open(null)} data-testid="new-answer-group">New answer group</Button>
          {(groups.data?.rows ?? []).map((g) => (
            <NavLink key={g.id} label={g.name} description={`${g.options.length} options · used by ${g.questionnaireCount}`} active={editing?.id === g.id} onClick={() => open(g)} />
          ))}
        </Card>
        <Card withBorder style={{ gridColumn: 'span 2' }}>
          <AnswerGroupForm key={formKey} group={editing} onSaved={open} />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

interface GroupDraft {
  name: string;
  options: OptionDraft[];
}

const toGroupDraft = (group: AnswerGroup | null | undefined): GroupDraft => ({ name: group?.name ?? '', options: group?.options ?? BLANK });

const FIELDS: FieldSpecs<GroupDraft> = {
  name: 'Name',
  options: { label: 'Options', format: (options) => options.map((o) => `${o.label} (${o.points})`).join(', ') },
};

function AnswerGroupForm({ group, onSaved }: { group: AnswerGroup | null; onSaved(group: AnswerGroup): void }) {
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('reviews.saveAnswerGroup');
  const form = useVersionedForm({
    record: group ?? undefined,
    toValues: toGroupDraft,
    save: (draft, target) => {
      setError(null);
      return save.mutateAsync({ id: target?.id, version: target?.version, name: draft.name, options: draft.options });
    },
    onSaved: (saved) => {
      notifications.show({ color: 'teal', message: `Answer group “${saved.name}” saved.` });
      onSaved(saved);
    },
    onError: (e) => setError(errorText(e)),
  });
  const { name, options } = form.values;
  const setName = (value: string) => form.set('name', value);
  const setOptions = (value: OptionDraft[]) => form.set('options', value);
  const setOption = (i: number, patch: Partial<OptionDraft>) => setOptions(options.map((o, k) => (k === i ? { ...o, ...patch } : o)));
  const submit = () => form.submit();
  return (
    <Stack data-testid="answer-group-form">
      <Text fw={600}>{group ? `Edit “${group.name}”` : 'New answer group'}</Text>
      <ConflictNotice conflict={form.conflict} what="answer group" fields={FIELDS} />
      <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required w={360} />
      {options.map((o, i) => (
        <Group key={i} align="flex-end">
          <TextInput label={i === 0 ? 'Option' : undefined} aria-label={`Option ${i + 1}`} value={o.label} onChange={(e) => setOption(i, { label: e.currentTarget.value })} w={280} />
          <NumberInput label={i === 0 ? 'Points' : undefined} aria-label={`Points ${i + 1}`} value={o.points} onChange={(v) => setOption(i, { points: Number(v) || 0 })} w={100} />
          <ActionIcon variant="subtle" color="red" aria-label={`Remove option ${i + 1}`} onClick={() => setOptions(options.filter((_, k) => k !== i))} disabled={options.length <= 2}>✕</ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="default" onClick={() => setOptions([...options, { label: '', points: (options.at(-1)?.points ?? 0) + 1 }])}>Add option</Button>
        <Button onClick={() => void submit()} loading={form.saving}>Save answer group</Button>
      </Group>
      <ErrorAlert error={error} testId="answer-group-error" />
    </Stack>
  );
}
