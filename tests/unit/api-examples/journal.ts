import type { journalApi } from '../../../src-shared/api/journal';

/** One valid input per journal and goal-library method (see api-properties.test.ts). */
export const JOURNAL_EXAMPLES: Record<keyof typeof journalApi, Record<string, unknown>> = {};
