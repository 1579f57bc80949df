import type { SkillKpis } from '../../../src-shared/api';
import { todayIso } from '../../../src-shared/domain/dates';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { getOrgGapSummary } from '../skills/gaps';

/** A level above the one before it, or a first level (also after the skill was removed): the condition of employee_skill_rises. */
const RISE = (es: string) => `${es}.level IS NOT NULL AND (${es}.previous_level IS NULL OR ${es}.level > ${es}.previous_level)`;

const yearBefore = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;

/** Coverage and top gaps on a date, and skill growth (level rises) over a period. */
export async function getSkillKpis(ctx: ServiceContext, input: { from?: string; to?: string; asOf?: string }): Promise<SkillKpis> {
  const to = input.to ?? todayIso();
  const from = input.from ?? yearBefore(to);
  if (from > to) throw new AppError('VALIDATION', 'The period starts after it ends.', [{ path: ['from'], field: 'from', message: 'Choose a start on or before the end.' }]);
  const asOf = input.asOf ?? to;
  const summary = await getOrgGapSummary(ctx, { asOf, limit: 10 });
  // Each entry knows the level before it (migration 18), so a rise is an entry of the period above its
  // previous level (or after none, or after a removal): counted by day in the order of the date index,
  // then by month; whether a person grew is one seek each into their rises.
  const db = ctx.store.raw;
  const rises = db
    .prepare(
      `SELECT substr(day, 1, 7) AS month, sum(rises) AS count FROM (
         SELECT es.effective_date AS day, count(*) AS rises FROM employee_skill es INDEXED BY employee_skill_by_date
          WHERE es.effective_date BETWEEN @from AND @to AND ${RISE('es')}
          GROUP BY es.effective_date)
        GROUP BY month ORDER BY month`,
    )
    .all({ from, to }) as { month: string; count: number }[];
  const { people } = db
    .prepare(
      `SELECT count(*) AS people FROM employee e
        WHERE EXISTS (SELECT 1 FROM employee_skill es INDEXED BY employee_skill_rises
                       WHERE es.employee_id = e.id AND es.effective_date BETWEEN @from AND @to AND ${RISE('es')})`,
    )
    .get({ from, to }) as { people: number };
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
