import { Card, Group, Progress, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { REVIEW_STATUSES, REVIEW_STATUS_LABELS, type CycleProgress, type ReviewStatus } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';
import { PagedControls, usePagedRows } from '../shared';

/** Column headers short enough for the table to fit beside the distribution chart. */
const SHORT_LABELS: Record<ReviewStatus, string> = { not_started: 'Not started', in_progress: 'In progress', ready_for_review: 'Ready', final_review: 'Final', complete: 'Done' };

const NO_DEPARTMENTS: CycleProgress['departments'] = [];
const departmentText = (d: CycleProgress['departments'][number]) => d.departmentName;

/** Completion by department: status counts, completion rate and overdue reviews. */
export function CycleProgressCard({ cycleId }: { cycleId: string }) {
  const progress = useApi('reviews.getCycleProgress', { cycleId });
  const p = progress.data;
  // Thousands of departments at 50,000 employees: a page at a time, with a filter by name.
  const paged = usePagedRows(p?.departments ?? NO_DEPARTMENTS, departmentText, 20);
  return (
    <Card withBorder h="100%" data-testid="cycle-progress">
      <Stack gap="xs">
        <Title order={4}>Progress</Title>
        {progress.error && <Text c="red" size="sm">{progress.error.message}</Text>}
        {p && (
          <>
            <Group gap="lg">
              <Stat label="Reviews" value={p.total} />
              <Stat label="Complete" value={p.byStatus.complete} />
              <Stat label="Overdue" value={p.overdue} color={p.overdue ? 'red' : undefined} />
              <Stat label="On time" value={p.completedOnTime} />
              <Stat label="Late" value={p.completedLate} />
            </Group>
            <PagedControls paged={paged} noun="department" testId="progress-pages" />
            <ScrollArea.Autosize mah={320}>
              <Table fz="xs" striped data-testid="progress-by-department">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Department</Table.Th>
                    <Table.Th ta="right">Total</Table.Th>
                    {REVIEW_STATUSES.map((s) => <Table.Th key={s} ta="right" title={REVIEW_STATUS_LABELS[s]}>{SHORT_LABELS[s]}</Table.Th>)}
                    <Table.Th>Completion</Table.Th>
                    <Table.Th ta="right">Overdue</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {paged.rows.map((d) => (
                    <Table.Tr key={d.departmentId ?? 'none'}>
                      <Table.Td>{d.departmentName}</Table.Td>
                      <Table.Td ta="right">{d.total}</Table.Td>
                      {REVIEW_STATUSES.map((s) => <Table.Td key={s} ta="right">{d.byStatus[s]}</Table.Td>)}
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Progress value={d.completionRate} w={50} size="sm" aria-label={`Completion ${d.departmentName}`} />
                          <Text size="xs">{Math.round(d.completionRate)}%</Text>
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right" c={d.overdue ? 'red' : undefined}>{d.overdue}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
      </Stack>
    </Card>
  );
}

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xl" fw={600} c={color}>{value}</Text>
      <Text size="xs" c="dimmed">{label}</Text>
    </Stack>
  );
}
