import { Select } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useApi } from '../../../api/hooks';
import { DataGrid, type GridColumn, type GridRow } from '../../../grid';
import { archiveThroughApi, exportGrid, saveThroughApi } from '../../shared/grid-adapters';
import { useSkillReferences } from '../shared/useSkillReferences';
import { skillOptionsWithType } from './skillOptions';

/** The skills grid, with a quick filter by skill type in its toolbar. */
export function SkillsTab({ showArchived }: { showArchived: boolean }) {
  const refs = useSkillReferences();
  const skills = useApi('skills.listSkills', { includeArchived: showArchived || undefined });
  const [typeFilter, setTypeFilter] = useState<string | null>(null);
  const allSkills = useMemo(() => skills.data?.rows ?? [], [skills.data]);
  const parentOptions = useMemo(() => skillOptionsWithType(allSkills, refs.skillTypes), [allSkills, refs.skillTypes]);
  const columns = useMemo<GridColumn[]>(
    () => [
      { id: 'name', header: 'Name', kind: 'text', width: 240, required: true },
      { id: 'skillTypeId', header: 'Type', kind: 'reference', width: 180, options: refs.skillTypeOptions, optionNoun: 'skill types', required: true },
      { id: 'ratingModelId', header: 'Rating model', kind: 'reference', width: 200, options: refs.ratingModelOptions, optionNoun: 'rating models', required: true },
      { id: 'parentId', header: 'Parent skill', kind: 'reference', width: 240, options: parentOptions, optionNoun: 'skills' },
      { id: 'externalId', header: 'External id', kind: 'text', width: 140 },
      { id: 'description', header: 'Description', kind: 'text', width: 380 },
    ],
    [refs.skillTypeOptions, refs.ratingModelOptions, parentOptions],
  );
  const rows = useMemo(
    () => (typeFilter ? allSkills.filter((s) => s.skillTypeId === typeFilter) : allSkills) as unknown as GridRow[],
    [allSkills, typeFilter],
  );
  return (
    <DataGrid
      gridId="skills"
      rowNoun={{ one: 'skill', other: 'skills' }}
      viewKey={showArchived}
      columns={columns}
      rows={rows}
      allowAdd
      onSave={(changes) => saveThroughApi('skills.saveSkills', changes)}
      onDelete={(selected) => archiveThroughApi('skills.archiveSkills', selected, 'skill')}
      onExport={(format, visible, cols) => exportGrid('Skills', format, visible, cols)}
      toolbarExtra={
        <Select
          size="xs"
          w={200}
          aria-label="Show skills of type"
          placeholder="All skill types"
          clearable
          searchable
          data={refs.skillTypeOptions}
          value={typeFilter}
          onChange={setTypeFilter}
          data-testid="skills-type-filter"
        />
      }
    />
  );
}
