// Reading reviews: the cycle's list (one set-based query) and one review in full — the items to
// rate (goals, competencies, questions), every respondent's answers, step states and scores.
import type {
  CycleStatus, Input, ReviewAnswer, ReviewDetail, ReviewItem, ReviewStatus, ReviewStepState, ReviewSummary, StoredSection, TemplateSteps,
} from '../../../src-shared/api';
import { todayIso } from '../../../src-shared/domain/dates';
import { nearestLabel, round2, sectionScores } from '../../../src-shared/domain/reviews';
import { notFound } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { SUBTREE_CTE } from '../skills/gaps';
import { likePattern } from '../shared/lookups';
import { parseLevels, parseSections, parseSteps, type StoredLevel } from './common';

// ---- List ----------------------------------------------------------------------------------

export const SUMMARY_COLUMNS = `r.id, r.cycle_id AS cycleId, c.name AS cycleName,
  r.employee_id AS employeeId, e.first_name || ' ' || e.last_name AS employeeName, e.employee_number AS employeeNumber,
  r.manager_id AS managerId, m.first_name || ' ' || m.last_name AS managerName,
  r.department_id AS departmentId, d.name AS departmentName, j.title AS jobTitle,
  r.status, c.due_date AS dueDate, (r.status <> 'complete' AND c.due_date < @today) AS overdue,
  r.started_at AS startedAt, r.ready_at AS readyAt, r.final_at AS finalAt, r.completed_at AS completedAt,
  r.computed_rating AS computedRating, r.override_rating AS overrideRating, r.final_rating AS finalRating, r.version`;
/** The tables a summary reads (every review has a cycle and an employee). */
export const SUMMARY_FROM = `FROM review r
  JOIN review_cycle c ON c.id = r.cycle_id
  JOIN employee e ON e.id = r.employee_id
  LEFT JOIN employee m ON m.id = r.manager_id
  LEFT JOIN department d ON d.id = r.department_id
  LEFT JOIN job j ON j.id = r.job_id`;
const SUMMARY_SELECT = `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM}`;

export type SummarySqlRow = Omit<ReviewSummary, 'overdue' | 'finalLabel'> & { overdue: number };

/** The scale levels each cycle rates with, read once per cycle in the result. */
function levelsByCycle(ctx: ServiceContext, cycleIds: Iterable<string>): Map<string, StoredLevel[]> {
  const stmt = ctx.store.raw.prepare(`SELECT coalesce(c.levels_snapshot, s.levels) AS levels FROM review_cycle c JOIN rating_scale s ON s.id = c.rating_scale_id WHERE c.id = ?`);
  return new Map([...new Set(cycleIds)].map((id) => [id, parseLevels((stmt.get(id) as { levels: string }).levels)]));
}

export function toSummaries(ctx: ServiceContext, rows: SummarySqlRow[]): ReviewSummary[] {
  const levels = levelsByCycle(ctx, rows.map((row) => row.cycleId));
  return rows.map((row) => ({ ...row, overdue: Boolean(row.overdue), finalLabel: nearestLabel(levels.get(row.cycleId)!, row.finalRating) }));
}

export async function listReviews(ctx: ServiceContext, input: Input<'reviews.listReviews'>): Promise<{ rows: ReviewSummary[]; total: number }> {
  const where: string[] = [];
  if (input.cycleId) where.push('r.cycle_id = @cycleId');
  if (input.employeeId) where.push('r.employee_id = @employeeId');
  if (input.managerId) where.push('r.manager_id = @managerId');
  if (input.departmentId) where.push('r.department_id IN (SELECT id FROM subtree)');
  if (input.status) where.push('r.status = @status');
  if (input.overdue !== undefined) where.push(`(r.status <> 'complete' AND c.due_date < @today) = ${input.overdue ? 1 : 0}`);
  if (input.search?.trim()) where.push(`(e.first_name || ' ' || e.last_name LIKE @search ESCAPE '\\' OR e.employee_number LIKE @search ESCAPE '\\')`);
  const params = {
    cycleId: input.cycleId, employeeId: input.employeeId, managerId: input.managerId, departmentId: input.departmentId,
    status: input.status, search: likePattern(input.search), today: todayIso(), limit: input.limit ?? 1000, offset: input.offset ?? 0,
  };
  const withSubtree = input.departmentId ? `WITH RECURSIVE ${SUBTREE_CTE} ` : '';
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = ctx.store.raw
    .prepare(`${withSubtree}${SUMMARY_SELECT} ${filter} ORDER BY e.last_name COLLATE NOCASE, e.first_name COLLATE NOCASE, c.period_start DESC LIMIT @limit OFFSET @offset`)
    .all(params) as SummarySqlRow[];
  const { total } = ctx.store.raw
    .prepare(`${withSubtree}SELECT count(*) AS total FROM review r JOIN review_cycle c ON c.id = r.cycle_id JOIN employee e ON e.id = r.employee_id ${filter}`)
    .get(params) as { total: number };
  return { rows: toSummaries(ctx, rows), total };
}

// ---- One review ------------------------------------------------------------------------------

/** What the workflow needs of a review: its row and the cycle it runs in. */
export interface ReviewRecord {
  id: string;
  version: number;
  cycleId: string;
  employeeId: string;
  jobId: string | null;
  status: ReviewStatus;
  computedRating: number | null;
  overrideRating: number | null;
  overrideReason: string | null;
  finalRating: number | null;
  startedAt: string | null;
  readyAt: string | null;
  finalAt: string | null;
  completedAt: string | null;
  snapshot: string | null;
}

export interface CycleRun {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  status: CycleStatus;
  levels: StoredLevel[];
  sections: StoredSection[];
  steps: TemplateSteps;
}

export function loadReview(ctx: ServiceContext, id: string): { review: ReviewRecord; cycle: CycleRun } {
  const review = ctx.store.raw.prepare(`SELECT id, version, cycle_id AS cycleId, employee_id AS employeeId, job_id AS jobId, status,
      computed_rating AS computedRating, override_rating AS overrideRating, override_reason AS overrideReason, final_rating AS finalRating,
      started_at AS startedAt, ready_at AS readyAt, final_at AS finalAt, completed_at AS completedAt, snapshot FROM review WHERE id = ?`).get(id) as ReviewRecord | undefined;
  if (!review) throw notFound('The review');
  const cycle = ctx.store.raw.prepare(`SELECT c.id, c.name, c.period_start AS periodStart, c.period_end AS periodEnd, c.status,
      coalesce(c.levels_snapshot, s.levels) AS levels, coalesce(c.sections_snapshot, t.sections) AS sections, coalesce(c.steps_snapshot, t.steps) AS steps
      FROM review_cycle c JOIN rating_scale s ON s.id = c.rating_scale_id JOIN review_template t ON t.id = c.template_id WHERE c.id = ?`)
    .get(review.cycleId) as Omit<CycleRun, 'levels' | 'sections' | 'steps'> & { levels: string; sections: string; steps: string };
  return { review, cycle: { ...cycle, levels: parseLevels(cycle.levels), sections: parseSections(cycle.sections), steps: parseSteps(cycle.steps) } };
}

interface GoalItemRow {
  id: string; title: string; description: string | null; weight: number; unit: string; startValue: number | null; targetValue: number | null;
  actualValue: number | null; progress: number | null; status: string; stretch: number; periodStart: string; periodEnd: string;
}

/** The employee's own (individual, not archived) goals whose period overlaps the cycle's. */
function goalItems(ctx: ServiceContext, review: ReviewRecord, cycle: CycleRun, sectionIndex: number): ReviewItem[] {
  const rows = ctx.store.raw.prepare(`SELECT id, title, description, weight, unit, start_value AS startValue, target_value AS targetValue,
      actual_value AS actualValue, progress, status, stretch, period_start AS periodStart, period_end AS periodEnd
      FROM goal WHERE scope = 'individual' AND employee_id = @employeeId AND archived = 0 AND period_start <= @periodEnd AND period_end >= @periodStart
      ORDER BY weight DESC, title COLLATE NOCASE`)
    .all({ employeeId: review.employeeId, periodStart: cycle.periodStart, periodEnd: cycle.periodEnd }) as GoalItemRow[];
  return rows.map((g) => ({
    key: `goal:${g.id}`, sectionIndex, kind: 'goals', title: g.title, description: g.description, answer: 'rating', required: true, weight: g.weight,
    goal: {
      unit: g.unit, startValue: g.startValue, targetValue: g.targetValue, actualValue: g.actualValue, progress: g.progress ?? 0,
      status: g.status, stretch: Boolean(g.stretch), periodStart: g.periodStart, periodEnd: g.periodEnd,
    },
    competency: null,
  }));
}

/** The skills the job (as at launch) requires, with the required level and the person's latest one. */
function competencyItems(ctx: ServiceContext, review: ReviewRecord, sectionIndex: number): ReviewItem[] {
  if (!review.jobId) return [];
  const rows = ctx.store.raw.prepare(`SELECT s.id, s.name, s.description, js.weight, rl.label AS requiredLevel, cl.label AS currentLevel
      FROM job_skill js JOIN skill s ON s.id = js.skill_id AND s.archived = 0
      LEFT JOIN rating_level rl ON rl.rating_model_id = s.rating_model_id AND rl.value = js.level
      LEFT JOIN employee_skill_latest lt ON lt.employee_id = @employeeId AND lt.skill_id = s.id
      LEFT JOIN rating_level cl ON cl.rating_model_id = s.rating_model_id AND cl.value = lt.level
      WHERE js.job_id = @jobId ORDER BY js.weight DESC, s.name COLLATE NOCASE`)
    .all({ employeeId: review.employeeId, jobId: review.jobId }) as
    { id: string; name: string; description: string | null; weight: number; requiredLevel: string | null; currentLevel: string | null }[];
  return rows.map((s) => ({
    key: `skill:${s.id}`, sectionIndex, kind: 'competencies', title: s.name, description: s.description, answer: 'rating', required: true,
    weight: s.weight, goal: null, competency: { requiredLevel: s.requiredLevel, currentLevel: s.currentLevel },
  }));
}

function questionItems(section: StoredSection, sectionIndex: number): ReviewItem[] {
  return (section.questions ?? []).map((q) => ({
    key: `question:${q.id}`, sectionIndex, kind: 'questions', title: q.text, description: null, answer: q.kind, required: q.required,
    weight: 1, goal: null, competency: null,
  }));
}

/** The items as they are now (goals and skills read live). */
export function buildItems(ctx: ServiceContext, review: ReviewRecord, cycle: CycleRun): ReviewItem[] {
  return cycle.sections.flatMap((section, index) =>
    section.kind === 'goals' ? goalItems(ctx, review, cycle, index)
      : section.kind === 'competencies' ? competencyItems(ctx, review, index)
        : questionItems(section, index));
}

/** The items as snapshotted at completion, or as they are now. */
export function reviewItems(ctx: ServiceContext, review: ReviewRecord, cycle: CycleRun): ReviewItem[] {
  return review.snapshot ? (JSON.parse(review.snapshot) as { items: ReviewItem[] }).items : buildItems(ctx, review, cycle);
}

/** Respondent as stored: 'self', 'manager' or 'peer:<employee id>'. */
export const respondentKey = (respondent: 'self' | 'manager' | 'peer', peerId?: string) => (respondent === 'peer' ? `peer:${peerId}` : respondent);

export interface StoredAnswer { id: string; itemKey: string; rating: number | null; comment: string | null }

/** One respondent's answers by item key. */
export function answersOf(ctx: ServiceContext, reviewId: string, respondent: string): Map<string, StoredAnswer> {
  const rows = ctx.store.raw.prepare(`SELECT id, item_key AS itemKey, rating, comment FROM review_answer WHERE review_id = ? AND respondent = ?`)
    .all(reviewId, respondent) as StoredAnswer[];
  return new Map(rows.map((row) => [row.itemKey, row]));
}

/** Section scores and the overall rating, from the manager's ratings. */
export function scoreReview(ctx: ServiceContext, reviewId: string, items: ReviewItem[], sections: StoredSection[]) {
  const manager = answersOf(ctx, reviewId, 'manager');
  const rated = items.filter((item) => item.answer === 'rating').map((item) => ({ sectionIndex: item.sectionIndex, weight: item.weight, rating: manager.get(item.key)?.rating ?? null }));
  const scores = sectionScores(sections.length, rated);
  return sections.map((section, index) => ({ sectionIndex: index, kind: section.kind, title: section.title, weight: section.weight, score: scores[index] }));
}

function answersOfReview(ctx: ServiceContext, reviewId: string): ReviewAnswer[] {
  const rows = ctx.store.raw.prepare(`SELECT a.respondent, a.item_key AS itemKey, a.rating, a.comment, a.author, a.updated_at AS updatedAt,
      p.id AS peerId, p.first_name || ' ' || p.last_name AS peerName
      FROM review_answer a LEFT JOIN employee p ON a.respondent LIKE 'peer:%' AND p.id = substr(a.respondent, 6)
      WHERE a.review_id = ? ORDER BY a.respondent, a.item_key`).all(reviewId) as (Omit<ReviewAnswer, 'respondent'> & { respondent: string })[];
  return rows.map((row) => ({ ...row, respondent: row.respondent.startsWith('peer:') ? 'peer' : (row.respondent as 'self' | 'manager') }));
}

/** Every step the review has, submitted or still to do (a step with no row yet is "requested"). */
function stepStates(ctx: ServiceContext, reviewId: string, steps: TemplateSteps): ReviewStepState[] {
  const rows = ctx.store.raw.prepare(`SELECT s.step, s.status, s.submitted_at AS submittedAt, s.submitted_by AS submittedBy,
      p.id AS peerId, p.first_name || ' ' || p.last_name AS peerName
      FROM review_step s LEFT JOIN employee p ON s.step LIKE 'peer:%' AND p.id = substr(s.step, 6)
      WHERE s.review_id = ? ORDER BY s.requested_at, p.last_name, p.first_name`).all(reviewId) as
    { step: string; status: 'requested' | 'submitted'; submittedAt: string | null; submittedBy: string | null; peerId: string | null; peerName: string | null }[];
  const byStep = new Map(rows.map((row) => [row.step, row]));
  const state = (step: 'self' | 'manager' | 'employee_signoff' | 'manager_signoff'): ReviewStepState => {
    const row = byStep.get(step);
    return { step, peerId: null, peerName: null, status: row?.status ?? 'requested', submittedAt: row?.submittedAt ?? null, submittedBy: row?.submittedBy ?? null };
  };
  const peers = rows.filter((row) => row.step.startsWith('peer:')).map((row): ReviewStepState => ({
    step: 'peer', peerId: row.peerId, peerName: row.peerName, status: row.status, submittedAt: row.submittedAt, submittedBy: row.submittedBy,
  }));
  return [...(steps.selfReview ? [state('self')] : []), ...peers, state('manager'), state('employee_signoff'), state('manager_signoff')];
}

export async function getReview(ctx: ServiceContext, id: string): Promise<ReviewDetail> {
  const { review, cycle } = loadReview(ctx, id);
  const summary = toSummaries(ctx, [ctx.store.raw.prepare(`${SUMMARY_SELECT} WHERE r.id = @id`).get({ id, today: todayIso() }) as SummarySqlRow])[0];
  const items = reviewItems(ctx, review, cycle);
  const sectionScores = scoreReview(ctx, id, items, cycle.sections).map((s) => ({ ...s, score: s.score === null ? null : round2(s.score) }));
  return {
    review: summary,
    cycle: { id: cycle.id, name: cycle.name, periodStart: cycle.periodStart, periodEnd: cycle.periodEnd, status: cycle.status, levels: cycle.levels, sections: cycle.sections, steps: cycle.steps },
    items,
    answers: answersOfReview(ctx, id),
    steps: stepStates(ctx, id, cycle.steps),
    sectionScores,
    overrideReason: review.overrideReason,
    calibration: calibrationOf(ctx, id, cycle.levels),
    snapshotted: review.snapshot !== null,
  };
}

/** What a calibration session wrote to the review, with the rating it had before. */
function calibrationOf(ctx: ServiceContext, reviewId: string, levels: StoredLevel[]): ReviewDetail['calibration'] {
  const row = ctx.store.raw.prepare(`SELECT r.calibration_session_id AS sessionId, s.name AS sessionName, s.status = 'finalised' AS sessionFinalised,
      r.calibrated_at AS calibratedAt, r.calibrated_by AS calibratedBy, r.rating_before_calibration AS ratingBefore, r.final_rating AS finalRating
      FROM review r JOIN calibration_session s ON s.id = r.calibration_session_id WHERE r.id = ?`).get(reviewId) as
    { sessionId: string; sessionName: string; sessionFinalised: number; calibratedAt: string; calibratedBy: string; ratingBefore: number | null; finalRating: number | null } | undefined;
  if (!row) return null;
  const { finalRating, ...rest } = row;
  const changed = row.ratingBefore === null ? finalRating !== null : nearestLabel(levels, row.ratingBefore) !== nearestLabel(levels, finalRating);
  return { ...rest, sessionFinalised: Boolean(row.sessionFinalised), changed };
}
