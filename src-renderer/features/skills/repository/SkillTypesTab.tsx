import { useApi } from '../../../api/hooks';
import { DataGrid, type GridColumn, type GridRow } from '../../../grid';
import { archiveThroughApi, exportGrid, saveThroughApi } from '../../shared/grid-adapters';

const COLUMNS: GridColumn[] = [
  { id: 'name', header: 'Name', kind: 'text', width: 240, required: true },
  { id: 'description', header: 'Description', kind: 'text', width: 480 },
  { id: 'skillCount', header: 'Skills', kind: 'number', width: 100, editable: false },
];

/** Skill types group the repository (technical, behavioural, languages…); the count is of active skills. */
export function SkillTypesTab({ showArchived }: { showArchived: boolean }) {
  const types = useApi('skills.listSkillTypes', { includeArchived: showArchived || undefined });
  return (
    <DataGrid
      gridId="skill-types"
      rowNoun={{ one: 'skill type', other: 'skill types' }}
      viewKey={showArchived}
      columns={COLUMNS}
      rows={(types.data?.rows ?? []) as unknown as GridRow[]}
      allowAdd
      onSave={(changes) => saveThroughApi('skills.saveSkillTypes', changes, ({ skillCount: _readOnly, ...values }) => values)}
      onDelete={(selected) => archiveThroughApi('skills.archiveSkillTypes', selected, 'skill type')}
      onExport={(format, visible, cols) => exportGrid('Skill types', format, visible, cols)}
    />
  );
}
