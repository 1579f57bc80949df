import type { SkillKpis } from '../../../src-shared/api';
import { todayIso } from '../../../src-shared/domain/dates';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { getOrgGapSummary } from '../skills/gaps';

const yearBefore = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;

/** Coverage and top gaps on a date, and skill growth (level rises) over a period. */
export async function getSkillKpis(ctx: ServiceContext, input: { from?: string; to?: string; asOf?: string }): Promise<SkillKpis> {
  const to = input.to ?? todayIso();
  const from = input.from ?? yearBefore(to);
  if (from > to) throw new AppError('VALIDATION', 'The period starts after it ends.', [{ path: ['from'], field: 'from', message: 'Choose a start on or before the end.' }]);
  const asOf = input.asOf ?? to;
  const summary = await getOrgGapSummary(ctx, { asOf, limit: 10 });
  const rises = ctx.store.raw
    .prepare(
      `WITH ordered AS (
         SELECT employee_id, level, effective_date,
                lag(level) OVER (PARTITION BY employee_id, skill_id ORDER BY effective_date, recorded_at) AS previous
           FROM employee_skill)
       SELECT substr(effective_date, 1, 7) AS month, count(*) AS count, count(DISTINCT employee_id) AS people
         FROM ordered
        WHERE effective_date BETWEEN ? AND ? AND level IS NOT NULL AND (previous IS NULL OR level > previous)
        GROUP BY month ORDER BY month`,
    )
    .all(from, to) as { month: string; count: number; people: number }[];
  const { people } = ctx.store.raw
    .prepare(
      `WITH ordered AS (SELECT employee_id, level, effective_date, lag(level) OVER (PARTITION BY employee_id, skill_id ORDER BY effective_date, recorded_at) AS previous FROM employee_skill)
       SELECT count(DISTINCT employee_id) AS people FROM ordered WHERE effective_date BETWEEN ? AND ? AND level IS NOT NULL AND (previous IS NULL OR level > previous)`,
    )
    .get(from, to) as { people: number };
  return {
    asOf,
    from,
    to,
    coverage: summary.coverage,
    requirements: summary.requirements,
    met: summary.met,
    skillsAcquired: rises.reduce((sum, r) => sum + r.count, 0),
    peopleWhoGrew: people,
    topGaps: summary.topSkills.map(({ skillId, name, unmet, averageGap }) => ({ skillId, name, unmet, averageGap })),
    acquiredByMonth: rises.map(({ month, count }) => ({ month, count })),
  };
}
