import { Button, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CalibrationMember, CalibrationSession } from '../../../src-shared/api/calibration';

export type PickTarget = { kind: 'box'; index: number } | { kind: 'bin'; index: number };

/**
 * Moving by keyboard: with a card focused, Enter opens this list of the boxes (laid out as the
 * grid is, highest potential on top) or the rating levels; picking one goes on to the reason prompt.
 */
export function MoveToPicker({ session, member, view, onPick, onClose }: {
  session: CalibrationSession;
  member: CalibrationMember | null;
  view: 'nine-box' | 'bins';
  onPick(target: PickTarget): void;
  onClose(): void;
}) {
  const { settings, levels } = session;
  const rows = Array.from({ length: settings.rows }, (_, i) => settings.rows - 1 - i);
  return (
    <Modal opened={member !== null} onClose={onClose} title={member ? `Move ${member.employeeName} to…` : ''} size={view === 'nine-box' ? 'lg' : 'sm'} data-testid="move-picker">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">Pick the {view === 'nine-box' ? 'box' : 'rating level'} with Tab and Enter; Escape keeps the card where it is.</Text>
        {view === 'nine-box' ? (
          <SimpleGrid cols={settings.columns} spacing={6}>
            {rows.flatMap((row) => Array.from({ length: settings.columns }, (_, column) => {
              const index = row * settings.columns + column;
              return (
                <Button key={index} variant="default" h={56} styles={{ root: { background: settings.boxes[index].colour }, label: { whiteSpace: 'normal' } }}
                  onClick={() => onPick({ kind: 'box', index })} data-testid={`pick-box-${index}`} data-autofocus={index === (settings.rows - 1) * settings.columns ? true : undefined}>
                  {settings.boxes[index].name}
                </Button>
              );
            }))}
          </SimpleGrid>
        ) : (
          levels.map((level, index) => (
            <Button key={level.value} variant="default" onClick={() => onPick({ kind: 'bin', index })} data-testid={`pick-bin-${index}`} data-autofocus={index === 0 ? true : undefined}>
              {level.value} · {level.label}
            </Button>
          ))
        )}
      </Stack>
    </Modal>
  );
}
