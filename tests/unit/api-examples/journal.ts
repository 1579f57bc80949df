import type { journalApi } from '../../../src-shared/api/journal';
import { ID } from './ids';

/** One valid input per journal and goal-library method (see api-properties.test.ts). */
export const JOURNAL_EXAMPLES: Record<keyof typeof journalApi, Record<string, unknown>> = {
  'reviews.listJournalEntries': { employeeId: ID, kind: 'praise', from: '2025-01-01', search: 'deadline' },
  'reviews.listJournalLinkOptions': { employeeId: ID },
  'reviews.saveJournalEntries': { rows: [{ values: { employeeId: ID, date: '2025-03-01', kind: 'praise', shared: true, text: 'Great demo.' } }] },
  'reviews.archiveJournalEntries': { ids: [ID] },
  'goals.listGoalLibrary': { search: 'sales' },
  'goals.saveGoalLibrary': { rows: [{ values: { title: 'Close 10 deals', unit: 'number', targetValue: 10, stretch: false, suggestedWeight: 20 } }] },
  'goals.archiveGoalLibrary': { ids: [ID] },
  'goals.copyFromLibrary': { itemId: ID, employeeIds: [ID], periodStart: '2026-01-01', periodEnd: '2026-12-31' },
};
