import { useElementSize } from '@mantine/hooks';
import type { CalibrationSession } from '../../../src-shared/api/calibration';
import { distributionChartLayout, type GuidelineEvaluation } from '../../../src-shared/domain/calibration';

const STATUS = { within: '#2b8a3e', over: '#c92a2a', under: '#e8590c' } as const;

/** The distribution chart as SVG, from the same layout the PDF and the slide draw. */
export function DistributionChart({ session, calibrated, original, evaluation, height = 260 }: {
  session: CalibrationSession; calibrated: number[]; original: number[]; evaluation: GuidelineEvaluation | null; height?: number;
}) {
  const { ref, width } = useElementSize();
  const chart = width > 0 ? distributionChartLayout(session.levels.length, calibrated, original, evaluation, { width, height, labelSize: 26 }) : null;
  return (
    <div ref={ref} style={{ width: '100%', height }} data-testid="distribution-chart">
      {chart && (
        <svg width={width} height={height} role="img" aria-label="Distribution of calibrated ratings against the guidelines">
          {chart.ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={chart.plot.x} x2={chart.plot.x + chart.plot.width} y1={tick.y} y2={tick.y} stroke="#e9ecef" />
              <text x={chart.plot.x - 4} y={tick.y + 4} fontSize={11} textAnchor="end" fill="#6b7785">{tick.value}</text>
            </g>
          ))}
          {chart.targets.map((t) => (
            <rect key={t.ruleIndex} x={t.x} y={t.y} width={t.width} height={t.height} fill={STATUS[t.status]} fillOpacity={0.15} stroke={STATUS[t.status]} strokeDasharray="4 3">
              <title>{evaluation?.rules.find((r) => r.index === t.ruleIndex)?.label}</title>
            </rect>
          ))}
          {chart.originalBars.map((b) => b.height > 0 && <rect key={`o${b.levelIndex}`} x={b.x} y={b.y} width={b.width} height={b.height} fill="none" stroke="#6b7785" />)}
          {chart.bars.map((b) => (
            <g key={b.levelIndex}>
              {b.height > 0 && <rect x={b.x} y={b.y} width={b.width} height={b.height} fill="#0b7285" />}
              <text x={b.x + b.width / 2} y={b.y - 4} fontSize={12} fontWeight={700} textAnchor="middle" data-testid="bar-count">{b.count}</text>
            </g>
          ))}
          {chart.labels.map((l) => {
            const level = session.levels[l.levelIndex];
            // Two lines, the label cut to the slot (about 6.5 px a character at 11 px).
            const room = Math.max(4, Math.floor(l.width / 6.5));
            const label = level.label.length > room ? `${level.label.slice(0, room - 1)}…` : level.label;
            return (
              <text key={l.levelIndex} x={l.x + l.width / 2} y={l.y + 11} fontSize={11} textAnchor="middle">
                <tspan x={l.x + l.width / 2} fontWeight={700}>{level.value}</tspan>
                <tspan x={l.x + l.width / 2} dy={13}>{label}</tspan>
                <title>{level.label}</title>
              </text>
            );
          })}
        </svg>
      )}
    </div>
  );
}
