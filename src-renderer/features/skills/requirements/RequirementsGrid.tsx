import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { Requirement } from '../../../../src-shared/api';
import { call } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { DataGrid, type GridColumn, type GridRow, type RowChange, type SaveResult } from '../../../grid';
import { jobLabel } from '../../people/options';
import { exportGrid } from '../../shared/grid-adapters';
import { skillOptionsWithType } from '../repository/skillOptions';
import { useSkillReferences } from '../shared/useSkillReferences';
import { RequirementBook, planLongFormSave, removals, savedRows } from './longForm';
import { failedSave } from './saveErrors';

/** Issue fields that name a column of this grid. */
const CELL_FIELDS = new Set(['jobId', 'skillId', 'level', 'weight']);

/** Requirements one per row (job, skill, level, weight): the place for bulk pastes and weights. */
export function RequirementsGrid() {
  const refs = useSkillReferences();
  const jobs = useApi('people.listJobs', {});
  const requirements = useApi('skills.listRequirements', {});
  const [book] = useState(() => new RequirementBook());
  const jobOptions = useMemo(
    () => (jobs.data?.rows ?? []).map((j) => ({ value: j.id, label: jobLabel(j), aliases: [j.title] })).sort((a, b) => a.label.localeCompare(b.label)),
    [jobs.data],
  );
  const skillOptions = useMemo(() => skillOptionsWithType(refs.skills, refs.skillTypes), [refs.skills, refs.skillTypes]);
  const columns = useMemo<GridColumn[]>(
    () => [
      { id: 'jobId', header: 'Job', kind: 'reference', width: 300, options: jobOptions, optionNoun: 'jobs', required: true },
      { id: 'skillId', header: 'Skill', kind: 'reference', width: 260, options: skillOptions, optionNoun: 'skills', required: true },
      { id: 'level', header: 'Level', kind: 'number', width: 80, required: true },
      { id: 'levelName', header: 'Level name', kind: 'text', width: 180, editable: false },
      { id: 'weight', header: 'Weight', kind: 'number', width: 100 },
    ],
    [jobOptions, skillOptions],
  );
  const withLevelName = (r: Requirement): GridRow => ({ ...r, levelName: refs.levelLabel(r.skillId, r.level) });
  const rows = useMemo(() => {
    const stored = requirements.data?.rows ?? [];
    book.remember(stored);
    const jobOrder = new Map(jobOptions.map((o, i) => [o.value, i]));
    const skillOrder = new Map(skillOptions.map((o, i) => [o.value, i]));
    const rank = (r: Requirement) => [jobOrder.get(r.jobId) ?? -1, skillOrder.get(r.skillId) ?? -1];
    return [...stored]
      .sort((a, b) => {
        const [jobA, skillA] = rank(a);
        const [jobB, skillB] = rank(b);
        return jobA - jobB || skillA - skillB;
      })
      .map(withLevelName);
  }, [requirements.data, jobOptions, skillOptions, refs]);

  async function save(changes: RowChange[]): Promise<SaveResult> {
    const plan = planLongFormSave(changes, book);
    if (plan.missing.length > 0) return { ok: false, message: 'A new requirement needs a job, a skill and a level.', errors: plan.missing };
    try {
      await call('skills.saveRequirements', { changes: plan.changes });
      const { rows: stored } = await call('skills.listRequirements', {});
      const saved = savedRows(changes, plan, stored);
      book.saved(saved);
      return { ok: true, rows: saved.map(withLevelName) };
    } catch (error) {
      return failedSave(error, (index, issue) => ({
        rowKey: plan.rowKeys[index],
        field: issue.field && CELL_FIELDS.has(issue.field) ? issue.field : undefined,
      }));
    }
  }

  async function remove(selected: GridRow[]): Promise<SaveResult | { ok: true }> {
    try {
      const { removed } = await call('skills.saveRequirements', { changes: removals(selected, book) });
      notifications.show({ color: 'teal', message: `${removed} ${removed === 1 ? 'requirement' : 'requirements'} removed.` });
      return { ok: true };
    } catch (error) {
      return failedSave(error, (index) => ({ rowKey: selected[index].id }));
    }
  }

  return (
    <DataGrid
      gridId="requirements"
      rowNoun={{ one: 'requirement', other: 'requirements' }}
      columns={columns}
      rows={rows}
      allowAdd
      onSave={save}
      onDelete={remove}
      onExport={(format, visible, cols) => exportGrid('Job requirements', format, visible, cols)}
    />
  );
}
