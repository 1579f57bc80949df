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
  // One pass over the history (read in the order of its covering index) gives both the rises per month
  // and the people who grew; entries after the period cannot be an earlier entry's predecessor.
  const rows = ctx.store.raw
    .prepare(
      `WITH ordered AS (
         SELECT employee_id, level, effective_date,
                lag(level) OVER (PARTITION BY employee_id, skill_id ORDER BY effective_date, recorded_at) AS previous
           FROM employee_skill WHERE effective_date <= @to),
       rise AS MATERIALIZED (
         SELECT employee_id, substr(effective_date, 1, 7) AS month
           FROM ordered
          WHERE effective_date >= @from AND level IS NOT NULL AND (previous IS NULL OR level > previous))
       SELECT month, count(*) AS count FROM rise GROUP BY month
       UNION ALL
       SELECT NULL, count(DISTINCT employee_id) FROM rise
       ORDER BY month`,
    )
    .all({ from, to }) as { month: string | null; count: number }[];
  const rises = rows.filter((row): row is { month: string; count: number } => row.month !== null);
  const people = rows.find((row) => row.month === null)?.count ?? 0;
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
