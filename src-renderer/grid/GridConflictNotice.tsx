import { Alert, Button, Group, Loader, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { describeConflict, type ConflictCell, type ConflictLookups } from './conflict';
import type { GridController } from './controller';
import { useStore } from './store';

const MAX_SHOWN = 200;

/**
 * A save refused because the records changed elsewhere since the edit started.
 * The user's values are kept until they choose: theirs (mine are given up) or
 * mine (saved again on the newer versions, over the fields they changed only).
 */
export function GridConflictNotice({ controller, lookups }: { controller: GridController; lookups: ConflictLookups }) {
  const conflicts = useStore(controller.status, (s) => s.conflicts);
  const [reviewing, setReviewing] = useState<number | null>(null);
  const conflict = conflicts[0];
  if (!conflict) return null;
  const view = describeConflict(conflict, lookups);
  const records = new Set(conflict.changes.filter((c) => c.id !== undefined).map((c) => c.id)).size;
  const keepTheirs = () => (setReviewing(null), controller.keepTheirs(conflict.key));
  const keepMine = () => (setReviewing(null), controller.keepMine(conflict.key));
  const canKeepMine = view.stale.length > 0 && view.missing.length === 0;
  return (
    <>
      <Alert color="orange" variant="light" className="cg-report" data-testid="grid-conflict" title={conflictTitle(view.stale.length || records, conflicts.length)}>
        <Text size="sm">
          {view.missing.length > 0
            ? 'A record you edited was archived or removed elsewhere since you started editing. Nothing of yours was saved.'
            : `${view.stale.length > 1 ? 'These records were' : 'This record was'} changed elsewhere (in another window or by an import) after you started editing. Nothing of yours was saved.`}
        </Text>
        {view.loading && (
          <Group gap={6} mt={4}>
            <Loader size={12} />
            <Text size="xs">Loading the values saved elsewhere…</Text>
          </Group>
        )}
        <Group gap="xs" mt="xs">
          <Button size="xs" variant="filled" color="orange" disabled={view.loading} onClick={() => setReviewing(conflict.key)}>
            Review both
          </Button>
          <Button size="xs" variant="default" onClick={keepTheirs}>
            Reload theirs (discard mine)
          </Button>
        </Group>
      </Alert>
      <Modal opened={reviewing === conflict.key} onClose={() => setReviewing(null)} title="Changed elsewhere: yours and theirs" size="xl" centered>
        <div data-testid="grid-conflict-review">
          <Text size="sm" mb="sm">
            Only the cells you changed are listed. <b>Keep mine</b> saves your values over theirs on the newer version; the other cells keep what was
            saved elsewhere. <b>Keep theirs</b> gives up your values.
          </Text>
          <ConflictTable cells={view.cells} />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={keepTheirs}>
              Keep theirs (discard mine)
            </Button>
            <Button color="orange" disabled={!canKeepMine} onClick={keepMine}>
              Keep mine
            </Button>
          </Group>
        </div>
      </Modal>
    </>
  );
}

function conflictTitle(records: number, queued: number): string {
  const what = records === 1 ? 'A record you edited was changed elsewhere' : `${records} records you edited were changed elsewhere`;
  return queued > 1 ? `${what} (1 of ${queued} waiting for your choice)` : what;
}

function ConflictTable({ cells }: { cells: ConflictCell[] }) {
  if (cells.length === 0) return <Text size="sm" c="dimmed">Your values and the ones saved elsewhere are the same.</Text>;
  const shown = cells.slice(0, MAX_SHOWN);
  return (
    <>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Record</Table.Th>
            <Table.Th>Column</Table.Th>
            <Table.Th>Theirs (saved)</Table.Th>
            <Table.Th>Mine (not saved)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((cell) => (
            <Table.Tr key={`${cell.id}:${cell.field}`}>
              <Table.Td>{cell.record}</Table.Td>
              <Table.Td>{cell.header}</Table.Td>
              <Table.Td>{cell.theirs || <Text span c="dimmed">(empty)</Text>}</Table.Td>
              <Table.Td fw={600}>{cell.mine || <Text span c="dimmed">(empty)</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {cells.length > shown.length && <Text size="xs" mt={4}>…and {cells.length - shown.length} more cells</Text>}
    </>
  );
}
