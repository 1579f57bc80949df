// Finalising writes the calibrated ratings back into the reviews (the rating before calibration
// stays on the review) and locks the session; reopening takes a reason and unlocks it, and
// finalising again writes again — putting back any review it no longer changes.
import type Database from 'better-sqlite3';
import type { Input } from '../../../src-shared/api';
import type { CalibrationSession, FinaliseSummary } from '../../../src-shared/api/calibration';
import { levelOfRating, outsideText, type ScaleLevel } from '../../../src-shared/domain/calibration';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { recordAudit, type AuditChange } from '../shared/audit';
import { assertStartedFrom } from '../shared/records';
import { assertCycleOpen, getSession, invalid } from './common';
import { getDistribution } from './distribution';

interface ReviewRatings {
  finalRating: number | null;
  overrideRating: number | null;
  overrideReason: string | null;
}

interface WriteBackRow extends ReviewRatings {
  memberId: string;
  reviewId: string;
  stored: number | null;
  reviewBefore: string | null;
  reviewVersion: number;
  ratingBefore: number | null;
  calibratedBy: string | null;
  lastReason: string | null;
}

export interface WriteBackResult {
  members: number;
  up: number;
  down: number;
  unchanged: number;
  placed: number;
  written: number;
  restored: number;
  byLevel: FinaliseSummary['byLevel'];
  audit: AuditChange[];
}

/**
 * Writes a session's placements into its reviews, on the caller's connection and transaction
 * (the service and the demo both use it). A person whose calibrated level differs from the level
 * their review's rating counts at gets it as the review's override and final rating, with the
 * rating before calibration kept; a person left where they were is only marked calibrated (and
 * put back, if an earlier finalisation of this session had changed them).
 */
export function writeBack(db: Database.Database, session: { id: string; name: string; levels: readonly ScaleLevel[] }, now: string, actor: string): WriteBackResult {
  const rows = db.prepare(`SELECT m.id AS memberId, m.review_id AS reviewId, m.performance AS stored, m.review_before AS reviewBefore,
      r.final_rating AS finalRating, r.override_rating AS overrideRating, r.override_reason AS overrideReason, r.version AS reviewVersion,
      r.rating_before_calibration AS ratingBefore, r.calibration_session_id AS calibratedBy,
      (SELECT ch.reason_label || coalesce(' — ' || ch.comment, '') FROM calibration_change ch
        WHERE ch.member_id = m.id AND ch.kind = 'move' AND ch.undone_at IS NULL AND ch.performance_to IS NOT NULL
          AND (ch.performance_from IS NULL OR ch.performance_to <> ch.performance_from) ORDER BY ch.rowid DESC LIMIT 1) AS lastReason
    FROM calibration_member m JOIN review r ON r.id = m.review_id WHERE m.session_id = ? AND m.archived = 0`).all(session.id) as WriteBackRow[];
  const write = db.prepare(`UPDATE review SET override_rating = @overrideRating, override_reason = @overrideReason, final_rating = @finalRating,
      rating_before_calibration = @ratingBefore, calibration_session_id = @sessionId, calibrated_at = @now, calibrated_by = @actor,
      updated_at = @now, version = version + 1 WHERE id = @reviewId`);
  const remember = db.prepare(`UPDATE calibration_member SET review_before = ? WHERE id = ?`);
  const result: WriteBackResult = {
    members: rows.length, up: 0, down: 0, unchanged: 0, placed: 0, written: 0, restored: 0,
    byLevel: session.levels.map((level) => ({ value: level.value, label: level.label, before: 0, after: 0 })), audit: [],
  };
  const indexOf = (value: number | null | undefined) => session.levels.findIndex((level) => level.value === value);
  for (const row of rows) {
    const before: ReviewRatings = row.reviewBefore ? (JSON.parse(row.reviewBefore) as ReviewRatings) : { finalRating: row.finalRating, overrideRating: row.overrideRating, overrideReason: row.overrideReason };
    const originalLevel = levelOfRating(session.levels, before.finalRating);
    const calibrated = row.stored ?? originalLevel?.value ?? null;
    if (calibrated === null) continue; // the holding area: finalising refuses it before writing
    if (originalLevel) result.byLevel[indexOf(originalLevel.value)].before++;
    result.byLevel[indexOf(calibrated)].after++;
    // A roll-up session after another one keeps the rating from before any calibration.
    const firstOriginal = row.calibratedBy && row.calibratedBy !== session.id && row.ratingBefore !== null ? row.ratingBefore : before.finalRating;
    const moved = !originalLevel || originalLevel.value !== calibrated;
    let next: ReviewRatings & { ratingBefore: number | null };
    if (moved) {
      if (!originalLevel) result.placed++;
      else if (indexOf(calibrated) > indexOf(originalLevel.value)) result.up++;
      else result.down++;
      const reason = `Calibrated in “${session.name}”${row.lastReason ? `: ${row.lastReason}` : ''}`.slice(0, 2000);
      next = { finalRating: calibrated, overrideRating: calibrated, overrideReason: reason, ratingBefore: firstOriginal };
      remember.run(JSON.stringify(before), row.memberId);
      result.written++;
    } else {
      result.unchanged++;
      next = { ...before, ratingBefore: firstOriginal };
      if (row.reviewBefore) {
        remember.run(null, row.memberId);
        result.restored++;
      }
    }
    write.run({ ...next, reviewId: row.reviewId, sessionId: session.id, now, actor });
    result.audit.push({
      entity: 'review', entityId: row.reviewId, action: 'update',
      before: { finalRating: row.finalRating, overrideRating: row.overrideRating, overrideReason: row.overrideReason, version: row.reviewVersion },
      after: { finalRating: next.finalRating, overrideRating: next.overrideRating, overrideReason: next.overrideReason, ratingBeforeCalibration: next.ratingBefore, what: moved ? 'calibrated' : 'confirmed in calibration', calibrationSessionId: session.id, version: row.reviewVersion + 1 },
    });
  }
  return result;
}

export async function finaliseSession(ctx: ServiceContext, input: Input<'calibration.finaliseSession'>): Promise<{ session: CalibrationSession; summary: FinaliseSummary }> {
  const session = getSession(ctx, input.id);
  assertStartedFrom(session, input.version, 'calibration session');
  if (session.archived) throw invalid(`The session “${session.name}” is archived; restore it first.`);
  if (session.status === 'draft') throw invalid('The session has not started yet: start it, calibrate, then finalise.');
  if (session.status === 'finalised') throw invalid('The session is already finalised.');
  assertCycleOpen(session);
  const distribution = getDistribution(ctx, session);
  if (distribution.holding > 0) {
    throw invalid(`${distribution.holding === 1 ? 'One person has' : `${distribution.holding} people have`} no performance rating yet (the holding area): place or remove them before finalising.`);
  }
  const evaluation = distribution.evaluation;
  let acknowledgement: string | null = null;
  if (evaluation && !evaluation.within && session.guidelines) {
    const outside = outsideText(evaluation);
    if (session.guidelines.mode === 'enforced') {
      throw invalid(`The guidelines “${session.guidelines.name}” are enforced and these are outside them: ${outside}. Move people until every guideline is met; nothing was finalised.`);
    }
    acknowledgement = input.acknowledgement?.trim() || null;
    if (!acknowledgement) throw invalid(`The distribution is outside the advisory guidelines: ${outside}. To finalise anyway, acknowledge it with a reason.`, 'acknowledgement');
  }
  const result = writeBack(ctx.store.raw, session, ctx.now, ctx.actor);
  const summary: FinaliseSummary = {
    finalisedAt: ctx.now, finalisedBy: ctx.actor, members: result.members, movedUp: result.up, movedDown: result.down, unchanged: result.unchanged,
    placed: result.placed, written: result.written, restored: result.restored, byLevel: result.byLevel, evaluation, acknowledgement,
  };
  ctx.store.raw.prepare(`UPDATE calibration_session SET status = 'finalised', finalised_at = @now, finalised_by = @actor, acknowledgement = @acknowledgement,
      summary = @summary, updated_at = @now, version = version + 1 WHERE id = @id`).run({ now: ctx.now, actor: ctx.actor, acknowledgement, summary: JSON.stringify(summary), id: session.id });
  await recordAudit(ctx, [
    { entity: 'calibration_session', entityId: session.id, action: 'update', before: { status: session.status }, after: { status: 'finalised', what: 'finalised', written: result.written, restored: result.restored, acknowledgement } },
    ...result.audit,
  ]);
  return { session: getSession(ctx, session.id), summary };
}

export async function reopenSession(ctx: ServiceContext, input: Input<'calibration.reopenSession'>): Promise<CalibrationSession> {
  const session = getSession(ctx, input.id);
  assertStartedFrom(session, input.version, 'calibration session');
  if (session.archived) throw invalid(`The session “${session.name}” is archived; restore it first.`);
  if (session.status !== 'finalised') throw invalid('Only a finalised session can be reopened.');
  assertCycleOpen(session);
  const busy = ctx.store.raw.prepare(`SELECT count(*) AS n, min(s.name) AS other FROM calibration_member m
      JOIN calibration_member o ON o.employee_id = m.employee_id AND o.session_id <> m.session_id AND o.archived = 0
      JOIN calibration_session s ON s.id = o.session_id AND s.cycle_id = @cycleId AND s.archived = 0 AND s.status <> 'finalised'
     WHERE m.session_id = @id AND m.archived = 0`).get({ id: session.id, cycleId: session.cycleId }) as { n: number; other: string | null };
  if (busy.n) throw new AppError('VALIDATION', `${busy.n === 1 ? 'One person' : `${busy.n} people`} of this session ${busy.n === 1 ? 'is' : 'are'} now in the open session “${busy.other}”; finish or remove them there first.`);
  ctx.store.raw.prepare(`UPDATE calibration_session SET status = 'in_session', finalised_at = NULL, finalised_by = NULL, acknowledgement = NULL,
      updated_at = @now, version = version + 1 WHERE id = @id`).run({ now: ctx.now, id: session.id });
  await recordAudit(ctx, [{ entity: 'calibration_session', entityId: session.id, action: 'reopen', before: { status: 'finalised', finalisedAt: session.finalisedAt }, after: { status: 'in_session', reason: input.reason } }]);
  return getSession(ctx, session.id);
}
