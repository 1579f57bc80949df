import { z } from 'zod';
import { calendarDate, defineArea, read } from './common';

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

const levelCount = z.strictObject({ value: z.number(), label: z.string(), count: z.number().int(), percent: z.number() });

export const performanceKpis = z.strictObject({
  from: z.string(),
  to: z.string(),
  /** Individual goals whose period overlaps the period (not archived, not cancelled). */
  goals: z.strictObject({
    total: z.number().int(),
    achieved: z.number().int(),
    missed: z.number().int(),
    /** Achieved / closed (achieved + missed), 0–100. */
    completionRate: z.number(),
    /** Achieved / all of them, 0–100. */
    achievedOfAll: z.number(),
  }),
  /** Individual goals of the period that are aligned to a higher goal. */
  alignment: z.strictObject({ goals: z.number().int(), aligned: z.number().int(), rate: z.number() }),
  /** Launched review cycles, oldest first. */
  cycles: z.array(
    z.strictObject({
      cycleId: z.string(),
      name: z.string(),
      status: z.string(),
      dueDate: z.string(),
      reviews: z.number().int(),
      completed: z.number().int(),
      completedOnTime: z.number().int(),
      /** Completed by the due date / all reviews, 0–100. */
      onTimeRate: z.number(),
      levels: z.array(levelCount),
      rated: z.number().int(),
      average: z.number().nullable(),
    }),
  ),
});
export type PerformanceKpis = z.infer<typeof performanceKpis>;

export const insightsArea = defineArea({
  key: 'insights',
  label: 'Insights',
  summary: 'KPIs and reports across every area.',
  methods: {
    'insights.getSkillKpis': read(z.strictObject({ from: calendarDate.optional(), to: calendarDate.optional(), asOf: calendarDate.optional() }), skillKpis, ['skills', 'people']),
    'insights.getPerformanceKpis': read(z.strictObject({ from: calendarDate.optional(), to: calendarDate.optional() }), performanceKpis, ['goals', 'reviews', 'people']),
  },
});
