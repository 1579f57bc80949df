// What every calibration service reads: a session with its cycle's scale, guidelines and
// settings, the people in it, and the SQL that puts a review's rating on its nearest level.
import type { CalibrationMember, CalibrationSession, FinaliseSummary, SessionPopulation, SessionSettings } from '../../../src-shared/api/calibration';
import { defaultSessionSettings, levelOfRating, movementOf, type GuidelineRule, type ScaleLevel } from '../../../src-shared/domain/calibration';
import type Database from 'better-sqlite3';
import { AppError, notFound } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';

/** A new session's set-up for a scale of `levelCount` levels. */
export const defaultSettings = (levelCount: number): SessionSettings => defaultSessionSettings(levelCount);

/**
 * SQL that puts `expr` (a review rating) on the nearest of `levels`, halfway going up, as
 * `nearestLevel` does: `CASE WHEN x < 1.5 THEN 1 WHEN x < 2.5 THEN 2 … ELSE 5 END`. The
 * boundaries come from the scale, never from input.
 */
export function nearestLevelSql(levels: readonly ScaleLevel[], expr: string): string {
  if (levels.length === 0) return 'NULL';
  const whens = levels.slice(0, -1).map((level, i) => `WHEN ${expr} < ${(level.value + levels[i + 1].value) / 2} THEN ${level.value}`);
  return `CASE WHEN ${expr} IS NULL THEN NULL ${whens.join(' ')} ELSE ${levels[levels.length - 1].value} END`;
}

/** The review's rating before this session wrote to it (the review's own until then; a trigger keeps it in step). */
export const ORIGINAL_RATING_SQL = `m.original_rating`;

// ---- Sessions ----------------------------------------------------------------------------------

const SESSION_SELECT = `SELECT s.id, s.name, s.cycle_id AS cycleId, c.name AS cycleName, c.status AS cycleStatus, s.date, s.location,
  s.facilitator_id AS facilitatorId, f.first_name || ' ' || f.last_name AS facilitatorName, s.reviewer_ids AS reviewerIds,
  s.population, s.guideline_set_id AS guidelineSetId, g.name AS guidelineName, g.mode AS guidelineMode, g.rules AS guidelineRules,
  s.settings, coalesce(c.levels_snapshot, rs.levels) AS levels, s.status,
  (SELECT count(*) FROM calibration_member m WHERE m.session_id = s.id AND m.archived = 0) AS memberCount,
  (SELECT count(*) FROM calibration_member m WHERE m.session_id = s.id AND m.archived = 0 AND m.discussed = 1) AS discussedCount,
  s.started_at AS startedAt, s.finalised_at AS finalisedAt, s.finalised_by AS finalisedBy, s.acknowledgement, s.summary,
  s.archived, s.created_at AS createdAt, s.updated_at AS updatedAt, s.version
  FROM calibration_session s
  JOIN review_cycle c ON c.id = s.cycle_id JOIN rating_scale rs ON rs.id = c.rating_scale_id
  LEFT JOIN employee f ON f.id = s.facilitator_id
  LEFT JOIN calibration_guideline_set g ON g.id = s.guideline_set_id`;

type SessionSqlRow = Omit<CalibrationSession, 'reviewerIds' | 'reviewerNames' | 'population' | 'guidelines' | 'settings' | 'levels' | 'summary' | 'archived'> & {
  reviewerIds: string; population: string; guidelineName: string | null; guidelineMode: 'advisory' | 'enforced' | null; guidelineRules: string | null;
  settings: string; levels: string; summary: string | null; archived: number;
};

export const toLevels = (json: string): ScaleLevel[] => (JSON.parse(json) as ScaleLevel[]).map(({ value, label }) => ({ value, label }));

function toSession(ctx: ServiceContext, row: SessionSqlRow): CalibrationSession {
  const reviewerIds = JSON.parse(row.reviewerIds) as string[];
  const names = reviewerIds.length
    ? new Map((ctx.store.raw.prepare(`SELECT e.id, e.first_name || ' ' || e.last_name AS name FROM employee e WHERE e.id IN (SELECT value FROM json_each(?))`).all(row.reviewerIds) as { id: string; name: string }[]).map((e) => [e.id, e.name]))
    : new Map<string, string>();
  const { guidelineName, guidelineMode, guidelineRules, ...rest } = row;
  return {
    ...rest,
    reviewerIds,
    reviewerNames: reviewerIds.map((id) => names.get(id) ?? 'Unknown person'),
    population: JSON.parse(row.population) as SessionPopulation,
    guidelines: row.guidelineSetId && guidelineName && guidelineMode && guidelineRules
      ? { id: row.guidelineSetId, name: guidelineName, mode: guidelineMode, rules: JSON.parse(guidelineRules) as GuidelineRule[] }
      : null,
    settings: JSON.parse(row.settings) as SessionSettings,
    levels: toLevels(row.levels),
    summary: row.summary ? (JSON.parse(row.summary) as FinaliseSummary) : null,
    archived: Boolean(row.archived),
  };
}

export function findSession(ctx: ServiceContext, id: string): CalibrationSession | undefined {
  const row = ctx.store.raw.prepare(`${SESSION_SELECT} WHERE s.id = ?`).get(id) as SessionSqlRow | undefined;
  return row && toSession(ctx, row);
}

export function getSession(ctx: ServiceContext, id: string): CalibrationSession {
  const session = findSession(ctx, id);
  if (!session) throw notFound('The calibration session');
  return session;
}

export function listSessions(ctx: ServiceContext, includeArchived = false): CalibrationSession[] {
  const rows = ctx.store.raw.prepare(`${SESSION_SELECT} ${includeArchived ? '' : 'WHERE s.archived = 0'} ORDER BY s.date DESC, s.name COLLATE NOCASE`).all() as SessionSqlRow[];
  return rows.map((row) => toSession(ctx, row));
}

export const invalid = (message: string, field?: string) => new AppError('VALIDATION', message, field ? [{ path: [field], field, message }] : undefined);

/** Ratings, people and set-up change only before finalising (reopen first), and never in an archived session. */
export function assertEditable(session: CalibrationSession, what = 'changed'): void {
  if (session.archived) throw invalid(`The session “${session.name}” is archived; restore it before it can be ${what}.`);
  if (session.status === 'finalised') throw invalid(`The session “${session.name}” is finalised and read-only; reopen it (with a reason) before it can be ${what}.`);
}

/** A closed cycle's reviews no longer change, so neither can a session that writes into them. */
export function assertCycleOpen(session: CalibrationSession): void {
  if (session.cycleStatus === 'closed') throw invalid(`The review cycle “${session.cycleName}” is closed; its ratings can no longer change.`);
}

// ---- People ------------------------------------------------------------------------------------

// People are read in one pass over the placements with their review and employee; the few
// departments, managers and jobs they name are looked up once each (per-row joins on text ids
// were most of the cost of a 2,000-person session), and the move counts in one grouped query.
const MEMBER_SELECT = `SELECT m.id, m.version, m.session_id AS sessionId, m.review_id AS reviewId, m.employee_id AS employeeId,
  e.first_name || ' ' || e.last_name AS employeeName, e.employee_number AS employeeNumber,
  r.department_id AS departmentId, r.manager_id AS managerId, r.job_id AS jobId, r.status AS reviewStatus,
  ${ORIGINAL_RATING_SQL} AS originalRating, m.performance AS storedPerformance, m.potential, m.risk_of_loss AS riskOfLoss, m.impact_of_loss AS impactOfLoss,
  m.comment, m.private_note AS privateNote, m.discussed, m.archived AS removed
  FROM calibration_member m JOIN review r ON r.id = m.review_id JOIN employee e ON e.id = m.employee_id`;

type MemberSqlRow = Omit<CalibrationMember, 'departmentName' | 'managerName' | 'jobTitle' | 'jobLevel' | 'originalLevel' | 'performance' | 'performanceSet' | 'discussed' | 'movement' | 'removed' | 'changeCount'> & {
  storedPerformance: number | null; discussed: number; removed: number;
};

/** id → value for the ids among `ids`, one query (table and columns come from code). */
function lookup<T>(ctx: ServiceContext, sql: string, ids: Iterable<string | null>): Map<string, T> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = ctx.store.raw.prepare(sql).all(JSON.stringify(wanted)) as (T & { id: string })[];
  return new Map(rows.map((row) => [row.id, row]));
}

function readMembers(ctx: ServiceContext, session: CalibrationSession, where: string, ...params: unknown[]): CalibrationMember[] {
  const rows = ctx.store.raw.prepare(`${MEMBER_SELECT} WHERE ${where} ORDER BY e.last_name COLLATE NOCASE, e.first_name COLLATE NOCASE`).all(...params) as MemberSqlRow[];
  const departments = lookup<{ name: string }>(ctx, `SELECT id, name FROM department WHERE id IN (SELECT value FROM json_each(?))`, rows.map((r) => r.departmentId));
  const managers = lookup<{ name: string }>(ctx, `SELECT id, first_name || ' ' || last_name AS name FROM employee WHERE id IN (SELECT value FROM json_each(?))`, rows.map((r) => r.managerId));
  const jobs = lookup<{ title: string; level: string | null }>(ctx, `SELECT id, title, level FROM job WHERE id IN (SELECT value FROM json_each(?))`, rows.map((r) => r.jobId));
  const moves = new Map((ctx.store.raw.prepare(`SELECT member_id AS id, count(*) AS n FROM calibration_change
      WHERE session_id = ? AND kind = 'move' AND undone_at IS NULL GROUP BY member_id`).all(session.id) as { id: string; n: number }[]).map((row) => [row.id, row.n]));
  return rows.map((row) => {
    const { storedPerformance, ...rest } = row;
    const originalLevel = levelOfRating(session.levels, row.originalRating)?.value ?? null;
    const performance = storedPerformance ?? originalLevel;
    const job = row.jobId ? jobs.get(row.jobId) : undefined;
    return {
      ...rest,
      departmentName: row.departmentId ? departments.get(row.departmentId)?.name ?? null : null,
      managerName: row.managerId ? managers.get(row.managerId)?.name ?? null : null,
      jobTitle: job?.title ?? null,
      jobLevel: job?.level ?? null,
      originalLevel,
      performance,
      performanceSet: storedPerformance !== null,
      discussed: Boolean(row.discussed),
      movement: movementOf(session.levels, row.originalRating, performance),
      changeCount: moves.get(row.id) ?? 0,
      removed: Boolean(row.removed),
    };
  });
}

export function listMembers(ctx: ServiceContext, session: CalibrationSession, includeRemoved = false): CalibrationMember[] {
  return readMembers(ctx, session, `m.session_id = ? ${includeRemoved ? '' : 'AND m.archived = 0'}`, session.id);
}

export function findMember(ctx: ServiceContext, session: CalibrationSession, memberId: string): CalibrationMember | undefined {
  return readMembers(ctx, session, `m.id = ? AND m.session_id = ?`, memberId, session.id)[0];
}

/** A person of this session (not removed from it), or NOT_FOUND saying so. */
export function getMember(ctx: ServiceContext, session: CalibrationSession, memberId: string): CalibrationMember {
  const member = findMember(ctx, session, memberId);
  if (!member) throw new AppError('NOT_FOUND', `This person is not in the session “${session.name}”.`);
  if (member.removed) throw invalid(`${member.employeeName} was removed from the session “${session.name}”; add them again first.`);
  return member;
}

const statements = new WeakMap<object, Map<string, Database.Statement>>();

/** A prepared statement for SQL built from a session's scale, kept per connection (a move reuses the last one's). */
export function prepared(ctx: ServiceContext, sql: string): Database.Statement {
  let cache = statements.get(ctx.store.raw);
  if (!cache) statements.set(ctx.store.raw, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size > 50) cache.clear();
    cache.set(sql, (statement = ctx.store.raw.prepare(sql)));
  }
  return statement;
}

export const scaleText = (levels: readonly ScaleLevel[]) => levels.map((level) => `${level.value} (${level.label})`).join(', ');
