import type { insightsArea } from '../../../src-shared/api/insights';
import type { Examples } from './ids';

/** One valid input per insights method (see api-properties.test.ts): the malformed ones are derived from it. */
export const examples: Examples<typeof insightsArea.methods> = {
  'insights.getSkillKpis': { from: '2025-01-01' },
  'insights.getPerformanceKpis': { from: '2025-01-01', to: '2025-12-31' },
};
