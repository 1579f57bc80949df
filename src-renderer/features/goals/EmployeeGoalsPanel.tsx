import { Anchor, Group, Progress, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { GOAL_STATUS_LABELS, type Goal } from '../../../src-shared/api';
import { useApi } from '../../api/hooks';
import { progressColor } from './options';

/** The person's own goals, current period first, with progress and alignment. */
export function EmployeeGoalsPanel({ employeeId }: { employeeId: string }) {
  const goals = useApi('goals.listGoals', { scope: 'individual', ownerId: employeeId });
  const rows = [...(goals.data?.rows ?? [])].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.weight - a.weight);
  return (
    <div data-testid="employee-goals">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Goals</Title>
        <Anchor component={Link} to="/goals" size="sm">All goals</Anchor>
      </Group>
      {goals.error && <Text c="red" size="sm">{goals.error.message}</Text>}
      {goals.data && rows.length === 0 && <Text c="dimmed" size="sm">No individual goals yet.</Text>}
      {rows.length > 0 && (
        <Table fz="sm" striped>
          <Table.Thead>
            <Table.Tr><Table.Th>Goal</Table.Th><Table.Th>Period</Table.Th><Table.Th>Weight</Table.Th><Table.Th>Status</Table.Th><Table.Th w={160}>Progress</Table.Th><Table.Th>Aligned to</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>{rows.map((goal) => <GoalRow key={goal.id} goal={goal} />)}</Table.Tbody>
        </Table>
      )}
    </div>
  );
}

function GoalRow({ goal }: { goal: Goal }) {
  return (
    <Table.Tr>
      <Table.Td>{goal.title}</Table.Td>
      <Table.Td>{goal.periodStart} – {goal.periodEnd}</Table.Td>
      <Table.Td>{goal.weight}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{GOAL_STATUS_LABELS[goal.status]}</Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap"><Progress value={goal.progress} color={progressColor(goal.progress)} w={90} aria-label={`${goal.title} progress`} /><Text size="xs">{Math.round(goal.progress)}%</Text></Group>
      </Table.Td>
      <Table.Td>{goal.alignedToTitle ?? <Text span c="dimmed" size="sm">—</Text>}</Table.Td>
    </Table.Tr>
  );
}
