import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ReviewCycle } from '../../../../src-shared/api';
import { call } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';
import { AddPeopleModal } from './AddPeopleModal';
import { CycleFormModal } from './CycleForm';
import { downloadExport, errorText, plural } from '../shared';

type Confirming = 'launch' | 'close' | null;
type Action = Exclude<Confirming, null>;

/** Edit and Launch (drafts), Edit dates and Close (active); on the cycle page also Add people and Export. Each is confirmed and shows its error in place. */
export function CycleActions({ cycle, size = 'sm', onCyclePage = false }: { cycle: ReviewCycle; size?: 'xs' | 'sm'; onCyclePage?: boolean }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [adding, setAdding] = useState(false);
  return (
    <Group gap="xs" wrap="nowrap">
      {cycle.status === 'draft' && <Button size={size} variant="default" onClick={() => setEditing(true)}>Edit</Button>}
      {cycle.status === 'draft' && <Button size={size} onClick={() => setConfirming('launch')}>Launch</Button>}
      {cycle.status === 'active' && <Button size={size} variant="light" onClick={() => setEditing(true)}>Edit dates</Button>}
      {cycle.status === 'active' && onCyclePage && <Button size={size} variant="default" onClick={() => setAdding(true)}>Add people</Button>}
      {cycle.status === 'active' && <Button size={size} variant="default" onClick={() => setConfirming('close')}>Close</Button>}
      {onCyclePage && cycle.status !== 'draft' && (
        <Button size={size} variant="default" data-testid="cycle-xlsx" onClick={() => void downloadExport(() => call('reviews.exportCycle', { cycleId: cycle.id }))}>Export XLSX</Button>
      )}
      <CycleFormModal opened={editing} cycle={cycle} onClose={() => setEditing(false)} />
      <ConfirmModal cycle={cycle} confirming={confirming} onClose={() => setConfirming(null)} />
      {onCyclePage && <AddPeopleModal cycle={cycle} opened={adding} onClose={() => setAdding(false)} />}
    </Group>
  );
}

function ConfirmModal({ cycle, confirming, onClose }: { cycle: ReviewCycle; confirming: Confirming; onClose: () => void }) {
  // The modal keeps naming its action while it fades out after `confirming` is cleared.
  const [action, setAction] = useState<Action>('launch');
  if (confirming && confirming !== action) setAction(confirming);
  const launch = useApiMutation('reviews.launchCycle');
  const close = useApiMutation('reviews.closeCycle');
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    try {
      if (action === 'launch') {
        const result = await launch.mutateAsync({ id: cycle.id, version: cycle.version });
        notifications.show({ color: 'teal', title: 'Cycle launched', message: `${plural(result.created, 'review')} created.` });
      } else {
        await close.mutateAsync({ id: cycle.id, version: cycle.version });
        notifications.show({ color: 'teal', message: `Cycle “${cycle.name}” closed.` });
      }
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const dismiss = () => (setError(null), onClose());
  return (
    <Modal opened={confirming !== null} onClose={dismiss} title={action === 'launch' ? `Launch “${cycle.name}”?` : `Close “${cycle.name}”?`}>
      <Stack>
        <Text size="sm">
          {action === 'launch'
            ? 'Launching creates one review per person in the population and fixes the rating scale and template for this cycle.'
            : 'Closing ends the cycle: reviews stay readable, and the reports keep their numbers.'}
        </Text>
        {error && <Alert color="red" data-testid="cycle-action-error">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={dismiss}>Cancel</Button>
          <Button onClick={() => void run()} loading={launch.isPending || close.isPending} data-testid="confirm-cycle-action">
            {action === 'launch' ? 'Launch cycle' : 'Close cycle'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
