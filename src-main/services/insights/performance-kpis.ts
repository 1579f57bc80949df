import type { PerformanceKpis } from '../../../src-shared/api';
import { todayIso } from '../../../src-shared/domain/dates';
import { percentOf } from '../../../src-shared/domain/review-reports';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { getCycleProgress, getRatingDistribution } from '../reviews/reports';

const yearBefore = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;

// Individual goals whose period overlaps [from, to]; cancelled and archived ones do not count.
const GOALS_SQL = `
  SELECT count(*) AS total,
         coalesce(sum(status = 'achieved'), 0) AS achieved,
         coalesce(sum(status = 'missed'), 0) AS missed,
         coalesce(sum(aligned_to_id IS NOT NULL), 0) AS aligned
    FROM goal
   WHERE scope = 'individual' AND archived = 0 AND status <> 'cancelled' AND period_start <= @to AND period_end >= @from`;

const CYCLES_SQL = `
  SELECT id, name, status, due_date AS dueDate FROM review_cycle
   WHERE launched_at IS NOT NULL AND archived = 0 ORDER BY period_start, name`;

/** Goal completion and alignment over a period (default: the year to today) and, per launched cycle, on-time completion and ratings. */
export async function getPerformanceKpis(ctx: ServiceContext, input: { from?: string; to?: string }): Promise<PerformanceKpis> {
  const to = input.to ?? todayIso();
  const from = input.from ?? yearBefore(to);
  if (from > to) throw new AppError('VALIDATION', 'The period starts after it ends.', [{ path: ['from'], field: 'from', message: 'Choose a start on or before the end.' }]);
  const goals = ctx.store.raw.prepare(GOALS_SQL).get({ from, to }) as { total: number; achieved: number; missed: number; aligned: number };
  const cycles = ctx.store.raw.prepare(CYCLES_SQL).all() as { id: string; name: string; status: string; dueDate: string }[];
  return {
    from,
    to,
    goals: {
      total: goals.total,
      achieved: goals.achieved,
      missed: goals.missed,
      completionRate: percentOf(goals.achieved, goals.achieved + goals.missed),
      achievedOfAll: percentOf(goals.achieved, goals.total),
    },
    alignment: { goals: goals.total, aligned: goals.aligned, rate: percentOf(goals.aligned, goals.total) },
    cycles: await Promise.all(cycles.map((cycle) => cycleKpis(ctx, cycle))),
  };
}

async function cycleKpis(ctx: ServiceContext, cycle: { id: string; name: string; status: string; dueDate: string }): Promise<PerformanceKpis['cycles'][number]> {
  const progress = await getCycleProgress(ctx, { cycleId: cycle.id });
  const ratings = await getRatingDistribution(ctx, { cycleId: cycle.id });
  return {
    cycleId: cycle.id,
    name: cycle.name,
    status: cycle.status,
    dueDate: cycle.dueDate,
    reviews: progress.total,
    completed: progress.byStatus.complete,
    completedOnTime: progress.completedOnTime,
    onTimeRate: percentOf(progress.completedOnTime, progress.total),
    levels: ratings.levels,
    rated: ratings.rated,
    average: ratings.average,
  };
}
