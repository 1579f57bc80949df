import { Alert, Anchor, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { SkillKpis } from '../../../src-shared/api';
import { todayIso } from '../../../src-shared/domain/dates';
import { useApi } from '../../api/hooks';
import { PageHeader } from '../shared/PageHeader';
import { CalibrationOutcomesPanel } from '../calibration/OutcomesPanel';
import { SuccessionInsights } from '../succession/SuccessionInsights';
import { PerformanceKpiSection } from './PerformanceKpis';
import { DateInput } from '../shared/DateInput';

const yearBefore = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;

export function InsightsPage() {
  const [to, setTo] = useState(todayIso());
  const [from, setFrom] = useState(yearBefore(todayIso()));
  return (
    <Stack maw={1100}>
      <PageHeader title="Insights" description="Skills, performance, calibration and succession KPIs for the organisation. Learning KPIs are not built yet." />
      <Group align="flex-end">
        <DateInput label="Period from" value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="kpi-from" />
        <DateInput label="to" value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="kpi-to" />
        <Text size="sm" c="dimmed" mb={8}>Coverage and gaps are as of the end of the period.</Text>
      </Group>
      {/* The main process answers one call at a time, in the order asked: sections ask in the order they are shown (siblings mount first to last). */}
      <SkillKpiSection from={from} to={to} />
      <PerformanceKpiSection from={from} to={to} />
      <CalibrationOutcomesPanel from={from} to={to} />
      <SuccessionInsights />
    </Stack>
  );
}

function SkillKpiSection({ from, to }: { from: string; to: string }) {
  const kpis = useApi('insights.getSkillKpis', { from, to });
  if (kpis.isLoading) return <Loader />;
  if (kpis.error) return <Alert color="red">{kpis.error.message}</Alert>;
  return kpis.data ? <SkillKpiView kpis={kpis.data} /> : null;
}

function SkillKpiView({ kpis }: { kpis: SkillKpis }) {
  const tiles = [
    { label: 'Skill coverage', value: kpis.requirements === 0 ? '—' : `${kpis.coverage.toFixed(1)}%`, hint: 'Share of job skill requirements that people meet' },
    { label: 'Requirements met', value: `${kpis.met.toLocaleString()} / ${kpis.requirements.toLocaleString()}`, hint: 'Employee × required skill pairs' },
    { label: 'Skills acquired', value: kpis.skillsAcquired.toLocaleString(), hint: 'Level rises (including first levels) in the period' },
    { label: 'People who grew', value: kpis.peopleWhoGrew.toLocaleString(), hint: 'People with at least one level rise in the period' },
  ];
  const peak = Math.max(1, ...kpis.acquiredByMonth.map((m) => m.count));
  return (
    <>
      <SimpleGrid cols={4} data-testid="skill-kpis">
        {tiles.map((tile) => (
          <Tooltip key={tile.label} label={tile.hint}>
            <Card withBorder>
              <Text size="sm" c="dimmed">{tile.label}</Text>
              <Text fz={26} fw={700}>{tile.value}</Text>
            </Card>
          </Tooltip>
        ))}
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="sm">Skills acquired per month</Title>
        {kpis.acquiredByMonth.length === 0 ? <Text c="dimmed" size="sm">No level rises in this period.</Text> : (
          <Group align="flex-end" gap={4} h={140} wrap="nowrap" aria-label="Skills acquired per month">
            {kpis.acquiredByMonth.map((m) => (
              <Tooltip key={m.month} label={`${m.month}: ${m.count}`}>
                <Stack gap={2} align="center" style={{ flex: 1 }}>
                  <div style={{ height: `${(m.count / peak) * 110}px`, width: '100%', background: 'var(--mantine-color-teal-5)', borderRadius: 2 }} />
                  <Text size="10px" c="dimmed">{m.month.slice(2)}</Text>
                </Stack>
              </Tooltip>
            ))}
          </Group>
        )}
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={4}>Top skill gaps</Title>
          <Anchor component={Link} to="/skills/gaps" size="sm">Open gap analysis</Anchor>
        </Group>
        <Table striped>
          <Table.Thead><Table.Tr><Table.Th>Skill</Table.Th><Table.Th>People short of the requirement</Table.Th><Table.Th>Average gap</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {kpis.topGaps.map((gap) => (
              <Table.Tr key={gap.skillId}><Table.Td>{gap.name}</Table.Td><Table.Td>{gap.unmet}</Table.Td><Table.Td>{Math.round(gap.averageGap * 100)}%</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </>
  );
}
