import { Switch } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../../api/hooks';
import { DataGrid, type GridColumn, type GridRow } from '../../grid';
import { archiveThroughApi, exportGrid, saveThroughApi } from '../shared/grid-adapters';
import { FullHeightPage, PageHeader } from '../shared/PageHeader';

const COLUMNS: GridColumn[] = [
  { id: 'title', header: 'Title', kind: 'text', width: 260, required: true },
  { id: 'family', header: 'Job family', kind: 'text', width: 180 },
  { id: 'level', header: 'Level / grade', kind: 'text', width: 120 },
  { id: 'description', header: 'Description', kind: 'text', width: 420 },
];

export function JobsPage() {
  const [showArchived, setShowArchived] = useState(false);
  const jobs = useApi('people.listJobs', { includeArchived: showArchived || undefined });
  return (
    <FullHeightPage
      header={
        <PageHeader
          title="Jobs"
          description="Job titles by family and level. Positions and employees refer to them; skills requirements will too."
          actions={<Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />}
        />
      }
    >
      <DataGrid
        gridId="jobs"
        rowNoun={{ one: 'job', other: 'jobs' }}
        viewKey={showArchived}
        columns={COLUMNS}
        rows={(jobs.data?.rows ?? []) as unknown as GridRow[]}
        allowAdd
        onSave={(changes) => saveThroughApi('people.saveJobs', changes)}
        onDelete={(rows) => archiveThroughApi('people.archiveJobs', rows, 'job')}
        onExport={(format, rows, cols) => exportGrid('Jobs', format, rows, cols)}
      />
    </FullHeightPage>
  );
}
