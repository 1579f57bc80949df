import type { goalsArea } from '../../../src-shared/api/goals';
import type { AreaHandlers } from '../../api/types';
import { exportGoals, listGoalWindow } from './goal-window';
import { archiveGoals, assignToTeam, getAlignmentBranch, getAlignmentTree, listAlignableGoals, listCheckIns, listGoals, recordCheckIn, saveGoals } from './goals';
import { archiveGoalLibrary, copyFromLibrary, listGoalLibrary, saveGoalLibrary } from './library';

export const goalsHandlers: AreaHandlers<typeof goalsArea.methods> = {
  'goals.listGoals': async (input, ctx) => ({ rows: await listGoals(ctx, input) }),
  'goals.listGoalWindow': async (input, ctx) => listGoalWindow(ctx, input),
  'goals.exportGoals': (input, ctx) => exportGoals(ctx, input),
  'goals.listAlignableGoals': async (input, ctx) => ({ rows: await listAlignableGoals(ctx, input.includeArchived) }),
  'goals.saveGoals': async (input, ctx) => ({ rows: await saveGoals(ctx, input.rows) }),
  'goals.archiveGoals': async (input, ctx) => ({ count: await archiveGoals(ctx, input.ids, input.archived ?? true) }),
  'goals.recordCheckIn': (input, ctx) => recordCheckIn(ctx, input),
  'goals.listCheckIns': async (input, ctx) => ({ rows: await listCheckIns(ctx, input.goalId) }),
  'goals.getAlignmentTree': async (input, ctx) => ({ nodes: await getAlignmentTree(ctx, input.rootId) }),
  'goals.getAlignmentBranch': (input, ctx) => getAlignmentBranch(ctx, input.goalId, input.withChildren ?? true),
  'goals.assignToTeam': (input, ctx) => assignToTeam(ctx, input),
  'goals.listGoalLibrary': async (input, ctx) => ({ rows: await listGoalLibrary(ctx, input) }),
  'goals.saveGoalLibrary': async (input, ctx) => ({ rows: await saveGoalLibrary(ctx, input.rows) }),
  'goals.archiveGoalLibrary': async (input, ctx) => ({ count: await archiveGoalLibrary(ctx, input.ids, input.archived ?? true) }),
  'goals.copyFromLibrary': (input, ctx) => copyFromLibrary(ctx, input),
};
