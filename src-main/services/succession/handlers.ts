import type { successionArea } from '../../../src-shared/api/succession';
import type { AreaHandlers } from '../../api/types';
import { archiveExternalCandidates, listExternalCandidates, saveExternalCandidates } from './candidates';
import { getChart } from './chart';
import { getChartNodes, getChartPerson, getVacancyChain, searchChart } from './chart-view';
import { exportChart, exportPlans } from './exports';
import { getInsights, getPersonSuccession } from './insights';
import { exportKeyPositions, listKeyPositionWindow } from './key-position-window';
import { listKeyPositions, saveKeyPositions, unmarkKeyPositions } from './key-positions';
import { archiveNominations, listNominations, nominateSuccessor, saveNominations } from './nominations';
import { getPhotos, importPhotos, removePhotos } from './photos';
import { planTotals, resolvePlans, searchPlans } from './plan-search';
import { exportPlanView, listPlanWindow } from './plan-window';
import { archivePlans, listPlans, savePlans } from './plans';
import { archivePoolMembers, archivePoolPositions, archiveTalentPools, listPoolMembers, listPoolPositions, listTalentPools, savePoolMembers, savePoolPositions, saveTalentPools } from './pools';
import { archiveReadinessLevels, listReadinessLevels, saveReadinessLevels } from './readiness';
import { archiveLossRisks, listLossRisks, saveLossRisks } from './risks';

export const successionHandlers: AreaHandlers<typeof successionArea.methods> = {
  'succession.listReadinessLevels': async (input, ctx) => ({ rows: listReadinessLevels(ctx, input.includeArchived) }),
  'succession.saveReadinessLevels': async (input, ctx) => ({ rows: await saveReadinessLevels(ctx, input.rows) }),
  'succession.archiveReadinessLevels': async (input, ctx) => ({ count: await archiveReadinessLevels(ctx, input.ids, input.archived ?? true) }),

  'succession.listKeyPositions': async (input, ctx) => ({ rows: await listKeyPositions(ctx, input.includeArchived, input.ids) }),
  'succession.listKeyPositionWindow': async (input, ctx) => listKeyPositionWindow(ctx, input),
  'succession.exportKeyPositions': (input, ctx) => exportKeyPositions(ctx, input),
  'succession.saveKeyPositions': async (input, ctx) => ({ rows: await saveKeyPositions(ctx, input.rows) }),
  'succession.unmarkKeyPositions': async (input, ctx) => ({ count: await unmarkKeyPositions(ctx, input.ids) }),

  'succession.listPlans': async (input, ctx) => ({ rows: await listPlans(ctx, input.includeArchived) }),
  'succession.listPlanWindow': async (input, ctx) => listPlanWindow(ctx, input),
  'succession.exportPlanView': (input, ctx) => exportPlanView(ctx, input),
  'succession.searchPlans': async (input, ctx) => searchPlans(ctx, input),
  'succession.resolvePlans': async (input, ctx) => ({ matches: resolvePlans(ctx, input.texts) }),
  'succession.getPlanTotals': async (_input, ctx) => planTotals(ctx),
  'succession.savePlans': async (input, ctx) => ({ rows: await savePlans(ctx, input.rows) }),
  'succession.archivePlans': async (input, ctx) => ({ count: await archivePlans(ctx, input.ids, input.archived ?? true) }),

  'succession.listNominations': async (input, ctx) => ({ rows: await listNominations(ctx, input) }),
  'succession.saveNominations': async (input, ctx) => ({ rows: await saveNominations(ctx, input.rows) }),
  'succession.archiveNominations': async (input, ctx) => ({ count: await archiveNominations(ctx, input.ids, input.archived ?? true) }),
  'succession.nominateSuccessor': (input, ctx) => nominateSuccessor(ctx, input),

  'succession.listExternalCandidates': async (input, ctx) => ({ rows: await listExternalCandidates(ctx, input.includeArchived) }),
  'succession.saveExternalCandidates': async (input, ctx) => ({ rows: await saveExternalCandidates(ctx, input.rows) }),
  'succession.archiveExternalCandidates': async (input, ctx) => ({ count: await archiveExternalCandidates(ctx, input.ids, input.archived ?? true) }),

  'succession.listLossRisks': async (input, ctx) => ({ rows: await listLossRisks(ctx, input.includeArchived) }),
  'succession.saveLossRisks': async (input, ctx) => ({ rows: await saveLossRisks(ctx, input.rows) }),
  'succession.archiveLossRisks': async (input, ctx) => ({ count: await archiveLossRisks(ctx, input.ids, input.archived ?? true) }),

  'succession.listTalentPools': async (input, ctx) => ({ rows: await listTalentPools(ctx, input.includeArchived) }),
  'succession.saveTalentPools': async (input, ctx) => ({ rows: await saveTalentPools(ctx, input.rows) }),
  'succession.archiveTalentPools': async (input, ctx) => ({ count: await archiveTalentPools(ctx, input.ids, input.archived ?? true) }),
  'succession.listPoolMembers': async (input, ctx) => ({ rows: await listPoolMembers(ctx, input) }),
  'succession.savePoolMembers': async (input, ctx) => ({ rows: await savePoolMembers(ctx, input.rows) }),
  'succession.archivePoolMembers': async (input, ctx) => ({ count: await archivePoolMembers(ctx, input.ids, input.archived ?? true) }),
  'succession.listPoolPositions': async (input, ctx) => ({ rows: await listPoolPositions(ctx, input) }),
  'succession.savePoolPositions': async (input, ctx) => ({ rows: await savePoolPositions(ctx, input.rows) }),
  'succession.archivePoolPositions': async (input, ctx) => ({ count: await archivePoolPositions(ctx, input.ids, input.archived ?? true) }),

  'succession.getChart': (_input, ctx) => getChart(ctx),
  'succession.getChartNodes': async (input, ctx) => getChartNodes(ctx, input),
  'succession.searchChart': async (input, ctx) => ({ hits: searchChart(ctx, input.query) }),
  'succession.getChartPerson': async (input, ctx) => getChartPerson(ctx, input.personId),
  'succession.getVacancyChain': async (input, ctx) => getVacancyChain(ctx, input.positionId, input.readyLevels),
  'succession.getPersonSuccession': (input, ctx) => getPersonSuccession(ctx, input.employeeId),
  'succession.getInsights': (_input, ctx) => getInsights(ctx),

  'succession.getPhotos': async (input, ctx) => ({ photos: getPhotos(ctx, input.employeeIds) }),
  'succession.importPhotos': (input, ctx) => importPhotos(ctx, input),
  'succession.removePhotos': async (input, ctx) => ({ count: await removePhotos(ctx, input.employeeIds) }),

  'succession.exportChart': (input, ctx) => exportChart(ctx, input),
  'succession.exportPlans': (_input, ctx) => exportPlans(ctx),
};
