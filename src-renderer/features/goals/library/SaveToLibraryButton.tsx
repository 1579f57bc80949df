import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Goal } from '../../../../src-shared/api';
import { useApiMutation } from '../../../api/hooks';

/** Keeps a copy of a goal (title, measure, category, weight) in the goal library for reuse. */
export function SaveToLibraryButton({ goal }: { goal: Goal }) {
  const save = useApiMutation('goals.saveGoalLibrary');
  const saveToLibrary = async () => {
    try {
      await save.mutateAsync({
        rows: [{ values: {
          title: goal.title, description: goal.description, category: goal.category, unit: goal.unit, targetValue: goal.targetValue,
          stretch: goal.stretch, suggestedWeight: goal.weight,
        } }],
      });
      notifications.show({ color: 'teal', message: `"${goal.title}" saved to the goal library.` });
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
  };
  return <Button size="xs" variant="light" onClick={() => void saveToLibrary()} loading={save.isPending} data-testid="save-to-library">Save to library</Button>;
}
