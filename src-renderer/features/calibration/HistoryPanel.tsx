import { Alert, Badge, Table, Text } from '@mantine/core';
import type { CalibrationSession } from '../../../src-shared/api/calibration';
import { useApi } from '../../api/hooks';
import { changeText } from './PersonDrawer';

const KIND = { move: 'Moved', added: 'Added', removed: 'Removed' } as const;

/** Every change of the session, newest first: who, when, from, to, the reason and the comment; undone moves struck through. */
export function HistoryPanel({ session }: { session: CalibrationSession }) {
  const history = useApi('calibration.listHistory', { sessionId: session.id });
  if (history.error) return <Alert color="red">{history.error.message}</Alert>;
  const rows = history.data?.rows ?? [];
  if (rows.length === 0) return <Text c="dimmed" data-testid="history-empty">Nothing has moved yet.</Text>;
  return (
    <Table striped fz="sm" data-testid="history">
      <Table.Thead>
        <Table.Tr><Table.Th>When</Table.Th><Table.Th>Who</Table.Th><Table.Th>Person</Table.Th><Table.Th>Change</Table.Th><Table.Th>Reason</Table.Th><Table.Th>Comment</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.id} style={c.undoneAt ? { textDecoration: 'line-through', color: 'var(--mantine-color-dimmed)' } : undefined} data-testid="history-row">
            <Table.Td>{c.at.slice(0, 16).replace('T', ' ')}</Table.Td>
            <Table.Td>{c.actor}</Table.Td>
            <Table.Td>{c.employeeName}</Table.Td>
            <Table.Td>
              <Badge size="xs" variant="light" mr={6} color={c.kind === 'move' ? 'blue' : c.kind === 'added' ? 'teal' : 'gray'}>{KIND[c.kind]}</Badge>
              {c.kind === 'move' ? changeText(session, c) : ''}
              {c.undoneAt && <Text span size="xs" c="dimmed"> (undone by {c.undoneBy})</Text>}
            </Table.Td>
            <Table.Td>{c.reasonLabel ?? ''}</Table.Td>
            <Table.Td>{c.comment ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
