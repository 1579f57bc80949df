// Gap analysis: how far people's current skill levels are from what their jobs require.
// Everything is answered by set-based SQL on the raw connection; per-row arithmetic uses
// the pure functions of src-shared/domain/skills, and the org-wide aggregate mirrors them in SQL.
import type { z } from 'zod';
import type { gapPeople, GapRow, Heatmap, OrgGapSummary, PersonGap } from '../../../src-shared/api';
import { todayIso } from '../../../src-shared/domain/dates';
import { coverage, MAX_FACTOR, normalisedGap, requirementMet, roundTo, weightedMatch } from '../../../src-shared/domain/skills';
import { notFound } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { fullName } from '../shared/lookups';

// ---- SQL shared by the skills analytics --------------------------------------------------

/** Employees who count: on the books, i.e. not archived and not terminated. */
export const ACTIVE_EMPLOYEE = `e.archived = 0 AND e.status <> 'terminated'`;

/** CTE `subtree(id)`: the department bound to @departmentId and every department below it. */
export const SUBTREE_CTE = `subtree(id) AS (SELECT @departmentId UNION ALL SELECT d.id FROM department d JOIN subtree ON d.parent_id = subtree.id)`;

/**
 * The level in force on @asOf for one employee and skill: the newest entry effective on or before
 * it, ties going to the latest recording; NULL when never rated or removed. The newest entry of each
 * pair is kept in employee_skill_latest (one primary-key seek); only when it is dated after @asOf
 * does the lookup fall back to one backwards seek on employee_skill_lookup in the history.
 * Select it inside a MATERIALIZED CTE when the result is also joined on, or SQLite evaluates it twice.
 */
export const currentLevel = (employeeId: string, skillId: string) =>
  `(SELECT CASE WHEN lt.effective_date <= @asOf THEN lt.level ELSE
       (SELECT es.level FROM employee_skill es
         WHERE es.employee_id = ${employeeId} AND es.skill_id = ${skillId} AND es.effective_date <= @asOf
         ORDER BY es.effective_date DESC, es.recorded_at DESC LIMIT 1) END
     FROM employee_skill_latest lt WHERE lt.employee_id = ${employeeId} AND lt.skill_id = ${skillId})`;

export const resolveAsOf = (asOf: string | undefined) => asOf ?? todayIso();

export function assertExists(ctx: ServiceContext, table: 'employee' | 'job' | 'department' | 'skill', id: string, what: string): void {
  if (!ctx.store.raw.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)) throw notFound(what);
}

const roundGap = (gap: number) => roundTo(gap, 3);
const roundPercent = (percent: number) => roundTo(percent, 1);
const byName = new Intl.Collator(undefined, { sensitivity: 'base' }).compare;

// ---- Person gap ----------------------------------------------------------------------------

interface RequirementRow {
  skillId: string;
  skillName: string;
  skillTypeId: string;
  weight: number;
  requiredLevel: number;
  requiredLabel: string;
  requiredFactor: number;
  currentLevel: number | null;
  currentLabel: string | null;
  currentFactor: number | null;
}

/** One person against their own job, or against `jobId` to see what moving there would take. */
export async function getPersonGap(ctx: ServiceContext, input: { employeeId: string; jobId?: string; asOf?: string }): Promise<PersonGap> {
  const asOf = resolveAsOf(input.asOf);
  const employee = ctx.store.raw.prepare(`SELECT job_id AS jobId FROM employee WHERE id = ?`).get(input.employeeId) as { jobId: string | null } | undefined;
  if (!employee) throw notFound('The employee');
  const jobId = input.jobId ?? employee.jobId;
  const job = jobId ? (ctx.store.raw.prepare(`SELECT title FROM job WHERE id = ?`).get(jobId) as { title: string } | undefined) : undefined;
  if (jobId && !job) throw notFound('The job');
  const requirements = jobId ? personRequirements(ctx, input.employeeId, jobId, asOf) : [];
  const rows = requirements.map(toGapRow).sort((a, b) => b.gap - a.gap || b.weight - a.weight || byName(a.skillName, b.skillName));
  return {
    employeeId: input.employeeId,
    jobId,
    jobTitle: job?.title ?? null,
    asOf,
    rows,
    coverage: roundPercent(coverage(rows.filter((row) => row.met).length, rows.length)),
    match: roundPercent(weightedMatch(requirements)),
  };
}

function personRequirements(ctx: ServiceContext, employeeId: string, jobId: string, asOf: string): RequirementRow[] {
  return ctx.store.raw
    .prepare(
      `WITH requirement AS MATERIALIZED (
         SELECT js.skill_id, js.level, js.weight, s.name, s.skill_type_id, s.rating_model_id, ${currentLevel('@employeeId', 'js.skill_id')} AS current_level
           FROM job_skill js JOIN skill s ON s.id = js.skill_id AND s.archived = 0
          WHERE js.job_id = @jobId)
       SELECT r.skill_id AS skillId, r.name AS skillName, r.skill_type_id AS skillTypeId, r.weight,
              r.level AS requiredLevel, rf.label AS requiredLabel, rf.factor AS requiredFactor,
              r.current_level AS currentLevel, cf.label AS currentLabel, cf.factor AS currentFactor
         FROM requirement r
         JOIN rating_level rf ON rf.rating_model_id = r.rating_model_id AND rf.value = r.level
         LEFT JOIN rating_level cf ON cf.rating_model_id = r.rating_model_id AND cf.value = r.current_level`,
    )
    .all({ employeeId, jobId, asOf }) as RequirementRow[];
}

const toGapRow = (row: RequirementRow): GapRow => ({
  skillId: row.skillId,
  skillName: row.skillName,
  skillTypeId: row.skillTypeId,
  weight: row.weight,
  requiredLevel: row.requiredLevel,
  requiredLabel: row.requiredLabel,
  currentLevel: row.currentLevel,
  currentLabel: row.currentLabel,
  gap: roundGap(normalisedGap(row.requiredFactor, row.currentFactor)),
  met: requirementMet(row.requiredFactor, row.currentFactor),
});

// ---- Heatmap -------------------------------------------------------------------------------

interface HeatmapCellRow {
  employeeId: string;
  skillId: string;
  skillName: string;
  requiredLevel: number;
  requiredFactor: number;
  currentLevel: number | null;
  currentFactor: number | null;
}

type HeatmapInput = { departmentId: string; includeSubdepartments?: boolean; skillTypeId?: string; asOf: string };

/** People of a department × the skills their jobs require; a cell only where the person's job requires the skill. */
export async function getHeatmap(
  ctx: ServiceContext,
  input: { departmentId: string; includeSubdepartments?: boolean; skillTypeId?: string; asOf?: string },
): Promise<Heatmap> {
  const asOf = resolveAsOf(input.asOf);
  assertExists(ctx, 'department', input.departmentId, 'The department');
  const cells = heatmapCells(ctx, { ...input, asOf });
  const skills = new Map(cells.map((cell) => [cell.skillId, cell.skillName]));
  return {
    asOf,
    employees: heatmapPeople(ctx, input),
    skills: [...skills].map(([id, name]) => ({ id, name })).sort((a, b) => byName(a.name, b.name)),
    cells: cells.map((cell) => ({
      employeeId: cell.employeeId,
      skillId: cell.skillId,
      requiredLevel: cell.requiredLevel,
      currentLevel: cell.currentLevel,
      gap: roundGap(normalisedGap(cell.requiredFactor, cell.currentFactor)),
    })),
  };
}

const inDepartment = (includeSubdepartments: boolean | undefined) =>
  includeSubdepartments ? `e.department_id IN (SELECT id FROM subtree)` : `e.department_id = @departmentId`;

function heatmapPeople(ctx: ServiceContext, input: Omit<HeatmapInput, 'asOf'>): Heatmap['employees'] {
  const rows = ctx.store.raw
    .prepare(
      `WITH RECURSIVE ${SUBTREE_CTE}
       SELECT e.id, e.first_name AS firstName, e.last_name AS lastName, j.title AS jobTitle
         FROM employee e LEFT JOIN job j ON j.id = e.job_id
        WHERE ${ACTIVE_EMPLOYEE} AND ${inDepartment(input.includeSubdepartments)}
        ORDER BY e.last_name COLLATE NOCASE, e.first_name COLLATE NOCASE, e.id`,
    )
    .all({ departmentId: input.departmentId }) as { id: string; firstName: string; lastName: string; jobTitle: string | null }[];
  return rows.map((row) => ({ id: row.id, name: fullName(row.firstName, row.lastName), jobTitle: row.jobTitle }));
}

function heatmapCells(ctx: ServiceContext, input: HeatmapInput): HeatmapCellRow[] {
  const ofType = input.skillTypeId ? `AND s.skill_type_id = @skillTypeId` : '';
  return ctx.store.raw
    .prepare(
      `WITH RECURSIVE ${SUBTREE_CTE},
       cell AS MATERIALIZED (
         SELECT e.id AS employee_id, s.id AS skill_id, s.name AS skill_name, s.rating_model_id,
                js.level AS required_level, rf.factor AS required_factor, ${currentLevel('e.id', 'js.skill_id')} AS current_level
           FROM employee e
           JOIN job_skill js ON js.job_id = e.job_id
           JOIN skill s ON s.id = js.skill_id AND s.archived = 0 ${ofType}
           JOIN rating_level rf ON rf.rating_model_id = s.rating_model_id AND rf.value = js.level
          WHERE ${ACTIVE_EMPLOYEE} AND ${inDepartment(input.includeSubdepartments)})
       SELECT c.employee_id AS employeeId, c.skill_id AS skillId, c.skill_name AS skillName, c.required_level AS requiredLevel,
              c.required_factor AS requiredFactor, c.current_level AS currentLevel, cf.factor AS currentFactor
         FROM cell c LEFT JOIN rating_level cf ON cf.rating_model_id = c.rating_model_id AND cf.value = c.current_level`,
    )
    .all({ departmentId: input.departmentId, skillTypeId: input.skillTypeId, asOf: input.asOf }) as HeatmapCellRow[];
}

// ---- Org-wide summary ------------------------------------------------------------------------

interface SummaryRow {
  kind: 'total' | 'skill' | 'department' | 'unsound';
  id: string | null;
  name: string | null;
  requirements: number;
  met: number;
  averageGap: number | null;
}

/**
 * Coverage over every (employee, requirement of their job) pair, the skills with most unmet
 * requirements and the departments (each on its own, not rolled up) with most unmet requirements.
 * Answered from the tallies kept on write (migration 14), which hold each pair at its newest level,
 * with the steps dated after `asOf` taken back (migration 18): whole months from the tallies' changes
 * by month, the days of `asOf`'s own month from the history. Today's answer takes back nothing (unless
 * levels were recorded ahead), and a past day's costs what its month and the months after it changed,
 * never a pass over the people.
 */
export async function getOrgGapSummary(ctx: ServiceContext, input: { asOf?: string; limit?: number }): Promise<OrgGapSummary> {
  const asOf = resolveAsOf(input.asOf);
  const db = ctx.store.raw;
  let rows = db.prepare(TALLIED_SUMMARY_SQL).all({ ...stepsAfter(ctx, asOf), limit: input.limit ?? 10 }) as SummaryRow[];
  // The tallies count a pair as met by comparing levels, which equals comparing factors only while
  // each model's factors rise with its levels and every level in use exists. The rating model service
  // enforces both; a file changed by other means is answered the old way.
  if (rows.some((row) => row.kind === 'unsound' && row.requirements > 0)) rows = db.prepare(RECOMPUTED_SUMMARY_SQL).all({ asOf, limit: input.limit ?? 10 }) as SummaryRow[];
  const total = rows.find((row) => row.kind === 'total') ?? { requirements: 0, met: 0 };
  return {
    asOf,
    requirements: total.requirements,
    met: total.met,
    coverage: roundPercent(coverage(total.met, total.requirements)),
    topSkills: rows
      .filter((row) => row.kind === 'skill')
      .map((row) => ({ skillId: row.id!, name: row.name!, requirements: row.requirements, unmet: row.requirements - row.met, averageGap: roundGap(row.averageGap ?? 0) })),
    topDepartments: rows
      .filter((row) => row.kind === 'department')
      .map((row) => ({ departmentId: row.id!, name: row.name!, requirements: row.requirements, unmet: row.requirements - row.met, coverage: roundPercent(coverage(row.met, row.requirements)) })),
  };
}

/** Which steps to take back for `asOf`: the parameters of TALLIED_SUMMARY_SQL. */
interface StepsAfter {
  /** The first month whose changes are taken back whole ('YYYY-MM'). */
  fromMonth: string;
  /** History entries dated after `after` and up to `upTo` are taken back (`sign` 1) or put back (-1). */
  after: string;
  upTo: string;
  sign: 1 | -1;
}

/**
 * The steps after `asOf` are the months after its own plus the days of its month after it; or, when
 * fewer entries fall on the days of its month up to it, its month too with those days put back.
 * Either way the history is read for at most half a month (both counts come from an index alone).
 */
function stepsAfter(ctx: ServiceContext, asOf: string): StepsAfter {
  const month = asOf.slice(0, 7);
  const [year, monthNumber] = month.split('-').map(Number);
  const nextMonth = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  // Strings bound the month's days whatever its length: '-00' sorts before its first day, '-99' after its last.
  const { later, earlier } = ctx.store.raw
    .prepare(
      `SELECT (SELECT count(*) FROM employee_skill INDEXED BY employee_skill_by_date WHERE effective_date > @asOf AND effective_date <= @monthEnd) AS later,
              (SELECT count(*) FROM employee_skill INDEXED BY employee_skill_by_date WHERE effective_date > @monthStart AND effective_date <= @asOf) AS earlier`,
    )
    .get({ asOf, monthStart: `${month}-00`, monthEnd: `${month}-99` }) as { later: number; earlier: number };
  return later <= earlier
    ? { fromMonth: nextMonth, after: asOf, upTo: `${month}-99`, sign: 1 }
    : { fromMonth: month, after: `${month}-00`, upTo: asOf, sign: -1 };
}

// Each pair's shortfall in factors (a missing level is factor 0) gives normalisedGap (shortfall / 9)
// and requirementMet (shortfall 0) of the domain; averageGap is over all of a skill's pairs, met ones
// counting 0. The final ranking is shared by both ways of getting the per-skill and per-department counts.
const RANKED_SUMMARY = `
  SELECT 'total' AS kind, NULL AS id, NULL AS name, coalesce(sum(requirements), 0) AS requirements, coalesce(sum(met), 0) AS met, NULL AS averageGap
    FROM by_skill
  UNION ALL
  SELECT * FROM (
    SELECT 'skill', s.id, s.name, b.requirements, b.met, b.gap
      FROM by_skill b JOIN skill s ON s.id = b.skill_id
     WHERE b.requirements > b.met
     ORDER BY b.requirements - b.met DESC, b.gap DESC, s.name COLLATE NOCASE LIMIT @limit)
  UNION ALL
  SELECT * FROM (
    SELECT 'department', d.id, d.name, b.requirements, b.met, NULL
      FROM by_department b JOIN department d ON d.id = b.department_id
     WHERE b.requirements > b.met
     ORDER BY b.requirements - b.met DESC, b.met * 1.0 / b.requirements, d.name COLLATE NOCASE LIMIT @limit)`;

// From the tallies: cells of (skill, required level, current level) with their pair counts, and each
// step dated after @asOf taken back (+1 at the level it left, -1 at the level it set). The tallies'
// changes by month give whole months from @fromMonth on; `days` are the history's entries dated after
// @after and up to @upTo, each a step from previous_level to level (read from employee_skill_by_date
// and employee_gap_pairs alone), taken back with @sign 1 or, when they lie before @asOf in a month
// taken back whole, put back with -1. A step counts for the pair of its person and skill as the
// tallies count them now. What is taken back is summed per cell before the cells meet the skills and
// levels, so a day years back joins no more rows than today.
const TALLIED_SUMMARY_SQL = `
  WITH days AS MATERIALIZED (
    SELECT e.department_id, es.skill_id, s.rating_model_id, js.level AS required_level,
           coalesce(es.previous_level, 0) AS from_level, coalesce(es.level, 0) AS to_level
      FROM employee_skill es INDEXED BY employee_skill_by_date
      CROSS JOIN employee e INDEXED BY employee_gap_pairs ON e.id = es.employee_id AND ${ACTIVE_EMPLOYEE}
      JOIN job_skill js ON js.job_id = e.job_id AND js.skill_id = es.skill_id
      JOIN skill s ON s.id = es.skill_id AND s.archived = 0
     WHERE es.effective_date > @after AND es.effective_date <= @upTo AND coalesce(es.previous_level, 0) <> coalesce(es.level, 0)),
  skill_cell AS (
    SELECT skill_id, required_level, current_level, pairs FROM skill_gap_tally WHERE pairs <> 0
    UNION ALL
    SELECT skill_id, required_level, current_level, sum(pairs) FROM (
      SELECT skill_id, required_level, current_level, -pairs AS pairs FROM skill_gap_change WHERE month >= @fromMonth AND pairs <> 0
      UNION ALL SELECT skill_id, required_level, from_level, @sign FROM days
      UNION ALL SELECT skill_id, required_level, to_level, -@sign FROM days)
     GROUP BY skill_id, required_level, current_level HAVING sum(pairs) <> 0),
  scored_skill AS MATERIALIZED (
    SELECT c.skill_id, sum(c.pairs) AS requirements,
           sum(c.pairs * (rf.factor <= coalesce(cf.factor, 0))) AS met,
           sum(c.pairs * max(0, rf.factor - coalesce(cf.factor, 0))) * 1.0 / sum(c.pairs) / ${MAX_FACTOR}.0 AS gap,
           max(rf.value IS NULL OR (c.current_level > 0 AND cf.value IS NULL)) AS missing_level
      FROM skill_cell c
      JOIN skill s ON s.id = c.skill_id AND s.archived = 0
      LEFT JOIN rating_level rf ON rf.rating_model_id = s.rating_model_id AND rf.value = c.required_level
      LEFT JOIN rating_level cf ON cf.rating_model_id = s.rating_model_id AND cf.value = c.current_level
     GROUP BY c.skill_id),
  by_skill AS (SELECT skill_id, requirements, met, gap FROM scored_skill WHERE requirements > 0),
  department_cell AS (
    SELECT department_id, rating_model_id, pairs, at_or_above, unrated_at_level_one FROM department_gap_tally WHERE pairs <> 0
    UNION ALL
    SELECT department_id, rating_model_id, 0, sum(at_or_above), sum(unrated_at_level_one) FROM (
      SELECT department_id, rating_model_id, -at_or_above AS at_or_above, -unrated_at_level_one AS unrated_at_level_one
        FROM department_gap_change WHERE month >= @fromMonth
      UNION ALL
      SELECT department_id, rating_model_id, @sign * ((from_level >= required_level) - (to_level >= required_level)),
             @sign * ((from_level = 0 AND required_level = 1) - (to_level = 0 AND required_level = 1))
        FROM days WHERE department_id IS NOT NULL)
     GROUP BY department_id, rating_model_id),
  by_department AS (
    SELECT c.department_id, sum(c.pairs) AS requirements,
           sum(c.at_or_above + CASE WHEN l1.factor = 0 THEN c.unrated_at_level_one ELSE 0 END) AS met
      FROM department_cell c LEFT JOIN rating_level l1 ON l1.rating_model_id = c.rating_model_id AND l1.value = 1
     GROUP BY c.department_id HAVING sum(c.pairs) > 0)
  ${RANKED_SUMMARY}
  UNION ALL
  SELECT 'unsound', NULL, NULL,
         coalesce((SELECT max(missing_level) FROM scored_skill), 0)
           + EXISTS (SELECT 1 FROM rating_level a JOIN rating_level b ON b.rating_model_id = a.rating_model_id AND b.value > a.value AND b.factor <= a.factor),
         0, NULL`;

// From the people: every pair scored at the level in force on @asOf. The requirements are
// materialised first so each employee joins a small table; the pairs are scored once, grouped twice.
const RECOMPUTED_SUMMARY_SQL = `
  WITH requirement AS MATERIALIZED (
    SELECT js.job_id, js.skill_id, rf.factor AS required_factor, s.rating_model_id
      FROM job_skill js
      JOIN skill s ON s.id = js.skill_id AND s.archived = 0
      JOIN rating_level rf ON rf.rating_model_id = s.rating_model_id AND rf.value = js.level),
  pair AS (
    SELECT e.department_id, r.skill_id, r.required_factor, r.rating_model_id, ${currentLevel('e.id', 'r.skill_id')} AS current_level
      FROM employee e CROSS JOIN requirement r ON r.job_id = e.job_id
     WHERE ${ACTIVE_EMPLOYEE}),
  scored AS MATERIALIZED (
    SELECT p.department_id, p.skill_id, max(0, p.required_factor - coalesce(cf.factor, 0)) AS shortfall
      FROM pair p LEFT JOIN rating_level cf ON cf.rating_model_id = p.rating_model_id AND cf.value = p.current_level),
  by_skill AS (
    SELECT skill_id, count(*) AS requirements, sum(shortfall = 0) AS met, avg(shortfall) / ${MAX_FACTOR}.0 AS gap
      FROM scored GROUP BY skill_id),
  by_department AS (
    SELECT department_id, count(*) AS requirements, sum(shortfall = 0) AS met
      FROM scored WHERE department_id IS NOT NULL GROUP BY department_id)
  ${RANKED_SUMMARY}`;

// ---- People behind one skill's gap ------------------------------------------------------------

interface GapPersonRow {
  employeeId: string;
  firstName: string;
  lastName: string;
  departmentName: string | null;
  jobTitle: string | null;
  requiredLevel: number;
  requiredFactor: number;
  currentLevel: number | null;
  currentFactor: number | null;
}

/** Everyone whose job requires the skill (optionally in a department and below), largest gap first. */
export async function listGapPeople(
  ctx: ServiceContext,
  input: { skillId: string; departmentId?: string; onlyUnmet?: boolean; asOf?: string },
): Promise<z.infer<typeof gapPeople>> {
  const asOf = resolveAsOf(input.asOf);
  assertExists(ctx, 'skill', input.skillId, 'The skill');
  if (input.departmentId) assertExists(ctx, 'department', input.departmentId, 'The department');
  const people = gapPeopleRows(ctx, { ...input, asOf })
    .map((row) => ({ row, gap: normalisedGap(row.requiredFactor, row.currentFactor) }))
    .filter(({ gap }) => !input.onlyUnmet || gap > 0)
    .sort((a, b) => b.gap - a.gap || byName(a.row.lastName, b.row.lastName) || byName(a.row.firstName, b.row.firstName));
  return {
    rows: people.map(({ row, gap }) => ({
      employeeId: row.employeeId,
      name: fullName(row.firstName, row.lastName),
      departmentName: row.departmentName,
      jobTitle: row.jobTitle,
      requiredLevel: row.requiredLevel,
      currentLevel: row.currentLevel,
      gap: roundGap(gap),
    })),
  };
}

function gapPeopleRows(ctx: ServiceContext, input: { skillId: string; departmentId?: string; asOf: string }): GapPersonRow[] {
  const departmentFilter = input.departmentId ? `AND ${inDepartment(true)}` : '';
  return ctx.store.raw
    .prepare(
      `WITH RECURSIVE ${SUBTREE_CTE},
       requirement AS MATERIALIZED (
         SELECT e.id AS employee_id, e.first_name, e.last_name, d.name AS department_name, j.title AS job_title,
                js.level AS required_level, rf.factor AS required_factor, s.rating_model_id, ${currentLevel('e.id', 'js.skill_id')} AS current_level
           FROM job_skill js
           JOIN skill s ON s.id = js.skill_id AND s.archived = 0
           JOIN rating_level rf ON rf.rating_model_id = s.rating_model_id AND rf.value = js.level
           JOIN employee e ON e.job_id = js.job_id
           JOIN job j ON j.id = js.job_id
           LEFT JOIN department d ON d.id = e.department_id
          WHERE js.skill_id = @skillId AND ${ACTIVE_EMPLOYEE} ${departmentFilter})
       SELECT r.employee_id AS employeeId, r.first_name AS firstName, r.last_name AS lastName, r.department_name AS departmentName,
              r.job_title AS jobTitle, r.required_level AS requiredLevel, r.required_factor AS requiredFactor,
              r.current_level AS currentLevel, cf.factor AS currentFactor
         FROM requirement r LEFT JOIN rating_level cf ON cf.rating_model_id = r.rating_model_id AND cf.value = r.current_level`,
    )
    .all({ skillId: input.skillId, departmentId: input.departmentId ?? null, asOf: input.asOf }) as GapPersonRow[];
}
