import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { AlignableGoal } from '../../../src-shared/api';
import { useApiMutation } from '../../api/hooks';
import type { Option } from '../../grid';
import { goalLabel } from './options';
import { EmployeeMultiPicker } from '../shared/EmployeePicker';

/** Creates one individual goal per person, copied from and aligned to a department or organisation goal. */
export function AssignToTeamModal({ opened, onClose, goals, departments }: {
  opened: boolean; onClose: () => void; goals: AlignableGoal[]; departments: Option[];
}) {
  const [goalId, setGoalId] = useState<string | null>(null);
  const [mode, setMode] = useState<'department' | 'people'>('department');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [employeeIds, setEmployeeIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const assign = useApiMutation('goals.assignToTeam');
  const submit = async () => {
    setError(null);
    if (!goalId) return setError('Choose the goal to assign.');
    if (mode === 'department' && !departmentId) return setError('Choose a department.');
    if (mode === 'people' && employeeIds.length === 0) return setError('Choose at least one person.');
    try {
      const result = await assign.mutateAsync(mode === 'department' ? { goalId, departmentId: departmentId! } : { goalId, employeeIds });
      notifications.show({ color: 'teal', message: `${result.created} individual goal${result.created === 1 ? '' : 's'} created.` });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Assign to team" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">Each person gets their own individual goal, copied from the chosen goal and aligned to it.</Text>
        <Select label="Goal" data={goals.map((g) => ({ value: g.id, label: goalLabel(g) }))} value={goalId} onChange={setGoalId} searchable />
        <SegmentedControl value={mode} onChange={(v) => setMode(v as 'department' | 'people')} data={[{ value: 'department', label: 'Everyone in a department' }, { value: 'people', label: 'Chosen people' }]} />
        {mode === 'department'
          ? <Select label="Department" data={departments} value={departmentId} onChange={setDepartmentId} searchable />
          : <EmployeeMultiPicker label="People" value={employeeIds} onChange={setEmployeeIds} />}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void submit()} loading={assign.isPending}>Assign</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
