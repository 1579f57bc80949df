import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { AlignableGoal, GoalLibraryItem } from '../../../../src-shared/api';
import { isRealDate } from '../../../../src-shared/domain/dates';
import { useApiMutation } from '../../../api/hooks';
import type { Option } from '../../../grid';
import { goalLabel } from '../options';
import { EmployeeMultiPicker } from '../../shared/EmployeePicker';
import { DateInput } from '../../shared/DateInput';

const year = new Date().getFullYear();

/** Copies a library goal into individual goals: for chosen people or everyone in a department, for a period, optionally aligned. */
export function UseLibraryGoalModal({ opened, onClose, itemId, items, goals, departments }: {
  opened: boolean; onClose: () => void; itemId: string | null; items: GoalLibraryItem[]; goals: AlignableGoal[]; departments: Option[];
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Use a library goal" size="lg">
      {opened && <UseLibraryGoalForm key={itemId ?? 'none'} initialItemId={itemId} items={items} goals={goals} departments={departments} onDone={onClose} />}
    </Modal>
  );
}

function UseLibraryGoalForm({ initialItemId, items, goals, departments, onDone }: {
  initialItemId: string | null; items: GoalLibraryItem[]; goals: AlignableGoal[]; departments: Option[]; onDone: () => void;
}) {
  const [itemId, setItemId] = useState<string | null>(initialItemId);
  const [mode, setMode] = useState<'people' | 'department'>('people');
  const [employeeIds, setEmployeeIds] = useState<string[]>([]);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [periodStart, setPeriodStart] = useState(`${year}-01-01`);
  const [periodEnd, setPeriodEnd] = useState(`${year}-12-31`);
  const [alignToId, setAlignToId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const copy = useApiMutation('goals.copyFromLibrary');
  const item = items.find((i) => i.id === itemId);

  const submit = async () => {
    setError(null);
    if (!itemId) return setError('Choose the library goal to use.');
    if (mode === 'people' && employeeIds.length === 0) return setError('Choose at least one person.');
    if (mode === 'department' && !departmentId) return setError('Choose a department.');
    if (!isRealDate(periodStart) || !isRealDate(periodEnd)) return setError('Enter the period as two dates (YYYY-MM-DD).');
    try {
      const who = mode === 'people' ? { employeeIds } : { departmentId: departmentId! };
      const result = await copy.mutateAsync({ itemId, ...who, periodStart, periodEnd, alignToId: alignToId ?? undefined });
      notifications.show({ color: 'teal', message: `${result.created} individual goal${result.created === 1 ? '' : 's'} created from "${item?.title}".` });
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Stack data-testid="use-library-goal">
      <Select label="Library goal" data={items.filter((i) => !i.archived).map((i) => ({ value: i.id, label: i.category ? `${i.title} · ${i.category}` : i.title }))} value={itemId} onChange={setItemId} searchable />
      {item && (
        <Text size="sm" c="dimmed">
          {item.description ?? 'No description.'} Target {item.targetValue ?? '–'} ({item.unit}){item.stretch ? ', stretch' : ''}; starts with weight {item.suggestedWeight}.
        </Text>
      )}
      <SegmentedControl value={mode} onChange={(v) => setMode(v as 'people' | 'department')} data={[{ value: 'people', label: 'Chosen people' }, { value: 'department', label: 'Everyone in a department' }]} />
      {mode === 'people'
        ? <EmployeeMultiPicker label="People" placeholder="One or more" value={employeeIds} onChange={setEmployeeIds} />
        : <Select label="Department" data={departments} value={departmentId} onChange={setDepartmentId} searchable />}
      <Group grow>
        <DateInput label="Period start" value={periodStart} onChange={(e) => setPeriodStart(e.currentTarget.value)} />
        <DateInput label="Period end" value={periodEnd} onChange={(e) => setPeriodEnd(e.currentTarget.value)} />
      </Group>
      <Select
        label="Align to"
        description="Optional: a department or organisation goal whose period covers this one."
        placeholder="Not aligned"
        data={goals.filter((g) => g.scope !== 'individual' && !g.archived).map((g) => ({ value: g.id, label: `${goalLabel(g)} ${g.periodStart.slice(0, 4)}` }))}
        value={alignToId}
        onChange={setAlignToId}
        searchable
        clearable
      />
      {error && <Alert color="red" data-testid="use-library-error">{error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button onClick={() => void submit()} loading={copy.isPending}>Create goals</Button>
      </Group>
    </Stack>
  );
}
