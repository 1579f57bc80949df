import type { Input, Job, Requirement } from '../../../../src-shared/api';
import type { RowChange } from '../../../grid';
import type { UnversionedRow } from './localVersions';
import type { CellTarget } from './saveErrors';

type RequirementChange = Input<'skills.saveRequirements'>['changes'][number];

/** A matrix row without its version: a job and its required level of every skill, as option values ("3"). */
export type MatrixRow = UnversionedRow & { title: string; family: string | null; level: string | null };

export function matrixRows(jobs: Job[], requirements: Requirement[]): MatrixRow[] {
  const byJob = new Map<string, Record<string, string>>();
  for (const r of requirements) {
    const levels = byJob.get(r.jobId) ?? {};
    levels[r.skillId] = String(r.level);
    byJob.set(r.jobId, levels);
  }
  return jobs.map((job) => ({ ...byJob.get(job.id), id: job.id, title: job.title, family: job.family, level: job.level }));
}

export interface MatrixSavePlan {
  changes: RequirementChange[];
  /** The cell each change came from, by index, to put the server's issues back in place. */
  cells: CellTarget[];
}

/** One requirement change per edited skill cell; a blank cell removes the requirement. */
export function planMatrixSave(rowChanges: RowChange[], isSkill: (field: string) => boolean): MatrixSavePlan {
  const plan: MatrixSavePlan = { changes: [], cells: [] };
  for (const change of rowChanges) {
    for (const [skillId, value] of Object.entries(change.values)) {
      if (!isSkill(skillId) || change.id === undefined) continue;
      plan.changes.push({ jobId: change.id, skillId, level: value === null || value === undefined || value === '' ? null : Number(value) });
      plan.cells.push({ rowKey: change.rowKey, field: skillId });
    }
  }
  return plan;
}
