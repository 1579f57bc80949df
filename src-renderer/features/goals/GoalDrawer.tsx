import { Alert, Anchor, Badge, Button, Drawer, Group, NumberInput, Progress, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { GOAL_SCOPE_LABELS, GOAL_STATUS_LABELS, type Goal } from '../../../src-shared/api';
import { isRealDate, todayIso } from '../../../src-shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import { SaveToLibraryButton } from './library/SaveToLibraryButton';
import { goalLabel, progressColor, STATUS_OPTIONS } from './options';
import { DateInput } from '../shared/DateInput';

/** One goal: its measure, alignment (up and down), check-in history and a form to record a check-in. */
export function GoalDrawer({ goalId, onClose, onOpen }: { goalId: string | null; onClose: () => void; onOpen: (id: string) => void }) {
  return (
    <Drawer opened={Boolean(goalId)} onClose={onClose} position="right" size="lg" title="Goal" data-testid="goal-drawer">
      {goalId && <GoalDetails key={goalId} goalId={goalId} onOpen={onOpen} />}
    </Drawer>
  );
}

function GoalDetails({ goalId, onOpen }: { goalId: string; onOpen: (id: string) => void }) {
  // This goal, the goals it may be aligned to (few) and its own branch of the tree: never every goal.
  const goals = useApi('goals.listGoals', { ids: [goalId], includeArchived: true });
  const alignable = useApi('goals.listAlignableGoals', { includeArchived: true });
  const checkIns = useApi('goals.listCheckIns', { goalId });
  const branch = useApi('goals.getAlignmentBranch', { goalId, withChildren: false });
  const goal = goals.data?.rows.find((g) => g.id === goalId);
  const parent = goal?.alignedToId ? alignable.data?.rows.find((g) => g.id === goal.alignedToId) : undefined;
  const childCount = branch.data?.node.childCount ?? 0;
  const rolledUp = branch.data?.node.rolledUp;
  if (!goal) return <Text c="dimmed">Loading…</Text>;
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={3}>{goal.title}</Title>
        <Group gap="xs">
          <Badge variant="light">{GOAL_SCOPE_LABELS[goal.scope]}</Badge>
          {goal.ownerName && <Text size="sm">{goal.ownerName}</Text>}
          <Badge variant="outline">{GOAL_STATUS_LABELS[goal.status]}</Badge>
          {goal.stretch && <Badge color="grape" variant="light">Stretch</Badge>}
          {goal.archived && <Badge color="gray">Archived</Badge>}
          <SaveToLibraryButton goal={goal} />
        </Group>
        <Text size="sm" c="dimmed">{goal.periodStart} – {goal.periodEnd}{goal.category ? ` · ${goal.category}` : ''} · weight {goal.weight}</Text>
        {goal.description && <Text size="sm">{goal.description}</Text>}
        <Text size="sm">
          Measure ({goal.unit}): start {goal.startValue ?? '–'}, target {goal.targetValue ?? '–'}, actual {goal.actualValue ?? '–'}
        </Text>
      </Stack>
      <Stack gap={4}>
        <Text fw={500}>Progress: {goal.progress}%{rolledUp !== undefined && childCount > 0 ? ` · rolled up from aligned goals: ${rolledUp}%` : ''}</Text>
        <Progress value={childCount > 0 && rolledUp !== undefined ? rolledUp : goal.progress} color={progressColor(goal.progress)} aria-label="Goal progress" />
      </Stack>
      <Stack gap={4} data-testid="goal-alignment">
        <Text fw={500}>Alignment</Text>
        {parent ? (
          <Text size="sm">Aligned to <Anchor component="button" onClick={() => onOpen(parent.id)}>{goalLabel(parent)}</Anchor></Text>
        ) : (
          <Text size="sm" c="dimmed">Not aligned to a higher goal.</Text>
        )}
        {childCount > 0 && (
          <Text size="sm">{childCount} goal{childCount === 1 ? '' : 's'} aligned to this one. {goal.scope === 'organisation' && <Anchor component={Link} to={`/goals/alignment?root=${goal.id}`}>Open the alignment tree</Anchor>}</Text>
        )}
      </Stack>
      {!goal.archived && <CheckInForm goalId={goalId} />}
      <Stack gap={4}>
        <Text fw={500}>Check-ins</Text>
        {checkIns.data && checkIns.data.rows.length === 0 && <Text size="sm" c="dimmed">No check-ins yet.</Text>}
        {checkIns.data && checkIns.data.rows.length > 0 && (
          <Table data-testid="check-ins" striped>
            <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>Progress</Table.Th><Table.Th>Actual</Table.Th><Table.Th>Comment</Table.Th><Table.Th>By</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {checkIns.data.rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.date}</Table.Td><Table.Td>{c.progress}%</Table.Td><Table.Td>{c.actualValue ?? ''}</Table.Td><Table.Td>{c.comment}</Table.Td><Table.Td>{c.author}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}

function CheckInForm({ goalId }: { goalId: string }) {
  const [date, setDate] = useState(todayIso());
  const [progress, setProgress] = useState<number | string>('');
  const [actual, setActual] = useState<number | string>('');
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const record = useApiMutation('goals.recordCheckIn');
  const submit = async () => {
    setError(null);
    if (!isRealDate(date)) return setError('Use the date format YYYY-MM-DD.');
    if (progress === '' || typeof progress !== 'number') return setError('Progress is required (0 to 100).');
    try {
      await record.mutateAsync({
        goalId, date, progress, actualValue: typeof actual === 'number' ? actual : null, comment: comment.trim() || null,
        status: (status ?? undefined) as Goal['status'] | undefined,
      });
      notifications.show({ color: 'teal', message: 'Check-in recorded.' });
      setProgress('');
      setActual('');
      setComment('');
      setStatus(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Stack gap="xs" data-testid="check-in-form">
      <Text fw={500}>Record a check-in</Text>
      <Group gap="xs" align="flex-end">
        <DateInput label="Date" value={date} onChange={(e) => setDate(e.currentTarget.value)} w={160} />
        <NumberInput label="Progress %" value={progress} onChange={setProgress} w={120} />
        <NumberInput label="Actual value" value={actual} onChange={setActual} w={130} />
        <Select label="Status" placeholder="Keep as it is" data={STATUS_OPTIONS} value={status} onChange={setStatus} clearable w={170} data-testid="check-in-status" />
      </Group>
      <Textarea label="Comment" value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} />
      {error && <Alert color="red" data-testid="check-in-error">{error}</Alert>}
      <Group><Button onClick={() => void submit()} loading={record.isPending}>Record check-in</Button></Group>
    </Stack>
  );
}
