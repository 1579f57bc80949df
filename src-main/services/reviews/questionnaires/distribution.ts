import { randomUUID } from 'node:crypto';
import { RATER_LABELS, type CyclePopulation, type Input, type Invitation, type Questionnaire, type RaterRelationship } from '../../../../src-shared/api';
import { AppError, type ErrorIssue } from '../../../../src-shared/errors';
import type { ServiceContext } from '../../context';
import { recordAudit } from '../../shared/audit';
import { resolvePopulation } from '../cycles';
import { existingIds, likePattern } from '../../shared/lookups';
import { ACTIVE_EMPLOYEE } from '../../skills/gaps';
import { allQuestions, getQuestionnaire, invalid } from './definitions';

async function checkPopulation(ctx: ServiceContext, population: CyclePopulation): Promise<void> {
  if (!population.departmentIds.length && !population.jobIds.length && !population.employeeIds.length) {
    throw invalid([{ path: ['population'], field: 'population', message: 'Choose the departments, jobs or people to send the questionnaire to.' }]);
  }
  const issues: ErrorIssue[] = [];
  const lists = [['departmentIds', 'department', 'departments'], ['jobIds', 'job', 'jobs'], ['employeeIds', 'employee', 'people']] as const;
  for (const [field, table, word] of lists) {
    const found = await existingIds(ctx, table, population[field]);
    if (population[field].some((id) => !found.has(id))) issues.push({ path: ['population', field], field: 'population', message: `Some of the chosen ${word} no longer exist.` });
  }
  if (issues.length) throw invalid(issues);
}

/** Refuses sending a closed questionnaire or one without questions. */
function checkSendable(stored: Questionnaire) {
  if (stored.status === 'closed') throw invalid([{ path: ['id'], field: 'id', message: 'The questionnaire is closed; it cannot be sent to anyone else.' }]);
  if (allQuestions(stored).length === 0) throw invalid([{ path: ['id'], field: 'id', message: 'Add questions before distributing the questionnaire.' }]);
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** Opens the questionnaire (when a draft) and invites everyone in the population (as review cycles resolve it) who is not invited yet. */
export async function distributeQuestionnaire(ctx: ServiceContext, input: Input<'reviews.distributeQuestionnaire'>): Promise<{ questionnaire: Questionnaire; invited: number }> {
  const stored = getQuestionnaire(ctx, input.id, input.version);
  checkSendable(stored);
  if (stored.kind === 'feedback_360') throw invalid([{ path: ['population'], field: 'population', message: '360 feedback is sent to raters chosen one by one, each with their relationship to the subject, not to a population.' }]);
  await checkPopulation(ctx, input.population);
  const db = ctx.store.raw;
  const invited = new Set((db.prepare(`SELECT employee_id AS id FROM questionnaire_invitation WHERE questionnaire_id = ?`).all(stored.id) as { id: string }[]).map((r) => r.id));
  const people = resolvePopulation(ctx, input.population).filter((p) => !invited.has(p.id));
  if (people.length === 0) {
    const message = invited.size ? 'Everyone in this population has already been invited.' : 'Nobody active is in this population.';
    throw invalid([{ path: ['population'], field: 'population', message }]);
  }
  const insert = db.prepare(`INSERT INTO questionnaire_invitation (id, questionnaire_id, employee_id, department_id, invited_at, responded_at)
    VALUES (@id, @questionnaireId, @employeeId, @departmentId, @now, NULL)`);
  for (const person of people) insert.run({ id: randomUUID(), questionnaireId: stored.id, employeeId: person.id, departmentId: person.departmentId, now: ctx.now });
  const population: CyclePopulation = {
    departmentIds: union(stored.population.departmentIds, input.population.departmentIds),
    jobIds: union(stored.population.jobIds, input.population.jobIds),
    employeeIds: union(stored.population.employeeIds, input.population.employeeIds),
  };
  openQuestionnaire(ctx, stored.id, population);
  await recordAudit(ctx, [{ entity: 'questionnaire', entityId: stored.id, action: 'update', before: { status: stored.status, invited: stored.invited }, after: { status: 'open', invited: stored.invited + people.length, population } }]);
  return { questionnaire: getQuestionnaire(ctx, stored.id), invited: people.length };
}

function openQuestionnaire(ctx: ServiceContext, id: string, population: CyclePopulation | null) {
  ctx.store.raw.prepare(`UPDATE questionnaire SET status = 'open', opened_at = coalesce(opened_at, @now), population = @population, updated_at = @now, version = version + 1 WHERE id = @id`)
    .run({ id, now: ctx.now, population: population && JSON.stringify(population) });
}

interface Rater { id: string; name: string; managerId: string | null; departmentId: string | null; active: number }

/**
 * 360 feedback: invites each rater with their relationship to the subject and opens the questionnaire.
 * The relationship must hold in the people records (self is the subject, the manager is the subject's
 * manager, a direct report reports to them), so the groups in the results mean what they say.
 */
export async function inviteRaters(ctx: ServiceContext, input: Input<'reviews.inviteRaters'>): Promise<{ questionnaire: Questionnaire; invited: number }> {
  const stored = getQuestionnaire(ctx, input.id, input.version);
  if (stored.kind !== 'feedback_360') throw invalid([{ path: ['id'], field: 'id', message: 'Only 360 feedback invites raters; send this questionnaire to a population.' }]);
  checkSendable(stored);
  const db = ctx.store.raw;
  const people = new Map((db.prepare(`SELECT e.id, e.first_name || ' ' || e.last_name AS name, e.manager_id AS managerId, e.department_id AS departmentId,
      (${ACTIVE_EMPLOYEE}) AS active FROM employee e WHERE e.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify([stored.subjectEmployeeId, ...input.raters.map((r) => r.employeeId)])) as Rater[]).map((p) => [p.id, p]));
  const subject = people.get(stored.subjectEmployeeId!)!;
  const invited = new Map((db.prepare(`SELECT employee_id AS id, relationship FROM questionnaire_invitation WHERE questionnaire_id = ?`).all(stored.id) as { id: string; relationship: RaterRelationship }[])
    .map((r) => [r.id, r.relationship]));
  const listed = new Set<string>();
  const issues: ErrorIssue[] = input.raters.flatMap((rater, i) => {
    const problem = raterProblem(rater, people.get(rater.employeeId), subject, invited, listed);
    listed.add(rater.employeeId);
    return problem ? [{ path: ['raters', i], field: 'raters', message: problem }] : [];
  });
  if (issues.length) throw invalid(issues);
  const insert = db.prepare(`INSERT INTO questionnaire_invitation (id, questionnaire_id, employee_id, department_id, relationship, invited_at, responded_at)
    VALUES (@id, @questionnaireId, @employeeId, @departmentId, @relationship, @now, NULL)`);
  for (const rater of input.raters) {
    insert.run({ id: randomUUID(), questionnaireId: stored.id, employeeId: rater.employeeId, departmentId: people.get(rater.employeeId)!.departmentId, relationship: rater.relationship, now: ctx.now });
  }
  openQuestionnaire(ctx, stored.id, null);
  await recordAudit(ctx, [{ entity: 'questionnaire', entityId: stored.id, action: 'update', before: { status: stored.status, invited: stored.invited }, after: { status: 'open', invited: stored.invited + input.raters.length, raters: input.raters } }]);
  return { questionnaire: getQuestionnaire(ctx, stored.id), invited: input.raters.length };
}

/** What is wrong with inviting one rater (null when nothing is). */
function raterProblem(
  rater: { employeeId: string; relationship: RaterRelationship }, person: Rater | undefined, subject: Rater, invited: Map<string, RaterRelationship>, listed: Set<string>,
): string | null {
  if (!person) return 'A chosen rater does not exist (they may have been deleted).';
  const as = RATER_LABELS[rater.relationship].toLowerCase();
  if (!person.active) return `${person.name} has left or is archived; choose current employees as raters.`;
  if (listed.has(person.id)) return `${person.name} is listed twice; invite each rater once.`;
  if (invited.has(person.id)) return `${person.name} is already invited (as ${RATER_LABELS[invited.get(person.id)!].toLowerCase()}).`;
  const isSubject = person.id === subject.id;
  if (rater.relationship === 'self' && !isSubject) return `${person.name} cannot rate as self: only ${subject.name}, the subject, can.`;
  if (rater.relationship !== 'self' && isSubject) return `${subject.name} is the subject; invite them as self, not as ${as}.`;
  if (rater.relationship === 'manager' && subject.managerId !== person.id) return `${person.name} is not ${subject.name}'s manager in the people records; invite them as a peer or other.`;
  if (rater.relationship === 'direct_report' && person.managerId !== subject.id) return `${person.name} does not report to ${subject.name} in the people records; invite them as a peer or other.`;
  return null;
}

export async function listInvitations(ctx: ServiceContext, input: Input<'reviews.listInvitations'>): Promise<Invitation[]> {
  if (!ctx.store.raw.prepare(`SELECT 1 FROM questionnaire WHERE id = ?`).get(input.questionnaireId)) {
    throw new AppError('NOT_FOUND', 'The questionnaire does not exist (it may have been deleted).');
  }
  const where = ['i.questionnaire_id = @questionnaireId'];
  if (input.responded !== undefined) where.push(input.responded ? 'i.responded_at IS NOT NULL' : 'i.responded_at IS NULL');
  if (input.search) where.push(`(e.first_name || ' ' || e.last_name LIKE @search ESCAPE '\\' OR e.employee_number LIKE @search ESCAPE '\\')`);
  return ctx.store.raw.prepare(`
    SELECT i.id, i.employee_id AS employeeId, e.first_name || ' ' || e.last_name AS employeeName, e.employee_number AS employeeNumber,
      d.name AS departmentName, i.relationship, i.invited_at AS invitedAt, i.responded_at IS NOT NULL AS responded,
      CASE WHEN q.anonymous = 1 THEN NULL ELSE i.responded_at END AS respondedAt
    FROM questionnaire_invitation i JOIN questionnaire q ON q.id = i.questionnaire_id
    JOIN employee e ON e.id = i.employee_id LEFT JOIN department d ON d.id = i.department_id
    WHERE ${where.join(' AND ')} ORDER BY e.last_name COLLATE NOCASE, e.first_name COLLATE NOCASE`)
    .all({ questionnaireId: input.questionnaireId, search: likePattern(input.search) })
    .map((row) => ({ ...(row as Invitation), responded: Boolean((row as { responded: number }).responded) }));
}
