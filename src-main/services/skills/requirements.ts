import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Requirement, requirementChange } from '../../../src-shared/api';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { recordAudit, type AuditChange } from '../shared/audit';
import { existingIdSet, loadSkillInfo, skillLevelIssues, throwIfIssues } from './skill-levels';

type Change = z.infer<typeof requirementChange>;
interface StoredRequirement extends Requirement {}

const COLUMNS = `id, job_id AS jobId, skill_id AS skillId, level, weight, created_at AS createdAt, updated_at AS updatedAt, version`;

export async function listRequirements(ctx: ServiceContext, filter: { jobId?: string; skillId?: string }): Promise<Requirement[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.jobId) (where.push('job_id = ?'), params.push(filter.jobId));
  if (filter.skillId) (where.push('skill_id = ?'), params.push(filter.skillId));
  return ctx.store.raw.prepare(`SELECT ${COLUMNS} FROM job_skill ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).all(...params) as Requirement[];
}

/** Matrix cells, all or nothing: level null removes a requirement, otherwise it is created or updated. */
export async function saveRequirements(ctx: ServiceContext, changes: Change[]): Promise<{ saved: number; removed: number }> {
  const skills = loadSkillInfo(ctx);
  const jobs = existingIdSet(ctx, 'job');
  const issues: ErrorIssue[] = [];
  const seen = new Map<string, number>();
  changes.forEach((change, index) => {
    if (!jobs.has(change.jobId)) issues.push({ path: ['changes', index, 'jobId'], row: index + 1, field: 'jobId', message: 'The job does not exist.' });
    issues.push(...skillLevelIssues(skills, index, change.skillId, change.level, change.level === null));
    const key = `${change.jobId}|${change.skillId}`;
    if (seen.has(key)) issues.push({ path: ['changes', index], row: index + 1, message: `The same job and skill also appear in change ${seen.get(key)! + 1}.` });
    seen.set(key, index);
  });
  throwIfIssues(issues, 'requirements');
  const db = ctx.store.raw;
  const find = db.prepare(`SELECT ${COLUMNS} FROM job_skill WHERE job_id = ? AND skill_id = ?`);
  const insert = db.prepare(`INSERT INTO job_skill (id, job_id, skill_id, level, weight, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`);
  const update = db.prepare(`UPDATE job_skill SET level = ?, weight = ?, updated_at = ?, version = version + 1 WHERE id = ?`);
  const remove = db.prepare(`DELETE FROM job_skill WHERE id = ?`);
  const audit: AuditChange[] = [];
  let saved = 0;
  let removed = 0;
  for (const change of changes) {
    const before = find.get(change.jobId, change.skillId) as StoredRequirement | undefined;
    if (change.level === null) {
      if (before) (remove.run(before.id), removed++, audit.push({ entity: 'job_skill', entityId: before.id, action: 'delete', before }));
      continue;
    }
    const weight = change.weight ?? before?.weight ?? 1;
    if (before) update.run(change.level, weight, ctx.now, before.id);
    else insert.run(randomUUID(), change.jobId, change.skillId, change.level, weight, ctx.now, ctx.now);
    const after = { jobId: change.jobId, skillId: change.skillId, level: change.level, weight };
    audit.push({ entity: 'job_skill', entityId: before?.id ?? `${change.jobId}/${change.skillId}`, action: before ? 'update' : 'create', before, after });
    saved++;
  }
  await recordAudit(ctx, audit);
  return { saved, removed };
}

/** Copies one job's requirements to others: replace wipes theirs first, merge keeps what they have. */
export async function copyRequirements(ctx: ServiceContext, input: { fromJobId: string; toJobIds: string[]; mode: 'replace' | 'merge' }) {
  const jobs = existingIdSet(ctx, 'job');
  const missing = [input.fromJobId, ...input.toJobIds].find((id) => !jobs.has(id));
  if (missing) throw new AppError('NOT_FOUND', `Job ${missing} was not found.`);
  const targets = [...new Set(input.toJobIds)].filter((id) => id !== input.fromJobId);
  if (targets.length === 0) throw new AppError('VALIDATION', 'Choose at least one job other than the one you copy from.');
  const source = await listRequirements(ctx, { jobId: input.fromJobId });
  const changes: Change[] = [];
  for (const jobId of targets) {
    const existing = await listRequirements(ctx, { jobId });
    const copied = new Set(source.map((r) => r.skillId));
    if (input.mode === 'replace') for (const r of existing) if (!copied.has(r.skillId)) changes.push({ jobId, skillId: r.skillId, level: null });
    const kept = new Set(existing.map((r) => r.skillId));
    for (const r of source) if (input.mode === 'replace' || !kept.has(r.skillId)) changes.push({ jobId, skillId: r.skillId, level: r.level, weight: r.weight });
  }
  const result = changes.length ? await saveRequirements(ctx, changes) : { saved: 0, removed: 0 };
  return { jobs: targets.length, requirements: result.saved };
}
