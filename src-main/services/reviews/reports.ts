// Cycle reports: progress (by status, by department, overdue, on time) from a tally kept on write,
// and the rating distribution, one set-based query over the cycle's reviews; the bucketing into
// scale levels is pure (domain/review-reports).
import { REVIEW_STATUSES, type CycleProgress, type RatingDistribution, type ReviewStatus } from '../../../src-shared/api';
import { todayIso } from '../../../src-shared/domain/dates';
import { distributeRatings, percentOf, type ScaleLevel } from '../../../src-shared/domain/review-reports';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';

export interface CycleFacts {
  id: string;
  name: string;
  dueDate: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  /** The levels the cycle rates with: its launch copy, or the live scale's while a draft. */
  levels: ScaleLevel[];
}

export function getCycleFacts(ctx: ServiceContext, cycleId: string): CycleFacts {
  const row = ctx.store.raw
    .prepare(
      `SELECT c.id, c.name, c.due_date AS dueDate, c.period_start AS periodStart, c.period_end AS periodEnd, c.status,
              coalesce(c.levels_snapshot, s.levels) AS levels
         FROM review_cycle c JOIN rating_scale s ON s.id = c.rating_scale_id WHERE c.id = ?`,
    )
    .get(cycleId) as (Omit<CycleFacts, 'levels'> & { levels: string }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'The review cycle does not exist (it may have been deleted).');
  return { ...row, levels: JSON.parse(row.levels) as ScaleLevel[] };
}

const emptyByStatus = (): Record<ReviewStatus, number> => Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;

interface ProgressRow extends Record<ReviewStatus, number> {
  departmentId: string | null;
  departmentName: string | null;
  onTime: number;
  late: number;
}

// From the tally kept on write (migration 14): one row per department of the cycle with its count
// of reviews in each status, so the cost follows the number of departments, not of reviews.
// Completion is on time when its (UTC) date is on or before the cycle's due date; department '' is
// a review without one.
const PROGRESS_SQL = `
  SELECT nullif(t.department_id, '') AS departmentId,
         CASE WHEN p.parent_id IS NOT NULL THEN d.name || ' · ' || p.name ELSE d.name END AS departmentName,
         ${REVIEW_STATUSES.map((status) => `t.${status}`).join(', ')}, t.on_time AS onTime, t.late
    FROM review_progress_tally t
    LEFT JOIN department d ON d.id = t.department_id
    LEFT JOIN department p ON p.id = d.parent_id
   WHERE t.cycle_id = @cycleId`;

/** Department names in the user's language order (Intl.Collator: the order of localeCompare, much faster over thousands). */
const byName = new Intl.Collator().compare;

/** Reviews of a cycle by status, overall and per department (as it was at launch); overdue as of `asOf` (today). */
export async function getCycleProgress(ctx: ServiceContext, input: { cycleId: string; asOf?: string }): Promise<CycleProgress> {
  const cycle = getCycleFacts(ctx, input.cycleId);
  const rows = ctx.store.raw.prepare(PROGRESS_SQL).all({ cycleId: cycle.id }) as ProgressRow[];
  const overdueNow = cycle.dueDate < (input.asOf ?? todayIso());
  const progress: CycleProgress = { cycleId: cycle.id, total: 0, byStatus: emptyByStatus(), overdue: 0, completedOnTime: 0, completedLate: 0, departments: [] };
  for (const row of rows) {
    const byStatus = emptyByStatus();
    for (const status of REVIEW_STATUSES) byStatus[status] = row[status];
    const total = REVIEW_STATUSES.reduce((sum, status) => sum + row[status], 0);
    if (total === 0) continue;
    const overdue = overdueNow ? total - row.complete : 0;
    progress.total += total;
    for (const status of REVIEW_STATUSES) progress.byStatus[status] += row[status];
    progress.overdue += overdue;
    progress.completedOnTime += row.onTime;
    progress.completedLate += row.late;
    progress.departments.push({ departmentId: row.departmentId, departmentName: row.departmentName ?? 'No department', total, byStatus, overdue, completionRate: percentOf(row.complete, total) });
  }
  progress.departments.sort((a, b) => byName(a.departmentName, b.departmentName));
  return progress;
}

// Distinct final ratings (NULL = unrated) with their counts: few (the scale's values plus
// computed means) even at 10,000 reviews.
const RATINGS_SQL = `
  SELECT final_rating AS rating, count(*) AS count FROM review WHERE cycle_id = @cycleId GROUP BY final_rating`;

const DEPARTMENT_RATINGS_SQL = `
  WITH RECURSIVE sub(id) AS (SELECT @departmentId UNION ALL SELECT d.id FROM department d JOIN sub ON d.parent_id = sub.id)
  SELECT final_rating AS rating, count(*) AS count FROM review
   WHERE cycle_id = @cycleId AND department_id IN (SELECT id FROM sub)
   GROUP BY final_rating`;

/** Final ratings of a cycle counted at the nearest scale level; optionally one department with its sub-departments. */
export async function getRatingDistribution(ctx: ServiceContext, input: { cycleId: string; departmentId?: string }): Promise<RatingDistribution> {
  const cycle = getCycleFacts(ctx, input.cycleId);
  const groups = input.departmentId
    ? ctx.store.raw.prepare(DEPARTMENT_RATINGS_SQL).all({ cycleId: cycle.id, departmentId: input.departmentId })
    : ctx.store.raw.prepare(RATINGS_SQL).all({ cycleId: cycle.id });
  const rows = groups as { rating: number | null; count: number }[];
  const rated = rows.filter((row): row is { rating: number; count: number } => row.rating !== null);
  const unrated = rows.find((row) => row.rating === null)?.count ?? 0;
  return { cycleId: cycle.id, ...distributeRatings(cycle.levels, rated), unrated };
}
