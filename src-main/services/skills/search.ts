// Skill search (people ranked by weighted match against skill criteria) and saved searches.
import type { z } from 'zod';
import type { savedSearch, SkillSearchInput, skillSearchResult } from '../../../src-shared/api';
import { requirementMet, roundTo } from '../../../src-shared/domain/skills';
import { AppError, notFound } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { saveRecord, type RecordSpec } from '../shared/records';
import { fullName } from '../shared/lookups';
import { ACTIVE_EMPLOYEE, assertExists, resolveAsOf, SUBTREE_CTE } from './gaps';

type SearchResult = z.infer<typeof skillSearchResult>;
type SavedSearch = z.infer<typeof savedSearch>;

// ---- Search ----------------------------------------------------------------------------------

interface ResolvedCriterion {
  skillId: string;
  requiredFactor: number;
  weight: number;
}

interface RankedRow {
  employeeId: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  departmentName: string | null;
  location: string | null;
  match: number;
  /** JSON array of [criterion index, level, factor] for the criteria the person has a history in; null when none. */
  evidence: string | null;
  total: number;
}

/**
 * People ranked by weighted match (0-100) against the criteria: a criterion counts fully when the
 * current factor reaches the factor of its minimum level, partly (current/required factor) below it.
 * Only people with some match are listed; `total` counts them all, `rows` is the first `limit`.
 */
export async function searchBySkills(ctx: ServiceContext, input: SkillSearchInput): Promise<SearchResult> {
  const criteria = resolveCriteria(ctx, input.criteria);
  assertFiltersExist(ctx, input);
  const freeWeight = sumWeights(criteria.filter((criterion) => criterion.requiredFactor <= 0));
  const rows = ctx.store.raw.prepare(searchSql(input, freeWeight > 0)).all({
    criteria: JSON.stringify(criteria),
    freeWeight,
    totalWeight: sumWeights(criteria),
    asOf: resolveAsOf(input.asOf),
    departmentId: input.departmentId ?? null,
    jobId: input.jobId ?? null,
    location: input.location ?? null,
    limit: input.limit ?? 100,
  }) as RankedRow[];
  return { rows: rows.map((row) => toResultRow(row, criteria)), total: rows[0]?.total ?? 0 };
}

const sumWeights = (criteria: ResolvedCriterion[]) => criteria.reduce((sum, criterion) => sum + criterion.weight, 0);

function toResultRow(row: RankedRow, criteria: ResolvedCriterion[]): SearchResult['rows'][number] {
  const evidence = new Map((JSON.parse(row.evidence ?? '[]') as [number, number | null, number | null][]).map(([index, level, factor]) => [index, { level, factor }]));
  return {
    employeeId: row.employeeId,
    name: fullName(row.firstName, row.lastName),
    jobTitle: row.jobTitle,
    departmentName: row.departmentName,
    location: row.location,
    match: roundTo(row.match, 1),
    levels: criteria.map((criterion, index) => {
      const current = evidence.get(index);
      return { skillId: criterion.skillId, level: current?.level ?? null, meets: requirementMet(criterion.requiredFactor, current?.factor ?? null) };
    }),
  };
}

/**
 * One statement. Only the criteria skills' histories are read: each is reduced to the entry in force
 * (SQLite takes bare columns from the row holding max(), and effective_date is fixed-width, so the
 * concatenation orders by date, then recording time), scored per person like weightedMatch (a missing
 * level earns nothing) and ranked. Criteria whose minimum level has factor 0 are met by everyone
 * (@freeWeight); only then can a person with no history in the criteria skills match at all.
 */
function searchSql(input: SkillSearchInput, everyoneMatches: boolean): string {
  const filters = [
    ACTIVE_EMPLOYEE,
    input.departmentId ? 'e.department_id IN (SELECT id FROM subtree)' : '',
    input.jobId ? 'e.job_id = @jobId' : '',
    input.location ? 'e.location = @location COLLATE NOCASE' : '',
  ].filter(Boolean);
  const people = everyoneMatches ? 'employee e LEFT JOIN evidence ev ON ev.employee_id = e.id' : 'evidence ev JOIN employee e ON e.id = ev.employee_id';
  const order = 'r.match DESC, r.last_name COLLATE NOCASE, r.first_name COLLATE NOCASE, r.id';
  return `
    WITH RECURSIVE ${SUBTREE_CTE},
    criterion AS MATERIALIZED (
      SELECT c.key AS ord, c.value ->> 'skillId' AS skill_id, c.value ->> 'requiredFactor' AS required_factor, c.value ->> 'weight' AS weight, s.rating_model_id
        FROM json_each(@criteria) c JOIN skill s ON s.id = c.value ->> 'skillId'),
    latest AS (
      SELECT es.employee_id, es.skill_id, es.level, max(es.effective_date || es.recorded_at)
        FROM employee_skill es
       WHERE es.skill_id IN (SELECT skill_id FROM criterion) AND es.effective_date <= @asOf
       GROUP BY es.employee_id, es.skill_id),
    evidence AS (
      SELECT l.employee_id,
             sum(CASE WHEN cr.required_factor > 0 THEN cr.weight * min(coalesce(cf.factor, 0), cr.required_factor) * 1.0 / cr.required_factor ELSE 0 END) AS earned,
             json_group_array(json_array(cr.ord, l.level, cf.factor)) AS evidence
        FROM latest l JOIN criterion cr ON cr.skill_id = l.skill_id
        LEFT JOIN rating_level cf ON cf.rating_model_id = cr.rating_model_id AND cf.value = l.level
       GROUP BY l.employee_id),
    ranked AS (
      SELECT e.id, e.first_name, e.last_name, e.job_id, e.department_id, e.location, ev.evidence,
             100.0 * (@freeWeight + coalesce(ev.earned, 0)) / @totalWeight AS match
        FROM ${people}
       WHERE ${filters.join(' AND ')}),
    page AS (
      SELECT r.*, count(*) OVER () AS total FROM ranked r WHERE r.match > 0 ORDER BY ${order} LIMIT @limit)
    SELECT r.id AS employeeId, r.first_name AS firstName, r.last_name AS lastName, j.title AS jobTitle, d.name AS departmentName,
           r.location, r.match, r.evidence, r.total
      FROM page r LEFT JOIN job j ON j.id = r.job_id LEFT JOIN department d ON d.id = r.department_id
     ORDER BY ${order}`;
}

/** Criteria with the factor of each minimum level; an unknown skill, a repeated one or a level outside its model is a VALIDATION error. */
function resolveCriteria(ctx: ServiceContext, criteria: SkillSearchInput['criteria']): ResolvedCriterion[] {
  const factorOf = ctx.store.raw.prepare(`SELECT s.name, rl.factor FROM skill s LEFT JOIN rating_level rl ON rl.rating_model_id = s.rating_model_id AND rl.value = ? WHERE s.id = ?`);
  const seen = new Set<string>();
  return criteria.map((criterion, index) => {
    const issue = (field: string, message: string) => new AppError('VALIDATION', message, [{ path: ['criteria', index, field], field, message }]);
    const skill = factorOf.get(criterion.minLevel, criterion.skillId) as { name: string; factor: number | null } | undefined;
    if (!skill) throw issue('skillId', `Skill ${criterion.skillId} does not exist.`);
    if (seen.has(criterion.skillId)) throw issue('skillId', `"${skill.name}" is in the criteria twice.`);
    if (skill.factor === null) throw issue('minLevel', `Level ${criterion.minLevel} is not in the rating model of "${skill.name}".`);
    seen.add(criterion.skillId);
    return { skillId: criterion.skillId, requiredFactor: skill.factor, weight: criterion.weight ?? 1 };
  });
}

function assertFiltersExist(ctx: ServiceContext, input: Pick<SkillSearchInput, 'departmentId' | 'jobId'>): void {
  if (input.departmentId) assertExists(ctx, 'department', input.departmentId, 'The department');
  if (input.jobId) assertExists(ctx, 'job', input.jobId, 'The job');
}

// ---- Saved searches ---------------------------------------------------------------------------

interface SavedSearchRow {
  id: string;
  name: string;
  criteria: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const SAVED_COLUMNS = `id, name, criteria, created_at AS createdAt, updated_at AS updatedAt, version`;
const SAVED_SEARCH_TABLE = 'saved_skill_search';

const toSavedSearch = (row: SavedSearchRow): SavedSearch => ({ ...row, criteria: JSON.parse(row.criteria) as SkillSearchInput });

export async function listSavedSearches(ctx: ServiceContext): Promise<{ rows: SavedSearch[] }> {
  const rows = ctx.store.raw.prepare(`SELECT ${SAVED_COLUMNS} FROM saved_skill_search ORDER BY name COLLATE NOCASE`).all() as SavedSearchRow[];
  return { rows: rows.map(toSavedSearch) };
}

type SaveSearchInput = { id?: string; version?: number; name: string; criteria: SkillSearchInput };

const savedSearchSpec: RecordSpec<SavedSearch, SaveSearchInput> = {
  table: SAVED_SEARCH_TABLE,
  noun: 'saved search',
  load: (ctx, id) => {
    const row = findSaved(ctx, id);
    return row && toSavedSearch(row);
  },
  unique: [{ field: 'name' }],
  check(ctx, input) {
    resolveCriteria(ctx, input.criteria.criteria);
    assertFiltersExist(ctx, input.criteria);
    return [];
  },
  columns: (input) => ({ name: input.name, criteria: JSON.stringify(input.criteria) }),
};

/** Creates a saved search, or replaces one (given its id and the version the user started from). */
export const saveSearch = (ctx: ServiceContext, input: SaveSearchInput) => saveRecord(ctx, savedSearchSpec, input);

export async function deleteSearch(ctx: ServiceContext, input: { id: string }): Promise<{ ok: true }> {
  const before = findSaved(ctx, input.id);
  if (!before) throw notFound('The saved search');
  ctx.store.raw.prepare(`DELETE FROM saved_skill_search WHERE id = ?`).run(input.id);
  await recordAudit(ctx, [{ entity: SAVED_SEARCH_TABLE, entityId: input.id, action: 'delete', before: toSavedSearch(before) }]);
  return { ok: true };
}

const findSaved = (ctx: ServiceContext, id: string) =>
  ctx.store.raw.prepare(`SELECT ${SAVED_COLUMNS} FROM saved_skill_search WHERE id = ?`).get(id) as SavedSearchRow | undefined;
