import type { questionnairesApi } from '../../../src-shared/api/questionnaires';

/** One valid input per questionnaire method (see api-properties.test.ts). */
export const QUESTIONNAIRE_EXAMPLES: Record<keyof typeof questionnairesApi, Record<string, unknown>> = {};
