import type { questionnairesApi } from '../../../src-shared/api/questionnaires';
import type { AreaHandlers } from '../handlers';

export const questionnaireHandlers: AreaHandlers<typeof questionnairesApi> = {};
