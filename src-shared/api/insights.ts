import { z } from 'zod';
import { calendarDate, read } from './common';

export const skillKpis = z.strictObject({
  asOf: z.string(),
  from: z.string(),
  to: z.string(),
  coverage: z.number(),
  requirements: z.number().int(),
  met: z.number().int(),
  /** Level rises (including first levels) with an effective date in the period. */
  skillsAcquired: z.number().int(),
  peopleWhoGrew: z.number().int(),
  topGaps: z.array(z.strictObject({ skillId: z.string(), name: z.string(), unmet: z.number().int(), averageGap: z.number() })),
  acquiredByMonth: z.array(z.strictObject({ month: z.string(), count: z.number().int() })),
});
export type SkillKpis = z.infer<typeof skillKpis>;

export const insightsApi = {
  'insights.getSkillKpis': read(z.strictObject({ from: calendarDate.optional(), to: calendarDate.optional(), asOf: calendarDate.optional() }), skillKpis),
};
