import type { skillsArea } from '../../../src-shared/api/skills';
import { ID, type Examples } from './ids';

/** One valid input per skills method (see api-properties.test.ts): the malformed ones are derived from it. */
export const examples: Examples<typeof skillsArea.methods> = {
  'skills.listSkillTypes': {},
  'skills.saveSkillTypes': { rows: [{ values: { name: 'Technical' } }] },
  'skills.archiveSkillTypes': { ids: [ID] },
  'skills.listRatingModels': {},
  'skills.saveRatingModel': { name: 'Scale', levels: [{ label: 'Basic', factor: 2 }, { label: 'Expert', factor: 8 }] },
  'skills.archiveRatingModels': { ids: [ID] },
  'skills.listSkills': {},
  'skills.saveSkills': { rows: [{ values: { name: 'SQL', skillTypeId: ID, ratingModelId: ID } }] },
  'skills.archiveSkills': { ids: [ID] },
  'skills.listRequirements': { jobId: ID },
  'skills.saveRequirements': { changes: [{ jobId: ID, skillId: ID, level: 2 }] },
  'skills.copyRequirements': { fromJobId: ID, toJobIds: [ID], mode: 'merge' },
  'skills.listEmployeeSkills': { employeeId: ID },
  'skills.getSkillHistory': { employeeId: ID },
  'skills.recordLevels': { rows: [{ employeeId: ID, skillId: ID, level: 2, effectiveDate: '2025-01-01', source: 'manager' }] },
  'skills.setTargets': { rows: [{ employeeId: ID, skillId: ID, level: 3 }] },
  'skills.getPersonGap': { employeeId: ID },
  'skills.getHeatmap': { departmentId: ID },
  'skills.getOrgGapSummary': {},
  'skills.exportGapReport': { report: 'organisation' },
  'skills.listGapPeople': { skillId: ID },
  'skills.searchBySkills': { criteria: [{ skillId: ID, minLevel: 2 }] },
  'skills.listSavedSearches': {},
  'skills.saveSearch': { name: 'Data people', criteria: { criteria: [{ skillId: ID, minLevel: 2 }] } },
  'skills.deleteSearch': { id: ID },
};
