// Writing reviews: answers, steps and the status they move, peer requests, the rating override
// and reopening. Every check runs before the first write, so a refused call stores nothing.
import { randomUUID } from 'node:crypto';
import { REVIEW_STATUS_LABELS, type Input, type ReviewDetail, type ReviewItem, type ReviewStatus } from '../../../src-shared/api';
import { isOnScale, missingAnswers, overallRating, scaleValuesText, transitionProblem } from '../../../src-shared/domain/reviews';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { ACTIVE_EMPLOYEE } from '../skills/gaps';
import { assertStartedFrom, refusal } from '../shared/records';
import { fieldError } from './common';
import { answersOf, buildItems, getReview, loadReview, respondentKey, reviewItems, scoreReview, type CycleRun, type ReviewRecord } from './reviews';

type Loaded = { review: ReviewRecord; cycle: CycleRun };

const statusWord = (status: ReviewStatus) => REVIEW_STATUS_LABELS[status].toLowerCase();
const STEP_LABELS = { self: 'self-review', manager: 'manager review', employee_signoff: 'employee sign-off', manager_signoff: 'manager sign-off' } as const;

function stepLabel(ctx: ServiceContext, step: string): string {
  if (!step.startsWith('peer:')) return STEP_LABELS[step as keyof typeof STEP_LABELS];
  const peer = ctx.store.raw.prepare(`SELECT first_name || ' ' || last_name AS name FROM employee WHERE id = ?`).get(step.slice(5)) as { name: string } | undefined;
  return `peer feedback from ${peer?.name ?? 'a peer'}`;
}

const invalid = (message: string, issues?: ErrorIssue[]) => new AppError('VALIDATION', message, issues);

function assertCycleOpen(cycle: CycleRun): void {
  if (cycle.status === 'closed') throw invalid(`The cycle "${cycle.name}" is closed; its reviews can no longer change.`);
}

/** A closed cycle's reviews and a complete review no longer change (reopen the review first). */
function assertOpen({ review, cycle }: Loaded): void {
  assertCycleOpen(cycle);
  if (review.status === 'complete') throw invalid('The review is complete; reopen it to change it.');
}

// ---- Steps -------------------------------------------------------------------------------------

function stepRow(ctx: ServiceContext, reviewId: string, step: string) {
  return ctx.store.raw.prepare(`SELECT status FROM review_step WHERE review_id = ? AND step = ?`).get(reviewId, step) as { status: 'requested' | 'submitted' } | undefined;
}
const isSubmitted = (ctx: ServiceContext, reviewId: string, step: string) => stepRow(ctx, reviewId, step)?.status === 'submitted';

function markSubmitted(ctx: ServiceContext, reviewId: string, step: string): void {
  ctx.store.raw.prepare(`INSERT INTO review_step (review_id, step, status, requested_at, submitted_at, submitted_by)
      VALUES (@reviewId, @step, 'submitted', @now, @now, @actor)
      ON CONFLICT (review_id, step) DO UPDATE SET status = 'submitted', submitted_at = @now, submitted_by = @actor`)
    .run({ reviewId, step, now: ctx.now, actor: ctx.actor });
}

/** VALIDATION listing the required items the respondent has not answered. */
function requireAnswers(ctx: ServiceContext, { review, cycle }: Loaded, respondent: string): void {
  const missing = missingAnswers(reviewItems(ctx, review, cycle), answersOf(ctx, review.id, respondent));
  if (missing.length === 0) return;
  const named = missing.slice(0, 5).map((item) => `"${item.title}"`).join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : '');
  throw invalid(
    `The ${stepLabel(ctx, respondent)} cannot be submitted yet: ${missing.length} required item${missing.length > 1 ? 's are' : ' is'} not answered (${named}). Nothing was saved.`,
    missing.map((item) => ({ path: ['answers', item.key], field: item.key, message: `"${item.title}" needs ${item.answer === 'rating' ? 'a rating' : 'an answer'}.` })),
  );
}

// ---- Status ------------------------------------------------------------------------------------

/** What must be done before a review may enter `to`, or null when nothing is missing. */
function prerequisiteProblem(ctx: ServiceContext, { review, cycle }: Loaded, to: ReviewStatus): string | null {
  if (to === 'ready_for_review' && cycle.steps.selfReview && !isSubmitted(ctx, review.id, 'self')) return 'The self-review must be submitted first.';
  if (to === 'final_review' && !isSubmitted(ctx, review.id, 'manager')) return 'The manager review must be submitted first.';
  if (to === 'complete') {
    const missing = (['employee_signoff', 'manager_signoff'] as const).filter((step) => !isSubmitted(ctx, review.id, step));
    if (missing.length) return `The ${missing.map((step) => STEP_LABELS[step]).join(' and the ')} must be submitted first.`;
  }
  return null;
}

type ReviewPatch = Partial<{
  status: ReviewStatus; startedAt: string; readyAt: string; finalAt: string; completedAt: string | null;
  computedRating: number | null; overrideRating: number | null; overrideReason: string | null; finalRating: number | null; snapshot: string;
}>;

const PATCH_COLUMNS: Record<keyof ReviewPatch, string> = {
  status: 'status', startedAt: 'started_at', readyAt: 'ready_at', finalAt: 'final_at', completedAt: 'completed_at', computedRating: 'computed_rating',
  overrideRating: 'override_rating', overrideReason: 'override_reason', finalRating: 'final_rating', snapshot: 'snapshot',
};

/** The columns that change when a review enters `to`: its date, the rating at final review, the snapshot at completion. */
function entering(ctx: ServiceContext, { review, cycle }: Loaded, to: ReviewStatus): ReviewPatch {
  switch (to) {
    case 'not_started': return { status: to };
    case 'in_progress': return { status: to, startedAt: ctx.now };
    case 'ready_for_review': return { status: to, readyAt: ctx.now };
    case 'final_review': {
      const computed = overallRating(scoreReview(ctx, review.id, reviewItems(ctx, review, cycle), cycle.sections));
      return { status: to, finalAt: ctx.now, computedRating: computed, finalRating: review.overrideRating ?? computed };
    }
    case 'complete': return { status: to, completedAt: ctx.now, snapshot: JSON.stringify({ items: buildItems(ctx, review, cycle) }) };
  }
}

/** Writes the patch, bumps the version and audits the change; `reason` goes with a reopen. */
async function updateReview(ctx: ServiceContext, review: ReviewRecord, patch: ReviewPatch, audit: { action?: 'update' | 'reopen'; what: string; reason?: string }): Promise<void> {
  const keys = Object.keys(patch) as (keyof ReviewPatch)[];
  const sets = keys.map((key) => `${PATCH_COLUMNS[key]} = @${key}`);
  ctx.store.raw.prepare(`UPDATE review SET ${[...sets, 'updated_at = @now', 'version = version + 1'].join(', ')} WHERE id = @id`)
    .run({ ...patch, id: review.id, now: ctx.now });
  // The snapshot is large and shown on the review itself; the audit notes that it was taken.
  const audited = keys.filter((key) => key !== 'snapshot');
  const pick = (source: Record<string, unknown>) => Object.fromEntries(audited.map((key) => [key, source[key] ?? null]));
  await recordAudit(ctx, [{
    entity: 'review', entityId: review.id, action: audit.action ?? 'update',
    before: { ...pick(review as unknown as Record<string, unknown>), version: review.version },
    after: { ...pick(patch), ...(patch.snapshot ? { snapshotTaken: true } : {}), what: audit.what, ...(audit.reason ? { reason: audit.reason } : {}), version: review.version + 1 },
  }]);
}

// ---- Answers -----------------------------------------------------------------------------------

function checkAnswers(items: ReviewItem[], cycle: CycleRun, answers: Input<'reviews.saveAnswers'>['answers']): ErrorIssue[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const seen = new Set<string>();
  const issues: ErrorIssue[] = [];
  answers.forEach((answer, index) => {
    const problem = (message: string) => issues.push({ path: ['answers', index], row: index + 1, field: answer.itemKey, message });
    const item = byKey.get(answer.itemKey);
    if (seen.has(answer.itemKey)) return problem(`"${item?.title ?? answer.itemKey}" is answered twice in one save.`);
    seen.add(answer.itemKey);
    if (!item) return problem(`"${answer.itemKey}" is not an item of this review.`);
    if (answer.rating == null) return;
    if (item.answer === 'text') return problem(`"${item.title}" is answered with text, not a rating.`);
    if (!isOnScale(cycle.levels, answer.rating)) return problem(`"${item.title}": ${answer.rating} is not on the rating scale (use one of ${scaleValuesText(cycle.levels)}).`);
  });
  return issues;
}

/** The stored respondent for an answer or step, after checking the template and the peer request allow it. */
function respondentOf(ctx: ServiceContext, loaded: Loaded, respondent: 'self' | 'manager' | 'peer', peerId: string | undefined): string {
  if (respondent !== 'peer' && peerId) throw fieldError('peerId', 'Only peer feedback names a peer.');
  if (respondent === 'self' && !loaded.cycle.steps.selfReview) throw fieldError('respondent', 'This cycle has no self-review.');
  if (respondent !== 'peer') return respondent;
  if (!peerId) throw fieldError('peerId', 'Say which peer is giving the feedback.');
  const key = respondentKey('peer', peerId);
  if (!stepRow(ctx, loaded.review.id, key)) throw fieldError('peerId', 'This person was not asked for peer feedback on this review.');
  return key;
}

export async function saveAnswers(ctx: ServiceContext, input: Input<'reviews.saveAnswers'>): Promise<ReviewDetail> {
  const loaded = loadReview(ctx, input.reviewId);
  const { review, cycle } = loaded;
  assertOpen(loaded);
  const respondent = respondentOf(ctx, loaded, input.respondent, input.peerId);
  if (isSubmitted(ctx, review.id, respondent)) throw invalid(`The ${stepLabel(ctx, respondent)} has been submitted; its answers can no longer change.`);
  const issues = checkAnswers(reviewItems(ctx, review, cycle), cycle, input.answers);
  if (issues.length) throw refusal(issues);

  const stored = answersOf(ctx, review.id, respondent);
  const upsert = ctx.store.raw.prepare(`INSERT INTO review_answer (id, review_id, respondent, item_key, rating, comment, author, updated_at)
      VALUES (@id, @reviewId, @respondent, @itemKey, @rating, @comment, @author, @now)
      ON CONFLICT (review_id, respondent, item_key) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, author = excluded.author, updated_at = excluded.updated_at`);
  const audit = input.answers.map((answer) => {
    const before = stored.get(answer.itemKey);
    const row = { id: before?.id ?? randomUUID(), reviewId: review.id, respondent, itemKey: answer.itemKey, rating: answer.rating ?? null, comment: answer.comment || null, author: ctx.actor, now: ctx.now };
    upsert.run(row);
    const after = { respondent, itemKey: row.itemKey, rating: row.rating, comment: row.comment };
    return { entity: 'review_answer', entityId: row.id, action: before ? ('update' as const) : ('create' as const), before, after };
  });
  await recordAudit(ctx, audit);
  const starts = review.status === 'not_started' && (respondent === 'self' || (respondent === 'manager' && !cycle.steps.selfReview));
  if (starts) await updateReview(ctx, review, entering(ctx, loaded, 'in_progress'), { what: `started by the first ${respondent} answer` });
  return getReview(ctx, review.id);
}

// ---- Submitting steps ------------------------------------------------------------------------

/** Checks a step may be submitted now and returns the statuses submitting it moves through. */
function stepMoves(ctx: ServiceContext, loaded: Loaded, step: string): ReviewStatus[] {
  const { review, cycle } = loaded;
  const { status } = review;
  if (isSubmitted(ctx, review.id, step)) throw invalid(`The ${stepLabel(ctx, step)} has already been submitted.`);
  if (step === 'self') {
    if (status !== 'in_progress') throw invalid(`The self-review can be submitted while the review is in progress; it is ${statusWord(status)}.`);
    return ['ready_for_review'];
  }
  if (step === 'manager') {
    if (status === 'ready_for_review') return ['final_review'];
    // Without a self-review there is nothing to be ready for: the manager's submission passes through it.
    if (status === 'in_progress' && !cycle.steps.selfReview) return ['ready_for_review', 'final_review'];
    if (cycle.steps.selfReview && (status === 'not_started' || status === 'in_progress')) throw invalid('The self-review must be submitted before the manager review.');
    throw invalid(`The manager review can be submitted once the review has started; it is ${statusWord(status)}.`);
  }
  if (step === 'employee_signoff' || step === 'manager_signoff') {
    if (status !== 'final_review') throw invalid(`Sign-offs come after the manager review; the review is ${statusWord(status)}.`);
    const other = step === 'employee_signoff' ? 'manager_signoff' : 'employee_signoff';
    return isSubmitted(ctx, review.id, other) ? ['complete'] : [];
  }
  return []; // peer feedback moves no status
}

export async function submitStep(ctx: ServiceContext, input: Input<'reviews.submitStep'>): Promise<ReviewDetail> {
  const loaded = loadReview(ctx, input.reviewId);
  assertStartedFrom(loaded.review, input.version, 'review');
  assertOpen(loaded);
  const step = input.step === 'peer' ? respondentOf(ctx, loaded, 'peer', input.peerId) : input.step;
  if (input.step !== 'peer' && input.peerId) throw fieldError('peerId', 'Only peer feedback names a peer.');
  if (input.step === 'self' && !loaded.cycle.steps.selfReview) throw fieldError('step', 'This cycle has no self-review.');
  const moves = stepMoves(ctx, loaded, step);
  if (input.step === 'self' || input.step === 'manager' || input.step === 'peer') requireAnswers(ctx, loaded, step);

  markSubmitted(ctx, loaded.review.id, step);
  const patch = moves.reduce<ReviewPatch>((acc, to) => ({ ...acc, ...entering(ctx, loaded, to) }), {});
  await updateReview(ctx, loaded.review, patch, { what: `${stepLabel(ctx, step)} submitted` });
  return getReview(ctx, loaded.review.id);
}

export async function advanceReview(ctx: ServiceContext, input: Input<'reviews.advanceReview'>): Promise<ReviewDetail> {
  const loaded = loadReview(ctx, input.id);
  assertStartedFrom(loaded.review, input.version, 'review');
  assertCycleOpen(loaded.cycle);
  const problem = transitionProblem(loaded.review.status, input.to) ?? prerequisiteProblem(ctx, loaded, input.to);
  if (problem) throw fieldError('to', problem);
  await updateReview(ctx, loaded.review, entering(ctx, loaded, input.to), { what: `moved to ${statusWord(input.to)}` });
  return getReview(ctx, loaded.review.id);
}

// ---- Peers, override, reopen -----------------------------------------------------------------

export async function requestPeerFeedback(ctx: ServiceContext, input: Input<'reviews.requestPeerFeedback'>): Promise<ReviewDetail> {
  const loaded = loadReview(ctx, input.reviewId);
  assertOpen(loaded);
  if (!loaded.cycle.steps.peerFeedback) throw invalid("This cycle's template does not ask for peer feedback.");
  const peerIds = [...new Set(input.peerIds)];
  if (peerIds.includes(loaded.review.employeeId)) throw fieldError('peerIds', 'People cannot give peer feedback on their own review.');
  const active = ctx.store.raw.prepare(`SELECT count(*) AS n FROM employee e WHERE e.id IN (SELECT value FROM json_each(?)) AND ${ACTIVE_EMPLOYEE}`).get(JSON.stringify(peerIds)) as { n: number };
  if (active.n !== peerIds.length) throw fieldError('peerIds', 'Peers must be existing people who are still on the books.');
  const insert = ctx.store.raw.prepare(`INSERT INTO review_step (review_id, step, status, requested_at) VALUES (?, ?, 'requested', ?) ON CONFLICT DO NOTHING`);
  const added = peerIds.filter((peerId) => insert.run(loaded.review.id, respondentKey('peer', peerId), ctx.now).changes > 0);
  await recordAudit(ctx, added.map((peerId) => ({ entity: 'review_step', entityId: loaded.review.id, action: 'create' as const, after: { step: respondentKey('peer', peerId), status: 'requested' } })));
  return getReview(ctx, loaded.review.id);
}

export async function overrideRating(ctx: ServiceContext, input: Input<'reviews.overrideRating'>): Promise<ReviewDetail> {
  const loaded = loadReview(ctx, input.id);
  const { review, cycle } = loaded;
  assertStartedFrom(review, input.version, 'review');
  if (review.status === 'complete') throw invalid("A complete review's rating cannot be overridden; reopen it first.");
  assertOpen(loaded);
  const calibrated = ctx.store.raw.prepare(`SELECT s.name FROM review r JOIN calibration_session s ON s.id = r.calibration_session_id WHERE r.id = ? AND s.status = 'finalised'`).get(review.id) as { name: string } | undefined;
  if (calibrated) throw invalid(`This rating was agreed in the calibration session “${calibrated.name}”; reopen that session to change it.`);
  if (input.rating !== null) {
    if (!isOnScale(cycle.levels, input.rating)) throw fieldError('rating', `${input.rating} is not on the rating scale (use one of ${scaleValuesText(cycle.levels)}).`);
    if (!input.reason) throw fieldError('reason', 'Give a reason for overriding the computed rating.');
  }
  const patch: ReviewPatch = input.rating === null
    ? { overrideRating: null, overrideReason: null, finalRating: review.computedRating }
    : { overrideRating: input.rating, overrideReason: input.reason!, finalRating: input.rating };
  await updateReview(ctx, review, patch, { what: input.rating === null ? 'override cleared' : 'rating overridden' });
  return getReview(ctx, review.id);
}

export async function reopenReview(ctx: ServiceContext, input: Input<'reviews.reopenReview'>): Promise<ReviewDetail> {
  const loaded = loadReview(ctx, input.id);
  const { review, cycle } = loaded;
  assertStartedFrom(review, input.version, 'review');
  assertCycleOpen(cycle);
  if (review.status !== 'complete') throw invalid(`Only a complete review can be reopened; this one is ${statusWord(review.status)}.`);
  ctx.store.raw.prepare(`DELETE FROM review_step WHERE review_id = ? AND step IN ('employee_signoff', 'manager_signoff')`).run(review.id);
  // The snapshot stays until the review completes again (then it is replaced).
  await updateReview(ctx, review, { status: 'final_review', completedAt: null }, { action: 'reopen', what: 'reopened', reason: input.reason });
  return getReview(ctx, review.id);
}
