import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ReviewCycle } from '../../../../src-shared/api';
import { useApiMutation } from '../../../api/hooks';
import { errorText, plural } from '../shared';
import { EmployeeMultiPicker } from '../../shared/EmployeePicker';

/** Late joiners: pick people to give a review in a running cycle (people already in it are left as they are). */
export function AddPeopleModal({ cycle, opened, onClose }: { cycle: ReviewCycle; opened: boolean; onClose: () => void }) {
  const add = useApiMutation('reviews.addToCycle');
  const [employeeIds, setEmployeeIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const dismiss = () => (setEmployeeIds([]), setError(null), onClose());
  const run = async () => {
    setError(null);
    try {
      const result = await add.mutateAsync({ id: cycle.id, version: cycle.version, employeeIds });
      const already = result.alreadyIn ? ` ${plural(result.alreadyIn, 'person')} already had one.` : '';
      notifications.show({ color: 'teal', title: 'People added', message: `${plural(result.created, 'review')} created.${already}` });
      dismiss();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal opened={opened} onClose={dismiss} title={`Add people to “${cycle.name}”`}>
      <Stack>
        <Text size="sm">Each person gets a not-started review with their current manager, job and department. Use this for people who joined after the launch.</Text>
        <EmployeeMultiPicker label="People" value={employeeIds} onChange={setEmployeeIds} />
        {error && <Alert color="red" data-testid="add-people-error">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={dismiss}>Cancel</Button>
          <Button onClick={() => void run()} loading={add.isPending} disabled={!employeeIds.length} data-testid="confirm-add-people">Add to cycle</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
