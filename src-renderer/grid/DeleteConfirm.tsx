import { Button, Group, Modal, Text } from '@mantine/core';
import type { GridController } from './controller';
import { useStore } from './store';

export function DeleteConfirm({ controller }: { controller: GridController }) {
  const rows = useStore(controller.status, (s) => s.deleteRequest);
  const n = rows?.length ?? 0;
  return (
    <Modal opened={rows !== null} onClose={() => controller.cancelDelete()} title="Delete rows" centered size="sm">
      <Text size="sm" data-testid="grid-delete-message">
        Delete {n} selected {n === 1 ? 'row' : 'rows'}? This cannot be undone with Undo.
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => controller.cancelDelete()}>
          Cancel
        </Button>
        <Button color="red" data-testid="grid-delete-confirm" onClick={() => void controller.confirmDelete()}>
          Delete
        </Button>
      </Group>
    </Modal>
  );
}
