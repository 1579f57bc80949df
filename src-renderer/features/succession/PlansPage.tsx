import { Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { LEVEL_LABELS, readinessCountField, type Nomination, type Plan } from '../../../src-shared/api/succession';
import { STRENGTH_LABELS, STRENGTH_RULE, strengthBand } from '../../../src-shared/domain/succession';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { DataGrid, type GridColumn, type GridRow, type Option } from '../../grid';
import { archiveThroughApi, exportGrid, saveThroughApi, useApiRowSource } from '../shared/grid-adapters';
import { LookupSelect } from '../shared/LookupSelect';
import { PageHeader } from '../shared/PageHeader';
import { employeeLookup, jobLabel } from '../people/options';
import { planLookup, planPositionLookup, useSuccessionReferences, YES_NO } from './options';
import { downloadExport } from './exporting';

/** Above this many successors in all, the successors grid shows one plan's at a time. */
const ALL_SUCCESSORS_AT_ONCE = 2_000;

/** A plan as the grid shows it: a count column per readiness level, emergency cover and band as words. */
const toPlanRow = (row: GridRow): GridRow => {
  const plan = row as unknown as Plan;
  return {
    ...row,
    ...Object.fromEntries(plan.counts.map((count) => [readinessCountField(count.readinessId), count.count])),
    emergencyLabel: plan.emergencyCover ? 'Yes' : 'No',
    band: STRENGTH_LABELS[strengthBand(plan.strength, plan.successors)],
  };
};

/** Plans (key positions and jobs) with their bench, and every successor on them, editable in grids. */
export function PlansPage() {
  const [planId, setPlanId] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  // A plan per key position (5,000 at 50,000 people): the grid reads the rows it shows, sorted and filtered in the main process.
  const planSource = useApiRowSource('succession.listPlanWindow', {}, { method: 'succession.exportPlanView', title: 'Succession plans' }, toPlanRow);
  const totals = useApi('succession.getPlanTotals', {});
  const jobs = useApi('people.listJobs', {});
  const succession = useSuccessionReferences();
  const jobOptions = useMemo<Option[]>(() => (jobs.data?.rows ?? []).map((j) => ({ value: j.id, label: jobLabel(j), aliases: [j.title] })), [jobs.data]);
  const planColumns = useMemo<GridColumn[]>(
    () => [
      // A key position's plan is made when it is marked key, so the positions a plan names are those of
      // the plans (not every position of the organisation): looked up among the plans.
      { id: 'positionId', header: 'Key position', kind: 'reference', width: 280, lookup: planPositionLookup, optionNoun: 'key positions', pinned: true },
      { id: 'jobId', header: 'or job', kind: 'reference', width: 200, options: jobOptions, optionNoun: 'jobs' },
      { id: 'incumbentName', header: 'Incumbent', kind: 'text', width: 160, editable: false },
      ...succession.readinessRows.map((level): GridColumn => ({ id: readinessCountField(level.id), header: level.label, kind: 'number', width: 120, editable: false })),
      { id: 'emergencyLabel', header: 'Emergency cover', kind: 'text', width: 130, editable: false },
      { id: 'strength', header: 'Bench strength', kind: 'number', width: 120, editable: false },
      { id: 'band', header: 'Band', kind: 'text', width: 110, editable: false },
      { id: 'reviewedOn', header: 'Reviewed on', kind: 'date', width: 120 },
      { id: 'notes', header: 'Plan notes', kind: 'text', width: 300 },
    ],
    [jobOptions, succession.readinessRows],
  );
  // Every successor at once only while they are few: a large organisation's (11,000 at 50,000 people) are read a plan at a time.
  const successorsInAll = totals.data?.successors ?? Infinity;
  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0 }}>
      <PageHeader
        title="Succession plans"
        description="One plan per key position, and plans for jobs many people hold. Each successor has a rank and a readiness; internal successors show their skill match to the plan's job and their latest review rating."
        actions={<Button variant="default" onClick={() => void downloadExport(() => call('succession.exportPlans', {}))} data-testid="export-plans-xlsx">Export workbook (.xlsx)</Button>}
      />
      <Text size="sm" c="dimmed" style={{ flex: 'none' }} data-testid="strength-rule"><b>How bench strength is counted.</b> {STRENGTH_RULE}</Text>
      <Card withBorder p="xs" style={{ height: 340, flex: 'none', display: 'flex' }}>
        <DataGrid
          gridId="succession-plans"
          rowNoun={{ one: 'plan', other: 'plans' }}
          columns={planColumns}
          source={planSource}
          allowAdd
          onSave={async (changes) => {
            const result = await saveThroughApi('succession.savePlans', changes);
            return result.ok ? { ok: true, rows: result.rows.map(toPlanRow) } : result;
          }}
          onDelete={(selected) => archiveThroughApi('succession.archivePlans', selected, 'plan')}
          onExport={(format, visible, cols) => exportGrid('Succession plans', format, visible, cols)}
          onOpenRow={(row) => setPlanId(row.id)}
          toolbarExtra={<Text size="xs" c="dimmed">Open a plan (double-click its row number) to see only its successors below.</Text>}
        />
      </Card>
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4">Successors</Title>
        <Group>
          <LookupSelect
            lookup={planLookup}
            label="Plan"
            placeholder="All plans"
            clearable
            w={360}
            value={planId}
            onChange={setPlanId}
            data-testid="nominations-plan-filter"
          />
          <Switch label="Show removed" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} mb={8} />
        </Group>
      </Group>
      <div style={{ flex: 1, minHeight: 360 }}>
        {planId || successorsInAll <= ALL_SUCCESSORS_AT_ONCE
          // Another plan's successors are another list: a fresh grid (a whole grid keeps the rows added in it on top, whatever its rows).
          ? <NominationsGrid key={planId ?? 'all'} planId={planId} showArchived={showArchived} />
          : (
            <Card withBorder p="md" data-testid="nominations-choose-plan">
              <Text size="sm">
                {successorsInAll.toLocaleString('en')} successors are named on {(totals.data?.plans ?? 0).toLocaleString('en')} plans: choose a plan above, or open one in the
                plans grid, to see and edit its successors. The workbook (Export workbook) holds every one of them.
              </Text>
            </Card>
          )}
      </div>
    </Stack>
  );
}

function NominationsGrid({ planId, showArchived }: { planId: string | null; showArchived: boolean }) {
  const nominations = useApi('succession.listNominations', { ...(planId ? { planId } : {}), ...(showArchived ? { includeArchived: true } : {}) });
  const succession = useSuccessionReferences();
  const columns = useMemo<GridColumn[]>(
    () => [
      // Plans are looked up (a plan per key position), never listed.
      { id: 'planId', header: 'Plan', kind: 'reference', width: 280, lookup: planLookup, optionNoun: 'plans', required: true, pinned: true },
      // Employees are searched; external candidates, few, are listed alongside.
      { id: 'successorId', header: 'Successor', kind: 'reference', width: 240, lookup: employeeLookup, options: succession.externals, optionNoun: 'people or external candidates', required: true },
      { id: 'rank', header: 'Rank', kind: 'number', width: 70, required: true },
      { id: 'readinessId', header: 'Readiness', kind: 'select', width: 170, options: succession.readiness, required: true },
      { id: 'emergency', header: 'Emergency (interim)', kind: 'select', width: 150, options: YES_NO },
      { id: 'currentPositionTitle', header: 'Current position', kind: 'text', width: 220, editable: false },
      { id: 'skillMatch', header: 'Skill match %', kind: 'number', width: 120, editable: false },
      { id: 'latestRating', header: 'Latest rating', kind: 'text', width: 200, editable: false },
      { id: 'latestPotentialLabel', header: 'Potential (calibrated)', kind: 'text', width: 170, editable: false },
      { id: 'riskOfLoss', header: 'Risk of loss', kind: 'text', width: 110, editable: false },
      { id: 'notes', header: 'Notes', kind: 'text', width: 260 },
      { id: 'developmentActions', header: 'Development actions', kind: 'text', width: 300 },
    ],
    [succession.readiness, succession.externals],
  );
  const rows = useMemo(() => (nominations.data?.rows ?? []).map(toRow) as unknown as GridRow[], [nominations.data]);
  const toApiValues = (values: Record<string, unknown>) => {
    const { successorId, emergency, ...rest } = values;
    const out: Record<string, unknown> = { ...rest };
    if ('emergency' in values) out.emergency = emergency === 'yes';
    if ('successorId' in values) {
      const external = typeof successorId === 'string' && succession.externalIds.has(successorId);
      out.employeeId = external ? null : successorId ?? null;
      out.externalCandidateId = external ? successorId : null;
    }
    return out;
  };
  return (
    <DataGrid
      gridId="succession-nominations"
      viewKey={showArchived}
      columns={columns}
      rows={rows}
      allowAdd
      onSave={async (changes) => {
        const result = await saveThroughApi('succession.saveNominations', changes, toApiValues);
        return result.ok ? { ok: true, rows: (result.rows as unknown as Nomination[]).map(toRow) as unknown as GridRow[] } : result;
      }}
      onDelete={(selected) => archiveThroughApi('succession.archiveNominations', selected, 'successor')}
      onExport={(format, visible, cols) => exportGrid('Successors', format, visible, cols)}
    />
  );
}

const toRow = (n: Nomination) => ({
  ...n,
  successorId: n.employeeId ?? n.externalCandidateId,
  emergency: n.emergency ? 'yes' : 'no',
  latestRating: n.latestRatingLabel ? `${n.latestRatingLabel} (${n.latestRating})` : null,
  riskOfLoss: n.riskOfLoss ? LEVEL_LABELS[n.riskOfLoss] : null,
});
