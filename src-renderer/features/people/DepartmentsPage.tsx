import { Switch } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../../api/hooks';
import { DataGrid, type GridColumn, type GridRow } from '../../grid';
import { archiveThroughApi, exportGrid, saveThroughApi } from '../shared/grid-adapters';
import { FullHeightPage, PageHeader } from '../shared/PageHeader';
import { departmentOptions } from './options';

export function DepartmentsPage() {
  const navigate = useNavigate();
  const [showArchived, setShowArchived] = useState(false);
  const departments = useApi('people.listDepartments', { includeArchived: showArchived || undefined });
  const all = useApi('people.listDepartments', { includeArchived: true });
  const parentOptions = useMemo(() => departmentOptions(all.data?.rows ?? []), [all.data]);
  const columns = useMemo<GridColumn[]>(
    () => [
      { id: 'name', header: 'Name', kind: 'text', width: 240, required: true },
      { id: 'code', header: 'Code', kind: 'text', width: 110 },
      { id: 'parentId', header: 'Parent department', kind: 'reference', width: 300, options: parentOptions, optionNoun: 'departments' },
      { id: 'headcount', header: 'Headcount', kind: 'number', width: 110, editable: false },
    ],
    [parentOptions],
  );
  return (
    <FullHeightPage
      header={
        <PageHeader
          title="Departments"
          description="The organisation as a tree: each department may sit under a parent. Headcount counts active and on-leave people."
          actions={<Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />}
        />
      }
    >
      <DataGrid
        gridId="departments"
        rowNoun={{ one: 'department', other: 'departments' }}
        viewKey={showArchived}
        columns={columns}
        rows={(departments.data?.rows ?? []) as unknown as GridRow[]}
        allowAdd
        onSave={(changes) => saveThroughApi('people.saveDepartments', changes, ({ headcount: _ignored, ...values }) => values)}
        onDelete={(rows) => archiveThroughApi('people.archiveDepartments', rows, 'department')}
        onExport={(format, rows, cols) => exportGrid('Departments', format, rows, cols)}
        onOpenRow={(row) => navigate(`/people/employees?department=${row.id}`)}
      />
    </FullHeightPage>
  );
}
