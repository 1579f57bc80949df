import type { skillsArea } from '../../../src-shared/api/skills';
import type { AreaHandlers } from '../../api/types';
import { exportGapReport } from '../../exports/pdf/gap-report';
import { getSkillHistory, listEmployeeSkills, recordLevels, setTargets } from './employee-skills';
import { getHeatmap, getOrgGapSummary, getPersonGap, listGapPeople } from './gaps';
import { archiveRatingModels, listRatingModels, saveRatingModel } from './rating-models';
import { copyRequirements, listRequirements, saveRequirements } from './requirements';
import { deleteSearch, listSavedSearches, saveSearch, searchBySkills } from './search';
import { archiveSkillTypes, listSkillTypes, saveSkillTypes } from './skill-types';
import { archiveSkills, listSkills, saveSkills } from './skills';

export const skillsHandlers: AreaHandlers<typeof skillsArea.methods> = {
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
};
