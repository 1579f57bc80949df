import type { insightsArea } from '../../../src-shared/api/insights';
import type { AreaHandlers } from '../../api/types';
import { getPerformanceKpis } from './performance-kpis';
import { getSkillKpis } from './skill-kpis';

export const insightsHandlers: AreaHandlers<typeof insightsArea.methods> = {
  'insights.getSkillKpis': (input, ctx) => getSkillKpis(ctx, input),
  'insights.getPerformanceKpis': (input, ctx) => getPerformanceKpis(ctx, input),
};
