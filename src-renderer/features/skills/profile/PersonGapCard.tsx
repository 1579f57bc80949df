import { Alert, Button, Card, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { GapRow, PersonGap } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';
import { jobLabel } from '../../people/options';
import { exportGapPdf } from '../gaps/exportPdf';
import { exportXlsx } from '../gaps/exportXlsx';
import { formatGap, formatPercent } from '../gaps/GapBar';
import { GapTable } from '../shared/GapTable';

/** "3 · Proficient"; a level its model does not name shows as its number. */
const levelText = (level: number, label: string | null) => (label ? `${level} · ${label}` : String(level));

/** Largest gap first; among equal gaps the heavier requirement first. */
const byGap = (a: GapRow, b: GapRow) => b.gap - a.gap || b.weight - a.weight || a.skillName.localeCompare(b.skillName);

/** The person's skills against their own job or, as a what-if, against another job. */
export function PersonGapCard({ employeeId, asOf }: { employeeId: string; asOf: string }) {
  const [whatIfJobId, setWhatIfJobId] = useState<string | null>(null);
  const jobs = useApi('people.listJobs', {});
  const jobOptions = useMemo(() => (jobs.data?.rows ?? []).map((job) => ({ value: job.id, label: jobLabel(job) })), [jobs.data]);
  const gap = useApi('skills.getPersonGap', { employeeId, asOf, ...(whatIfJobId ? { jobId: whatIfJobId } : {}) });
  const rows = useMemo(() => [...(gap.data?.rows ?? [])].sort(byGap), [gap.data]);

  return (
    <Card withBorder data-testid="person-gap">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Stack gap={2}>
          <Title order={4}>Gap {gap.data?.jobTitle ? `against ${gap.data.jobTitle}` : ''}</Title>
          <Text size="xs" c="dimmed">{whatIfJobId ? 'What-if: another job’s requirements.' : 'Requirements of their own job.'} As of {asOf}.</Text>
        </Stack>
        <Group align="flex-end">
          <Select
            label="Compare with job"
            placeholder="Their own job"
            searchable
            clearable
            limit={100}
            w={260}
            data={jobOptions}
            value={whatIfJobId}
            onChange={setWhatIfJobId}
            data-testid="what-if-job"
          />
          <Button variant="default" disabled={rows.length === 0} onClick={() => gap.data && void exportGap(gap.data, rows)}>
            Export XLSX
          </Button>
          <Button
            variant="default"
            disabled={!gap.data}
            onClick={() => void exportGapPdf({ report: 'person', employeeId, asOf, ...(whatIfJobId ? { jobId: whatIfJobId } : {}) })}
            data-testid="person-gap-pdf"
          >
            Export PDF
          </Button>
        </Group>
      </Group>
      {gap.isLoading && <Loader size="sm" />}
      {gap.error && <Alert color="red">{gap.error.message}</Alert>}
      {gap.data && <GapSummary gap={gap.data} />}
      {gap.data && rows.length === 0 && (
        <Text c="dimmed" size="sm" mt="sm">
          {gap.data.jobId ? 'This job has no skill requirements yet.' : 'No job assigned: pick a job to compare with.'}
        </Text>
      )}
      {rows.length > 0 && <PersonGapTable rows={rows} />}
    </Card>
  );
}

function GapSummary({ gap }: { gap: PersonGap }) {
  const met = gap.rows.filter((row) => row.met).length;
  return (
    <Group gap="xl" mb="xs">
      <Text size="sm">
        Coverage <Text span fw={700} data-testid="gap-coverage">{formatPercent(gap.coverage)}</Text>{' '}
        <Text span c="dimmed">({met} of {gap.rows.length} requirements met)</Text>
      </Text>
      <Text size="sm">
        Weighted match <Text span fw={700} data-testid="gap-match">{formatPercent(gap.match)}</Text>
      </Text>
    </Group>
  );
}

function PersonGapTable({ rows }: { rows: GapRow[] }) {
  return (
    <GapTable
      testId="person-gap-table"
      leadHeaders={['Skill', 'Weight']}
      rows={rows.map((row) => ({
        key: row.skillId,
        lead: [row.skillName, row.weight],
        required: levelText(row.requiredLevel, row.requiredLabel),
        current: row.currentLevel === null ? null : levelText(row.currentLevel, row.currentLabel),
        gap: row.gap,
      }))}
    />
  );
}

function exportGap(gap: PersonGap, rows: GapRow[]) {
  return exportXlsx(
    `Skill gap ${gap.jobTitle ?? ''} ${gap.asOf}`.replace(/\s+/g, ' '),
    ['Skill', 'Weight', 'Required level', 'Current level', 'Gap (0–1)', 'Met'],
    rows.map((row) => [
      row.skillName,
      row.weight,
      levelText(row.requiredLevel, row.requiredLabel),
      row.currentLevel === null ? null : levelText(row.currentLevel, row.currentLabel),
      Number(formatGap(row.gap)),
      row.met,
    ]),
  );
}
