// Placing people: a card moved on the nine-box or in the bins, grid edits and pastes, the
// history of every move, and undo of the last one. Every change of performance or potential
// carries a reason code and a comment; nothing moves in a finalised session.
import { randomUUID } from 'node:crypto';
import type { Input } from '../../../src-shared/api';
import { memberFields, type CalibrationChange, type CalibrationMember, type CalibrationSession, type SessionDistribution } from '../../../src-shared/api/calibration';
import { movementOf } from '../../../src-shared/domain/calibration';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import { CalibrationMemberEntity, type CalibrationMemberRow } from '../../store/entities/calibration';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { rowIssue, saveBatch, type BatchSpec } from '../shared/batch';
import { assertStartedFrom } from '../shared/records';
import { assertEditable, getMember, getSession, invalid, listMembers, scaleText } from './common';
import { getDistribution } from './distribution';

interface Placement {
  performance: number | null;
  potential: number | null;
}

interface Reason {
  code: string;
  label: string;
  comment: string;
}

/** The session's reason code (any case) with its label, or VALIDATION listing the codes. */
function reasonOf(session: CalibrationSession, code: string, comment: string): Reason {
  const found = session.settings.reasonCodes.find((reason) => reason.code.toLowerCase() === code.trim().toLowerCase());
  if (!found) throw invalid(`“${code}” is not one of this session's reason codes (${session.settings.reasonCodes.map((r) => r.code).join(', ')}).`, 'reasonCode');
  return { code: found.code, label: found.label, comment: comment.trim() };
}

/** Why a performance or potential is not on its scale, or null. */
function placementProblem(session: CalibrationSession, to: Placement): string | null {
  if (to.performance !== null && !session.levels.some((l) => l.value === to.performance)) {
    return `${to.performance} is not on the cycle's rating scale (use one of ${scaleText(session.levels)}).`;
  }
  if (to.potential !== null && !session.settings.potentialLevels.some((l) => l.value === to.potential)) {
    return `${to.potential} is not on the session's potential scale (use one of ${scaleText(session.settings.potentialLevels)}).`;
  }
  return null;
}

const moved = (from: Placement, to: Placement) => from.performance !== to.performance || from.potential !== to.potential;

function insertMove(ctx: ServiceContext, session: CalibrationSession, memberId: string, from: Placement, to: Placement, reason: Reason): string {
  const id = randomUUID();
  ctx.store.raw.prepare(`INSERT INTO calibration_change (id, session_id, member_id, kind, at, actor, performance_from, performance_to, potential_from, potential_to, reason_code, reason_label, comment)
    VALUES (@id, @sessionId, @memberId, 'move', @now, @actor, @performanceFrom, @performanceTo, @potentialFrom, @potentialTo, @code, @label, @comment)`).run({
    id, sessionId: session.id, memberId, now: ctx.now, actor: ctx.actor, performanceFrom: from.performance, performanceTo: to.performance,
    potentialFrom: from.potential, potentialTo: to.potential, code: reason.code, label: reason.label, comment: reason.comment,
  });
  return id;
}

/** One card moved on the nine-box or between rating bins. */
export async function movePerson(ctx: ServiceContext, input: Input<'calibration.movePerson'>): Promise<{ member: CalibrationMember; distribution: SessionDistribution }> {
  const session = getSession(ctx, input.sessionId);
  assertEditable(session, 'changed');
  const member = getMember(ctx, session, input.memberId);
  assertStartedFrom(member, input.version, `placement of ${member.employeeName}`);
  if (input.performance === undefined && input.potential === undefined) throw invalid('Say where the card goes: a performance level, a potential, or both.');
  const from: Placement = { performance: member.performance, potential: member.potential };
  const to: Placement = { performance: input.performance ?? from.performance, potential: input.potential ?? from.potential };
  const problem = placementProblem(session, to);
  if (problem) throw invalid(`${member.employeeName}: ${problem} Nothing was saved.`, input.performance !== undefined && problem.includes('rating scale') ? 'performance' : 'potential');
  if (!moved(from, to)) throw invalid(`${member.employeeName} is already there; nothing moved.`);
  const reason = reasonOf(session, input.reasonCode, input.comment);
  const { changes } = ctx.store.raw.prepare(`UPDATE calibration_member SET performance = @performance, potential = @potential, updated_at = @now, version = version + 1
    WHERE id = @id AND version = @version`).run({ ...to, now: ctx.now, id: member.id, version: member.version });
  if (changes !== 1) throw new AppError('CONFLICT', `The placement of ${member.employeeName} was changed elsewhere since you opened it. Nothing was saved; reload to see the latest values.`);
  insertMove(ctx, session, member.id, from, to, reason);
  await recordAudit(ctx, [{ entity: 'calibration_member', entityId: member.id, action: 'update', before: { ...from, version: member.version }, after: { ...to, reasonCode: reason.code, comment: reason.comment, version: member.version + 1 } }]);
  // The placement as stored now, without reading it back: only these fields changed.
  const after: CalibrationMember = {
    ...member, ...to, version: member.version + 1, changeCount: member.changeCount + 1,
    performanceSet: member.performanceSet || to.performance !== from.performance, movement: movementOf(session.levels, member.originalRating, to.performance),
  };
  return { member: after, distribution: getDistribution(ctx, session) };
}

type MemberValues = {
  performance: number | null; potential: number | null; riskOfLoss: 'low' | 'medium' | 'high' | null; impactOfLoss: 'low' | 'medium' | 'high' | null;
  comment?: string | null; privateNote?: string | null; discussed: boolean;
};

/** Grid edits and pastes: every row is checked (on the scales, in the session, a reason for any move) before any is written. */
export async function saveMembers(ctx: ServiceContext, input: Input<'calibration.saveMembers'>): Promise<{ rows: CalibrationMember[] }> {
  const session = getSession(ctx, input.sessionId);
  assertEditable(session, 'changed');
  const current = new Map(listMembers(ctx, session, true).map((m) => [m.id, m]));
  const reason = input.reason ? reasonOf(session, input.reason.reasonCode, input.reason.comment) : null;
  const moves = new Map<string, { from: Placement; to: Placement }>();
  const spec: BatchSpec<CalibrationMemberRow, MemberValues> = {
    entity: CalibrationMemberEntity,
    label: 'Placement',
    fields: memberFields,
    toValues: (row) => ({
      performance: current.get(row.id)?.performance ?? row.performance, potential: row.potential, riskOfLoss: row.riskOfLoss, impactOfLoss: row.impactOfLoss,
      comment: row.comment, privateNote: row.privateNote, discussed: Boolean(row.discussed),
    }),
    toColumns: (values) => ({
      performance: values.performance, potential: values.potential, riskOfLoss: values.riskOfLoss, impactOfLoss: values.impactOfLoss,
      comment: values.comment || null, privateNote: values.privateNote || null, discussed: values.discussed,
    }),
    async check(candidates) {
      const issues: ErrorIssue[] = [];
      for (const candidate of candidates) {
        const member = current.get(candidate.id);
        if (candidate.isNew || !member) {
          issues.push(rowIssue(candidate.index, undefined, 'Add people through the session’s population, not as new rows.'));
          continue;
        }
        if (member.removed) issues.push(rowIssue(candidate.index, undefined, `${member.employeeName} was removed from the session.`));
        const to = { performance: candidate.values.performance, potential: candidate.values.potential };
        const problem = placementProblem(session, to);
        if (problem) issues.push(rowIssue(candidate.index, problem.includes('rating scale') ? 'performance' : 'potential', problem));
        const from = { performance: member.performance, potential: member.potential };
        if (!problem && moved(from, to)) {
          if (to.performance === null && from.performance !== null) issues.push(rowIssue(candidate.index, 'performance', 'A calibrated performance cannot be emptied; choose a level.'));
          else if (!reason) issues.push(rowIssue(candidate.index, from.performance !== to.performance ? 'performance' : 'potential', `Moving ${member.employeeName} needs a reason and a comment.`));
          moves.set(candidate.id, { from, to });
        }
      }
      return issues;
    },
    async afterWrite() {
      for (const [memberId, move] of moves) insertMove(ctx, session, memberId, move.from, move.to, reason!);
    },
  };
  const saved = await saveBatch(spec, input.rows, ctx);
  const after = new Map(listMembers(ctx, session).map((m) => [m.id, m]));
  return { rows: saved.map((row) => after.get(row.id)!) };
}

const CHANGE_SELECT = `SELECT ch.id, ch.session_id AS sessionId, ch.member_id AS memberId, m.employee_id AS employeeId, e.first_name || ' ' || e.last_name AS employeeName,
  ch.kind, ch.at, ch.actor, ch.performance_from AS performanceFrom, ch.performance_to AS performanceTo, ch.potential_from AS potentialFrom, ch.potential_to AS potentialTo,
  ch.reason_code AS reasonCode, ch.reason_label AS reasonLabel, ch.comment, ch.undone_at AS undoneAt, ch.undone_by AS undoneBy
  FROM calibration_change ch JOIN calibration_member m ON m.id = ch.member_id JOIN employee e ON e.id = m.employee_id`;

/** Newest first: every move, addition and removal, undone moves marked. */
export function listHistory(ctx: ServiceContext, sessionId: string, memberId?: string): CalibrationChange[] {
  return ctx.store.raw
    .prepare(`${CHANGE_SELECT} WHERE ch.session_id = @sessionId ${memberId ? 'AND ch.member_id = @memberId' : ''} ORDER BY ch.rowid DESC`)
    .all({ sessionId, memberId }) as CalibrationChange[];
}

/**
 * Takes back the session's newest move not undone yet. `changeId` names the move the user saw
 * as the last: when another window moved someone since, nothing is undone (CONFLICT).
 */
export async function undoLastMove(ctx: ServiceContext, input: Input<'calibration.undoLastMove'>): Promise<{ member: CalibrationMember; change: CalibrationChange }> {
  const session = getSession(ctx, input.sessionId);
  assertEditable(session, 'changed');
  const last = ctx.store.raw.prepare(`${CHANGE_SELECT} WHERE ch.session_id = ? AND ch.kind = 'move' AND ch.undone_at IS NULL ORDER BY ch.rowid DESC LIMIT 1`).get(session.id) as CalibrationChange | undefined;
  if (!last) throw invalid('There is no move to undo in this session.');
  if (last.id !== input.changeId) {
    throw new AppError('CONFLICT', `The last move is now ${last.employeeName}'s, made by ${last.actor} since you looked. Nothing was undone; reload to see it.`);
  }
  const member = getMember(ctx, session, last.memberId);
  ctx.store.raw.prepare(`UPDATE calibration_member SET performance = @performance, potential = @potential, updated_at = @now, version = version + 1 WHERE id = @id`)
    .run({ performance: last.performanceFrom, potential: last.potentialFrom, now: ctx.now, id: member.id });
  ctx.store.raw.prepare(`UPDATE calibration_change SET undone_at = @now, undone_by = @actor WHERE id = @id`).run({ now: ctx.now, actor: ctx.actor, id: last.id });
  await recordAudit(ctx, [{
    entity: 'calibration_member', entityId: member.id, action: 'update',
    before: { performance: last.performanceTo, potential: last.potentialTo, version: member.version },
    after: { performance: last.performanceFrom, potential: last.potentialFrom, what: 'move undone', changeId: last.id, version: member.version + 1 },
  }]);
  const change = ctx.store.raw.prepare(`${CHANGE_SELECT} WHERE ch.id = ?`).get(last.id) as CalibrationChange;
  return { member: getMember(ctx, session, member.id), change };
}
