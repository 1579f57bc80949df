import { Badge, Group, Text, Tooltip } from '@mantine/core';
import type { CalibrationSession } from '../../../src-shared/api/calibration';
import type { Board } from './model';
import { STATUS_COLOURS } from './model';

/**
 * The guidelines against the people as they are placed right now, shown above every view (the
 * nine-box included): one chip per guideline, green within, red over, orange under.
 */
export function GuidelineStrip({ session, board, size = 'md' }: { session: CalibrationSession; board: Board; size?: 'md' | 'xl' }) {
  const placed = board.countsByLevel.reduce((a, b) => a + b, 0);
  const holding = board.binHolding.length;
  return (
    <Group gap={6} wrap="wrap" data-testid="guideline-strip" aria-live="polite">
      <Text size={size === 'xl' ? 'lg' : 'sm'} fw={600}>
        {session.guidelines ? `${session.guidelines.name} (${session.guidelines.mode})` : 'No guidelines'}
      </Text>
      <Text size={size === 'xl' ? 'md' : 'xs'} c="dimmed">{placed} placed{holding ? ` · ${holding} in the holding area` : ''}</Text>
      {board.evaluation?.rules.map((rule) => (
        <Tooltip key={rule.index} label={`Target ${rule.target}; actual ${rule.actual} (${rule.actualPercent} %).`}>
          <Badge
            size={size === 'xl' ? 'xl' : 'lg'}
            radius="sm"
            variant={rule.status === 'within' ? 'light' : 'filled'}
            color={STATUS_COLOURS[rule.status]}
            data-testid="guideline-chip"
            data-status={rule.status}
            style={{ textTransform: 'none' }}
          >
            {rule.label}: {rule.actual} ({rule.actualPercent} %){rule.status === 'within' ? ' ✓' : ` · ${rule.status} by ${rule.outsideBy}`}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
