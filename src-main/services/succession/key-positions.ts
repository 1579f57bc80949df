// Key positions: a position's `is_key` flag (owned by people) with its details here — criticality,
// vacancy risk, the reason it is key, the date its incumbent is planned to leave. Marking a
// position key makes its details and its plan; unmarking keeps both for when it is marked again.
import type { z } from 'zod';
import { keyPositionFields, type KeyPosition } from '../../../src-shared/api/succession';
import { planStrength, readyNowCount } from '../../../src-shared/domain/succession';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import { KeyPositionEntity, type KeyPositionRow } from '../../store/entities/succession';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { rowIssue, saveBatch, setArchived, type BatchSpec, type Candidate, type RowChangeInput } from '../shared/batch';
import { batchRefusal, jsonIds, PERSON_NAME, readinessLevels } from './common';
import { benchOf, ensurePositionPlan } from './plans';

type Values = z.infer<typeof keyPositionFields>;

const KEY_SELECT = `SELECT p.id, p.id AS positionId, p.title, p.department_id AS departmentId, d.name AS departmentName,
    p.job_id AS jobId, j.title AS jobTitle, e.id AS incumbentId, ${PERSON_NAME('e')} AS incumbentName,
    coalesce(kp.criticality, 'medium') AS criticality, coalesce(kp.vacancy_risk, 'medium') AS vacancyRisk,
    kp.reason, kp.planned_leave_date AS plannedLeaveDate, lr.risk_of_loss AS riskOfLoss, lr.impact_of_loss AS impactOfLoss,
    sp.id AS planId, p.is_key AS isKey, coalesce(kp.version, 0) AS version
  FROM position p
  LEFT JOIN key_position kp ON kp.id = p.id
  LEFT JOIN department d ON d.id = p.department_id
  LEFT JOIN job j ON j.id = p.job_id
  LEFT JOIN employee e ON e.position_id = p.id
  LEFT JOIN loss_risk lr ON lr.employee_id = e.id AND lr.archived = 0
  LEFT JOIN succession_plan sp ON sp.position_id = p.id AND sp.archived = 0`;

type KeySqlRow = Omit<KeyPosition, 'archived' | 'successors' | 'readyNow' | 'strength'> & { isKey: number };

function toKeyPositions(ctx: ServiceContext, rows: KeySqlRow[]): KeyPosition[] {
  const levels = readinessLevels(ctx);
  const bench = benchOf(ctx, rows.length > 500 ? undefined : rows.flatMap((row) => (row.planId ? [row.planId] : [])));
  return rows.map(({ isKey, ...row }) => {
    const entries = (row.planId && bench.get(row.planId)?.entries) || [];
    return { ...row, archived: !isKey, successors: entries.length, readyNow: readyNowCount(entries, levels), strength: planStrength(entries, levels) };
  });
}

/** Positions marked key (with `includeArchived`, also those unmarked since, as archived rows). */
export async function listKeyPositions(ctx: ServiceContext, includeArchived = false, ids?: string[]): Promise<KeyPosition[]> {
  const rows = ctx.store.raw
    .prepare(`${KEY_SELECT} WHERE p.archived = 0 AND (p.is_key = 1 ${includeArchived ? 'OR kp.id IS NOT NULL' : ''})
              ${ids ? 'AND p.id IN (SELECT value FROM json_each(@ids))' : ''}
              ORDER BY p.is_key DESC, p.title COLLATE NOCASE, d.name COLLATE NOCASE`)
    .all(ids ? { ids: jsonIds(ids) } : {}) as KeySqlRow[];
  return toKeyPositions(ctx, rows);
}

export function keyPositionsByIds(ctx: ServiceContext, ids: string[]): KeyPosition[] {
  const rows = ctx.store.raw.prepare(`${KEY_SELECT} WHERE p.id IN (SELECT value FROM json_each(?))`).all(jsonIds(ids)) as KeySqlRow[];
  const byId = new Map(toKeyPositions(ctx, rows).map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}

const spec: BatchSpec<KeyPositionRow, Values> = {
  entity: KeyPositionEntity,
  label: 'Key position',
  fields: keyPositionFields,
  toValues: (row) => ({ positionId: row.id, criticality: row.criticality, vacancyRisk: row.vacancyRisk, reason: row.reason, plannedLeaveDate: row.plannedLeaveDate }),
  toColumns: (v) => ({ criticality: v.criticality, vacancyRisk: v.vacancyRisk, reason: v.reason ?? null, plannedLeaveDate: v.plannedLeaveDate ?? null }),
  check: async (candidates: Candidate<Values>[]) =>
    candidates.filter((c) => c.values.positionId !== c.id).map((c) => rowIssue(c.index, 'positionId', 'A key position stays with its position; unmark it and mark the other position instead.')),
};

interface PositionFacts { id: string; title: string; isKey: number; archived: number; details: number | null; detailsArchived: number | null; detailsVersion: number | null }

/**
 * Marks the rows' positions key where they are not yet (a new row names its position), makes
 * their details and plans, then saves the details through the shared batch rules (the version
 * each edit started from). All in the caller's transaction: a refusal anywhere leaves nothing.
 */
export async function saveKeyPositions(ctx: ServiceContext, rows: RowChangeInput[]): Promise<KeyPosition[]> {
  const db = ctx.store.raw;
  const facts = db.prepare(`SELECT p.id, p.title, p.is_key AS isKey, p.archived, kp.id IS NOT NULL AS details, kp.archived AS detailsArchived, kp.version AS detailsVersion
                              FROM position p LEFT JOIN key_position kp ON kp.id = p.id WHERE p.id = ?`);
  const issues: ErrorIssue[] = [];
  const targets: string[] = [];
  rows.forEach((row, index) => {
    const positionId = row.id ?? (typeof row.values.positionId === 'string' ? row.values.positionId : undefined);
    if (!positionId) return void issues.push(rowIssue(index, 'positionId', 'Choose the position to mark as key.'));
    const found = facts.get(positionId) as PositionFacts | undefined;
    if (!found || found.archived) return void issues.push(rowIssue(index, 'positionId', 'The position does not exist (it may have been archived).'));
    if (!row.id && found.isKey) issues.push(rowIssue(index, 'positionId', `"${found.title}" is already a key position.`));
    if (targets.includes(positionId)) issues.push(rowIssue(index, 'positionId', `"${found.title}" appears twice in this batch.`));
    targets.push(positionId);
  });
  if (issues.length) throw batchRefusal(issues, rows.length);
  const prepared: RowChangeInput[] = [];
  for (const [index, row] of rows.entries()) {
    const positionId = targets[index];
    const before = facts.get(positionId) as PositionFacts;
    await markKey(ctx, before);
    const after = facts.get(positionId) as PositionFacts;
    // Details made (or restored) just now have no earlier edit to conflict with.
    const fresh = !before.details || Boolean(before.detailsArchived) || !row.id;
    prepared.push({ id: positionId, version: fresh ? after.detailsVersion! : row.version, values: { ...row.values, positionId } });
  }
  await saveBatch(spec, prepared, ctx);
  return keyPositionsByIds(ctx, targets);
}

/** Sets the position's flag, makes or restores its details and its plan; each change audited. */
async function markKey(ctx: ServiceContext, position: PositionFacts): Promise<void> {
  const db = ctx.store.raw;
  if (!position.isKey) {
    db.prepare(`UPDATE position SET is_key = 1, updated_at = ?, version = version + 1 WHERE id = ?`).run(ctx.now, position.id);
    await recordAudit(ctx, [{ entity: 'position', entityId: position.id, action: 'update', before: { isKey: false }, after: { isKey: true } }]);
  }
  if (!position.details) {
    db.prepare(`INSERT INTO key_position (id, created_at, updated_at, version) VALUES (?, ?, ?, 1)`).run(position.id, ctx.now, ctx.now);
    await recordAudit(ctx, [{ entity: 'key_position', entityId: position.id, action: 'create', after: { id: position.id, criticality: 'medium', vacancyRisk: 'medium' } }]);
  } else if (position.detailsArchived) {
    db.prepare(`UPDATE key_position SET archived = 0, updated_at = ?, version = version + 1 WHERE id = ?`).run(ctx.now, position.id);
    await recordAudit(ctx, [{ entity: 'key_position', entityId: position.id, action: 'restore', before: { archived: true }, after: { archived: false } }]);
  }
  await ensurePositionPlan(ctx, position.id);
}

/** The details of a position marked key elsewhere (the positions grid), made on first use. */
export async function ensureKeyDetails(ctx: ServiceContext, positionId: string): Promise<void> {
  const found = ctx.store.raw.prepare(`SELECT p.id, p.title, p.is_key AS isKey, p.archived, kp.id IS NOT NULL AS details, kp.archived AS detailsArchived, kp.version AS detailsVersion
                                         FROM position p LEFT JOIN key_position kp ON kp.id = p.id WHERE p.id = ?`).get(positionId) as PositionFacts | undefined;
  if (!found || found.archived) throw new AppError('NOT_FOUND', 'The position does not exist (it may have been archived).');
  if (!found.isKey) throw new AppError('VALIDATION', `"${found.title}" is not a key position; mark it key before nominating successors.`, [{ path: ['positionId'], field: 'positionId', message: 'Not a key position.' }]);
  await markKey(ctx, found);
}

/** Unmarks positions (ids are position ids): the flag goes, details and plans stay archived for later. */
export async function unmarkKeyPositions(ctx: ServiceContext, ids: string[]): Promise<number> {
  const db = ctx.store.raw;
  const rows = db.prepare(`SELECT id, title, is_key AS isKey FROM position WHERE id IN (SELECT value FROM json_each(?))`).all(jsonIds(ids)) as { id: string; title: string; isKey: number }[];
  if (rows.length !== new Set(ids).size) throw new AppError('NOT_FOUND', 'Some of the chosen positions no longer exist.');
  const keyed = rows.filter((row) => row.isKey);
  for (const row of keyed) {
    db.prepare(`UPDATE position SET is_key = 0, updated_at = ?, version = version + 1 WHERE id = ?`).run(ctx.now, row.id);
    await recordAudit(ctx, [{ entity: 'position', entityId: row.id, action: 'update', before: { isKey: true }, after: { isKey: false } }]);
  }
  const withDetails = (db.prepare(`SELECT id FROM key_position WHERE archived = 0 AND id IN (SELECT value FROM json_each(?))`).all(jsonIds(keyed.map((r) => r.id))) as { id: string }[]).map((r) => r.id);
  if (withDetails.length) await setArchived(KeyPositionEntity, 'Key position', withDetails, true, ctx);
  return keyed.length;
}
