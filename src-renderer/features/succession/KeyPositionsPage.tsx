import { Anchor, Switch, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { LEVEL_LABELS } from '../../../src-shared/api/succession';
import { STRENGTH_RULE } from '../../../src-shared/domain/succession';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { DataGrid, type GridColumn, type GridRow, type RowChange } from '../../grid';
import { exportGrid, saveThroughApi, toFailedSave } from '../shared/grid-adapters';
import { FullHeightPage, PageHeader } from '../shared/PageHeader';
import { positionLookup } from '../people/options';
import { LEVEL_OPTIONS } from './options';

/** Key positions marked elsewhere have no details yet (version 0): their first save carries no version. */
const withoutEmptyVersions = (changes: RowChange[]) => changes.map((change) => ({ ...change, version: change.version || undefined }));

export function KeyPositionsPage() {
  const [showUnmarked, setShowUnmarked] = useState(false);
  const keyPositions = useApi('succession.listKeyPositions', { includeArchived: showUnmarked || undefined });
  const columns = useMemo<GridColumn[]>(
    () => [
      { id: 'positionId', header: 'Position', kind: 'reference', width: 300, lookup: positionLookup, optionNoun: 'positions', required: true, pinned: true },
      { id: 'incumbentName', header: 'Incumbent', kind: 'text', width: 170, editable: false },
      { id: 'criticality', header: 'Criticality', kind: 'select', width: 110, options: LEVEL_OPTIONS, required: true },
      { id: 'vacancyRisk', header: 'Vacancy risk', kind: 'select', width: 120, options: LEVEL_OPTIONS, required: true },
      { id: 'reason', header: 'Why it is key', kind: 'text', width: 280 },
      { id: 'plannedLeaveDate', header: 'Incumbent leaves on', kind: 'date', width: 150 },
      { id: 'riskOfLoss', header: 'Risk of loss', kind: 'text', width: 110, editable: false },
      { id: 'impactOfLoss', header: 'Impact of loss', kind: 'text', width: 120, editable: false },
      { id: 'successors', header: 'Successors', kind: 'number', width: 100, editable: false },
      { id: 'readyNow', header: 'Ready now', kind: 'number', width: 100, editable: false },
      { id: 'strength', header: 'Bench strength', kind: 'number', width: 130, editable: false },
      { id: 'departmentName', header: 'Department', kind: 'text', width: 180, editable: false, hiddenByDefault: true },
    ],
    [],
  );
  const rows = useMemo(
    () => (keyPositions.data?.rows ?? []).map((row) => ({
      ...row,
      riskOfLoss: row.riskOfLoss ? LEVEL_LABELS[row.riskOfLoss] : null,
      impactOfLoss: row.impactOfLoss ? LEVEL_LABELS[row.impactOfLoss] : null,
    })) as unknown as GridRow[],
    [keyPositions.data],
  );
  return (
    <FullHeightPage
      header={
        <PageHeader
          title="Key positions"
          description="Positions whose loss would hurt most. Add a row to mark a position key (its succession plan is made with it); deleting a row unmarks it, keeping its details and plan for later."
          actions={
            <>
              <Text size="xs" c="dimmed" maw={420} title={STRENGTH_RULE}>Bench strength: <Anchor component={Link} to="/succession/plans" size="xs">how it is counted</Anchor></Text>
              <Switch label="Show unmarked" checked={showUnmarked} onChange={(e) => setShowUnmarked(e.currentTarget.checked)} />
            </>
          }
        />
      }
    >
      <DataGrid
        gridId="key-positions"
        columns={columns}
        rows={rows}
        allowAdd
        onSave={(changes) => saveThroughApi('succession.saveKeyPositions', withoutEmptyVersions(changes))}
        onDelete={async (selected) => {
          try {
            await call('succession.unmarkKeyPositions', { ids: selected.map((row) => row.id) });
            return { ok: true };
          } catch (error) {
            return toFailedSave(error, []);
          }
        }}
        onExport={(format, visible, cols) => exportGrid('Key positions', format, visible, cols)}
      />
    </FullHeightPage>
  );
}
