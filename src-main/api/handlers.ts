import type { Input, Method, Output } from '../../src-shared/api';
import type { ServiceContext } from '../services/context';
import { journalHandlers } from './area-handlers/journal';
import { questionnaireHandlers } from './area-handlers/questionnaires';
import { reviewHandlers } from './area-handlers/reviews';
import { exportGapReport } from '../exports/pdf/gap-report';
import * as admin from '../services/admin';
import { archiveGoals, assignToTeam, getAlignmentTree, listCheckIns, listGoals, recordCheckIn, saveGoals } from '../services/goals/goals';
import { getSkillKpis } from '../services/insights/skill-kpis';
import { getPerformanceKpis } from '../services/insights/performance-kpis';
import { archiveDepartments, listDepartments, saveDepartments } from '../services/people/departments';
import { archiveEmployees, getEmployee, listEmployees, listLocations, saveEmployees } from '../services/people/employees';
import { archiveJobs, listJobs, saveJobs } from '../services/people/jobs';
import { getOrgTree } from '../services/people/org-tree';
import { archivePositions, listPositions, savePositions } from '../services/people/positions';
import { getSkillHistory, listEmployeeSkills, recordLevels, setTargets } from '../services/skills/employee-skills';
import { getHeatmap, getOrgGapSummary, getPersonGap, listGapPeople } from '../services/skills/gaps';
import { archiveRatingModels, listRatingModels, saveRatingModel } from '../services/skills/rating-models';
import { copyRequirements, listRequirements, saveRequirements } from '../services/skills/requirements';
import { deleteSearch, listSavedSearches, saveSearch, searchBySkills } from '../services/skills/search';
import { archiveSkillTypes, listSkillTypes, saveSkillTypes } from '../services/skills/skill-types';
import { archiveSkills, listSkills, saveSkills } from '../services/skills/skills';

export type Handler<M extends Method> = (input: Input<M>, ctx: ServiceContext) => Promise<Output<M>>;
export type HandlerTable = { [M in Method]: Handler<M> };
/** The handlers of one area's contract (`typeof reviewsApi`), kept in `area-handlers/`. */
export type AreaHandlers<AreaApi> = { [M in keyof AreaApi & Method]: Handler<M> };

/** Method → service call. Inputs arrive already validated against the contract. */
export const handlers: HandlerTable = {
  'people.listDepartments': async (input, ctx) => ({ rows: await listDepartments(ctx, input.includeArchived) }),
  'people.saveDepartments': async (input, ctx) => ({ rows: await saveDepartments(ctx, input.rows) }),
  'people.archiveDepartments': async (input, ctx) => ({ count: await archiveDepartments(ctx, input.ids, input.archived ?? true) }),

  'people.listJobs': async (input, ctx) => ({ rows: await listJobs(ctx, input.includeArchived) }),
  'people.saveJobs': async (input, ctx) => ({ rows: await saveJobs(ctx, input.rows) }),
  'people.archiveJobs': async (input, ctx) => ({ count: await archiveJobs(ctx, input.ids, input.archived ?? true) }),

  'people.listPositions': async (input, ctx) => ({ rows: await listPositions(ctx, input.includeArchived) }),
  'people.savePositions': async (input, ctx) => ({ rows: await savePositions(ctx, input.rows) }),
  'people.archivePositions': async (input, ctx) => ({ count: await archivePositions(ctx, input.ids, input.archived ?? true) }),

  'people.listEmployees': (input, ctx) => listEmployees(ctx, input),
  'people.getEmployee': (input, ctx) => getEmployee(ctx, input.id),
  'people.saveEmployees': async (input, ctx) => ({ rows: await saveEmployees(ctx, input.rows) }),
  'people.archiveEmployees': async (input, ctx) => ({ count: await archiveEmployees(ctx, input.ids, input.archived ?? true) }),
  'people.listLocations': async (_input, ctx) => ({ locations: await listLocations(ctx) }),
  'people.getOrgTree': async (_input, ctx) => ({ nodes: await getOrgTree(ctx) }),

  'goals.listGoals': async (input, ctx) => ({ rows: await listGoals(ctx, input) }),
  'goals.saveGoals': async (input, ctx) => ({ rows: await saveGoals(ctx, input.rows) }),
  'goals.archiveGoals': async (input, ctx) => ({ count: await archiveGoals(ctx, input.ids, input.archived ?? true) }),
  'goals.recordCheckIn': (input, ctx) => recordCheckIn(ctx, input),
  'goals.listCheckIns': async (input, ctx) => ({ rows: await listCheckIns(ctx, input.goalId) }),
  'goals.getAlignmentTree': async (input, ctx) => ({ nodes: await getAlignmentTree(ctx, input.rootId) }),
  'goals.assignToTeam': (input, ctx) => assignToTeam(ctx, input),
  ...reviewHandlers,
  ...journalHandlers,
  ...questionnaireHandlers,
  'skills.listSkillTypes': async (input, ctx) => ({ rows: await listSkillTypes(ctx, input.includeArchived) }),
  'skills.saveSkillTypes': async (input, ctx) => ({ rows: await saveSkillTypes(ctx, input.rows) }),
  'skills.archiveSkillTypes': async (input, ctx) => ({ count: await archiveSkillTypes(ctx, input.ids, input.archived ?? true) }),
  'skills.listRatingModels': async (input, ctx) => ({ rows: await listRatingModels(ctx, input.includeArchived) }),
  'skills.saveRatingModel': (input, ctx) => saveRatingModel(ctx, input),
  'skills.archiveRatingModels': async (input, ctx) => ({ count: await archiveRatingModels(ctx, input.ids, input.archived ?? true) }),
  'skills.listSkills': async (input, ctx) => ({ rows: await listSkills(ctx, input.includeArchived) }),
  'skills.saveSkills': async (input, ctx) => ({ rows: await saveSkills(ctx, input.rows) }),
  'skills.archiveSkills': async (input, ctx) => ({ count: await archiveSkills(ctx, input.ids, input.archived ?? true) }),
  'skills.listRequirements': async (input, ctx) => ({ rows: await listRequirements(ctx, input) }),
  'skills.saveRequirements': (input, ctx) => saveRequirements(ctx, input.changes),
  'skills.copyRequirements': (input, ctx) => copyRequirements(ctx, input),
  'skills.listEmployeeSkills': (input, ctx) => listEmployeeSkills(ctx, input.employeeId, input.asOf),
  'skills.getSkillHistory': (input, ctx) => getSkillHistory(ctx, input.employeeId, input.skillId),
  'skills.recordLevels': (input, ctx) => recordLevels(ctx, input.rows),
  'skills.setTargets': (input, ctx) => setTargets(ctx, input.rows),
  'skills.getPersonGap': (input, ctx) => getPersonGap(ctx, input),
  'skills.getHeatmap': (input, ctx) => getHeatmap(ctx, input),
  'skills.getOrgGapSummary': (input, ctx) => getOrgGapSummary(ctx, input),
  'skills.listGapPeople': (input, ctx) => listGapPeople(ctx, input),
  'skills.searchBySkills': (input, ctx) => searchBySkills(ctx, input),
  'skills.listSavedSearches': (_input, ctx) => listSavedSearches(ctx),
  'skills.saveSearch': (input, ctx) => saveSearch(ctx, input),
  'skills.deleteSearch': (input, ctx) => deleteSearch(ctx, input),
  'skills.exportGapReport': (input, ctx) => exportGapReport(ctx, input),

  'insights.getSkillKpis': (input, ctx) => getSkillKpis(ctx, input),
  'insights.getPerformanceKpis': (input, ctx) => getPerformanceKpis(ctx, input),

  'admin.getDatabaseStatus': (_input, ctx) => admin.getDatabaseStatus(ctx),
  'admin.backupDatabase': (input, ctx) => admin.backupDatabase(ctx, input.path),
  'admin.openDatabase': (input, ctx) => admin.openDatabase(ctx, input.path, input.create ?? false),
  'admin.listAuditEvents': (input, ctx) => admin.listAuditEvents(ctx, input),
  'admin.getSettings': (_input, ctx) => admin.getSettings(ctx),
  'admin.updateSettings': (input, ctx) => admin.updateSettings(ctx, input.actorName),
  'admin.loadDemoOrganisation': (input, ctx) => admin.loadDemoOrganisation(ctx, input),
  'admin.previewImport': (input, ctx) => admin.previewImport(ctx, input),
  'admin.commitImport': (input, ctx) => admin.commitImport(ctx, input),
  'admin.exportImportReport': (input, ctx) => admin.exportImportReport(ctx, input),
  'admin.exportTable': async (input) => admin.exportTable(input),
};

/** Writes that manage the database file itself and so must not run inside a transaction on it. */
export const OUTSIDE_TRANSACTION = new Set<Method>(['admin.openDatabase', 'admin.backupDatabase']);
