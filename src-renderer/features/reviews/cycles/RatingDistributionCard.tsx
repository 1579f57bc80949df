import { Card, Stack, Text, Title } from '@mantine/core';
import type { RatingDistribution } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';
import { formatScore } from '../format';

const ROW = 28;
const LABEL_WIDTH = 160;
const BAR_WIDTH = 130;

/** How the final ratings spread over the scale's levels. */
export function RatingDistributionCard({ cycleId }: { cycleId: string }) {
  const distribution = useApi('reviews.getRatingDistribution', { cycleId });
  const d = distribution.data;
  return (
    <Card withBorder h="100%" data-testid="rating-distribution">
      <Stack gap="xs">
        <Title order={4}>Rating distribution</Title>
        {distribution.error && <Text c="red" size="sm">{distribution.error.message}</Text>}
        {d && (
          <>
            <Text size="sm" c="dimmed">
              {d.rated} rated, {d.unrated} not yet rated{d.average !== null ? ` · average ${formatScore(d.average)}` : ''}
            </Text>
            <DistributionBars levels={d.levels} />
          </>
        )}
      </Stack>
    </Card>
  );
}

function DistributionBars({ levels }: { levels: RatingDistribution['levels'] }) {
  const max = Math.max(1, ...levels.map((l) => l.count));
  const width = LABEL_WIDTH + BAR_WIDTH + 70;
  // Highest level on top, as people read a rating scale.
  const rows = [...levels].reverse();
  return (
    <svg width="100%" viewBox={`0 0 ${width} ${rows.length * ROW}`} role="img" aria-label="Rating distribution" style={{ maxWidth: width }}>
      {rows.map((level, i) => (
        <g key={level.value} transform={`translate(0 ${i * ROW})`} data-testid="distribution-level">
          <text x={LABEL_WIDTH - 8} y={ROW / 2 + 4} textAnchor="end" fontSize={12} fill="var(--mantine-color-text)">{level.value} · {level.label}</text>
          <rect x={LABEL_WIDTH} y={5} width={BAR_WIDTH} height={ROW - 10} rx={3} fill="var(--mantine-color-gray-1)" />
          <rect x={LABEL_WIDTH} y={5} width={(BAR_WIDTH * level.count) / max} height={ROW - 10} rx={3} fill="var(--mantine-color-teal-6)" />
          <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={ROW / 2 + 4} fontSize={12} fill="var(--mantine-color-text)">{level.count} ({Math.round(level.percent)}%)</text>
        </g>
      ))}
    </svg>
  );
}
