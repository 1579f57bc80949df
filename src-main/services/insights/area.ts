import { insightsArea } from '../../../src-shared/api/insights';
import { defineMainArea } from '../../area';
import { AnalyticsTallies0014 } from '../../store/migrations/0014-analytics-tallies';
import { insightsHandlers } from './handlers';

// The tallies serve the skills and reviews analytics that Insights summarises.
export const insightsMain = defineMainArea({
  contract: insightsArea,
  handlers: insightsHandlers,
  migrations: [AnalyticsTallies0014],
});
