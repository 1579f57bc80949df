import type { PlanHit } from '../../../src-shared/api/succession';
import { LABEL_SEPARATOR } from '../../../src-shared/domain/people-labels';
import type { ServiceContext } from '../context';
import { containsPattern } from '../shared/grid-view-sql';
import { jsonIds } from './common';
import { LISTED_PLAN, PLAN_LABEL } from './plans';

/*
 * Plans found where they are, for grid cells and pickers that point to a plan (a plan per key
 * position: 5,000 at 50,000 people, too many to list): a type-ahead over their labels, texts
 * resolved to plans, labels for the plans rows hold. Labels are the plans' own (PLAN_LABEL).
 */

const JOB_LABEL = `(CASE WHEN j.level IS NOT NULL AND j.level <> '' THEN j.title || ' (' || j.level || ')' ELSE j.title END)`;
const HIT_SQL = `SELECT sp.id, sp.position_id AS positionId, sp.job_id AS jobId, ${PLAN_LABEL} AS label, coalesce(p.title, ${JOB_LABEL}) AS title,
    (sp.archived = 0 AND ${LISTED_PLAN}) AS listed, j.title AS jobTitle
  FROM succession_plan sp
  LEFT JOIN position p ON p.id = sp.position_id
  LEFT JOIN department d ON d.id = p.department_id
  LEFT JOIN job j ON j.id = sp.job_id`;
const LISTED = `sp.archived = 0 AND ${LISTED_PLAN}`;

type HitRow = Omit<PlanHit, 'listed'> & { listed: number; jobTitle: string | null };
const toHit = ({ listed, jobTitle: _jobTitle, ...row }: HitRow): PlanHit => ({ ...row, listed: Boolean(listed) });

/**
 * A position's plan: its active one (through the index of active plans by position), else its
 * latest archived one, for the few positions without an active plan.
 */
function plansOfPositions(ctx: ServiceContext, positionIds: string[]): HitRow[] {
  const db = ctx.store.raw;
  const active = db.prepare(`${HIT_SQL} WHERE sp.position_id IN (SELECT value FROM json_each(?)) AND sp.archived = 0`).all(jsonIds(positionIds)) as HitRow[];
  const found = new Set(active.map((row) => row.positionId));
  const rest = positionIds.filter((id) => !found.has(id));
  const latest = rest.length
    ? (db.prepare(`${HIT_SQL} WHERE sp.id IN (SELECT (SELECT s.id FROM succession_plan s WHERE s.position_id = value ORDER BY s.updated_at DESC LIMIT 1) FROM json_each(?))`).all(jsonIds(rest)) as HitRow[])
    : [];
  return [...active, ...latest];
}

/** More plans than this for one position title are not listed (a paste naming one is ambiguous either way). */
const MAX_NAMESAKES = 500;

/**
 * Type-ahead: listed plans whose label contains every word typed; those whose position title or job
 * starts with the text first, then by label. With `ids` or `positionIds`, those plans, listed or not.
 */
export function searchPlans(
  ctx: ServiceContext,
  input: { query?: string; of?: 'position' | 'job'; ids?: string[]; positionIds?: string[]; limit?: number },
): { rows: PlanHit[]; more: boolean } {
  const db = ctx.store.raw;
  if (input.ids || input.positionIds) {
    const byIds = input.ids ? (db.prepare(`${HIT_SQL} WHERE sp.id IN (SELECT value FROM json_each(?))`).all(jsonIds(input.ids)) as HitRow[]) : [];
    const byPositions = input.positionIds ? plansOfPositions(ctx, input.positionIds) : [];
    const rows = [...byIds, ...byPositions].map(toHit);
    return { rows: input.of ? rows.filter((row) => (input.of === 'position' ? row.positionId : row.jobId)) : rows, more: false };
  }
  const limit = input.limit ?? 50;
  const query = (input.query ?? '').trim().replace(/\s+/g, ' ');
  const words = query ? query.split(' ') : [];
  const where = [LISTED, ...words.map((_, i) => `${PLAN_LABEL} LIKE @w${i} ESCAPE '\\'`)];
  if (input.of) where.push(input.of === 'position' ? 'sp.position_id IS NOT NULL' : 'sp.job_id IS NOT NULL');
  const params: Record<string, string> = Object.fromEntries(words.map((word, i) => [`w${i}`, containsPattern(word)]));
  const first = query ? `(coalesce(p.title, j.title) LIKE @prefix ESCAPE '\\') DESC, ` : '';
  // `text%`: the position's title or the job's starts with what was typed.
  if (query) params.prefix = containsPattern(query).slice(1);
  const rows = db.prepare(`${HIT_SQL} WHERE ${where.join(' AND ')} ORDER BY ${first}sp.job_id IS NOT NULL, ${PLAN_LABEL} COLLATE NOCASE, sp.id LIMIT ${limit + 1}`).all(params) as HitRow[];
  return { rows: rows.slice(0, limit).map(toHit), more: rows.length > limit };
}

/**
 * Each text's listed plans: by label ("Head of Sales · Sales", "Job: Analyst (L2)"), id (the plan's
 * or its position's), position title or job (any case), so the grid matches them as it matches a
 * listed option (an exact label first, then a title only one plan has).
 */
export function resolvePlans(ctx: ServiceContext, texts: string[]): PlanHit[][] {
  const db = ctx.store.raw;
  const byId = db.prepare(`${HIT_SQL} WHERE (sp.id = @text OR sp.position_id = @text) AND ${LISTED}`);
  // Position titles through the title index; the plans of jobs are few and read once.
  const byTitle = db.prepare(`${HIT_SQL} WHERE p.id IN (SELECT id FROM position WHERE title = ? COLLATE NOCASE) AND ${LISTED} LIMIT ${MAX_NAMESAKES}`);
  let jobPlans: HitRow[] | undefined;
  const cache = new Map<string, PlanHit[]>();
  const resolve = (text: string): PlanHit[] => {
    const key = text.toLowerCase();
    const found = new Map<string, PlanHit>();
    const add = (rows: HitRow[]) => rows.forEach((row) => found.set(row.id, toHit(row)));
    add(byId.all({ text }) as HitRow[]);
    add(byTitle.all(text) as HitRow[]);
    const cut = text.lastIndexOf(LABEL_SEPARATOR.trim());
    if (cut > 0) add((byTitle.all(text.slice(0, cut).trim()) as HitRow[]).filter((row) => row.label.toLowerCase() === key));
    jobPlans ??= db.prepare(`${HIT_SQL} WHERE sp.job_id IS NOT NULL AND ${LISTED}`).all() as HitRow[];
    add(jobPlans.filter((row) => [row.label, row.title, row.jobTitle].some((name) => name?.toLowerCase() === key)));
    return [...found.values()];
  };
  return texts.map((raw) => {
    const text = raw.trim();
    if (!text) return [];
    const key = text.toLowerCase();
    if (!cache.has(key)) cache.set(key, resolve(text));
    return cache.get(key)!;
  });
}

/** How many plans the plans page lists, and the successors named on them. */
export function planTotals(ctx: ServiceContext): { plans: number; successors: number } {
  return ctx.store.raw.prepare(`SELECT count(*) AS plans, coalesce(sum((SELECT count(*) FROM succession_nomination n WHERE n.plan_id = sp.id AND n.archived = 0)), 0) AS successors
    FROM succession_plan sp LEFT JOIN position p ON p.id = sp.position_id WHERE ${LISTED}`).get() as { plans: number; successors: number };
}
