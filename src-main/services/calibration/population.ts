// Who is in a session: the people with a review in its cycle who match its population (a
// department with its sub-departments, a manager's whole team, a job or job level, or a name),
// less those excluded, and less anyone already in another open session on the same cycle.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SessionPopulation } from '../../../src-shared/api/calibration';
import type { ErrorIssue } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';

export interface PopulationMember {
  reviewId: string;
  employeeId: string;
}

/** The cycle's reviews that match the population, by the organisation as it was at launch (the review's department, manager and job). */
export function resolvePopulation(db: Database.Database, cycleId: string, population: SessionPopulation): PopulationMember[] {
  return db.prepare(`
    WITH RECURSIVE departments(id) AS (
      SELECT value FROM json_each(@departmentIds)
      UNION SELECT d.id FROM department d JOIN departments p ON d.parent_id = p.id),
    team(id) AS (
      SELECT value FROM json_each(@managerIds)
      UNION SELECT r2.employee_id FROM review r2 JOIN team t ON r2.manager_id = t.id WHERE r2.cycle_id = @cycleId)
    SELECT r.id AS reviewId, r.employee_id AS employeeId
      FROM review r LEFT JOIN job j ON j.id = r.job_id
     WHERE r.cycle_id = @cycleId
       AND (r.department_id IN (SELECT id FROM departments)
            OR r.manager_id IN (SELECT id FROM team)
            OR r.job_id IN (SELECT value FROM json_each(@jobIds))
            OR j.level IN (SELECT value FROM json_each(@jobLevels))
            OR r.employee_id IN (SELECT value FROM json_each(@employeeIds)))
       AND r.employee_id NOT IN (SELECT value FROM json_each(@excluded))`).all({
    cycleId,
    departmentIds: JSON.stringify(population.departmentIds),
    managerIds: JSON.stringify(population.managerIds),
    jobIds: JSON.stringify(population.jobIds),
    jobLevels: JSON.stringify(population.jobLevels),
    employeeIds: JSON.stringify(population.employeeIds),
    excluded: JSON.stringify(population.excludedEmployeeIds),
  }) as PopulationMember[];
}

/** People among `employeeIds` who are in another open (draft or running) session on the cycle, with that session's name. */
export function inOtherSessions(ctx: ServiceContext, cycleId: string, sessionId: string | null, employeeIds: string[]): Map<string, { employeeName: string; sessionName: string }> {
  if (employeeIds.length === 0) return new Map();
  const rows = ctx.store.raw.prepare(`
    SELECT m.employee_id AS employeeId, e.first_name || ' ' || e.last_name AS employeeName, s.name AS sessionName
      FROM calibration_member m JOIN calibration_session s ON s.id = m.session_id JOIN employee e ON e.id = m.employee_id
     WHERE s.cycle_id = ? AND s.id <> ? AND s.archived = 0 AND s.status <> 'finalised' AND m.archived = 0
       AND m.employee_id IN (SELECT value FROM json_each(?))`).all(cycleId, sessionId ?? '', JSON.stringify(employeeIds)) as { employeeId: string; employeeName: string; sessionName: string }[];
  return new Map(rows.map((row) => [row.employeeId, row]));
}

const names = (list: string[]) => list.slice(0, 3).join(', ') + (list.length > 3 ? ` and ${list.length - 3} more` : '');

/** What is wrong with naming these people: no review in the cycle, or already in another open session. */
export function namedPeopleProblems(ctx: ServiceContext, cycle: { id: string; name: string }, sessionId: string | null, employeeIds: string[]): ErrorIssue[] {
  if (employeeIds.length === 0) return [];
  const rows = ctx.store.raw.prepare(`
    SELECT e.id, e.first_name || ' ' || e.last_name AS name, EXISTS (SELECT 1 FROM review r WHERE r.cycle_id = @cycleId AND r.employee_id = e.id) AS reviewed
      FROM json_each(@ids) x LEFT JOIN employee e ON e.id = x.value`).all({ cycleId: cycle.id, ids: JSON.stringify(employeeIds) }) as { id: string | null; name: string | null; reviewed: number }[];
  const issues: ErrorIssue[] = [];
  const unknown = rows.filter((row) => row.id === null).length;
  if (unknown) issues.push({ path: ['employeeIds'], field: 'employeeIds', message: `${unknown === 1 ? 'One of the chosen people does' : `${unknown} of the chosen people do`} not exist.` });
  const unreviewed = rows.filter((row) => row.id !== null && !row.reviewed).map((row) => row.name!);
  if (unreviewed.length) {
    issues.push({ path: ['employeeIds'], field: 'employeeIds', message: `${names(unreviewed)} ${unreviewed.length === 1 ? 'has' : 'have'} no review in the cycle “${cycle.name}”; only people with a review can be calibrated.` });
  }
  const elsewhere = [...inOtherSessions(ctx, cycle.id, sessionId, employeeIds).values()];
  if (elsewhere.length) {
    issues.push({ path: ['employeeIds'], field: 'employeeIds', message: `${names(elsewhere.map((e) => e.employeeName))} ${elsewhere.length === 1 ? 'is' : 'are'} already in the open session “${elsewhere[0].sessionName}” on this cycle.` });
  }
  return issues;
}

export interface SyncResult {
  added: number;
  removed: number;
  /** People the population matches who stay in another open session. */
  elsewhere: { employeeName: string; sessionName: string }[];
}

/**
 * Makes the session's people match its population: new ones are placed (or a removed one comes
 * back with their placement), people no longer matching are removed (kept, archived). Once the
 * session has started, each addition and removal is also in its history, with `reason`.
 */
export async function syncMembers(ctx: ServiceContext, session: { id: string; cycleId: string; status: string }, population: SessionPopulation, reason: string | null): Promise<SyncResult> {
  const db = ctx.store.raw;
  const matched = resolvePopulation(db, session.cycleId, population);
  const elsewhere = inOtherSessions(ctx, session.cycleId, session.id, matched.map((m) => m.employeeId));
  const target = new Map(matched.filter((m) => !elsewhere.has(m.employeeId)).map((m) => [m.employeeId, m]));
  const existing = db.prepare(`SELECT id, employee_id AS employeeId, archived, version FROM calibration_member WHERE session_id = ?`).all(session.id) as { id: string; employeeId: string; archived: number; version: number }[];
  const byEmployee = new Map(existing.map((row) => [row.employeeId, row]));
  const insert = db.prepare(`INSERT INTO calibration_member (id, created_at, updated_at, version, session_id, review_id, employee_id, original_rating)
    SELECT @id, @now, @now, 1, @sessionId, @reviewId, @employeeId, r.final_rating FROM review r WHERE r.id = @reviewId`);
  const setArchived = db.prepare(`UPDATE calibration_member SET archived = @archived, updated_at = @now, version = version + 1 WHERE id = @id`);
  const history = db.prepare(`INSERT INTO calibration_change (id, session_id, member_id, kind, at, actor, comment) VALUES (@id, @sessionId, @memberId, @kind, @now, @actor, @comment)`);
  const audit: Parameters<typeof recordAudit>[1] = [];
  const log = (memberId: string, kind: 'added' | 'removed') => {
    if (session.status !== 'draft') history.run({ id: randomUUID(), sessionId: session.id, memberId, kind, now: ctx.now, actor: ctx.actor, comment: reason });
  };
  let added = 0;
  let removed = 0;
  for (const person of target.values()) {
    const row = byEmployee.get(person.employeeId);
    if (!row) {
      const id = randomUUID();
      insert.run({ id, now: ctx.now, sessionId: session.id, reviewId: person.reviewId, employeeId: person.employeeId });
      audit.push({ entity: 'calibration_member', entityId: id, action: 'create', after: { sessionId: session.id, employeeId: person.employeeId, reviewId: person.reviewId, ...(reason ? { reason } : {}) } });
      log(id, 'added');
      added++;
    } else if (row.archived) {
      setArchived.run({ id: row.id, archived: 0, now: ctx.now });
      audit.push({ entity: 'calibration_member', entityId: row.id, action: 'restore', before: { archived: true }, after: { archived: false, ...(reason ? { reason } : {}) } });
      log(row.id, 'added');
      added++;
    }
  }
  for (const row of existing) {
    if (row.archived || target.has(row.employeeId)) continue;
    setArchived.run({ id: row.id, archived: 1, now: ctx.now });
    audit.push({ entity: 'calibration_member', entityId: row.id, action: 'archive', before: { archived: false }, after: { archived: true, ...(reason ? { reason } : {}) } });
    log(row.id, 'removed');
    removed++;
  }
  await recordAudit(ctx, audit);
  return { added, removed, elsewhere: [...elsewhere.values()] };
}

/** The union of two populations' lists (criteria added to a session). */
export function mergePopulation(base: SessionPopulation, extra: Partial<SessionPopulation>): SessionPopulation {
  const union = (a: string[], b: string[] | undefined) => [...new Set([...a, ...(b ?? [])])];
  return {
    departmentIds: union(base.departmentIds, extra.departmentIds),
    managerIds: union(base.managerIds, extra.managerIds),
    jobIds: union(base.jobIds, extra.jobIds),
    jobLevels: union(base.jobLevels, extra.jobLevels),
    employeeIds: union(base.employeeIds, extra.employeeIds),
    excludedEmployeeIds: union(base.excludedEmployeeIds, extra.excludedEmployeeIds),
  };
}
