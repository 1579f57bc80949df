// The plainer succession grids: risk of loss, external candidates, talent pools (with members and the
// positions they feed) and the readiness scale.
import { Card, Group, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import type { Method } from '../../../src-shared/api';
import { useApi } from '../../api/hooks';
import { DataGrid, type GridColumn, type GridRow } from '../../grid';
import { archiveThroughApi, exportGrid, saveThroughApi } from '../shared/grid-adapters';
import { FullHeightPage, PageHeader } from '../shared/PageHeader';
import { employeeLookup, positionLookup } from '../people/options';
import { LEVEL_OPTIONS, useSuccessionReferences } from './options';

type SaveMethod = Extract<Method, `succession.save${string}`>;
type ArchiveMethod = Extract<Method, `succession.archive${string}`>;

function SimpleGrid(props: { gridId: string; title: string; noun: string; columns: GridColumn[]; rows: GridRow[]; save: SaveMethod; archive: ArchiveMethod; toolbarExtra?: ReactNode }) {
  return (
    <DataGrid
      gridId={props.gridId}
      columns={props.columns}
      rows={props.rows}
      allowAdd
      onSave={(changes) => saveThroughApi(props.save, changes)}
      onDelete={(selected) => archiveThroughApi(props.archive, selected, props.noun)}
      onExport={(format, visible, cols) => exportGrid(props.title, format, visible, cols)}
      toolbarExtra={props.toolbarExtra}
    />
  );
}

export function LossRiskPage() {
  const [showArchived, setShowArchived] = useState(false);
  const risks = useApi('succession.listLossRisks', { includeArchived: showArchived || undefined });
  const columns = useMemo<GridColumn[]>(() => [
    { id: 'employeeId', header: 'Employee', kind: 'reference', width: 260, lookup: employeeLookup, optionNoun: 'employees', required: true, pinned: true },
    { id: 'positionTitle', header: 'Position', kind: 'text', width: 240, editable: false },
    { id: 'riskOfLoss', header: 'Risk of loss', kind: 'select', width: 120, options: LEVEL_OPTIONS, required: true },
    { id: 'impactOfLoss', header: 'Impact of loss', kind: 'select', width: 130, options: LEVEL_OPTIONS, required: true },
    { id: 'reason', header: 'Why', kind: 'text', width: 380 },
  ], []);
  return (
    <FullHeightPage
      header={<PageHeader title="Risk of loss" description="How likely each person is to leave and how much losing them would hurt. Shown on the chart as flags and counted in Insights." actions={<Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />} />}
    >
      <SimpleGrid gridId="loss-risks" title="Risk of loss" noun="risk assessment" columns={columns} rows={(risks.data?.rows ?? []) as unknown as GridRow[]} save="succession.saveLossRisks" archive="succession.archiveLossRisks" />
    </FullHeightPage>
  );
}

const CANDIDATE_COLUMNS: GridColumn[] = [
  { id: 'name', header: 'Name', kind: 'text', width: 240, required: true, pinned: true },
  { id: 'organisation', header: 'Organisation', kind: 'text', width: 220 },
  { id: 'currentRole', header: 'Current role', kind: 'text', width: 220 },
  { id: 'email', header: 'Email', kind: 'text', width: 220 },
  { id: 'nominations', header: 'Nominated for', kind: 'number', width: 120, editable: false },
  { id: 'notes', header: 'Notes', kind: 'text', width: 320 },
];

export function ExternalCandidatesPage() {
  const [showArchived, setShowArchived] = useState(false);
  const candidates = useApi('succession.listExternalCandidates', { includeArchived: showArchived || undefined });
  return (
    <FullHeightPage
      header={<PageHeader title="External candidates" description="People outside the organisation named as successors (benchmarks, known candidates)." actions={<Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />} />}
    >
      <SimpleGrid gridId="external-candidates" title="External candidates" noun="candidate" columns={CANDIDATE_COLUMNS} rows={(candidates.data?.rows ?? []) as unknown as GridRow[]} save="succession.saveExternalCandidates" archive="succession.archiveExternalCandidates" />
    </FullHeightPage>
  );
}

const POOL_COLUMNS: GridColumn[] = [
  { id: 'name', header: 'Pool', kind: 'text', width: 220, required: true, pinned: true },
  { id: 'description', header: 'Description', kind: 'text', width: 420 },
  { id: 'members', header: 'Members', kind: 'number', width: 100, editable: false },
  { id: 'positions', header: 'Positions fed', kind: 'number', width: 120, editable: false },
];

export function TalentPoolsPage() {
  const pools = useApi('succession.listTalentPools', {});
  const [poolId, setPoolId] = useState<string | null>(null);
  const succession = useSuccessionReferences();
  const members = useApi('succession.listPoolMembers', poolId ? { poolId } : {});
  const positions = useApi('succession.listPoolPositions', poolId ? { poolId } : {});
  const memberColumns = useMemo<GridColumn[]>(() => [
    { id: 'poolId', header: 'Pool', kind: 'reference', width: 200, options: succession.pools, required: true, pinned: true },
    { id: 'employeeId', header: 'Member', kind: 'reference', width: 260, lookup: employeeLookup, optionNoun: 'employees', required: true },
    { id: 'positionTitle', header: 'Current position', kind: 'text', width: 240, editable: false },
    { id: 'notes', header: 'Notes', kind: 'text', width: 300 },
  ], [succession.pools]);
  const positionColumns = useMemo<GridColumn[]>(() => [
    { id: 'poolId', header: 'Pool', kind: 'reference', width: 200, options: succession.pools, required: true, pinned: true },
    { id: 'positionId', header: 'Feeds position', kind: 'reference', width: 320, lookup: positionLookup, optionNoun: 'positions', required: true },
    { id: 'keyLabel', header: 'Key', kind: 'text', width: 80, editable: false },
  ], [succession.pools]);
  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0 }}>
      <PageHeader title="Talent pools" description="Named groups such as future leaders: their members, and the positions they are developed for." />
      <Card withBorder p="xs" style={{ height: 240, display: 'flex' }}>
        <SimpleGrid gridId="talent-pools" title="Talent pools" noun="pool" columns={POOL_COLUMNS} rows={(pools.data?.rows ?? []) as unknown as GridRow[]} save="succession.saveTalentPools" archive="succession.archiveTalentPools" />
      </Card>
      <Group align="flex-end">
        <Select label="Show pool" placeholder="All pools" clearable data={succession.pools} value={poolId} onChange={setPoolId} w={280} />
        <Text size="sm" c="dimmed" mb={8}>New rows name their pool, so members can be pasted into several pools at once.</Text>
      </Group>
      <Group grow align="stretch" style={{ flex: 1, minHeight: 320 }}>
        <Stack gap={4} style={{ minHeight: 0, height: '100%' }}>
          <Title order={2} size="h5">Members</Title>
          <div style={{ flex: 1, minHeight: 280 }}>
            <SimpleGrid gridId="pool-members" title="Pool members" noun="member" columns={memberColumns} rows={(members.data?.rows ?? []) as unknown as GridRow[]} save="succession.savePoolMembers" archive="succession.archivePoolMembers" />
          </div>
        </Stack>
        <Stack gap={4} style={{ minHeight: 0, height: '100%' }}>
          <Title order={2} size="h5">Positions it feeds</Title>
          <div style={{ flex: 1, minHeight: 280 }}>
            <SimpleGrid gridId="pool-positions" title="Pool positions" noun="position" columns={positionColumns}
              rows={(positions.data?.rows ?? []).map((row) => ({ ...row, keyLabel: row.isKey ? 'Yes' : 'No' })) as unknown as GridRow[]} save="succession.savePoolPositions" archive="succession.archivePoolPositions" />
          </div>
        </Stack>
      </Group>
    </Stack>
  );
}

const READINESS_COLUMNS: GridColumn[] = [
  { id: 'sortOrder', header: 'Order', kind: 'number', width: 80, required: true },
  { id: 'label', header: 'Readiness', kind: 'text', width: 220, required: true },
  { id: 'shortLabel', header: 'Short label (on the chart)', kind: 'text', width: 200, required: true },
  { id: 'description', header: 'Meaning', kind: 'text', width: 380 },
];

export function ReadinessGrid() {
  const levels = useApi('succession.listReadinessLevels', {});
  return (
    <SimpleGrid gridId="readiness-levels" title="Readiness scale" noun="readiness level" columns={READINESS_COLUMNS} rows={(levels.data?.rows ?? []) as unknown as GridRow[]} save="succession.saveReadinessLevels" archive="succession.archiveReadinessLevels" />
  );
}
