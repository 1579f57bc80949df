import type { journalMethods } from '../../../../src-shared/api/reviews/journal';
import type { AreaHandlers } from '../../../api/types';
import { exportJournal, listJournalWindow } from './journal-window';
import { archiveJournalEntries, listJournalEntries, listJournalLinkOptions, saveJournalEntries } from './journal';

export const journalHandlers: AreaHandlers<typeof journalMethods> = {
  'reviews.listJournalEntries': (input, ctx) => listJournalEntries(ctx, input),
  'reviews.listJournalWindow': async (input, ctx) => listJournalWindow(ctx, input),
  'reviews.exportJournal': (input, ctx) => exportJournal(ctx, input),
  'reviews.listJournalLinkOptions': (input, ctx) => listJournalLinkOptions(ctx, input.employeeId),
  'reviews.saveJournalEntries': async (input, ctx) => ({ rows: await saveJournalEntries(ctx, input.rows) }),
  'reviews.archiveJournalEntries': async (input, ctx) => ({ count: await archiveJournalEntries(ctx, input.ids, input.archived ?? true) }),
};
