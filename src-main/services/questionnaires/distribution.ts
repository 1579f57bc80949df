import { randomUUID } from 'node:crypto';
import type { CyclePopulation, Input, Invitation, Questionnaire } from '../../../src-shared/api';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { resolvePopulation } from '../reviews/cycles';
import { existingIds, likePattern } from '../shared/lookups';
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

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** Opens the questionnaire (when a draft) and invites everyone in the population (as review cycles resolve it) who is not invited yet. */
export async function distributeQuestionnaire(ctx: ServiceContext, input: Input<'reviews.distributeQuestionnaire'>): Promise<{ questionnaire: Questionnaire; invited: number }> {
  const stored = getQuestionnaire(ctx, input.id, input.version);
  if (stored.status === 'closed') throw invalid([{ path: ['id'], field: 'id', message: 'The questionnaire is closed; it cannot be sent to anyone else.' }]);
  if (allQuestions(stored).length === 0) throw invalid([{ path: ['id'], field: 'id', message: 'Add questions before distributing the questionnaire.' }]);
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
  db.prepare(`UPDATE questionnaire SET status = 'open', opened_at = coalesce(opened_at, @now), population = @population, updated_at = @now, version = version + 1 WHERE id = @id`)
    .run({ id: stored.id, now: ctx.now, population: JSON.stringify(population) });
  await recordAudit(ctx, [{ entity: 'questionnaire', entityId: stored.id, action: 'update', before: { status: stored.status, invited: stored.invited }, after: { status: 'open', invited: stored.invited + people.length, population } }]);
  ctx.changed('reviews');
  return { questionnaire: getQuestionnaire(ctx, stored.id), invited: people.length };
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
      d.name AS departmentName, i.invited_at AS invitedAt, i.responded_at AS respondedAt
    FROM questionnaire_invitation i JOIN employee e ON e.id = i.employee_id LEFT JOIN department d ON d.id = i.department_id
    WHERE ${where.join(' AND ')} ORDER BY e.last_name COLLATE NOCASE, e.first_name COLLATE NOCASE`)
    .all({ questionnaireId: input.questionnaireId, search: likePattern(input.search) }) as Invitation[];
}
