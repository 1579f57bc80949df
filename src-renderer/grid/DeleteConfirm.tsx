import { Button, Group, Modal, Text } from '@mantine/core';
import type { GridController } from './controller';
import { useStore } from './store';
import type { DeleteMode } from './types';

const count = new Intl.NumberFormat('en-US');

/** "Archive 3 employees?" and what happens to them: the confirm says what the button does. */
export function deleteQuestion(n: number, noun: { one: string; other: string }, mode: DeleteMode): { title: string; question: string; consequence: string; action: string } {
  const what = `${count.format(n)} ${n === 1 ? noun.one : noun.other}`;
  const them = n === 1 ? 'It' : 'They';
  if (mode === 'archive') {
    return {
      title: `Archive ${noun.other}`,
      question: `Archive ${what}?`,
      consequence: `${them} leave${n === 1 ? 's' : ''} this list and the pick-lists; nothing is erased: “Show archived” shows ${n === 1 ? 'it' : 'them'} again and can restore ${n === 1 ? 'it' : 'them'}.`,
      action: 'Archive',
    };
  }
  return {
    title: `Delete ${noun.other}`,
    question: `Delete ${what}?`,
    consequence: `${them} ${n === 1 ? 'is' : 'are'} erased for good; Undo cannot bring ${n === 1 ? 'it' : 'them'} back.`,
    action: 'Delete',
  };
}

export function DeleteConfirm({ controller, rowNoun, mode }: { controller: GridController; rowNoun: { one: string; other: string }; mode: DeleteMode }) {
  const rows = useStore(controller.status, (s) => s.deleteRequest);
  const text = deleteQuestion(rows?.length ?? 0, rowNoun, mode);
  return (
    <Modal opened={rows !== null} onClose={() => controller.cancelDelete()} title={text.title} centered size="sm">
      <Text size="sm" fw={600} data-testid="grid-delete-message">
        {text.question}
      </Text>
      <Text size="sm" mt={4} data-testid="grid-delete-consequence">
        {text.consequence}
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => controller.cancelDelete()}>
          Cancel
        </Button>
        <Button color="red" data-testid="grid-delete-confirm" onClick={() => void controller.confirmDelete()}>
          {text.action}
        </Button>
      </Group>
    </Modal>
  );
}
