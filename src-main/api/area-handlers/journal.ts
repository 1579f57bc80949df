import type { journalApi } from '../../../src-shared/api/journal';
import { archiveGoalLibrary, copyFromLibrary, listGoalLibrary, saveGoalLibrary } from '../../services/goals/library';
import { archiveJournalEntries, listJournalEntries, listJournalLinkOptions, saveJournalEntries } from '../../services/journal/journal';
import type { AreaHandlers } from '../handlers';

export const journalHandlers: AreaHandlers<typeof journalApi> = {
  'reviews.listJournalEntries': (input, ctx) => listJournalEntries(ctx, input),
  'reviews.listJournalLinkOptions': (input, ctx) => listJournalLinkOptions(ctx, input.employeeId),
  'reviews.saveJournalEntries': async (input, ctx) => ({ rows: await saveJournalEntries(ctx, input.rows) }),
  'reviews.archiveJournalEntries': async (input, ctx) => ({ count: await archiveJournalEntries(ctx, input.ids, input.archived ?? true) }),
  'goals.listGoalLibrary': async (input, ctx) => ({ rows: await listGoalLibrary(ctx, input) }),
  'goals.saveGoalLibrary': async (input, ctx) => ({ rows: await saveGoalLibrary(ctx, input.rows) }),
  'goals.archiveGoalLibrary': async (input, ctx) => ({ count: await archiveGoalLibrary(ctx, input.ids, input.archived ?? true) }),
  'goals.copyFromLibrary': (input, ctx) => copyFromLibrary(ctx, input),
};
