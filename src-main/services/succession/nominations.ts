// Nominations: employees or external candidates named as successors on a plan, with rank,
// readiness, an emergency (interim) flag, notes and development actions. Internal successors show
// their skill match to the plan's job (from the skills gap services) and their latest review rating.
import type { z } from 'zod';
import type { Input } from '../../../src-shared/api';
import { nominationFields, type Nomination } from '../../../src-shared/api/succession';
import { nearestLabel } from '../../../src-shared/domain/reviews';
import { roundTo, weightedMatch } from '../../../src-shared/domain/skills';
import { todayIso } from '../../../src-shared/domain/dates';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import { NominationEntity, type NominationRow } from '../../store/entities/succession';
import type { ServiceContext } from '../context';
import { parseLevels } from '../reviews/common';
import { rowIssue, saveBatch, setArchived, type BatchSpec, type Candidate, type RowChangeInput } from '../shared/batch';
import { currentLevel } from '../skills/gaps';
import { jsonIds, PERSON_NAME, readinessLevels } from './common';
import { ensureKeyDetails } from './key-positions';
import { ensurePositionPlan } from './plans';

type Values = z.infer<typeof nominationFields>;

const NOMINATION_SELECT = `SELECT n.id, n.plan_id AS planId,
    CASE WHEN sp.position_id IS NOT NULL THEN p.title || coalesce(' · ' || d.name, '') ELSE 'Job: ' || j.title || coalesce(' (' || j.level || ')', '') END AS planLabel,
    sp.position_id AS positionId, sp.job_id AS jobId, coalesce(p.job_id, sp.job_id) AS planJobId,
    n.employee_id AS employeeId, n.external_candidate_id AS externalCandidateId,
    CASE WHEN n.employee_id IS NOT NULL THEN 'employee' ELSE 'external' END AS kind,
    coalesce(${PERSON_NAME('e')}, x.name) AS successorName, cp.title AS currentPositionTitle,
    n.rank, n.readiness_id AS readinessId, n.emergency, n.notes, n.development_actions AS developmentActions,
    lr.risk_of_loss AS riskOfLoss, n.archived, n.created_at AS createdAt, n.updated_at AS updatedAt, n.version
  FROM succession_nomination n
  JOIN succession_plan sp ON sp.id = n.plan_id
  LEFT JOIN position p ON p.id = sp.position_id
  LEFT JOIN department d ON d.id = p.department_id
  LEFT JOIN job j ON j.id = sp.job_id
  LEFT JOIN employee e ON e.id = n.employee_id
  LEFT JOIN position cp ON cp.id = e.position_id
  LEFT JOIN external_candidate x ON x.id = n.external_candidate_id
  LEFT JOIN loss_risk lr ON lr.employee_id = n.employee_id AND lr.archived = 0`;

type NominationSqlRow = Omit<Nomination, 'emergency' | 'archived' | 'skillMatch' | 'latestRating' | 'latestRatingLabel' | 'latestRatingCycle' | 'latestPotentialLabel' | 'latestPotentialSession'> & {
  emergency: number; archived: number; planJobId: string | null;
};

export async function listNominations(ctx: ServiceContext, input: Input<'succession.listNominations'>): Promise<Nomination[]> {
  const where = [input.includeArchived ? '1 = 1' : 'n.archived = 0', '(sp.position_id IS NULL OR p.is_key = 1)', 'sp.archived = 0'];
  if (input.planId) where.push('n.plan_id = @planId');
  if (input.employeeId) where.push('n.employee_id = @employeeId');
  const rows = ctx.store.raw
    .prepare(`${NOMINATION_SELECT} WHERE ${where.join(' AND ')} ORDER BY planLabel COLLATE NOCASE, n.rank, successorName COLLATE NOCASE`)
    .all({ planId: input.planId ?? null, employeeId: input.employeeId ?? null }) as NominationSqlRow[];
  return enrich(ctx, rows);
}

export function nominationsByIds(ctx: ServiceContext, ids: string[]): Nomination[] {
  const rows = ctx.store.raw.prepare(`${NOMINATION_SELECT} WHERE n.id IN (SELECT value FROM json_each(?))`).all(jsonIds(ids)) as NominationSqlRow[];
  const byId = new Map(enrich(ctx, rows).map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}

function enrich(ctx: ServiceContext, rows: NominationSqlRow[]): Nomination[] {
  const pairs = rows.filter((row) => row.employeeId && row.planJobId).map((row) => ({ employeeId: row.employeeId!, jobId: row.planJobId! }));
  const matches = skillMatches(ctx, pairs);
  const employeeIds = rows.flatMap((row) => (row.employeeId ? [row.employeeId] : []));
  const ratings = latestRatings(ctx, employeeIds);
  const potentials = latestPotentials(ctx, employeeIds);
  return rows.map(({ planJobId, ...row }) => {
    const rating = row.employeeId ? ratings.get(row.employeeId) : undefined;
    const potential = row.employeeId ? potentials.get(row.employeeId) : undefined;
    return {
      ...row,
      emergency: Boolean(row.emergency),
      archived: Boolean(row.archived),
      skillMatch: row.employeeId && planJobId ? matches.get(`${row.employeeId}|${planJobId}`) ?? null : null,
      latestRating: rating?.rating ?? null,
      latestRatingLabel: rating?.label ?? null,
      latestRatingCycle: rating?.cycle ?? null,
      latestPotentialLabel: potential?.label ?? null,
      latestPotentialSession: potential?.session ?? null,
    };
  });
}

/**
 * Weighted skill match (0–100, to 0.1) of each employee to a job's requirements today: the same
 * arithmetic as the person gap analysis (`weightedMatch`). Pairs whose job requires nothing have no match.
 */
export function skillMatches(ctx: ServiceContext, pairs: { employeeId: string; jobId: string }[]): Map<string, number> {
  if (pairs.length === 0) return new Map();
  const rows = ctx.store.raw
    .prepare(`WITH pair AS MATERIALIZED (
                SELECT DISTINCT json_extract(value, '$[0]') AS employee_id, json_extract(value, '$[1]') AS job_id FROM json_each(@pairs)),
              requirement AS MATERIALIZED (
                SELECT pr.employee_id, pr.job_id, js.weight, rf.factor AS required_factor, s.rating_model_id,
                       ${currentLevel('pr.employee_id', 'js.skill_id')} AS current_level
                  FROM pair pr JOIN job_skill js ON js.job_id = pr.job_id
                  JOIN skill s ON s.id = js.skill_id AND s.archived = 0
                  JOIN rating_level rf ON rf.rating_model_id = s.rating_model_id AND rf.value = js.level)
              SELECT r.employee_id AS employeeId, r.job_id AS jobId, r.weight, r.required_factor AS requiredFactor, cf.factor AS currentFactor
                FROM requirement r LEFT JOIN rating_level cf ON cf.rating_model_id = r.rating_model_id AND cf.value = r.current_level`)
    .all({ pairs: JSON.stringify(pairs.map((p) => [p.employeeId, p.jobId])), asOf: todayIso() }) as {
      employeeId: string; jobId: string; weight: number; requiredFactor: number; currentFactor: number | null;
    }[];
  const grouped = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.employeeId}|${row.jobId}`;
    const list = grouped.get(key);
    if (list) list.push(row);
    else grouped.set(key, [row]);
  }
  return new Map([...grouped].map(([key, list]) => [key, roundTo(weightedMatch(list), 1)]));
}

/** Each employee's latest completed review with a final rating, labelled on that cycle's scale. */
export function latestRatings(ctx: ServiceContext, employeeIds: string[]): Map<string, { rating: number; label: string; cycle: string }> {
  if (employeeIds.length === 0) return new Map();
  const rows = ctx.store.raw
    .prepare(`SELECT employeeId, rating, cycle, levels FROM (
                SELECT r.employee_id AS employeeId, r.final_rating AS rating, c.name AS cycle, coalesce(c.levels_snapshot, s.levels) AS levels,
                       row_number() OVER (PARTITION BY r.employee_id ORDER BY r.completed_at DESC, c.period_end DESC) AS latest
                  FROM review r JOIN review_cycle c ON c.id = r.cycle_id JOIN rating_scale s ON s.id = c.rating_scale_id
                 WHERE r.status = 'complete' AND r.final_rating IS NOT NULL AND r.employee_id IN (SELECT value FROM json_each(?)))
              WHERE latest = 1`)
    .all(jsonIds(employeeIds)) as { employeeId: string; rating: number; cycle: string; levels: string }[];
  return new Map(rows.map((row) => [row.employeeId, { rating: row.rating, label: nearestLabel(parseLevels(row.levels), row.rating) ?? String(row.rating), cycle: row.cycle }]));
}

/** Each employee's potential from their latest finalised calibration session, by that session's potential labels. */
export function latestPotentials(ctx: ServiceContext, employeeIds: string[]): Map<string, { label: string; session: string }> {
  if (employeeIds.length === 0) return new Map();
  const rows = ctx.store.raw
    .prepare(`SELECT employeeId, potential, label, session FROM (
                SELECT m.employee_id AS employeeId, m.potential, s.name AS session,
                       (SELECT json_extract(l.value, '$.label') FROM json_each(s.settings, '$.potentialLevels') l
                         WHERE json_extract(l.value, '$.value') = m.potential) AS label,
                       row_number() OVER (PARTITION BY m.employee_id ORDER BY s.finalised_at DESC, s.date DESC) AS latest
                  FROM calibration_member m JOIN calibration_session s ON s.id = m.session_id
                 WHERE s.status = 'finalised' AND s.archived = 0 AND m.archived = 0 AND m.potential IS NOT NULL
                   AND m.employee_id IN (SELECT value FROM json_each(?)))
              WHERE latest = 1`)
    .all(jsonIds(employeeIds)) as { employeeId: string; potential: number; label: string | null; session: string }[];
  return new Map(rows.map((row) => [row.employeeId, { label: row.label ?? String(row.potential), session: row.session }]));
}

const spec: BatchSpec<NominationRow, Values> = {
  entity: NominationEntity,
  label: 'Successor',
  fields: nominationFields,
  toValues: (row) => ({
    planId: row.planId, employeeId: row.employeeId, externalCandidateId: row.externalCandidateId, rank: row.rank, readinessId: row.readinessId,
    emergency: Boolean(row.emergency), notes: row.notes, developmentActions: row.developmentActions,
  }),
  toColumns: (v) => ({
    planId: v.planId, employeeId: v.employeeId ?? null, externalCandidateId: v.externalCandidateId ?? null, rank: v.rank, readinessId: v.readinessId,
    emergency: v.emergency ?? false, notes: v.notes ?? null, developmentActions: v.developmentActions ?? null,
  }),
  check: checkNominations,
};

interface PlanFacts { id: string; archived: number; positionId: string | null; jobId: string | null; isKey: number | null; title: string }

async function checkNominations(candidates: Candidate<Values>[], ctx: ServiceContext): Promise<ErrorIssue[]> {
  const db = ctx.store.raw;
  const issues: ErrorIssue[] = [];
  const planOf = db.prepare(`SELECT sp.id, sp.archived, sp.position_id AS positionId, sp.job_id AS jobId, p.is_key AS isKey, coalesce(p.title, j.title) AS title
                               FROM succession_plan sp LEFT JOIN position p ON p.id = sp.position_id LEFT JOIN job j ON j.id = sp.job_id WHERE sp.id = ?`);
  const employeeOf = db.prepare(`SELECT ${PERSON_NAME('e')} AS name, e.status, e.archived, e.position_id AS positionId, e.job_id AS jobId FROM employee e WHERE e.id = ?`);
  const externalOf = db.prepare(`SELECT name, archived FROM external_candidate WHERE id = ?`);
  const stored = db.prepare(`SELECT id FROM succession_nomination WHERE archived = 0 AND plan_id = @planId AND id <> @id
                                AND (employee_id = @employeeId OR external_candidate_id = @externalId)`);
  const readiness = new Map(readinessLevels(ctx).map((level) => [level.id, level]));
  const scale = [...readiness.values()].map((level) => level.label).join(', ');
  const seen = new Set<string>();
  for (const c of candidates) {
    const v = c.values;
    const plan = planOf.get(v.planId) as PlanFacts | undefined;
    if (!plan || plan.archived) {
      issues.push(rowIssue(c.index, 'planId', 'The succession plan does not exist (it may have been archived).'));
      continue;
    }
    if (plan.positionId && !plan.isKey) issues.push(rowIssue(c.index, 'planId', `"${plan.title}" is not a key position; mark it key before nominating successors.`));
    if (!readiness.has(v.readinessId)) issues.push(rowIssue(c.index, 'readinessId', `Readiness must be one of the scale's levels: ${scale}.`));
    if (Boolean(v.employeeId) === Boolean(v.externalCandidateId)) {
      issues.push(rowIssue(c.index, 'employeeId', 'Choose the successor: an employee or an external candidate.'));
      continue;
    }
    let name = '';
    if (v.employeeId) {
      const person = employeeOf.get(v.employeeId) as { name: string; status: string; archived: number; positionId: string | null; jobId: string | null } | undefined;
      if (!person || person.archived) issues.push(rowIssue(c.index, 'employeeId', 'The employee does not exist (they may have been archived).'));
      else if (person.status === 'terminated') issues.push(rowIssue(c.index, 'employeeId', `${person.name} has left the organisation and cannot be a successor.`));
      else if (plan.positionId && person.positionId === plan.positionId) issues.push(rowIssue(c.index, 'employeeId', `${person.name} holds "${plan.title}"; a successor must be someone else.`));
      else if (plan.jobId && person.jobId === plan.jobId) issues.push(rowIssue(c.index, 'employeeId', `${person.name} already works as ${plan.title}; a job plan names people who could move into it.`));
      name = person?.name ?? '';
    } else {
      const external = externalOf.get(v.externalCandidateId!) as { name: string; archived: number } | undefined;
      if (!external || external.archived) issues.push(rowIssue(c.index, 'externalCandidateId', 'The external candidate does not exist (they may have been archived).'));
      name = external?.name ?? '';
    }
    const person = v.employeeId ?? v.externalCandidateId!;
    const key = `${v.planId}|${person}`;
    if (seen.has(key) || stored.get({ planId: v.planId, id: c.id, employeeId: v.employeeId ?? null, externalId: v.externalCandidateId ?? null })) {
      issues.push(rowIssue(c.index, v.employeeId ? 'employeeId' : 'externalCandidateId', `${name || 'This person'} is already a successor on this plan.`));
    }
    seen.add(key);
  }
  return issues;
}

export async function saveNominations(ctx: ServiceContext, rows: RowChangeInput[]): Promise<Nomination[]> {
  const saved = await saveBatch(spec, rows, ctx);
  return nominationsByIds(ctx, saved.map((row) => row.id));
}

export async function archiveNominations(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  return setArchived(NominationEntity, 'Successor', ids, archived, ctx);
}

/** From the chart: a successor for a key position, after the plan's last unless a rank is given. */
export async function nominateSuccessor(ctx: ServiceContext, input: Input<'succession.nominateSuccessor'>): Promise<Nomination> {
  if (Boolean(input.employeeId) === Boolean(input.externalCandidateId)) {
    throw new AppError('VALIDATION', 'Choose the successor: an employee or an external candidate.', [{ path: ['employeeId'], field: 'employeeId', message: 'Choose the successor.' }]);
  }
  await ensureKeyDetails(ctx, input.positionId);
  const planId = await ensurePositionPlan(ctx, input.positionId);
  const { last } = ctx.store.raw.prepare(`SELECT coalesce(max(rank), 0) AS last FROM succession_nomination WHERE plan_id = ? AND archived = 0`).get(planId) as { last: number };
  const values = {
    planId, employeeId: input.employeeId ?? null, externalCandidateId: input.externalCandidateId ?? null, readinessId: input.readinessId,
    rank: input.rank ?? Math.min(last + 1, 99), emergency: input.emergency ?? false, notes: input.notes ?? null,
  };
  const [saved] = await saveNominations(ctx, [{ values }]);
  return saved;
}
