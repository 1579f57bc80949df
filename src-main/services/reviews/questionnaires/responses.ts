import { randomUUID } from 'node:crypto';
import type { Input, Questionnaire, RaterRelationship, ResponseScore } from '../../../../src-shared/api';
import { answerPoints, checkAnswers, isAnswered, resultGroupFor, scoreResponse, visibleQuestionIds, type Answer } from '../../../../src-shared/domain/questionnaires';
import { AppError } from '../../../../src-shared/errors';
import type { ServiceContext } from '../../context';
import { recordAudit } from '../../shared/audit';
import { allQuestions, getQuestionnaire, invalid } from './definitions';

export interface InvitationRow {
  id: string;
  questionnaireId: string;
  employeeId: string;
  departmentId: string | null;
  relationship: RaterRelationship | null;
  respondedAt: string | null;
}

export const INVITATION_COLUMNS = `id, questionnaire_id AS questionnaireId, employee_id AS employeeId, department_id AS departmentId, relationship, responded_at AS respondedAt`;

/**
 * Stores one response to an invitation (answers already checked) and marks the invitation responded.
 * Anonymous questionnaires store the response without the invitation; only what results group by stays:
 * the department, or for a 360 the rater's relationship to the subject (and no department, which would
 * narrow a rater group down further).
 */
export function storeResponse(ctx: ServiceContext, questionnaire: Questionnaire, invitation: InvitationRow, answers: Map<string, Answer>, source: 'typed' | 'import'): ResponseScore {
  const db = ctx.store.raw;
  const questions = allQuestions(questionnaire);
  const visible = visibleQuestionIds(questions, answers);
  const { points, score } = scoreResponse(questions.filter((q) => visible.has(q.id)), answers);
  const responseId = randomUUID();
  const is360 = questionnaire.kind === 'feedback_360';
  db.prepare(`INSERT INTO questionnaire_response (id, questionnaire_id, invitation_id, department_id, relationship, source, points, score)
    VALUES (@id, @questionnaireId, @invitationId, @departmentId, @relationship, @source, @points, @score)`).run({
    id: responseId, questionnaireId: questionnaire.id, invitationId: questionnaire.anonymous ? null : invitation.id,
    departmentId: is360 ? null : invitation.departmentId, relationship: is360 ? invitation.relationship : null, source, points, score,
  });
  const insertAnswer = db.prepare(`INSERT INTO questionnaire_answer (response_id, question_id, value, points) VALUES (?, ?, ?, ?)`);
  for (const q of questions) {
    const answer = answers.get(q.id);
    if (visible.has(q.id) && isAnswered(answer)) insertAnswer.run(responseId, q.id, JSON.stringify(typeof answer === 'string' ? answer.trim() : answer), answerPoints(q, answer));
  }
  // Anonymous: the invitation says that the person responded, not when (the questionnaire's opening time stands in).
  db.prepare(`UPDATE questionnaire_invitation SET responded_at = ? WHERE id = ?`).run(questionnaire.anonymous ? questionnaire.openedAt : ctx.now, invitation.id);
  return { points, score, resultText: resultGroupFor(points, questionnaire.resultGroups)?.text ?? null };
}

/** Why the questionnaire takes no responses now (null when it does). */
export function statusRefusal(questionnaire: Questionnaire): string | null {
  if (questionnaire.status === 'draft') return 'The questionnaire has not been distributed yet.';
  if (questionnaire.status === 'closed') return 'The questionnaire is closed; it takes no more responses.';
  return null;
}

/**
 * Who responded, and what, is audited; for anonymous questionnaires only that a response came in
 * (the event's time would otherwise say when each person answered).
 */
export function auditResponse(questionnaire: Questionnaire, invitation: InvitationRow, answers: Map<string, Answer>, source: 'typed' | 'import') {
  if (questionnaire.anonymous) {
    return { entity: 'questionnaire', entityId: questionnaire.id, action: 'update' as const, after: { responseAdded: true, source } };
  }
  return {
    entity: 'questionnaire_invitation', entityId: invitation.id, action: 'update' as const,
    before: { responded: false },
    after: { responded: true, source, answers: Object.fromEntries(answers) },
  };
}

export async function submitResponse(ctx: ServiceContext, input: Input<'reviews.submitResponse'>): Promise<ResponseScore> {
  const invitation = ctx.store.raw.prepare(`SELECT ${INVITATION_COLUMNS} FROM questionnaire_invitation WHERE id = ?`).get(input.invitationId) as InvitationRow | undefined;
  if (!invitation) throw new AppError('NOT_FOUND', 'The invitation does not exist (it may have been deleted).');
  const questionnaire = getQuestionnaire(ctx, invitation.questionnaireId);
  const refusal = statusRefusal(questionnaire) ?? (invitation.respondedAt ? 'This person has already responded.' : null);
  if (refusal) throw invalid([{ path: ['invitationId'], field: 'invitationId', message: refusal }]);
  const answers = new Map<string, Answer>();
  for (const a of input.answers) {
    if (answers.has(a.questionId)) throw invalid([{ path: ['answers'], field: 'answers', message: 'A question is answered twice.' }]);
    answers.set(a.questionId, a.value);
  }
  const questions = allQuestions(questionnaire);
  const problems = checkAnswers(questions, answers);
  if (problems.length) {
    const textOf = new Map(questions.map((q) => [q.id, q.text]));
    throw invalid(problems.map((p) => ({ path: ['answers', p.questionId], field: p.questionId, message: `${textOf.get(p.questionId) ?? 'Unknown question'}: ${p.message}` })));
  }
  const result = storeResponse(ctx, questionnaire, invitation, answers, 'typed');
  await recordAudit(ctx, [auditResponse(questionnaire, invitation, answers, 'typed')]);
  return result;
}
