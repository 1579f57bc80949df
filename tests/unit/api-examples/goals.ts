import type { goalsArea } from '../../../src-shared/api/goals';
import { ID, type Examples } from './ids';

/** One valid input per goals and goal-library method (see api-properties.test.ts): the malformed ones are derived from it. */
export const examples: Examples<typeof goalsArea.methods> = {
  'goals.listGoals': { scope: 'individual', periodFrom: '2026-01-01' },
  'goals.listGoalWindow': { scope: 'individual', offset: 0, limit: 200, sort: { field: 'employeeId', desc: true }, filters: [{ field: 'status', contains: 'on' }], search: 'grow', searchFields: ['title', 'rolledUp'] },
  'goals.exportGoals': { format: 'csv', title: 'Goals', columns: [{ field: 'title', header: 'Title' }], sort: { field: 'rolledUp' } },
  'goals.listAlignableGoals': { includeArchived: true },
  'goals.saveGoals': { rows: [{ values: { scope: 'organisation', title: 'Grow', periodStart: '2026-01-01', periodEnd: '2026-12-31', unit: 'percent', stretch: false, weight: 0, status: 'not_started' } }] },
  'goals.archiveGoals': { ids: [ID] },
  'goals.recordCheckIn': { goalId: ID, date: '2026-03-01', progress: 40 },
  'goals.listCheckIns': { goalId: ID },
  'goals.getAlignmentTree': { rootId: ID },
  'goals.getAlignmentBranch': { goalId: ID },
  'goals.assignToTeam': { goalId: ID, employeeIds: [ID] },
  'goals.listGoalLibrary': { search: 'sales' },
  'goals.saveGoalLibrary': { rows: [{ values: { title: 'Close 10 deals', unit: 'number', targetValue: 10, stretch: false, suggestedWeight: 20 } }] },
  'goals.archiveGoalLibrary': { ids: [ID] },
  'goals.copyFromLibrary': { itemId: ID, employeeIds: [ID], periodStart: '2026-01-01', periodEnd: '2026-12-31' },
};
