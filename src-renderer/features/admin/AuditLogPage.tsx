import { useMemo } from 'react';
import { useApi } from '../../api/hooks';
import { DataGrid, type GridColumn, type GridRow } from '../../grid';
import { exportGrid } from '../shared/grid-adapters';
import { FullHeightPage, PageHeader } from '../shared/PageHeader';

const COLUMNS: GridColumn[] = [
  { id: 'at', header: 'When (UTC)', kind: 'text', width: 190, editable: false },
  { id: 'actor', header: 'Who', kind: 'text', width: 130, editable: false },
  { id: 'entity', header: 'Record type', kind: 'text', width: 120, editable: false },
  { id: 'action', header: 'Action', kind: 'text', width: 100, editable: false },
  { id: 'entityId', header: 'Record id', kind: 'text', width: 290, editable: false, hiddenByDefault: true },
  { id: 'before', header: 'Before', kind: 'text', width: 360, editable: false },
  { id: 'after', header: 'After', kind: 'text', width: 360, editable: false },
];

export function AuditLogPage() {
  const events = useApi('admin.listAuditEvents', { limit: 10_000 });
  const rows = useMemo(() => (events.data?.rows ?? []).map((e) => ({ ...e, version: 1 })) as unknown as GridRow[], [events.data]);
  return (
    <FullHeightPage
      header={<PageHeader title="Audit log" description={`Newest first${events.data ? ` · showing ${rows.length} of ${events.data.total.toLocaleString()} events` : ''}. Read only.`} />}
    >
      <DataGrid
        gridId="audit"
        columns={COLUMNS}
        rows={rows}
        onSave={async () => ({ ok: false, message: 'The audit log cannot be edited.', errors: [] })}
        onExport={(format, visible, cols) => exportGrid('Audit log', format, visible, cols)}
      />
    </FullHeightPage>
  );
}
