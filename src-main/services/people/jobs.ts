import type { z } from 'zod';
import { jobFields, type Job } from '../../../src-shared/api';
import type { ErrorIssue } from '../../../src-shared/errors';
import { JobEntity, type JobRow } from '../../store/entities/people';
import type { ServiceContext } from '../context';
import { rowIssue, saveBatch, setArchived, type BatchSpec, type Candidate, type RowChangeInput } from '../shared/batch';
import { withFieldLabels } from './labels';

type Values = z.infer<typeof jobFields>;

export async function listJobs(ctx: ServiceContext, includeArchived = false): Promise<Job[]> {
  const rows: JobRow[] = await ctx.manager.query(
    `SELECT id, title, family, level, description, archived, created_at AS createdAt, updated_at AS updatedAt, version
       FROM job ${includeArchived ? '' : 'WHERE archived = 0'} ORDER BY title COLLATE NOCASE, level`,
  );
  return rows.map(toJob);
}

export const toJob = (row: JobRow): Job => ({
  id: row.id,
  title: row.title,
  family: row.family ?? null,
  level: row.level ?? null,
  description: row.description ?? null,
  archived: Boolean(row.archived),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

const spec: BatchSpec<JobRow, Values> = {
  entity: JobEntity,
  label: 'Job',
  fields: jobFields,
  toValues: (row) => ({ title: row.title, family: row.family, level: row.level, description: row.description }),
  toColumns: (v) => ({ title: v.title, family: v.family ?? null, level: v.level ?? null, description: v.description ?? null }),
  check: checkJobs,
};

async function checkJobs(candidates: Candidate<Values>[], ctx: ServiceContext): Promise<ErrorIssue[]> {
  const batchIds = new Set(candidates.map((c) => c.id));
  const stored: { id: string; title: string; level: string | null }[] = await ctx.manager.query(`SELECT id, title, level FROM job`);
  const key = (title: string, level: string | null | undefined) => `${title.toLowerCase()}\u0000${level ?? ''}`;
  const taken = new Set(stored.filter((j) => !batchIds.has(j.id)).map((j) => key(j.title, j.level)));
  const issues: ErrorIssue[] = [];
  for (const c of candidates) {
    const k = key(c.values.title, c.values.level);
    if (taken.has(k)) {
      const level = c.values.level ? ` at level ${c.values.level}` : '';
      issues.push(rowIssue(c.index, 'title', `A job "${c.values.title}"${level} already exists.`));
    }
    taken.add(k);
  }
  return issues;
}

export async function saveJobs(ctx: ServiceContext, rows: RowChangeInput[]): Promise<Job[]> {
  const saved = await withFieldLabels('job', () => saveBatch(spec, rows, ctx));
  return saved.map(toJob);
}

export async function archiveJobs(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  const count = await setArchived(JobEntity, 'Job', ids, archived, ctx);
  return count;
}
