import { insightsArea } from '../../../src-shared/api/insights';
import { defineMainArea } from '../../area';
import { Reserved0010, Reserved0011, Reserved0012, Reserved0013 } from '../../store/migrations/0010-0013-reserved';
import { AnalyticsTallies0014 } from '../../store/migrations/0014-analytics-tallies';
import { insightsHandlers } from './handlers';

// The tallies serve the skills and reviews analytics that Insights summarises.
export const insightsMain = defineMainArea({
  contract: insightsArea,
  handlers: insightsHandlers,
  migrations: [Reserved0010, Reserved0011, Reserved0012, Reserved0013, AnalyticsTallies0014],
});
