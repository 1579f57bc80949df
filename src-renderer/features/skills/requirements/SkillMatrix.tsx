import { Alert, Anchor, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { call } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { DataGrid, type GridColumn, type RowChange, type SaveResult } from '../../../grid';
import { exportGrid } from '../../shared/grid-adapters';
import { useSkillReferences } from '../shared/useSkillReferences';
import { LocalVersions } from './localVersions';
import { matrixRows, planMatrixSave } from './matrix';
import { failedSave } from './saveErrors';

const JOB_COLUMNS: GridColumn[] = [
  { id: 'title', header: 'Job', kind: 'text', width: 220, editable: false, pinned: true },
  { id: 'family', header: 'Family', kind: 'text', width: 140, editable: false },
  { id: 'level', header: 'Level', kind: 'text', width: 90, editable: false },
];

/** Jobs down, the skills of one type across: each cell is the level a job requires, blank when it does not. */
export function SkillMatrix() {
  const refs = useSkillReferences();
  const jobs = useApi('people.listJobs', {});
  const requirements = useApi('skills.listRequirements', {});
  const [chosenType, setChosenType] = useState<string | null>(null);
  const [skillFilter, setSkillFilter] = useState('');
  const deferredFilter = useDeferredValue(skillFilter.trim().toLowerCase());
  const [versions] = useState(() => new LocalVersions());

  const typeId = chosenType ?? refs.skillTypes[0]?.id ?? null;
  const skills = useMemo(
    () => refs.skills.filter((s) => s.skillTypeId === typeId && s.name.toLowerCase().includes(deferredFilter)),
    [refs.skills, typeId, deferredFilter],
  );
  const columns = useMemo<GridColumn[]>(
    () => [...JOB_COLUMNS, ...skills.map((s): GridColumn => ({ id: s.id, header: s.name, kind: 'select', width: 150, options: refs.levelOptions(s.id) }))],
    [skills, refs],
  );
  const rows = useMemo(
    () => versions.stamp(matrixRows(jobs.data?.rows ?? [], requirements.data?.rows ?? [])),
    [versions, jobs.data, requirements.data],
  );

  async function save(changes: RowChange[]): Promise<SaveResult> {
    const plan = planMatrixSave(changes, (field) => refs.skillById.has(field));
    try {
      if (plan.changes.length > 0) await call('skills.saveRequirements', { changes: plan.changes });
      return { ok: true, rows: changes.map((change) => versions.saved(change.id ?? change.rowKey, change.values)) };
    } catch (error) {
      return failedSave(error, (index) => plan.cells[index]);
    }
  }

  if (refs.skillTypes.length === 0 && !refs.loading) {
    return (
      <Alert color="gray" data-testid="matrix-empty">
        There are no skill types yet. Add skill types and skills in the <Anchor component={Link} to="/skills">skill repository</Anchor> first.
      </Alert>
    );
  }
  return (
    <Stack gap="xs" h="100%">
      <Group gap="sm" align="flex-end">
        <Select
          label="Skill type"
          w={240}
          searchable
          allowDeselect={false}
          data={refs.skillTypeOptions}
          value={typeId}
          onChange={setChosenType}
          data-testid="matrix-skill-type"
        />
        <TextInput label="Skills named" placeholder="Filter skills…" w={240} value={skillFilter} onChange={(e) => setSkillFilter(e.currentTarget.value)} data-testid="matrix-skill-filter" />
        <Text size="sm" c="dimmed" pb={8} data-testid="matrix-caption">
          {rows.length} {rows.length === 1 ? 'job' : 'jobs'} × {skills.length} {skills.length === 1 ? 'skill' : 'skills'} shown
        </Text>
      </Group>
      <div style={{ flex: 1, minHeight: 0 }}>
        <DataGrid
          gridId="skill-matrix"
          rowNoun={{ one: 'job', other: 'jobs' }}
          columns={columns}
          rows={rows}
          onSave={save}
          onExport={(format, visible, cols) => exportGrid('Skill requirements', format, visible, cols)}
        />
      </div>
    </Stack>
  );
}
