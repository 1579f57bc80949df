import type { z } from 'zod';
import { positionFields, type Position } from '../../../src-shared/api';
import type { ErrorIssue } from '../../../src-shared/errors';
import { PositionEntity, type PositionRow } from '../../store/entities/people';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { formsLoop, rowIssue, saveBatch, setArchived, type BatchSpec, type Candidate, type RowChangeInput } from '../shared/batch';
import { existingIds, parentMap } from '../shared/lookups';
import { recordChangeToday } from './assignments';

type Values = z.infer<typeof positionFields>;
type PositionWithIncumbent = PositionRow & { incumbentId: string | null };

export async function listPositions(ctx: ServiceContext, includeArchived = false): Promise<Position[]> {
  const rows: PositionWithIncumbent[] = await ctx.manager.query(
    `SELECT p.id, p.title, p.job_id AS jobId, p.department_id AS departmentId, p.reports_to_id AS reportsToId,
            p.is_key AS isKey, p.archived, p.created_at AS createdAt, p.updated_at AS updatedAt, p.version,
            (SELECT e.id FROM employee e WHERE e.position_id = p.id) AS incumbentId
       FROM position p ${includeArchived ? '' : 'WHERE p.archived = 0'} ORDER BY p.title COLLATE NOCASE`,
  );
  return rows.map(toPosition);
}

const toPosition = (row: PositionWithIncumbent): Position => ({
  id: row.id,
  title: row.title,
  jobId: row.jobId,
  departmentId: row.departmentId,
  reportsToId: row.reportsToId ?? null,
  incumbentId: row.incumbentId ?? null,
  isKey: Boolean(row.isKey),
  archived: Boolean(row.archived),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

async function incumbents(ctx: ServiceContext, ids: string[]): Promise<Map<string, string>> {
  const rows: { id: string; positionId: string }[] = await ctx.manager.query(
    `SELECT id, position_id AS positionId FROM employee WHERE position_id IS NOT NULL`,
  );
  const wanted = new Set(ids);
  return new Map(rows.filter((r) => wanted.has(r.positionId)).map((r) => [r.positionId, r.id]));
}

function makeSpec(currentIncumbents: Map<string, string>): BatchSpec<PositionRow, Values> {
  return {
    entity: PositionEntity,
    label: 'Position',
    fields: positionFields,
    toValues: (row) => ({
      title: row.title,
      jobId: row.jobId,
      departmentId: row.departmentId,
      reportsToId: row.reportsToId,
      isKey: Boolean(row.isKey),
      incumbentId: currentIncumbents.get(row.id) ?? null,
    }),
    toColumns: (v) => ({
      title: v.title,
      jobId: v.jobId,
      departmentId: v.departmentId,
      reportsToId: v.reportsToId ?? null,
      isKey: Boolean(v.isKey),
    }),
    check: checkPositions,
    afterWrite: (candidates, ctx) => assignIncumbents(candidates, currentIncumbents, ctx),
  };
}

async function checkPositions(candidates: Candidate<Values>[], ctx: ServiceContext): Promise<ErrorIssue[]> {
  const issues: ErrorIssue[] = [];
  const batchIds = new Set(candidates.map((c) => c.id));
  const jobs = await existingIds(ctx, 'job', candidates.map((c) => c.values.jobId));
  const departments = await existingIds(ctx, 'department', candidates.map((c) => c.values.departmentId));
  const people = await existingIds(ctx, 'employee', candidates.map((c) => c.values.incumbentId).filter(Boolean) as string[]);
  const reportsTo = await parentMap(ctx, 'position', 'reports_to_id');
  for (const c of candidates) reportsTo.set(c.id, c.values.reportsToId ?? null);
  const incumbentSeen = new Map<string, number>();
  for (const c of candidates) {
    const v = c.values;
    if (!jobs.has(v.jobId)) issues.push(rowIssue(c.index, 'jobId', 'The job does not exist.'));
    if (!departments.has(v.departmentId)) issues.push(rowIssue(c.index, 'departmentId', 'The department does not exist.'));
    if (v.reportsToId && !reportsTo.has(v.reportsToId) && !batchIds.has(v.reportsToId)) {
      issues.push(rowIssue(c.index, 'reportsToId', 'The position it reports to does not exist.'));
    } else if (v.reportsToId && formsLoop(c.id, (id) => reportsTo.get(id))) {
      issues.push(rowIssue(c.index, 'reportsToId', `"${v.title}" cannot report to itself or to a position that reports to it.`));
    }
    if (v.incumbentId) {
      if (!people.has(v.incumbentId)) issues.push(rowIssue(c.index, 'incumbentId', 'The incumbent employee does not exist.'));
      else if (incumbentSeen.has(v.incumbentId)) issues.push(rowIssue(c.index, 'incumbentId', 'This employee already holds another position in this batch.'));
      incumbentSeen.set(v.incumbentId, c.index);
    }
  }
  return issues;
}

/** The incumbent is stored on the employee (one position per person); moving it audits the employee. */
async function assignIncumbents(candidates: Candidate<Values>[], current: Map<string, string>, ctx: ServiceContext) {
  for (const c of candidates) {
    if (!c.changedFields.includes('incumbentId') && !c.isNew) continue;
    const wanted = c.values.incumbentId ?? null;
    const previous = current.get(c.id) ?? null;
    if (wanted === previous) continue;
    if (previous) await movePosition(ctx, previous, null);
    if (wanted) await movePosition(ctx, wanted, c.id);
  }
}

async function movePosition(ctx: ServiceContext, employeeId: string, positionId: string | null) {
  const [before]: { positionId: string | null }[] = await ctx.manager.query(`SELECT position_id AS positionId FROM employee WHERE id = ?`, [employeeId]);
  await ctx.manager.query(`UPDATE employee SET position_id = ?, updated_at = ?, version = version + 1 WHERE id = ?`, [positionId, ctx.now, employeeId]);
  recordChangeToday(ctx, employeeId, { positionId }, 'position');
  await recordAudit(ctx, [{ entity: 'employee', entityId: employeeId, action: 'update', before: { positionId: before?.positionId ?? null }, after: { positionId } }]);
}

export async function savePositions(ctx: ServiceContext, rows: RowChangeInput[]): Promise<Position[]> {
  const current = await incumbents(ctx, rows.map((r) => r.id).filter(Boolean) as string[]);
  const saved = await saveBatch(makeSpec(current), rows, ctx);
  const fresh = await incumbents(ctx, saved.map((r) => r.id));
  return saved.map((row) => toPosition({ ...row, incumbentId: fresh.get(row.id) ?? null }));
}

export async function archivePositions(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  const count = await setArchived(PositionEntity, 'Position', ids, archived, ctx);
  return count;
}
