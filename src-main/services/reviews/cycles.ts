// Review cycles: who is reviewed, on which scale and template, over which period; launching one
// creates a review per person and freezes the scale and template the cycle runs with.
import { randomUUID } from 'node:crypto';
import type { CyclePopulation, Input, ReviewCycle } from '../../../src-shared/api';
import { AppError, notFound } from '../../../src-shared/errors';
import { ReviewCycleEntity } from '../../store/entities/reviews';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { setArchived } from '../shared/batch';
import { ACTIVE_EMPLOYEE } from '../skills/gaps';
import { assertStartedFrom, saveRecord, type RecordSpec } from '../shared/records';
import { fieldError, parseLevels, parseSections, parseSteps } from './common';
import { findRatingScale, getRatingScale } from './scales';
import { findTemplate, getTemplate } from './templates';

// A draft shows the live scale and template; a launched cycle its own copies.
const CYCLE_SELECT = `SELECT c.id, c.name, c.period_start AS periodStart, c.period_end AS periodEnd,
  c.rating_scale_id AS ratingScaleId, s.name AS ratingScaleName, c.template_id AS templateId, t.name AS templateName,
  c.population, c.self_review_due AS selfReviewDue, c.manager_review_due AS managerReviewDue, c.due_date AS dueDate,
  c.status, c.launched_at AS launchedAt, c.closed_at AS closedAt,
  coalesce(c.levels_snapshot, s.levels) AS levels, coalesce(c.sections_snapshot, t.sections) AS sections, coalesce(c.steps_snapshot, t.steps) AS steps,
  (SELECT count(*) FROM review r WHERE r.cycle_id = c.id) AS reviewCount,
  (SELECT count(*) FROM review r WHERE r.cycle_id = c.id AND r.status = 'complete') AS completeCount,
  c.archived, c.created_at AS createdAt, c.updated_at AS updatedAt, c.version
  FROM review_cycle c JOIN rating_scale s ON s.id = c.rating_scale_id JOIN review_template t ON t.id = c.template_id`;

type CycleSqlRow = Omit<ReviewCycle, 'population' | 'levels' | 'sections' | 'steps' | 'archived'> & {
  population: string; levels: string; sections: string; steps: string; archived: number;
};
const toCycle = (row: CycleSqlRow): ReviewCycle => ({
  ...row,
  population: JSON.parse(row.population) as CyclePopulation,
  levels: parseLevels(row.levels),
  sections: parseSections(row.sections),
  steps: parseSteps(row.steps),
  archived: Boolean(row.archived),
});

export async function listCycles(ctx: ServiceContext, includeArchived = false): Promise<ReviewCycle[]> {
  const rows = ctx.store.raw.prepare(`${CYCLE_SELECT} ${includeArchived ? '' : 'WHERE c.archived = 0'} ORDER BY c.period_start DESC, c.name COLLATE NOCASE`).all() as CycleSqlRow[];
  return rows.map(toCycle);
}

export function findCycle(ctx: ServiceContext, id: string): ReviewCycle | undefined {
  const row = ctx.store.raw.prepare(`${CYCLE_SELECT} WHERE c.id = ?`).get(id) as CycleSqlRow | undefined;
  return row && toCycle(row);
}

export function getCycle(ctx: ServiceContext, id: string): ReviewCycle {
  const cycle = findCycle(ctx, id);
  if (!cycle) throw notFound('The review cycle');
  return cycle;
}

type CycleInput = Input<'reviews.saveCycle'>;

function checkDates(input: CycleInput): void {
  if (input.periodStart > input.periodEnd) throw fieldError('periodEnd', 'The period must end on or after its start.');
  if (input.dueDate < input.periodStart) throw fieldError('dueDate', 'The due date must be on or after the start of the period.');
  for (const [field, label] of [['selfReviewDue', 'self-review'], ['managerReviewDue', 'manager review']] as const) {
    const due = input[field];
    if (due && due > input.dueDate) throw fieldError(field, `The ${label} due date must be on or before the cycle's due date.`);
  }
}

function checkReferences(ctx: ServiceContext, input: CycleInput, before: ReviewCycle | undefined): void {
  const scale = findRatingScale(ctx, input.ratingScaleId);
  if (!scale) throw fieldError('ratingScaleId', 'The rating scale does not exist (it may have been deleted).');
  if (scale.archived && scale.id !== before?.ratingScaleId) throw fieldError('ratingScaleId', `The rating scale "${scale.name}" is archived.`);
  const template = findTemplate(ctx, input.templateId);
  if (!template) throw fieldError('templateId', 'The template does not exist (it may have been deleted).');
  if (template.archived && template.id !== before?.templateId) throw fieldError('templateId', `The template "${template.name}" is archived.`);
  const missing = (table: string, ids: string[]) =>
    ids.length ? (ctx.store.raw.prepare(`SELECT count(*) AS n FROM json_each(?) j WHERE NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.id = j.value)`).get(JSON.stringify(ids)) as { n: number }).n : 0;
  const { departmentIds, jobIds, employeeIds } = input.population;
  if (missing('department', departmentIds)) throw fieldError('population', 'Some of the chosen departments no longer exist.');
  if (missing('job', jobIds)) throw fieldError('population', 'Some of the chosen jobs no longer exist.');
  if (missing('employee', employeeIds)) throw fieldError('population', 'Some of the chosen people no longer exist.');
}


const samePopulation = (a: CyclePopulation, b: CyclePopulation) => {
  const key = (p: CyclePopulation) => JSON.stringify([[...p.departmentIds].sort(), [...p.jobIds].sort(), [...p.employeeIds].sort()]);
  return key(a) === key(b);
};

/** Only a draft may change its scale, template or population; a closed cycle changes no more. */
function checkEditable(before: ReviewCycle, input: CycleInput): void {
  if (before.status === 'closed') throw new AppError('VALIDATION', 'The cycle is closed and can no longer change.');
  if (before.status === 'draft') return;
  const frozen = [
    before.ratingScaleId !== input.ratingScaleId && 'rating scale',
    before.templateId !== input.templateId && 'template',
    !samePopulation(before.population, input.population) && 'population',
  ].filter(Boolean);
  if (frozen.length) throw new AppError('VALIDATION', `The cycle has been launched: its ${frozen.join(', ')} can no longer change (only a draft's can).`);
}

const cycleSpec: RecordSpec<ReviewCycle, CycleInput> = {
  table: 'review_cycle',
  noun: 'review cycle',
  load: findCycle,
  unique: [{ field: 'name', activeOnly: true }],
  check(ctx, input, before) {
    if (before) checkEditable(before, input);
    checkDates(input);
    checkReferences(ctx, input, before);
    return [];
  },
  columns: (input) => ({
    name: input.name, period_start: input.periodStart, period_end: input.periodEnd,
    rating_scale_id: input.ratingScaleId, template_id: input.templateId, population: JSON.stringify(input.population),
    self_review_due: input.selfReviewDue ?? null, manager_review_due: input.managerReviewDue ?? null, due_date: input.dueDate,
  }),
};

export const saveCycle = (ctx: ServiceContext, input: CycleInput) => saveRecord(ctx, cycleSpec, input);

interface PopulationMember { id: string; managerId: string | null; jobId: string | null; departmentId: string | null }

/** People on the books in a listed department (or below it), with a listed job, or listed by name. */
export function resolvePopulation(ctx: ServiceContext, population: CyclePopulation): PopulationMember[] {
  return ctx.store.raw.prepare(`
    WITH RECURSIVE departments(id) AS (
      SELECT value FROM json_each(@departmentIds)
      UNION SELECT d.id FROM department d JOIN departments p ON d.parent_id = p.id)
    SELECT e.id, e.manager_id AS managerId, e.job_id AS jobId, e.department_id AS departmentId
      FROM employee e
     WHERE ${ACTIVE_EMPLOYEE}
       AND (e.department_id IN (SELECT id FROM departments)
            OR e.job_id IN (SELECT value FROM json_each(@jobIds))
            OR e.id IN (SELECT value FROM json_each(@employeeIds)))
     ORDER BY e.last_name COLLATE NOCASE, e.first_name COLLATE NOCASE`).all({
    departmentIds: JSON.stringify(population.departmentIds), jobIds: JSON.stringify(population.jobIds), employeeIds: JSON.stringify(population.employeeIds),
  }) as PopulationMember[];
}

export async function launchCycle(ctx: ServiceContext, input: Input<'reviews.launchCycle'>): Promise<{ cycle: ReviewCycle; created: number }> {
  const before = getCycle(ctx, input.id);
  assertStartedFrom(before, input.version, 'review cycle');
  if (before.status !== 'draft') throw new AppError('VALIDATION', 'The cycle has already been launched.');
  const scale = getRatingScale(ctx, before.ratingScaleId);
  const template = getTemplate(ctx, before.templateId);
  if (scale.archived) throw fieldError('ratingScaleId', `The rating scale "${scale.name}" is archived; choose another before launching.`);
  if (template.archived) throw fieldError('templateId', `The template "${template.name}" is archived; choose another before launching.`);
  const people = resolvePopulation(ctx, before.population);
  if (people.length === 0) throw fieldError('population', 'Nobody active is in the population; add departments, jobs or people before launching.');
  insertReviews(ctx, before.id, people);
  ctx.store.raw.prepare(`UPDATE review_cycle SET status = 'active', launched_at = @now, levels_snapshot = @levels, sections_snapshot = @sections,
    steps_snapshot = @steps, updated_at = @now, version = version + 1 WHERE id = @id`).run({
    id: before.id, now: ctx.now, levels: JSON.stringify(scale.levels), sections: JSON.stringify(template.sections), steps: JSON.stringify(template.steps),
  });
  const cycle = getCycle(ctx, before.id);
  await recordAudit(ctx, [{ entity: 'review_cycle', entityId: before.id, action: 'update', before: { status: before.status }, after: { status: cycle.status, launchedAt: cycle.launchedAt, reviewsCreated: people.length } }]);
  return { cycle, created: people.length };
}

/** One not-started review per person, with their manager, job and department as they are now. */
function insertReviews(ctx: ServiceContext, cycleId: string, people: PopulationMember[]): void {
  const insert = ctx.store.raw.prepare(`INSERT INTO review (id, created_at, updated_at, version, cycle_id, employee_id, manager_id, job_id, department_id)
    VALUES (@id, @now, @now, 1, @cycleId, @employeeId, @managerId, @jobId, @departmentId)`);
  for (const person of people) {
    insert.run({ id: randomUUID(), now: ctx.now, cycleId, employeeId: person.id, managerId: person.managerId, jobId: person.jobId, departmentId: person.departmentId });
  }
}

export async function addToCycle(ctx: ServiceContext, input: Input<'reviews.addToCycle'>): Promise<{ cycle: ReviewCycle; created: number; alreadyIn: number }> {
  const before = getCycle(ctx, input.id);
  assertStartedFrom(before, input.version, 'review cycle');
  if (before.status !== 'active') throw new AppError('VALIDATION', before.status === 'draft' ? 'Add people to a draft cycle by changing its population.' : 'The cycle is closed; nobody can be added.');
  const employeeIds = [...new Set(input.employeeIds)];
  const eligible = resolvePopulation(ctx, { departmentIds: [], jobIds: [], employeeIds });
  if (eligible.length < employeeIds.length) {
    const found = new Set(eligible.map((p) => p.id));
    const missing = employeeIds.filter((id) => !found.has(id));
    throw fieldError('employeeIds', `${missing.length === 1 ? 'One person is' : `${missing.length} people are`} not an active employee (left, archived or unknown); nobody was added.`);
  }
  const inCycle = new Set((ctx.store.raw.prepare(`SELECT employee_id AS id FROM review WHERE cycle_id = ?`).all(before.id) as { id: string }[]).map((r) => r.id));
  const joining = eligible.filter((p) => !inCycle.has(p.id));
  insertReviews(ctx, before.id, joining);
  const population = { ...before.population, employeeIds: [...new Set([...before.population.employeeIds, ...joining.map((p) => p.id)])] };
  ctx.store.raw.prepare(`UPDATE review_cycle SET population = @population, updated_at = @now, version = version + 1 WHERE id = @id`)
    .run({ id: before.id, now: ctx.now, population: JSON.stringify(population) });
  const cycle = getCycle(ctx, before.id);
  await recordAudit(ctx, [{ entity: 'review_cycle', entityId: before.id, action: 'update', before: { reviews: inCycle.size }, after: { reviews: inCycle.size + joining.length, added: joining.map((p) => p.id) } }]);
  return { cycle, created: joining.length, alreadyIn: eligible.length - joining.length };
}

export async function closeCycle(ctx: ServiceContext, input: Input<'reviews.closeCycle'>): Promise<ReviewCycle> {
  const before = getCycle(ctx, input.id);
  assertStartedFrom(before, input.version, 'review cycle');
  if (before.status !== 'active') throw new AppError('VALIDATION', before.status === 'draft' ? 'A draft cycle has not been launched; there is nothing to close.' : 'The cycle is already closed.');
  ctx.store.raw.prepare(`UPDATE review_cycle SET status = 'closed', closed_at = @now, updated_at = @now, version = version + 1 WHERE id = @id`).run({ id: before.id, now: ctx.now });
  const cycle = getCycle(ctx, before.id);
  await recordAudit(ctx, [{ entity: 'review_cycle', entityId: before.id, action: 'update', before: { status: before.status }, after: { status: cycle.status, closedAt: cycle.closedAt } }]);
  return cycle;
}

export async function archiveCycles(ctx: ServiceContext, ids: string[], archived: boolean): Promise<number> {
  const count = await setArchived(ReviewCycleEntity, 'Review cycle', ids, archived, ctx);
  return count;
}
