// Succession plans: one per key position (made when the position is marked key), optionally one
// per job for roles with many incumbents; each with its bench of successors.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { planFields, type Plan } from '../../../src-shared/api/succession';
import { planStrength, readinessCounts, readyNowCount } from '../../../src-shared/domain/succession';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import { SuccessionPlanEntity, type SuccessionPlanRow } from '../../store/entities/succession';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { rowIssue, saveBatch, setArchived, type BatchSpec, type Candidate, type RowChangeInput } from '../shared/batch';
import { jsonIds, PERSON_NAME, readinessLevels } from './common';

type Values = z.infer<typeof planFields>;

export interface Bench {
  entries: { readinessId: string }[];
  emergency: boolean;
}

/** The active successors of each plan (all plans, or those given), as bench entries. */
export function benchOf(ctx: ServiceContext, planIds?: string[]): Map<string, Bench> {
  const filter = planIds ? `AND n.plan_id IN (SELECT value FROM json_each(@ids))` : '';
  const rows = ctx.store.raw
    .prepare(`SELECT n.plan_id AS planId, n.readiness_id AS readinessId, n.emergency FROM succession_nomination n WHERE n.archived = 0 ${filter}`)
    .all({ ids: planIds ? jsonIds(planIds) : null }) as { planId: string; readinessId: string; emergency: number }[];
  const bench = new Map<string, Bench>();
  for (const row of rows) {
    const entry = bench.get(row.planId) ?? { entries: [], emergency: false };
    entry.entries.push({ readinessId: row.readinessId });
    entry.emergency ||= Boolean(row.emergency);
    bench.set(row.planId, entry);
  }
  return bench;
}

/** A plan's label over `sp` and its position `p`, department `d` and job `j`: "Head of Sales · Sales" or "Job: Account Executive (L3)". */
export const PLAN_LABEL = `(CASE WHEN sp.position_id IS NOT NULL THEN p.title || coalesce(' · ' || d.name, '')
         ELSE 'Job: ' || j.title || coalesce(' (' || j.level || ')', '') END)`;
/** The plans the plans page lists: of jobs, and of positions while they are key (`p` joined). */
export const LISTED_PLAN = `(sp.position_id IS NULL OR p.is_key = 1)`;

const PLAN_SELECT = `SELECT sp.id, sp.position_id AS positionId, sp.job_id AS jobId, ${PLAN_LABEL} AS label,
    d.name AS departmentName, ${PERSON_NAME('e')} AS incumbentName,
    sp.notes, sp.reviewed_on AS reviewedOn, sp.archived, sp.created_at AS createdAt, sp.updated_at AS updatedAt, sp.version
  FROM succession_plan sp
  LEFT JOIN position p ON p.id = sp.position_id
  LEFT JOIN department d ON d.id = p.department_id
  LEFT JOIN employee e ON e.position_id = p.id
  LEFT JOIN job j ON j.id = sp.job_id`;

type PlanSqlRow = Omit<Plan, 'archived' | 'counts' | 'successors' | 'readyNow' | 'emergencyCover' | 'strength'> & { archived: number };

function toPlans(ctx: ServiceContext, rows: PlanSqlRow[]): Plan[] {
  const levels = readinessLevels(ctx);
  const bench = benchOf(ctx, rows.length > 500 ? undefined : rows.map((row) => row.id));
  return rows.map((row) => {
    const own = bench.get(row.id) ?? { entries: [], emergency: false };
    return {
      ...row,
      archived: Boolean(row.archived),
      counts: readinessCounts(own.entries, levels),
      successors: own.entries.length,
      readyNow: readyNowCount(own.entries, levels),
      emergencyCover: own.emergency,
      strength: planStrength(own.entries, levels),
    };
  });
}

/** Plans of key positions and of jobs; a plan whose position is no longer key is left out (it comes back when the position is marked key again). */
export async function listPlans(ctx: ServiceContext, includeArchived = false): Promise<Plan[]> {
  const rows = ctx.store.raw
    .prepare(`${PLAN_SELECT} WHERE ${LISTED_PLAN} ${includeArchived ? '' : 'AND sp.archived = 0'}
              ORDER BY sp.job_id IS NOT NULL, label COLLATE NOCASE`)
    .all() as PlanSqlRow[];
  return toPlans(ctx, rows);
}

export function plansByIds(ctx: ServiceContext, ids: string[]): Plan[] {
  const rows = ctx.store.raw.prepare(`${PLAN_SELECT} WHERE sp.id IN (SELECT value FROM json_each(?))`).all(jsonIds(ids)) as PlanSqlRow[];
  const byId = new Map(toPlans(ctx, rows).map((plan) => [plan.id, plan]));
  return ids.map((id) => byId.get(id)!);
}

const spec: BatchSpec<SuccessionPlanRow, Values> = {
  entity: SuccessionPlanEntity,
  label: 'Succession plan',
  fields: planFields,
  toValues: (row) => ({ positionId: row.positionId, jobId: row.jobId, notes: row.notes, reviewedOn: row.reviewedOn }),
  toColumns: (v) => ({ positionId: v.positionId ?? null, jobId: v.jobId ?? null, notes: v.notes ?? null, reviewedOn: v.reviewedOn ?? null }),
  check: checkPlans,
};

async function checkPlans(candidates: Candidate<Values>[], ctx: ServiceContext): Promise<ErrorIssue[]> {
  const issues: ErrorIssue[] = [];
  const db = ctx.store.raw;
  const position = db.prepare(`SELECT title, is_key AS isKey, archived FROM position WHERE id = ?`);
  const job = db.prepare(`SELECT title, archived FROM job WHERE id = ?`);
  const existing = db.prepare(`SELECT id FROM succession_plan WHERE archived = 0 AND id <> @id AND (position_id = @positionId OR job_id = @jobId)`);
  const claimed = new Set<string>();
  for (const c of candidates) {
    const { positionId, jobId } = c.values;
    if (Boolean(positionId) === Boolean(jobId)) {
      issues.push(rowIssue(c.index, 'positionId', 'A plan is for one key position or for one job: choose one of them.'));
      continue;
    }
    if (!c.isNew && (c.changedFields.includes('positionId') || c.changedFields.includes('jobId'))) {
      issues.push(rowIssue(c.index, positionId ? 'positionId' : 'jobId', 'A plan stays with its position or job; make a new plan instead.'));
      continue;
    }
    if (positionId) {
      const found = position.get(positionId) as { title: string; isKey: number; archived: number } | undefined;
      if (!found || found.archived) issues.push(rowIssue(c.index, 'positionId', 'The position does not exist (it may have been archived).'));
      else if (!found.isKey) issues.push(rowIssue(c.index, 'positionId', `"${found.title}" is not a key position; mark it key before planning its succession.`));
    } else {
      const found = job.get(jobId!) as { title: string; archived: number } | undefined;
      if (!found || found.archived) issues.push(rowIssue(c.index, 'jobId', 'The job does not exist (it may have been archived).'));
    }
    const target = (positionId ?? jobId)!;
    if (claimed.has(target) || existing.get({ id: c.id, positionId: positionId ?? null, jobId: jobId ?? null })) {
      issues.push(rowIssue(c.index, positionId ? 'positionId' : 'jobId', `This ${positionId ? 'position' : 'job'} already has a succession plan.`));
    }
    claimed.add(target);
  }
  return issues;
}

export async function savePlans(ctx: ServiceContext, rows: RowChangeInput[]): Promise<Plan[]> {
  const saved = await saveBatch(spec, rows, ctx);
  return plansByIds(ctx, saved.map((row) => row.id));
}

/** A key position's plan goes with its key status (unmark the position instead); job plans can be archived. */
export async function archivePlans(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  if (archived) {
    const keyed = ctx.store.raw
      .prepare(`SELECT p.title FROM succession_plan sp JOIN position p ON p.id = sp.position_id WHERE sp.id IN (SELECT value FROM json_each(?)) AND p.is_key = 1 LIMIT 1`)
      .get(jsonIds(ids)) as { title: string } | undefined;
    if (keyed) throw new AppError('VALIDATION', `"${keyed.title}" is a key position: its plan stays while it is key. Unmark the key position instead. Nothing was archived.`);
  }
  return setArchived(SuccessionPlanEntity, 'Succession plan', ids, archived, ctx);
}

/** The active plan of a key position, restoring an archived one or making a new one (audited). */
export async function ensurePositionPlan(ctx: ServiceContext, positionId: string): Promise<string> {
  const db = ctx.store.raw;
  const active = db.prepare(`SELECT id FROM succession_plan WHERE position_id = ? AND archived = 0`).get(positionId) as { id: string } | undefined;
  if (active) return active.id;
  const archivedPlan = db.prepare(`SELECT id FROM succession_plan WHERE position_id = ? AND archived = 1 ORDER BY updated_at DESC LIMIT 1`).get(positionId) as { id: string } | undefined;
  if (archivedPlan) {
    db.prepare(`UPDATE succession_plan SET archived = 0, updated_at = ?, version = version + 1 WHERE id = ?`).run(ctx.now, archivedPlan.id);
    await recordAudit(ctx, [{ entity: 'succession_plan', entityId: archivedPlan.id, action: 'restore', before: { archived: true }, after: { archived: false } }]);
    return archivedPlan.id;
  }
  const id = randomUUID();
  const row = { id, positionId, jobId: null, notes: null, reviewedOn: null, archived: false, createdAt: ctx.now, updatedAt: ctx.now, version: 1 };
  db.prepare(`INSERT INTO succession_plan (id, created_at, updated_at, version, position_id) VALUES (?, ?, ?, 1, ?)`).run(id, ctx.now, ctx.now, positionId);
  await recordAudit(ctx, [{ entity: 'succession_plan', entityId: id, action: 'create', after: row }]);
  return id;
}
