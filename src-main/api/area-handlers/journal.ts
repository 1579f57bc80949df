import type { journalApi } from '../../../src-shared/api/journal';
import type { AreaHandlers } from '../handlers';

export const journalHandlers: AreaHandlers<typeof journalApi> = {};
