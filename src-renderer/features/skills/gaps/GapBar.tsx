import { Group, Text } from '@mantine/core';

/** Green when met (0); any shortfall runs from amber (small) to red (the whole scale short, 1). */
export function gapColor(gap: number): string {
  if (gap <= 0) return 'hsl(140 55% 42%)';
  const share = Math.min(1, gap);
  return `hsl(${Math.round(48 * (1 - share))} 82% ${Math.round(58 - 10 * share)}%)`;
}

/** A gap (0–1) as a short coloured bar with its value; a met requirement shows a full green bar. */
export function GapBar({ gap, width = 120 }: { gap: number; width?: number }) {
  const percent = gap === 0 ? 100 : Math.max(4, Math.round(gap * 100));
  return (
    <Group gap={6} wrap="nowrap" title={gap === 0 ? 'Met' : `Gap ${formatGap(gap)} of the whole scale`}>
      <div style={{ width, height: 8, borderRadius: 4, background: 'var(--mantine-color-gray-2)', flex: 'none' }}>
        <div style={{ width: `${percent}%`, height: '100%', borderRadius: 4, background: gapColor(gap) }} />
      </div>
      <Text size="xs" c={gap === 0 ? 'teal.8' : undefined} w={36}>{gap === 0 ? 'met' : formatGap(gap)}</Text>
    </Group>
  );
}

export const formatGap = (gap: number) => gap.toFixed(2);
export const formatPercent = (value: number) => `${Math.round(value)}%`;
