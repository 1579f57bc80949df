import { Button, Group, Modal, Text } from '@mantine/core';
import type { GridController } from './controller';
import { describePaste, type RowNoun } from './pasteQuestion';
import { useStore } from './store';

/** Asks before a paste changes existing records outside the selected rows. */
export function PasteQuestionDialog({ controller, rowNoun, allowAdd }: { controller: GridController; rowNoun: RowNoun; allowAdd: boolean }) {
  const question = useStore(controller.status, (s) => s.pasteQuestion);
  const lines = question?.lines ?? 0;
  return (
    <Modal opened={question !== null} onClose={() => controller.answerPaste('cancel')} title="Paste over existing rows?" centered size="lg">
      {question && (
        <div data-testid="grid-paste-question">
          <Text size="sm">{describePaste(question.summary, rowNoun)}</Text>
          <Text size="sm" mt="xs">
            The pasted block has {lines.toLocaleString('en-US')} {lines === 1 ? 'line' : 'lines'} and reaches past the rows you selected.
            {allowAdd ? ' To add them instead, paste them as new rows.' : ''}
          </Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" data-autofocus onClick={() => controller.answerPaste('cancel')}>
              Cancel
            </Button>
            {allowAdd && (
              <Button variant="light" onClick={() => controller.answerPaste('asNewRows')}>
                Paste as new rows
              </Button>
            )}
            <Button color="orange" onClick={() => controller.answerPaste('apply')}>
              Apply paste
            </Button>
          </Group>
        </div>
      )}
    </Modal>
  );
}
