import { Alert, Anchor, Badge, Button, Card, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { SESSION_STATUS_LABELS, type CalibrationSession } from '../../../src-shared/api/calibration';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { errorText } from '../reviews/shared';
import { PageHeader } from '../shared/PageHeader';
import { SessionFormModal } from './SessionForm';
import { STATUS_COLORS } from './SessionPage';

/** Every calibration session: when, on which cycle, how far along; a new one starts from a running review cycle. */
export function SessionsPage() {
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const sessions = useApi('calibration.listSessions', { includeArchived: showArchived || undefined });
  const archive = async (session: CalibrationSession) => {
    try {
      await call('calibration.archiveSessions', { ids: [session.id], archived: !session.archived });
      notifications.show({ color: 'teal', message: `“${session.name}” ${session.archived ? 'restored' : 'archived'}.` });
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(e) });
    }
  };
  return (
    <Stack data-testid="sessions-page">
      <PageHeader
        title="Calibration sessions"
        description="Talent reviews of a cycle's ratings on the nine-box and in rating bins, against distribution guidelines; finalised ratings go back into the reviews."
        actions={<>
          <Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
          <Button onClick={() => setCreating(true)} data-testid="new-session">New session</Button>
        </>}
      />
      {sessions.error && <Alert color="red">{sessions.error.message}</Alert>}
      {sessions.data && sessions.data.rows.length === 0 && (
        <Card withBorder><Text c="dimmed">No sessions yet. Create one from a running review cycle: choose the people, the guidelines and the nine-box, then run it in the room.</Text></Card>
      )}
      {sessions.data && sessions.data.rows.length > 0 && (
        <Table striped highlightOnHover data-testid="sessions-table">
          <Table.Thead>
            <Table.Tr><Table.Th>Session</Table.Th><Table.Th>Cycle</Table.Th><Table.Th>Date</Table.Th><Table.Th>Status</Table.Th><Table.Th ta="right">People</Table.Th><Table.Th ta="right">Discussed</Table.Th><Table.Th>Guidelines</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data.rows.map((s) => (
              <Table.Tr key={s.id} data-testid="session-row">
                <Table.Td><Anchor component={Link} to={`/calibration/sessions/${s.id}`}>{s.name}</Anchor>{s.location && <Text size="xs" c="dimmed">{s.location}</Text>}</Table.Td>
                <Table.Td>{s.cycleName}</Table.Td>
                <Table.Td>{s.date}</Table.Td>
                <Table.Td><Badge color={STATUS_COLORS[s.status]} variant="light">{SESSION_STATUS_LABELS[s.status]}</Badge>{s.archived && <Badge ml={4} color="gray">Archived</Badge>}</Table.Td>
                <Table.Td ta="right">{s.memberCount}</Table.Td>
                <Table.Td ta="right">{s.memberCount ? `${Math.round((s.discussedCount / s.memberCount) * 100)} %` : '—'}</Table.Td>
                <Table.Td>{s.guidelines ? `${s.guidelines.name} (${s.guidelines.mode})` : '—'}</Table.Td>
                <Table.Td><Button size="xs" variant="subtle" color={s.archived ? 'teal' : 'gray'} onClick={() => void archive(s)}>{s.archived ? 'Restore' : 'Archive'}</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group><Anchor component={Link} to="/calibration/guidelines" size="sm">Distribution guideline sets →</Anchor></Group>
      {creating && <SessionFormModal opened onClose={() => setCreating(false)} />}
    </Stack>
  );
}
