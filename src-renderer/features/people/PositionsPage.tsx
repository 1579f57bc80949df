import { Switch } from '@mantine/core';
import { useMemo, useState } from 'react';
import { DataGrid, type GridColumn, type GridRow } from '../../grid';
import { archiveThroughApi, exportGrid, saveThroughApi, useApiRowSource } from '../shared/grid-adapters';
import { FullHeightPage, PageHeader } from '../shared/PageHeader';
import { YES_NO, employeeLookup, positionLookup, usePeopleReferences } from './options';

/** The grid edits the key-position flag as Yes/No; the API takes a boolean. */
const toApiValues = (values: Record<string, unknown>) =>
  'isKey' in values ? { ...values, isKey: values.isKey === 'yes' } : values;
const toRow = (row: GridRow): GridRow => ({ ...row, isKey: row.isKey ? 'yes' : 'no' });

export function PositionsPage() {
  const [showArchived, setShowArchived] = useState(false);
  // An organisation has about as many positions as people: the grid reads the rows it shows.
  const source = useApiRowSource('people.listPositionWindow', showArchived ? { includeArchived: true } : {}, { method: 'people.exportPositions', title: 'Positions' }, toRow);
  const refs = usePeopleReferences();
  const columns = useMemo<GridColumn[]>(
    () => [
      { id: 'title', header: 'Title', kind: 'text', width: 240, required: true },
      { id: 'jobId', header: 'Job', kind: 'reference', width: 220, options: refs.jobs, optionNoun: 'jobs', required: true },
      { id: 'departmentId', header: 'Department', kind: 'reference', width: 240, options: refs.departments, optionNoun: 'departments', required: true },
      { id: 'reportsToId', header: 'Reports to', kind: 'reference', width: 260, lookup: positionLookup, optionNoun: 'positions' },
      { id: 'incumbentId', header: 'Incumbent', kind: 'reference', width: 220, lookup: employeeLookup, optionNoun: 'employees' },
      { id: 'isKey', header: 'Key position', kind: 'select', width: 120, options: YES_NO },
    ],
    [refs.jobs, refs.departments],
  );
  return (
    <FullHeightPage
      header={
        <PageHeader
          title="Positions"
          description="Seats in the organisation: a job in a department, a reporting line, and the person who holds it. Key positions are the ones succession plans cover."
          actions={<Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />}
        />
      }
    >
      <DataGrid
        gridId="positions"
        rowNoun={{ one: 'position', other: 'positions' }}
        viewKey={showArchived}
        columns={columns}
        source={source}
        allowAdd
        onSave={async (changes) => {
          const result = await saveThroughApi('people.savePositions', changes, toApiValues);
          return result.ok ? { ok: true, rows: result.rows.map(toRow) } : result;
        }}
        onDelete={(selected) => archiveThroughApi('people.archivePositions', selected, 'position')}
        onExport={(format, visible, cols) => exportGrid('Positions', format, visible, cols)}
      />
    </FullHeightPage>
  );
}
