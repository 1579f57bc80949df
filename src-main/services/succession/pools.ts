// Talent pools: named groups ("Future leaders") with their members and the positions they feed.
import type { z } from 'zod';
import { poolMemberFields, poolPositionFields, talentPoolFields, type PoolMember, type PoolPosition, type TalentPool } from '../../../src-shared/api/succession';
import type { ErrorIssue } from '../../../src-shared/errors';
import { PoolMemberEntity, PoolPositionEntity, TalentPoolEntity, type PoolMemberRow, type PoolPositionRow, type TalentPoolRow } from '../../store/entities/succession';
import type { ServiceContext } from '../context';
import { rowIssue, saveBatch, setArchived, type BatchSpec, type Candidate, type RowChangeInput } from '../shared/batch';
import { jsonIds, PERSON_NAME } from './common';

// ---- Pools ----------------------------------------------------------------------------------

const POOL_SELECT = `SELECT t.id, t.name, t.description, t.archived, t.created_at AS createdAt, t.updated_at AS updatedAt, t.version,
    (SELECT count(*) FROM talent_pool_member m WHERE m.pool_id = t.id AND m.archived = 0) AS members,
    (SELECT count(*) FROM talent_pool_position q WHERE q.pool_id = t.id AND q.archived = 0) AS positions
  FROM talent_pool t`;
type PoolRow = Omit<TalentPool, 'archived'> & { archived: number };
const toPool = (row: PoolRow): TalentPool => ({ ...row, archived: Boolean(row.archived) });

export async function listTalentPools(ctx: ServiceContext, includeArchived = false): Promise<TalentPool[]> {
  return (ctx.store.raw.prepare(`${POOL_SELECT} ${includeArchived ? '' : 'WHERE t.archived = 0'} ORDER BY t.name COLLATE NOCASE`).all() as PoolRow[]).map(toPool);
}

const poolSpec: BatchSpec<TalentPoolRow, z.infer<typeof talentPoolFields>> = {
  entity: TalentPoolEntity,
  label: 'Talent pool',
  fields: talentPoolFields,
  toValues: (row) => ({ name: row.name, description: row.description }),
  toColumns: (v) => ({ name: v.name, description: v.description ?? null }),
  check: async (candidates, ctx) => {
    const taken = ctx.store.raw.prepare(`SELECT 1 FROM talent_pool WHERE name = ? COLLATE NOCASE AND archived = 0 AND id <> ?`);
    const seen = new Set<string>();
    const issues: ErrorIssue[] = [];
    for (const c of candidates) {
      const name = c.values.name.toLowerCase();
      if (seen.has(name) || taken.get(c.values.name, c.id)) issues.push(rowIssue(c.index, 'name', `Another talent pool is already called "${c.values.name}".`));
      seen.add(name);
    }
    return issues;
  },
};

export async function saveTalentPools(ctx: ServiceContext, rows: RowChangeInput[]): Promise<TalentPool[]> {
  const saved = await saveBatch(poolSpec, rows, ctx);
  const found = new Map((ctx.store.raw.prepare(`${POOL_SELECT} WHERE t.id IN (SELECT value FROM json_each(?))`).all(jsonIds(saved.map((r) => r.id))) as PoolRow[]).map((row) => [row.id, toPool(row)]));
  return saved.map((row) => found.get(row.id)!);
}

export const archiveTalentPools = (ctx: ServiceContext, ids: string[], archived = true) => setArchived(TalentPoolEntity, 'Talent pool', ids, archived, ctx);

/** Pool ids that exist and are active, for the member and position checks. */
const activePools = (ctx: ServiceContext) => new Set((ctx.store.raw.prepare(`SELECT id FROM talent_pool WHERE archived = 0`).all() as { id: string }[]).map((r) => r.id));

// ---- Members --------------------------------------------------------------------------------

const MEMBER_SELECT = `SELECT m.id, m.pool_id AS poolId, t.name AS poolName, m.employee_id AS employeeId, ${PERSON_NAME('e')} AS employeeName,
    p.title AS positionTitle, m.notes, m.archived, m.created_at AS createdAt, m.updated_at AS updatedAt, m.version
  FROM talent_pool_member m JOIN talent_pool t ON t.id = m.pool_id JOIN employee e ON e.id = m.employee_id LEFT JOIN position p ON p.id = e.position_id`;
type MemberRow = Omit<PoolMember, 'archived'> & { archived: number };
const toMember = (row: MemberRow): PoolMember => ({ ...row, archived: Boolean(row.archived) });

export async function listPoolMembers(ctx: ServiceContext, input: { poolId?: string; includeArchived?: boolean }): Promise<PoolMember[]> {
  const where = [input.includeArchived ? '1 = 1' : 'm.archived = 0 AND t.archived = 0', input.poolId ? 'm.pool_id = @poolId' : '1 = 1'];
  return (ctx.store.raw
    .prepare(`${MEMBER_SELECT} WHERE ${where.join(' AND ')} ORDER BY t.name COLLATE NOCASE, e.last_name COLLATE NOCASE, e.first_name COLLATE NOCASE`)
    .all({ poolId: input.poolId ?? null }) as MemberRow[]).map(toMember);
}

const memberSpec: BatchSpec<PoolMemberRow, z.infer<typeof poolMemberFields>> = {
  entity: PoolMemberEntity,
  label: 'Pool member',
  fields: poolMemberFields,
  toValues: (row) => ({ poolId: row.poolId, employeeId: row.employeeId, notes: row.notes }),
  toColumns: (v) => ({ poolId: v.poolId, employeeId: v.employeeId, notes: v.notes ?? null }),
  check: checkMembers,
};

async function checkMembers(candidates: Candidate<z.infer<typeof poolMemberFields>>[], ctx: ServiceContext): Promise<ErrorIssue[]> {
  const pools = activePools(ctx);
  const person = ctx.store.raw.prepare(`SELECT ${PERSON_NAME('e')} AS name, e.archived, e.status FROM employee e WHERE e.id = ?`);
  const taken = ctx.store.raw.prepare(`SELECT 1 FROM talent_pool_member WHERE pool_id = ? AND employee_id = ? AND archived = 0 AND id <> ?`);
  const seen = new Set<string>();
  const issues: ErrorIssue[] = [];
  for (const c of candidates) {
    const v = c.values;
    if (!pools.has(v.poolId)) issues.push(rowIssue(c.index, 'poolId', 'The talent pool does not exist (it may have been archived).'));
    const found = person.get(v.employeeId) as { name: string; archived: number; status: string } | undefined;
    if (!found || found.archived) issues.push(rowIssue(c.index, 'employeeId', 'The employee does not exist (they may have been archived).'));
    else if (found.status === 'terminated') issues.push(rowIssue(c.index, 'employeeId', `${found.name} has left the organisation.`));
    else if (seen.has(`${v.poolId}|${v.employeeId}`) || taken.get(v.poolId, v.employeeId, c.id)) issues.push(rowIssue(c.index, 'employeeId', `${found.name} is already in this pool.`));
    seen.add(`${v.poolId}|${v.employeeId}`);
  }
  return issues;
}

export async function savePoolMembers(ctx: ServiceContext, rows: RowChangeInput[]): Promise<PoolMember[]> {
  const saved = await saveBatch(memberSpec, rows, ctx);
  const found = new Map((ctx.store.raw.prepare(`${MEMBER_SELECT} WHERE m.id IN (SELECT value FROM json_each(?))`).all(jsonIds(saved.map((r) => r.id))) as MemberRow[]).map((row) => [row.id, toMember(row)]));
  return saved.map((row) => found.get(row.id)!);
}

export const archivePoolMembers = (ctx: ServiceContext, ids: string[], archived = true) => setArchived(PoolMemberEntity, 'Pool member', ids, archived, ctx);

// ---- Positions a pool feeds -----------------------------------------------------------------------

const POSITION_SELECT = `SELECT q.id, q.pool_id AS poolId, t.name AS poolName, q.position_id AS positionId, p.title || coalesce(' · ' || d.name, '') AS positionTitle,
    p.is_key AS isKey, q.archived, q.created_at AS createdAt, q.updated_at AS updatedAt, q.version
  FROM talent_pool_position q JOIN talent_pool t ON t.id = q.pool_id JOIN position p ON p.id = q.position_id LEFT JOIN department d ON d.id = p.department_id`;
type PositionRow = Omit<PoolPosition, 'archived' | 'isKey'> & { archived: number; isKey: number };
const toPosition = (row: PositionRow): PoolPosition => ({ ...row, archived: Boolean(row.archived), isKey: Boolean(row.isKey) });

export async function listPoolPositions(ctx: ServiceContext, input: { poolId?: string; includeArchived?: boolean }): Promise<PoolPosition[]> {
  const where = [input.includeArchived ? '1 = 1' : 'q.archived = 0 AND t.archived = 0', input.poolId ? 'q.pool_id = @poolId' : '1 = 1'];
  return (ctx.store.raw
    .prepare(`${POSITION_SELECT} WHERE ${where.join(' AND ')} ORDER BY t.name COLLATE NOCASE, p.title COLLATE NOCASE`)
    .all({ poolId: input.poolId ?? null }) as PositionRow[]).map(toPosition);
}

const positionSpec: BatchSpec<PoolPositionRow, z.infer<typeof poolPositionFields>> = {
  entity: PoolPositionEntity,
  label: 'Pool position',
  fields: poolPositionFields,
  toValues: (row) => ({ poolId: row.poolId, positionId: row.positionId }),
  toColumns: (v) => ({ poolId: v.poolId, positionId: v.positionId }),
  check: async (candidates, ctx) => {
    const pools = activePools(ctx);
    const position = ctx.store.raw.prepare(`SELECT title, archived FROM position WHERE id = ?`);
    const taken = ctx.store.raw.prepare(`SELECT 1 FROM talent_pool_position WHERE pool_id = ? AND position_id = ? AND archived = 0 AND id <> ?`);
    const seen = new Set<string>();
    const issues: ErrorIssue[] = [];
    for (const c of candidates) {
      const v = c.values;
      if (!pools.has(v.poolId)) issues.push(rowIssue(c.index, 'poolId', 'The talent pool does not exist (it may have been archived).'));
      const found = position.get(v.positionId) as { title: string; archived: number } | undefined;
      if (!found || found.archived) issues.push(rowIssue(c.index, 'positionId', 'The position does not exist (it may have been archived).'));
      else if (seen.has(`${v.poolId}|${v.positionId}`) || taken.get(v.poolId, v.positionId, c.id)) issues.push(rowIssue(c.index, 'positionId', `The pool already feeds "${found.title}".`));
      seen.add(`${v.poolId}|${v.positionId}`);
    }
    return issues;
  },
};

export async function savePoolPositions(ctx: ServiceContext, rows: RowChangeInput[]): Promise<PoolPosition[]> {
  const saved = await saveBatch(positionSpec, rows, ctx);
  const found = new Map((ctx.store.raw.prepare(`${POSITION_SELECT} WHERE q.id IN (SELECT value FROM json_each(?))`).all(jsonIds(saved.map((r) => r.id))) as PositionRow[]).map((row) => [row.id, toPosition(row)]));
  return saved.map((row) => found.get(row.id)!);
}

export const archivePoolPositions = (ctx: ServiceContext, ids: string[], archived = true) => setArchived(PoolPositionEntity, 'Pool position', ids, archived, ctx);
