import { Badge, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { CalibrationMember, CalibrationSession } from '../../../src-shared/api/calibration';
import { levelIndexOf } from '../../../src-shared/domain/calibration';
import { useApi } from '../../api/hooks';
import { DistributionChart } from './DistributionChart';
import { STATUS_COLOURS, type Board } from './model';

type Split = 'department' | 'jobLevel' | 'manager';

/** Counts per rating and per box, the moves made so far, and the distribution split by department, job level or manager. */
export function Dashboard({ session, board, members }: { session: CalibrationSession; board: Board; members: CalibrationMember[] }) {
  const original = useMemo(() => {
    const counts = session.levels.map(() => 0);
    for (const m of members) {
      const i = levelIndexOf(session.levels, m.originalLevel);
      if (i >= 0) counts[i]++;
    }
    return counts;
  }, [members, session.levels]);
  const moves = useMemo(() => ({
    up: members.filter((m) => m.movement === 'up').length,
    down: members.filter((m) => m.movement === 'down').length,
    placed: members.filter((m) => m.movement === 'placed').length,
    discussed: members.filter((m) => m.discussed).length,
  }), [members]);
  const tiles = [
    { label: 'People', value: members.length, note: `${board.binHolding.length} in the holding area` },
    { label: 'Moved up', value: moves.up, note: 'above their review rating' },
    { label: 'Moved down', value: moves.down, note: 'below their review rating' },
    { label: 'First ratings', value: moves.placed, note: 'had no review rating' },
    { label: 'Discussed', value: moves.discussed, note: members.length ? `${Math.round((moves.discussed / members.length) * 100)} % of the session` : '' },
  ];
  return (
    <Stack data-testid="dashboard">
      <SimpleGrid cols={5}>
        {tiles.map((tile) => (
          <Card withBorder key={tile.label} data-testid={`tile-${tile.label.toLowerCase().replace(/\s+/g, '-')}`}>
            <Text size="sm" c="dimmed">{tile.label}</Text>
            <Text fz={26} fw={700}>{tile.value}</Text>
            <Text size="xs" c="dimmed">{tile.note}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={5} mb="xs">Per rating: calibrated (filled) and before (outline), guidelines as bands</Title>
          <DistributionChart session={session} calibrated={board.countsByLevel} original={original} evaluation={board.evaluation} />
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">Per box</Title>
          <BoxCounts session={session} board={board} />
        </Card>
      </SimpleGrid>
      <SplitTable session={session} />
    </Stack>
  );
}

function BoxCounts({ session, board }: { session: CalibrationSession; board: Board }) {
  const { settings } = session;
  const total = board.boxes.reduce((sum, box) => sum + box.length, 0);
  const rows = Array.from({ length: settings.rows }, (_, i) => settings.rows - 1 - i);
  return (
    <Stack gap={4}>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(${settings.columns}, 1fr)`, gap: 4 }} data-testid="box-counts">
        {rows.flatMap((row) => Array.from({ length: settings.columns }, (_, column) => {
          const index = row * settings.columns + column;
          return (
            <div key={index} style={{ background: settings.boxes[index].colour, borderRadius: 4, padding: '6px 8px', minHeight: 56 }}>
              <Text size="xs" fw={600} lineClamp={1}>{settings.boxes[index].name}</Text>
              <Text fz={20} fw={700}>{board.boxes[index].length}</Text>
              <Text size="xs" c="dimmed">{total ? Math.round((board.boxes[index].length / total) * 100) : 0} %</Text>
            </div>
          );
        }))}
      </div>
      <Text size="xs" c="dimmed">{board.boxHolding.length} not on the grid yet (no performance or no potential).</Text>
    </Stack>
  );
}

/** The same distribution per department, job level or manager, each judged by the guidelines, so skew shows. */
function SplitTable({ session }: { session: CalibrationSession }) {
  const [split, setSplit] = useState<Split>('department');
  const distribution = useApi('calibration.getDistribution', { sessionId: session.id, splitBy: split });
  const groups = distribution.data?.groups ?? [];
  return (
    <Card withBorder data-testid="split-table">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Distribution by {split === 'jobLevel' ? 'job level' : split}</Title>
        <SegmentedControl size="xs" value={split} onChange={(v) => setSplit(v as Split)} data={[{ value: 'department', label: 'Department' }, { value: 'jobLevel', label: 'Job level' }, { value: 'manager', label: 'Manager' }]} />
      </Group>
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{split === 'jobLevel' ? 'Job level' : split === 'manager' ? 'Manager' : 'Department'}</Table.Th>
            <Table.Th ta="right">People</Table.Th>
            {session.levels.map((l) => <Table.Th key={l.value} ta="right">{l.label}</Table.Th>)}
            {session.guidelines && <Table.Th>Guidelines</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => {
            const outside = group.evaluation?.rules.filter((r) => r.status !== 'within') ?? [];
            const flagged = new Set(outside.flatMap((r) => Array.from({ length: r.toIndex - r.fromIndex + 1 }, (_, i) => r.fromIndex + i)));
            return (
              <Table.Tr key={group.key}>
                <Table.Td>{group.name}</Table.Td>
                <Table.Td ta="right">{group.population}</Table.Td>
                {group.counts.map((count, i) => (
                  <Table.Td key={i} ta="right" style={flagged.has(i) ? { color: 'var(--mantine-color-red-7)', fontWeight: 700 } : undefined}>
                    {count}{group.population ? <Text span size="xs" c="dimmed"> ({Math.round((count / group.population) * 100)} %)</Text> : null}
                  </Table.Td>
                ))}
                {session.guidelines && (
                  <Table.Td>
                    {outside.length === 0 ? <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>within</Badge> : outside.map((r) => (
                      <Tooltip key={r.index} label={`${r.label}: ${r.actual} of ${group.population}, target ${r.target}`}>
                        <Badge color={STATUS_COLOURS[r.status]} variant="light" mr={4} style={{ textTransform: 'none' }}>{r.label.split(' ')[0]} {r.status}</Badge>
                      </Tooltip>
                    ))}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
