import { Anchor, Switch, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { LEVEL_LABELS, type KeyPosition } from '../../../src-shared/api/succession';
import { STRENGTH_RULE } from '../../../src-shared/domain/succession';
import { call } from '../../api/client';
import { DataGrid, type GridColumn, type GridRow, type RowChange } from '../../grid';
import { exportGrid, saveThroughApi, toFailedSave, useApiRowSource } from '../shared/grid-adapters';
import { FullHeightPage, PageHeader } from '../shared/PageHeader';
import { positionLookup } from '../people/options';
import { LEVEL_OPTIONS } from './options';

/** Key positions marked elsewhere have no details yet (version 0): their first save carries no version. */
const withoutEmptyVersions = (changes: RowChange[]) => changes.map((change) => ({ ...change, version: change.version || undefined }));

/** Risk and impact of loss as the words the grid shows. */
const toRow = (row: GridRow): GridRow => {
  const key = row as unknown as KeyPosition;
  return { ...row, riskOfLoss: key.riskOfLoss ? LEVEL_LABELS[key.riskOfLoss] : null, impactOfLoss: key.impactOfLoss ? LEVEL_LABELS[key.impactOfLoss] : null };
};

export function KeyPositionsPage() {
  const [showUnmarked, setShowUnmarked] = useState(false);
  // A key position per plan (5,000 at 50,000 people): the grid reads the rows it shows, sorted and filtered in the main process.
  const source = useApiRowSource('succession.listKeyPositionWindow', showUnmarked ? { includeArchived: true } : {}, { method: 'succession.exportKeyPositions', title: 'Key positions' }, toRow);
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
        rowNoun={{ one: 'key position', other: 'key positions' }}
        viewKey={showUnmarked}
        columns={columns}
        source={source}
        allowAdd
        onSave={async (changes) => {
          const result = await saveThroughApi('succession.saveKeyPositions', withoutEmptyVersions(changes));
          return result.ok ? { ok: true, rows: result.rows.map(toRow) } : result;
        }}
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
