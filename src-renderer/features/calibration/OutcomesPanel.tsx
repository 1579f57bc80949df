import { Alert, Anchor, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/hooks';

/** For the Insights page: what finalised calibration sessions in the period changed, and how much the room discussed. */
export function CalibrationOutcomesPanel({ from, to }: { from: string; to: string }) {
  const outcomes = useApi('calibration.getOutcomes', { from, to });
  const data = outcomes.data;
  return (
    <Stack data-testid="calibration-outcomes">
      <Title order={3} mt="md">Calibration</Title>
      {outcomes.isLoading && <Loader />}
      {outcomes.error && <Alert color="red">{outcomes.error.message}</Alert>}
      {data && data.members === 0 && <Text c="dimmed" size="sm">No calibration session was finalised in this period.</Text>}
      {data && data.members > 0 && (
        <>
          <SimpleGrid cols={4}>
            {[
              { label: 'People calibrated', value: data.members.toLocaleString(), note: `${data.sessions.length} session${data.sessions.length === 1 ? '' : 's'}` },
              { label: 'Moved up', value: data.up.toLocaleString(), note: `${Math.round((data.up / data.members) * 1000) / 10} % of those calibrated` },
              { label: 'Moved down', value: data.down.toLocaleString(), note: `${Math.round((data.down / data.members) * 1000) / 10} % of those calibrated` },
              { label: 'Discussed', value: `${data.discussedShare.toFixed(1)}%`, note: `${data.discussed} of ${data.members} people` },
            ].map((tile) => (
              <Card withBorder key={tile.label} data-testid={`outcome-${tile.label.toLowerCase().replace(/\s+/g, '-')}`}>
                <Text size="sm" c="dimmed">{tile.label}</Text>
                <Text fz={26} fw={700}>{tile.value}</Text>
                <Text size="xs" c="dimmed">{tile.note}</Text>
              </Card>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <MovesTable title="Per department" rows={data.byDepartment} />
            <MovesTable title="Per manager" rows={data.byManager} />
          </SimpleGrid>
          <Group gap="xs">
            {data.sessions.map((s) => (
              <Tooltip key={s.id} label={`${s.cycleName} · ${s.date}: ${s.up} up, ${s.down} down of ${s.members}`}>
                <Anchor component={Link} to={`/calibration/sessions/${s.id}`} size="sm">{s.name}</Anchor>
              </Tooltip>
            ))}
          </Group>
        </>
      )}
    </Stack>
  );
}

function MovesTable({ title, rows }: { title: string; rows: { id: string | null; name: string; members: number; up: number; down: number }[] }) {
  return (
    <Card withBorder>
      <Title order={5} mb="xs">{title}</Title>
      <Table striped fz="sm">
        <Table.Thead><Table.Tr><Table.Th /><Table.Th ta="right">People</Table.Th><Table.Th ta="right">Up</Table.Th><Table.Th ta="right">Down</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {rows.slice(0, 8).map((row) => (
            <Table.Tr key={row.id ?? 'none'}><Table.Td>{row.name}</Table.Td><Table.Td ta="right">{row.members}</Table.Td><Table.Td ta="right">{row.up}</Table.Td><Table.Td ta="right">{row.down}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length > 8 && <Text size="xs" c="dimmed">and {rows.length - 8} more, with fewer moves</Text>}
    </Card>
  );
}
