import type { journalMethods } from '../../../src-shared/api/reviews/journal';
import { ID, type Examples } from './ids';

/** One valid input per journal method (see api-properties.test.ts). */
export const examples: Examples<typeof journalMethods> = {
  'reviews.listJournalEntries': { employeeId: ID, kind: 'praise', from: '2025-01-01', search: 'deadline' },
  'reviews.listJournalWindow': { kind: 'note', textSearch: 'demo', offset: 0, limit: 200, sort: { field: 'employeeId', desc: true }, filters: [{ field: 'reviewLabel', contains: '2025' }], search: 'a' },
  'reviews.exportJournal': { format: 'csv', title: 'Feedback journal', columns: [{ field: 'date', header: 'Date' }, { field: 'shared', header: 'Visibility' }], search: 'a' },
  'reviews.listJournalLinkOptions': { employeeId: ID },
  'reviews.saveJournalEntries': { rows: [{ values: { employeeId: ID, date: '2025-03-01', kind: 'praise', shared: true, text: 'Great demo.' } }] },
  'reviews.archiveJournalEntries': { ids: [ID] },
};
