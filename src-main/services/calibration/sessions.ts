// Calibration sessions: set-up (cycle, date, people in the room, population, guidelines, the
// nine-box and reason codes), adding and removing people, starting, copying and archiving.
import type { Input } from '../../../src-shared/api';
import { EMPTY_POPULATION, type CalibrationSession, type SessionPopulation, type SessionSettings } from '../../../src-shared/api/calibration';
import { defaultBands, defaultBoxes } from '../../../src-shared/domain/calibration';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import { CalibrationSessionEntity } from '../../store/entities/calibration';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { setArchived } from '../shared/batch';
import { assertStartedFrom, refusal, saveRecord, type RecordSpec } from '../shared/records';
import { assertEditable, findSession, getSession, invalid, listMembers, toLevels } from './common';
import { mergePopulation, namedPeopleProblems, resolvePopulation, syncMembers, type SyncResult } from './population';

type SessionInput = Input<'calibration.saveSession'>;

interface CycleFacts {
  id: string;
  name: string;
  status: 'draft' | 'active' | 'closed';
  ratingScaleId: string;
  levels: { value: number; label: string }[];
}

function findCycle(ctx: ServiceContext, id: string): CycleFacts | undefined {
  const row = ctx.store.raw.prepare(`SELECT c.id, c.name, c.status, c.rating_scale_id AS ratingScaleId, coalesce(c.levels_snapshot, s.levels) AS levels
    FROM review_cycle c JOIN rating_scale s ON s.id = c.rating_scale_id WHERE c.id = ?`).get(id) as (Omit<CycleFacts, 'levels'> & { levels: string }) | undefined;
  return row && { ...row, levels: toLevels(row.levels) };
}

const issue = (field: string, message: string): ErrorIssue => ({ path: [field], field, message });

const samePopulation = (a: SessionPopulation, b: SessionPopulation) => {
  const key = (p: SessionPopulation) => JSON.stringify(Object.values(p).map((list) => [...list].sort()));
  return key(a) === key(b);
};

/** The grid's shape and the potential scale are fixed once the session starts (placements rest on them). */
const shapeOf = (s: SessionSettings) => JSON.stringify([s.potentialLevels, s.columns, s.rows, s.performanceBands, s.potentialBands]);

function settingsProblems(ctx: ServiceContext, settings: SessionSettings, cycle: CycleFacts, before: CalibrationSession | undefined): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const levels = cycle.levels.length;
  if (settings.columns > levels) issues.push(issue('settings', `The cycle's scale has ${levels} levels: the nine-box can have at most ${levels} performance columns.`));
  else if (settings.performanceBands.reduce((a, b) => a + b, 0) !== levels) {
    issues.push(issue('settings', `The ${settings.columns} columns must hold the scale's ${levels} levels between them (now ${settings.performanceBands.join(' + ')}).`));
  }
  if (before) {
    const values = new Set(settings.potentialLevels.map((l) => l.value));
    const used = listMembers(ctx, before).filter((m) => m.potential !== null && !values.has(m.potential)).length;
    if (used) issues.push(issue('settings', `${used} ${used === 1 ? 'person has a potential' : 'people have potentials'} the new potential scale does not have; keep those levels.`));
  }
  return issues;
}

function referenceProblems(ctx: ServiceContext, input: SessionInput, cycle: CycleFacts, before: CalibrationSession | undefined): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const people = [...(input.facilitatorId ? [input.facilitatorId] : []), ...input.reviewerIds];
  const { n } = ctx.store.raw.prepare(`SELECT count(*) AS n FROM json_each(?) x WHERE NOT EXISTS (SELECT 1 FROM employee e WHERE e.id = x.value)`).get(JSON.stringify(people)) as { n: number };
  if (n) issues.push(issue('reviewerIds', 'Some of the people chosen as facilitator or reviewers no longer exist.'));
  if (input.guidelineSetId) {
    const set = ctx.store.raw.prepare(`SELECT name, rating_scale_id AS scaleId, archived FROM calibration_guideline_set WHERE id = ?`).get(input.guidelineSetId) as { name: string; scaleId: string; archived: number } | undefined;
    if (!set) issues.push(issue('guidelineSetId', 'The guideline set does not exist (it may have been deleted).'));
    else if (set.archived && before?.guidelineSetId !== input.guidelineSetId) issues.push(issue('guidelineSetId', `The guideline set “${set.name}” is archived.`));
    else if (set.scaleId !== cycle.ratingScaleId) issues.push(issue('guidelineSetId', `The guideline set “${set.name}” is for another rating scale than the cycle “${cycle.name}” uses.`));
  }
  return issues;
}

function populationProblems(ctx: ServiceContext, population: SessionPopulation, cycle: CycleFacts, sessionId: string | null): ErrorIssue[] {
  const missing = (table: string, ids: string[]) =>
    ids.length ? (ctx.store.raw.prepare(`SELECT count(*) AS n FROM json_each(?) x WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = x.value)`).get(JSON.stringify(ids)) as { n: number }).n : 0;
  const issues: ErrorIssue[] = [];
  if (missing('department', population.departmentIds)) issues.push(issue('population', 'Some of the chosen departments no longer exist.'));
  if (missing('employee', population.managerIds)) issues.push(issue('population', 'Some of the chosen managers no longer exist.'));
  if (missing('job', population.jobIds)) issues.push(issue('population', 'Some of the chosen jobs no longer exist.'));
  return [...issues, ...namedPeopleProblems(ctx, cycle, sessionId, population.employeeIds).map((i) => ({ ...i, path: ['population'], field: 'population' }))];
}

const sessionSpec: RecordSpec<CalibrationSession, SessionInput> = {
  table: 'calibration_session',
  noun: 'calibration session',
  load: findSession,
  unique: [{ field: 'name', activeOnly: true }],
  check(ctx, input, before) {
    if (before) assertEditable(before, 'edited');
    const cycle = findCycle(ctx, input.cycleId);
    if (!cycle) return [issue('cycleId', 'The review cycle does not exist (it may have been deleted).')];
    if ((!before || before.cycleId !== input.cycleId) && cycle.status !== 'active') {
      return [issue('cycleId', `Sessions calibrate a running cycle: “${cycle.name}” is ${cycle.status === 'draft' ? 'a draft with no reviews yet' : 'closed'}.`)];
    }
    if (before && before.status !== 'draft') {
      const frozen = [
        before.cycleId !== input.cycleId && 'review cycle',
        !samePopulation(before.population, input.population) && 'population (add or remove people instead)',
        shapeOf(before.settings) !== shapeOf(input.settings) && 'nine-box size and potential scale',
      ].filter(Boolean);
      if (frozen.length) return [issue('status', `The session has started: its ${frozen.join(', ')} can no longer change.`)];
    }
    const populationChanged = !before || !samePopulation(before.population, input.population) || before.cycleId !== input.cycleId;
    return [
      ...settingsProblems(ctx, input.settings, cycle, before),
      ...referenceProblems(ctx, input, cycle, before),
      ...(populationChanged ? populationProblems(ctx, input.population, cycle, before?.id ?? null) : []),
    ];
  },
  columns: (input) => ({
    name: input.name,
    cycle_id: input.cycleId,
    date: input.date,
    location: input.location || null,
    facilitator_id: input.facilitatorId ?? null,
    reviewer_ids: JSON.stringify([...new Set(input.reviewerIds)]),
    population: JSON.stringify(input.population),
    guideline_set_id: input.guidelineSetId ?? null,
    settings: JSON.stringify(input.settings),
  }),
};

/** Creates or edits a session; a draft's people follow its population. */
export async function saveSession(ctx: ServiceContext, input: SessionInput): Promise<CalibrationSession> {
  const before = input.id ? findSession(ctx, input.id) : undefined;
  const saved = await saveRecord(ctx, sessionSpec, input);
  if (!before || !samePopulation(before.population, input.population) || before.cycleId !== input.cycleId) {
    await syncMembers(ctx, saved, input.population, null);
  }
  return getSession(ctx, saved.id);
}

/** Writes a new population (and version) on the session, guarded by the version it started from. */
async function storePopulation(ctx: ServiceContext, session: CalibrationSession, population: SessionPopulation, what: string, reason: string | null): Promise<void> {
  const { changes } = ctx.store.raw.prepare(`UPDATE calibration_session SET population = @population, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version`)
    .run({ population: JSON.stringify(population), now: ctx.now, id: session.id, version: session.version });
  if (changes !== 1) throw new AppError('CONFLICT', 'This calibration session was changed elsewhere since you opened it. Nothing was saved; reload to see the latest values.');
  await recordAudit(ctx, [{ entity: 'calibration_session', entityId: session.id, action: 'update', before: { population: session.population }, after: { population, what, ...(reason ? { reason } : {}) } }]);
}

function requireReason(session: CalibrationSession, reason: string | null | undefined, what: string): string | null {
  if (session.status !== 'draft' && !reason?.trim()) throw invalid(`The session has started: say why people are ${what} (the reason goes into its history).`, 'reason');
  return reason?.trim() || null;
}

export async function addPeople(ctx: ServiceContext, input: Input<'calibration.addPeople'>): Promise<Omit<SyncResult, 'removed'> & { session: CalibrationSession; alreadyIn: number }> {
  const session = getSession(ctx, input.id);
  assertStartedFrom(session, input.version, 'calibration session');
  assertEditable(session, 'changed');
  const reason = requireReason(session, input.reason, 'added');
  const extra = { ...EMPTY_POPULATION, departmentIds: input.departmentIds ?? [], managerIds: input.managerIds ?? [], jobIds: input.jobIds ?? [], jobLevels: input.jobLevels ?? [], employeeIds: input.employeeIds ?? [] };
  if (Object.values(extra).every((list) => list.length === 0)) throw invalid('Choose people, or departments, managers, jobs or job levels to add people from.');
  const cycle = findCycle(ctx, session.cycleId)!;
  const problems = populationProblems(ctx, extra, cycle, session.id);
  if (problems.length) throw refusal(problems);
  const adding = new Set(resolvePopulation(ctx.store.raw, session.cycleId, extra).map((p) => p.employeeId));
  const members = new Set(listMembers(ctx, session).map((m) => m.employeeId));
  const merged = mergePopulation(session.population, extra);
  const population = { ...merged, excludedEmployeeIds: merged.excludedEmployeeIds.filter((id) => !adding.has(id)) };
  await storePopulation(ctx, session, population, 'people added', reason);
  const { added, elsewhere } = await syncMembers(ctx, session, population, reason);
  return { added, elsewhere, session: getSession(ctx, session.id), alreadyIn: [...adding].filter((id) => members.has(id)).length };
}

export async function removePeople(ctx: ServiceContext, input: Input<'calibration.removePeople'>): Promise<{ session: CalibrationSession; removed: number }> {
  const session = getSession(ctx, input.id);
  assertStartedFrom(session, input.version, 'calibration session');
  assertEditable(session, 'changed');
  const reason = requireReason(session, input.reason, 'removed');
  const members = new Map(listMembers(ctx, session).map((m) => [m.id, m]));
  const unknown = input.memberIds.filter((id) => !members.has(id));
  if (unknown.length) throw new AppError('NOT_FOUND', `${unknown.length === 1 ? 'One of the chosen people is' : `${unknown.length} of the chosen people are`} not in the session “${session.name}”.`);
  const leaving = new Set(input.memberIds.map((id) => members.get(id)!.employeeId));
  const population = {
    ...session.population,
    employeeIds: session.population.employeeIds.filter((id) => !leaving.has(id)),
    excludedEmployeeIds: [...new Set([...session.population.excludedEmployeeIds, ...leaving])],
  };
  await storePopulation(ctx, session, population, 'people removed', reason);
  const { removed } = await syncMembers(ctx, session, population, reason);
  return { session: getSession(ctx, session.id), removed };
}

/** Draft → in session: the people are set, the meeting begins. */
export async function startSession(ctx: ServiceContext, input: Input<'calibration.startSession'>): Promise<CalibrationSession> {
  const session = getSession(ctx, input.id);
  assertStartedFrom(session, input.version, 'calibration session');
  assertEditable(session, 'started');
  if (session.status !== 'draft') throw invalid('The session has already started.');
  if (session.cycleStatus !== 'active') throw invalid(`The review cycle “${session.cycleName}” is closed; its ratings can no longer be calibrated.`);
  if (session.memberCount === 0) throw invalid('Nobody is in the session yet: add people before starting it.');
  ctx.store.raw.prepare(`UPDATE calibration_session SET status = 'in_session', started_at = @now, updated_at = @now, version = version + 1 WHERE id = @id`).run({ id: session.id, now: ctx.now });
  await recordAudit(ctx, [{ entity: 'calibration_session', entityId: session.id, action: 'update', before: { status: session.status }, after: { status: 'in_session', what: 'started' } }]);
  return getSession(ctx, session.id);
}

/** A new draft with the same set-up and population on this or another running cycle; the nine-box bands follow the new cycle's scale. */
export async function copySession(ctx: ServiceContext, input: Input<'calibration.copySession'>): Promise<CalibrationSession> {
  const source = getSession(ctx, input.id);
  const cycleId = input.cycleId ?? source.cycleId;
  const cycle = findCycle(ctx, cycleId);
  if (!cycle) throw invalid('The review cycle does not exist (it may have been deleted).', 'cycleId');
  const settings = settingsForCycle(source.settings, cycle.levels.length);
  const guidelineSetId = source.guidelineSetId && (ctx.store.raw.prepare(`SELECT 1 FROM calibration_guideline_set WHERE id = ? AND rating_scale_id = ? AND archived = 0`).get(source.guidelineSetId, cycle.ratingScaleId) ? source.guidelineSetId : null);
  // People named one by one come along when they have a review in the new cycle and are not in another open session there.
  const named = source.population.employeeIds.filter((id) => namedPeopleProblems(ctx, cycle, null, [id]).length === 0);
  return saveSession(ctx, {
    name: input.name, cycleId, date: input.date ?? source.date, location: source.location, facilitatorId: source.facilitatorId,
    reviewerIds: source.reviewerIds, population: { ...source.population, employeeIds: named }, guidelineSetId,
    settings,
  });
}

/** The same settings when the scale still fits its columns; else the columns re-banded (and, when fewer, re-named) for this scale. */
function settingsForCycle(settings: SessionSettings, levelCount: number): SessionSettings {
  const fits = settings.columns <= levelCount && settings.performanceBands.reduce((a, b) => a + b, 0) === levelCount;
  if (fits) return settings;
  const columns = Math.min(settings.columns, levelCount);
  return { ...settings, columns, performanceBands: defaultBands(levelCount, columns), boxes: columns === settings.columns ? settings.boxes : defaultBoxes(columns, settings.rows) };
}

export const archiveSessions = (ctx: ServiceContext, ids: string[], archived: boolean) => setArchived(CalibrationSessionEntity, 'Calibration session', ids, archived, ctx);
