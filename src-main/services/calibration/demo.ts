// The calibration part of the demo organisation: an advisory and an enforced guideline set, last
// year's Engineering session (finalised, its ratings written back into the reviews) and this
// year's Sales session, under way (some people placed and moved, the unrated in the holding area).
import type Database from 'better-sqlite3';
import type { FinaliseSummary, SessionPopulation } from '../../../src-shared/api/calibration';
import { EMPTY_POPULATION } from '../../../src-shared/api/calibration';
import { evaluateGuidelines, levelOfRating, type GuidelineRule, type ScaleLevel } from '../../../src-shared/domain/calibration';
import { random, type DemoPart } from '../shared/demo';
import { defaultSettings, toLevels } from './common';
import { writeBack } from './finalise';
import { resolvePopulation } from './population';

type Rng = ReturnType<typeof random>;

const ADVISORY: GuidelineRule[] = [
  { fromLevel: 5, toLevel: 5, operator: 'le', percent: 10 },
  { fromLevel: 4, toLevel: 5, operator: 'le', percent: 35 },
  { fromLevel: 3, toLevel: 3, operator: 'between', percent: 40, percentTo: 65 },
  { fromLevel: 1, toLevel: 2, operator: 'ge', percent: 5 },
];
const ENFORCED: GuidelineRule[] = [
  { fromLevel: 5, toLevel: 5, operator: 'le', percent: 5 },
  { fromLevel: 4, toLevel: 4, operator: 'le', percent: 20 },
];

const COMMENTS = [
  'Led the migration that the review did not mention.',
  'Rated against a harder bar than peers in the same role.',
  'Strong first half; the second half fell short of the goals.',
  'Scope grew mid-year to cover two teams.',
  'Peers in the room confirmed the impact across teams.',
  'Brought in line with similar cases in the department.',
];

interface Cycle { id: string; name: string; status: string; periodStart: string; dueDate: string; levels: string; scaleId: string }

export const calibrationDemo: DemoPart = (demo) => {
  const db = demo.db;
  const rng = random(demo.seed + 9);
  const cycles = db.prepare(`SELECT id, name, status, period_start AS periodStart, due_date AS dueDate, coalesce(levels_snapshot, '[]') AS levels, rating_scale_id AS scaleId
    FROM review_cycle WHERE status <> 'draft' ORDER BY period_start`).all() as Cycle[];
  const current = cycles.find((c) => c.status === 'active');
  const previous = [...cycles].reverse().find((c) => c.status === 'closed');
  if (!current || !previous) return { calibrationGuidelineSets: 0, calibrationSessions: 0 };
  const levels = toLevels(current.levels);
  const insertSet = db.prepare(`INSERT INTO calibration_guideline_set (id, created_at, updated_at, version, name, description, rating_scale_id, mode, rules, archived)
    VALUES (@id, @now, @now, 1, @name, @description, @scaleId, @mode, @rules, 0)`);
  const advisoryId = rng.uuid();
  insertSet.run({ id: advisoryId, now: demo.now, name: 'Company distribution', description: 'The distribution the leadership team aims for; finalising outside it needs a reason.', scaleId: current.scaleId, mode: 'advisory', rules: JSON.stringify(ADVISORY) });
  insertSet.run({ id: rng.uuid(), now: demo.now, name: 'Bonus pool (strict)', description: 'Top ratings fund the bonus pool: sessions cannot finalise above these shares.', scaleId: current.scaleId, mode: 'enforced', rules: JSON.stringify(ENFORCED) });

  const hr = db.prepare(`SELECT e.id FROM employee e JOIN job j ON j.id = e.job_id WHERE j.family = 'People' AND e.status = 'active' ORDER BY j.level DESC, e.employee_number LIMIT 1`).get() as { id: string } | undefined;
  const facilitator = hr?.id ?? null;
  const facilitatorName = facilitator ? (db.prepare(`SELECT first_name || ' ' || last_name AS name FROM employee WHERE id = ?`).get(facilitator) as { name: string }).name : demo.actor;
  const department = (name: string) => (db.prepare(`SELECT id FROM department WHERE name = ? AND archived = 0`).get(name) as { id: string } | undefined)?.id;

  const past = buildSession(db, rng, {
    name: `Engineering calibration ${previous.name.slice(0, 4)}`, cycle: previous, levels: toLevels(previous.levels), departmentId: department('Engineering'),
    date: addDays(previous.dueDate, -7), location: 'Boardroom, London', facilitator, facilitatorName, guidelineSetId: advisoryId, now: demo.now,
    potentialShare: 1, moveShare: 0.12, discussedShare: 0.7,
  });
  if (past) finalise(db, past, demo.now);
  buildSession(db, rng, {
    name: `Sales calibration ${current.name.slice(0, 4)}`, cycle: current, levels, departmentId: department('Sales'),
    date: demo.today, location: 'Meeting room 3', facilitator, facilitatorName, guidelineSetId: advisoryId, now: demo.now,
    potentialShare: 0.6, moveShare: 0.08, discussedShare: 0.25,
  });
  return { calibrationGuidelineSets: 2, calibrationSessions: 2 };
};

interface SessionPlan {
  name: string;
  cycle: Cycle;
  levels: ScaleLevel[];
  departmentId: string | undefined;
  date: string;
  location: string;
  facilitator: string | null;
  facilitatorName: string;
  guidelineSetId: string;
  now: string;
  potentialShare: number;
  moveShare: number;
  discussedShare: number;
}

interface BuiltSession { id: string; name: string; levels: ScaleLevel[]; date: string; facilitatorName: string; guidelineRules: GuidelineRule[] }

function buildSession(db: Database.Database, rng: Rng, plan: SessionPlan): BuiltSession | null {
  if (!plan.departmentId) return null;
  const population: SessionPopulation = { ...EMPTY_POPULATION, departmentIds: [plan.departmentId] };
  const members = resolvePopulation(db, plan.cycle.id, population);
  const reviewers = (db.prepare(`SELECT DISTINCT r.manager_id AS id FROM review r WHERE r.id IN (SELECT value FROM json_each(?)) AND r.manager_id IS NOT NULL LIMIT 6`)
    .all(JSON.stringify(members.map((m) => m.reviewId))) as { id: string }[]).map((r) => r.id);
  const id = rng.uuid();
  const startedAt = `${plan.date}T09:00:00.000Z`;
  db.prepare(`INSERT INTO calibration_session (id, created_at, updated_at, version, name, cycle_id, date, location, facilitator_id, reviewer_ids, population,
      guideline_set_id, settings, status, started_at, archived)
    VALUES (@id, @now, @now, 1, @name, @cycleId, @date, @location, @facilitator, @reviewers, @population, @guidelineSetId, @settings, 'in_session', @startedAt, 0)`).run({
    id, now: plan.now, name: plan.name, cycleId: plan.cycle.id, date: plan.date, location: plan.location, facilitator: plan.facilitator,
    reviewers: JSON.stringify(reviewers), population: JSON.stringify(population), guidelineSetId: plan.guidelineSetId,
    settings: JSON.stringify(defaultSettings(plan.levels.length)), startedAt,
  });
  const insertMember = db.prepare(`INSERT INTO calibration_member (id, created_at, updated_at, version, session_id, review_id, employee_id, performance, potential,
      risk_of_loss, impact_of_loss, comment, discussed, original_rating, archived)
    VALUES (@id, @now, @now, @version, @sessionId, @reviewId, @employeeId, @performance, @potential, @risk, @impact, @comment, @discussed, @original, 0)`);
  const insertChange = db.prepare(`INSERT INTO calibration_change (id, session_id, member_id, kind, at, actor, performance_from, performance_to, potential_from, potential_to, reason_code, reason_label, comment)
    VALUES (@id, @sessionId, @memberId, 'move', @at, @actor, @from, @to, @potential, @potential, @code, @label, @comment)`);
  const reasons = defaultSettings(plan.levels.length).reasonCodes;
  const rating = db.prepare(`SELECT final_rating AS rating FROM review WHERE id = ?`);
  let minute = 0;
  for (const person of members) {
    const original = (rating.get(person.reviewId) as { rating: number | null }).rating;
    const level = levelOfRating(plan.levels, original);
    const index = level ? plan.levels.indexOf(level) : -1;
    // Potential leans on performance: strong performers more often high.
    const lean = index >= 0 ? index / (plan.levels.length - 1) : 0.5;
    const potential = rng.next() < plan.potentialShare ? Math.max(1, Math.min(3, 1 + Math.round(lean * 2 + (rng.next() - 0.5) * 1.8))) : null;
    const moves = level !== null && rng.next() < plan.moveShare;
    const to = moves ? plan.levels[Math.max(0, Math.min(plan.levels.length - 1, index + (rng.next() < 0.55 ? -1 : 1)))].value : null;
    const memberId = rng.uuid();
    const discussed = moves || rng.next() < plan.discussedShare;
    const risk = rng.next() < 0.4 ? rng.pick(['low', 'medium', 'high'] as const) : null;
    insertMember.run({
      id: memberId, now: plan.now, version: moves && to !== level!.value ? 2 : 1, sessionId: id, reviewId: person.reviewId, employeeId: person.employeeId,
      performance: to !== null && to !== level!.value ? to : null, potential, risk, impact: risk ? rng.pick(['low', 'medium', 'high'] as const) : null,
      comment: discussed && rng.next() < 0.4 ? rng.pick(COMMENTS) : null, discussed: discussed ? 1 : 0, original,
    });
    if (to !== null && to !== level!.value) {
      const reason = rng.pick(reasons);
      minute += 3 + rng.int(6);
      insertChange.run({
        id: rng.uuid(), sessionId: id, memberId, at: stampAt(plan.date, minute), actor: plan.facilitatorName, from: level!.value, to, potential,
        code: reason.code, label: reason.label, comment: rng.pick(COMMENTS),
      });
    }
  }
  const rules = (JSON.parse((db.prepare(`SELECT rules FROM calibration_guideline_set WHERE id = ?`).get(plan.guidelineSetId) as { rules: string }).rules) as GuidelineRule[]);
  return { id, name: plan.name, levels: plan.levels, date: plan.date, facilitatorName: plan.facilitatorName, guidelineRules: rules };
}

/** Writes the session back into its (then still open) cycle's reviews, as finalising does. */
function finalise(db: Database.Database, session: BuiltSession, now: string): void {
  const at = `${session.date}T16:30:00.000Z`;
  const result = writeBack(db, { id: session.id, name: session.name, levels: session.levels }, at, session.facilitatorName);
  const evaluation = evaluateGuidelines(session.levels, session.guidelineRules, result.byLevel.map((l) => l.after));
  const acknowledgement = evaluation.within ? null : 'Engineering had an exceptional year; the leadership team agreed the higher share.';
  const summary: FinaliseSummary = {
    finalisedAt: at, finalisedBy: session.facilitatorName, members: result.members, movedUp: result.up, movedDown: result.down, unchanged: result.unchanged,
    placed: result.placed, written: result.written, restored: result.restored, byLevel: result.byLevel, evaluation, acknowledgement,
  };
  db.prepare(`UPDATE calibration_session SET status = 'finalised', finalised_at = @at, finalised_by = @by, acknowledgement = @acknowledgement, summary = @summary,
      updated_at = @now, version = version + 1 WHERE id = @id`).run({ at, by: session.facilitatorName, acknowledgement, summary: JSON.stringify(summary), now, id: session.id });
}

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const stampAt = (date: string, minutes: number) => new Date(Date.parse(`${date}T09:30:00Z`) + minutes * 60_000).toISOString();
