// What the room and the Insights page see about people: one person's card (ratings of the last
// cycles, current goals, skill gaps, journal highlights, their moves) and the outcomes of
// finalised sessions (moved up and down, per department and manager, share discussed).
import type { CalibrationOutcomes, PersonCard } from '../../../src-shared/api/calibration';
import { levelOfRating, movementOf } from '../../../src-shared/domain/calibration';
import type { ServiceContext } from '../context';
import { getPersonGap } from '../skills/gaps';
import { getMember, getSession, ORIGINAL_RATING_SQL, toLevels } from './common';
import { listHistory } from './members';

export async function getPersonCard(ctx: ServiceContext, input: { sessionId: string; memberId: string }): Promise<PersonCard> {
  const session = getSession(ctx, input.sessionId);
  const member = getMember(ctx, session, input.memberId);
  const db = ctx.store.raw;
  const cycle = db.prepare(`SELECT period_start AS periodStart, period_end AS periodEnd FROM review_cycle WHERE id = ?`).get(session.cycleId) as { periodStart: string; periodEnd: string };
  const ratings = (db.prepare(`SELECT c.id AS cycleId, c.name AS cycleName, c.period_end AS periodEnd, r.final_rating AS finalRating,
        coalesce(c.levels_snapshot, s.levels) AS levels, r.calibration_session_id IS NOT NULL AS calibrated
      FROM review r JOIN review_cycle c ON c.id = r.cycle_id JOIN rating_scale s ON s.id = c.rating_scale_id
     WHERE r.employee_id = ? AND c.period_end <= ? ORDER BY c.period_end DESC LIMIT 3`).all(member.employeeId, cycle.periodEnd) as
    { cycleId: string; cycleName: string; periodEnd: string; finalRating: number | null; levels: string; calibrated: number }[])
    .map(({ levels, ...row }) => ({ ...row, label: levelOfRating(toLevels(levels), row.finalRating)?.label ?? null, calibrated: Boolean(row.calibrated) }));
  const goals = db.prepare(`SELECT id, title, coalesce(progress, 0) AS progress, status, period_end AS periodEnd FROM goal
     WHERE scope = 'individual' AND employee_id = ? AND archived = 0 AND period_end >= ? ORDER BY period_end, weight DESC, title COLLATE NOCASE LIMIT 8`)
    .all(member.employeeId, cycle.periodStart) as PersonCard['goals'];
  const gap = await getPersonGap(ctx, { employeeId: member.employeeId });
  const journal = db.prepare(`SELECT date, kind, text, author FROM journal_entry
     WHERE employee_id = ? AND archived = 0 AND shared = 1 AND kind IN ('praise', 'development') ORDER BY date DESC LIMIT 5`).all(member.employeeId) as PersonCard['journal'];
  return {
    member,
    history: listHistory(ctx, session.id, member.id),
    ratings,
    goals,
    skills: {
      jobTitle: gap.jobTitle,
      requirements: gap.rows.length,
      met: gap.rows.filter((row) => row.met).length,
      coverage: gap.coverage,
      topGaps: gap.rows.filter((row) => !row.met).slice(0, 3).map((row) => ({ skill: row.skillName, required: row.requiredLabel, current: row.currentLabel })),
    },
    journal,
  };
}

interface OutcomeRow {
  sessionId: string;
  sessionName: string;
  cycleName: string;
  date: string;
  levels: string;
  performance: number | null;
  original: number | null;
  discussed: number;
  departmentId: string | null;
  departmentName: string | null;
  managerId: string | null;
  managerName: string | null;
}

/** Finalised sessions dated in the period (all when no period), one row per person read in one query. */
export function getOutcomes(ctx: ServiceContext, input: { from?: string; to?: string }): CalibrationOutcomes {
  const rows = ctx.store.raw.prepare(`SELECT s.id AS sessionId, s.name AS sessionName, c.name AS cycleName, s.date, coalesce(c.levels_snapshot, rs.levels) AS levels,
        m.performance, ${ORIGINAL_RATING_SQL} AS original, m.discussed,
        r.department_id AS departmentId, d.name AS departmentName, r.manager_id AS managerId, mg.first_name || ' ' || mg.last_name AS managerName
      FROM calibration_session s JOIN review_cycle c ON c.id = s.cycle_id JOIN rating_scale rs ON rs.id = c.rating_scale_id
      JOIN calibration_member m ON m.session_id = s.id AND m.archived = 0 JOIN review r ON r.id = m.review_id
      LEFT JOIN department d ON d.id = r.department_id LEFT JOIN employee mg ON mg.id = r.manager_id
     WHERE s.status = 'finalised' AND s.archived = 0 AND s.date >= @from AND s.date <= @to
     ORDER BY s.date DESC, s.name`).all({ from: input.from ?? '0000-01-01', to: input.to ?? '9999-12-31' }) as OutcomeRow[];
  const sessions = new Map<string, CalibrationOutcomes['sessions'][number]>();
  const departments = new Map<string, CalibrationOutcomes['byDepartment'][number]>();
  const managers = new Map<string, CalibrationOutcomes['byManager'][number]>();
  const levelsOf = new Map<string, ReturnType<typeof toLevels>>();
  const totals = { members: 0, up: 0, down: 0, unchanged: 0, discussed: 0 };
  const bump = <T extends { members: number; up: number; down: number }>(map: Map<string, T>, key: string, make: () => T, movement: string | null) => {
    const entry = map.get(key) ?? map.set(key, make()).get(key)!;
    entry.members++;
    if (movement === 'up' || movement === 'down') entry[movement]++;
  };
  for (const row of rows) {
    const levels = levelsOf.get(row.levels) ?? levelsOf.set(row.levels, toLevels(row.levels)).get(row.levels)!;
    const calibrated = row.performance ?? levelOfRating(levels, row.original)?.value ?? null;
    const movement = movementOf(levels, row.original, calibrated);
    // Someone given a first rating counts as neither up nor down.
    const direction = movement === 'up' || movement === 'down' ? movement : null;
    totals.members++;
    if (direction) totals[direction]++;
    else totals.unchanged++;
    if (row.discussed) totals.discussed++;
    bump(sessions, row.sessionId, () => ({ id: row.sessionId, name: row.sessionName, cycleName: row.cycleName, date: row.date, members: 0, up: 0, down: 0, discussed: 0 }), direction);
    if (row.discussed) sessions.get(row.sessionId)!.discussed++;
    bump(departments, row.departmentId ?? '', () => ({ id: row.departmentId, name: row.departmentName ?? 'No department', members: 0, up: 0, down: 0 }), direction);
    bump(managers, row.managerId ?? '', () => ({ id: row.managerId, name: row.managerName ?? 'No manager', members: 0, up: 0, down: 0 }), direction);
  }
  const byMoves = <T extends { up: number; down: number; name: string }>(list: T[]) => list.sort((a, b) => b.up + b.down - (a.up + a.down) || a.name.localeCompare(b.name));
  return {
    sessions: [...sessions.values()],
    ...totals,
    discussedShare: totals.members ? Math.round((totals.discussed / totals.members) * 1000) / 10 : 0,
    byDepartment: byMoves([...departments.values()]),
    byManager: byMoves([...managers.values()]),
  };
}

