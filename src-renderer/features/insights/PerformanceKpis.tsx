import { Alert, Card, Group, Loader, Progress, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { PerformanceKpis } from '../../../src-shared/api';
import { useApi } from '../../api/hooks';

/** Goal completion, goal alignment, on-time reviews and rating distributions for the Insights page. */
export function PerformanceKpiSection({ from, to }: { from: string; to: string }) {
  const kpis = useApi('insights.getPerformanceKpis', { from, to });
  return (
    <Stack data-testid="performance-kpis">
      <Title order={3} mt="md">Performance</Title>
      {kpis.isLoading && <Loader />}
      {kpis.error && <Alert color="red">{kpis.error.message}</Alert>}
      {kpis.data && <PerformanceView kpis={kpis.data} />}
    </Stack>
  );
}

const percent = (value: number) => `${value.toFixed(1)}%`;

function PerformanceView({ kpis }: { kpis: PerformanceKpis }) {
  const { goals, alignment } = kpis;
  const tiles = [
    { label: 'Goal completion rate', value: percent(goals.completionRate), note: `${goals.achieved} achieved of ${goals.achieved + goals.missed} closed`, hint: 'Achieved ÷ (achieved + missed) individual goals of the period' },
    { label: 'Goals achieved', value: percent(goals.achievedOfAll), note: `${goals.achieved} of ${goals.total} goals`, hint: 'Achieved ÷ all individual goals of the period (cancelled ones left out)' },
    { label: 'Alignment rate', value: percent(alignment.rate), note: `${alignment.aligned} of ${alignment.goals} goals aligned`, hint: 'Individual goals of the period aligned to a department or organisation goal' },
  ];
  return (
    <>
      <SimpleGrid cols={3}>
        {tiles.map((tile) => (
          <Tooltip key={tile.label} label={tile.hint}>
            <Card withBorder data-testid={`kpi-${tile.label.toLowerCase().replace(/\s+/g, '-')}`}>
              <Text size="sm" c="dimmed">{tile.label}</Text>
              <Text fz={26} fw={700}>{tile.value}</Text>
              <Text size="xs" c="dimmed">{tile.note}</Text>
            </Card>
          </Tooltip>
        ))}
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="sm">Review cycles</Title>
        {kpis.cycles.length === 0 ? <Text c="dimmed" size="sm">No review cycle has been launched yet.</Text> : <CycleTable cycles={kpis.cycles} />}
      </Card>
    </>
  );
}

const LEVEL_COLOURS = ['red.6', 'orange.5', 'gray.5', 'teal.5', 'teal.8', 'cyan.7', 'blue.6', 'indigo.6', 'violet.6', 'grape.6'];

function CycleTable({ cycles }: { cycles: PerformanceKpis['cycles'] }) {
  return (
    <Table striped data-testid="cycle-kpis">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Cycle</Table.Th><Table.Th>Reviews</Table.Th><Table.Th>Complete</Table.Th><Table.Th>On time</Table.Th>
          <Table.Th>Average</Table.Th><Table.Th w="38%">Rating distribution</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cycles.map((cycle) => (
          <Table.Tr key={cycle.cycleId}>
            <Table.Td>{cycle.name}<Text size="xs" c="dimmed">{cycle.status === 'closed' ? 'Closed' : 'Active'} · due {cycle.dueDate}</Text></Table.Td>
            <Table.Td>{cycle.reviews.toLocaleString()}</Table.Td>
            <Table.Td>{cycle.completed.toLocaleString()}</Table.Td>
            <Table.Td>
              <Tooltip label={`${cycle.completedOnTime} of ${cycle.reviews} reviews completed by the due date`}><span>{percent(cycle.onTimeRate)}</span></Tooltip>
            </Table.Td>
            <Table.Td>{cycle.average === null ? '—' : cycle.average.toFixed(2)}</Table.Td>
            <Table.Td><Distribution levels={cycle.levels} rated={cycle.rated} /></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Distribution({ levels, rated }: { levels: PerformanceKpis['cycles'][number]['levels']; rated: number }) {
  if (rated === 0) return <Text size="sm" c="dimmed">No ratings yet</Text>;
  return (
    <Stack gap={4}>
      <Progress.Root size={14}>
        {levels.map((level, i) => (
          <Tooltip key={level.value} label={`${level.label}: ${level.count} (${percent(level.percent)})`}>
            <Progress.Section value={level.percent} color={LEVEL_COLOURS[i % LEVEL_COLOURS.length]} aria-label={`${level.label}: ${level.count} ratings`} />
          </Tooltip>
        ))}
      </Progress.Root>
      <Group gap="xs">
        {levels.map((level) => <Text key={level.value} size="10px" c="dimmed">{level.label} {Math.round(level.percent)}%</Text>)}
      </Group>
    </Stack>
  );
}
