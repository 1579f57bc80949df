import { insightsArea } from '../../../src-shared/api/insights';
import { defineMainArea } from '../../area';
import { insightsHandlers } from './handlers';

export const insightsMain = defineMainArea({ contract: insightsArea, handlers: insightsHandlers });
