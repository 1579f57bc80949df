import { ActionIcon, Anchor, Button, Card, Group, NavLink, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AnswerGroup } from '../../../../src-shared/api';
import { useApi, useApiMutation } from '../../../api/hooks';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert, errorText } from '../shared';

interface OptionDraft { id?: string; label: string; points: number }
const BLANK: OptionDraft[] = [{ label: '', points: 1 }, { label: '', points: 2 }];

/** Reusable named lists of options with points ("Agreement 1–5"), offered by choice questions. */
export function AnswerGroupsPage() {
  const groups = useApi('reviews.listAnswerGroups', {});
  const [editing, setEditing] = useState<AnswerGroup | null>(null);
  const [formKey, setFormKey] = useState(0);
  const open = (group: AnswerGroup | null) => (setEditing(group), setFormKey((k) => k + 1));
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

function AnswerGroupForm({ group, onSaved }: { group: AnswerGroup | null; onSaved(group: AnswerGroup): void }) {
  const [name, setName] = useState(group?.name ?? '');
  const [options, setOptions] = useState<OptionDraft[]>(group?.options ?? BLANK);
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('reviews.saveAnswerGroup');
  const setOption = (i: number, patch: Partial<OptionDraft>) => setOptions(options.map((o, k) => (k === i ? { ...o, ...patch } : o)));
  const submit = async () => {
    setError(null);
    try {
      const saved = await save.mutateAsync({ id: group?.id, version: group?.version, name, options });
      notifications.show({ color: 'teal', message: `Answer group “${saved.name}” saved.` });
      onSaved(saved);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack data-testid="answer-group-form">
      <Text fw={600}>{group ? `Edit “${group.name}”` : 'New answer group'}</Text>
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
        <Button onClick={submit} loading={save.isPending}>Save answer group</Button>
      </Group>
      <ErrorAlert error={error} testId="answer-group-error" />
    </Stack>
  );
}
