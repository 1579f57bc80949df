// Succession KPIs on the Insights page.
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { Link } from 'react-router-dom';
import { LEVEL_LABELS } from '../../../src-shared/api/succession';
import { readinessStyle, STRENGTH_RULE } from '../../../src-shared/domain/succession';
import { useApi } from '../../api/hooks';
import { Marker } from './chart/ChartCard';

export function SuccessionInsights() {
  const insights = useApi('succession.getInsights', {});
  if (!insights.data) return null;
  const k = insights.data;
  const peak = Math.max(1, ...k.readiness.map((r) => r.count));
  const tiles = [
    { label: 'Succession coverage', value: k.keyPositions ? `${k.coverage.toFixed(1)}%` : '—', hint: 'Key positions with at least one successor ready now', testid: 'kpi-coverage' },
    { label: 'Key positions covered', value: `${k.covered} / ${k.keyPositions}`, hint: 'Key positions with a ready-now successor / all key positions', testid: 'kpi-covered' },
    { label: 'Average bench strength', value: k.keyPositions ? k.averageStrength.toFixed(1) : '—', hint: STRENGTH_RULE, testid: 'kpi-strength' },
    { label: 'Nominations', value: k.nominations.toLocaleString(), hint: 'Successors on the plans of key positions and jobs', testid: 'kpi-nominations' },
  ];
  return (
    <Stack gap="sm" data-testid="succession-kpis">
      <Group justify="space-between">
        <Title order={2} size="h3">Succession</Title>
        <Anchor component={Link} to="/succession" size="sm">Open the succession chart</Anchor>
      </Group>
      <SimpleGrid cols={4}>
        {tiles.map((tile) => (
          <Tooltip key={tile.label} label={tile.hint} multiline w={320}>
            <Card withBorder>
              <Text size="sm" c="dimmed">{tile.label}</Text>
              <Text fz={26} fw={700} data-testid={tile.testid}>{tile.value}</Text>
            </Card>
          </Tooltip>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">Readiness of successors</Title>
          <Stack gap={6} data-testid="kpi-readiness">
            {k.readiness.map((level, band) => (
              <Group key={level.readinessId} gap="xs" wrap="nowrap">
                <Marker shape={readinessStyle(band).shape} colour={readinessStyle(band).colour} size={12} />
                <Text size="sm" w={150}>{level.label}</Text>
                <div style={{ flex: 1, background: 'var(--mantine-color-gray-1)', borderRadius: 3 }}>
                  <div style={{ width: `${(100 * level.count) / peak}%`, height: 14, background: readinessStyle(band).colour, borderRadius: 3 }} />
                </div>
                <Text size="sm" w={40} ta="right">{level.count}</Text>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">Bench strength by division</Title>
          <Table fz="sm" data-testid="kpi-by-department">
            <Table.Thead><Table.Tr><Table.Th>Division</Table.Th><Table.Th>Key positions</Table.Th><Table.Th>Covered</Table.Th><Table.Th>Average strength</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {k.byDepartment.map((row) => (
                <Table.Tr key={row.departmentId}><Table.Td>{row.name}</Table.Td><Table.Td>{row.keyPositions}</Table.Td><Table.Td>{row.covered}</Table.Td><Table.Td>{row.averageStrength.toFixed(1)}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">Key positions with no successor ({k.withoutSuccessor.length})</Title>
          {k.withoutSuccessor.length === 0 ? <Text size="sm" c="dimmed">Every key position has a successor.</Text> : (
            <Stack gap={4} data-testid="kpi-without-successor">
              {k.withoutSuccessor.slice(0, 12).map((row) => (
                <Text key={row.positionId} size="sm">
                  <Anchor component={Link} to={`/succession?position=${row.positionId}`} size="sm">{row.title}</Anchor>
                  <Text span c="dimmed"> · {row.incumbentName ?? 'vacant'}</Text>
                  {row.criticality === 'high' && <Badge ml={6} size="xs" color="red">High criticality</Badge>}
                </Text>
              ))}
              {k.withoutSuccessor.length > 12 && <Text size="xs" c="dimmed">… and {k.withoutSuccessor.length - 12} more (Key positions page).</Text>}
            </Stack>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">Successors at high risk of loss ({k.successorsAtRisk.length})</Title>
          {k.successorsAtRisk.length === 0 ? <Text size="sm" c="dimmed">None.</Text> : (
            <Stack gap={4} data-testid="kpi-at-risk">
              {k.successorsAtRisk.slice(0, 12).map((row) => (
                <Text key={row.employeeId} size="sm">
                  <Anchor component={Link} to={`/people/employees/${row.employeeId}`} size="sm">{row.name}</Anchor>
                  <Text span c="dimmed"> · nominated {row.nominations}× · impact {LEVEL_LABELS[row.impactOfLoss].toLowerCase()}</Text>
                </Text>
              ))}
            </Stack>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">Nominated for three or more positions ({k.widelyNominated.length})</Title>
          {k.widelyNominated.length === 0 ? <Text size="sm" c="dimmed">No one.</Text> : (
            <Stack gap={4} data-testid="kpi-widely-nominated">
              {k.widelyNominated.slice(0, 12).map((row) => <Text key={row.id} size="sm">{row.name} <Text span c="dimmed">· {row.count} positions</Text></Text>)}
            </Stack>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
