import { describe, expect, it } from 'vitest';
import type { Input, Method } from '../../src-shared/api';
import { employeeValues, openTestApp, type TestApp } from './helpers';

/**
 * One audit vocabulary: creating, editing and archiving a record write three events that the
 * audit log's entity filter finds together, named by the record's table.
 */
interface Case {
  entity: string;
  create(app: TestApp, refs: Refs): Promise<{ id: string; version: number }>;
  edit(app: TestApp, saved: { id: string; version: number }, refs: Refs): Promise<unknown>;
  archive: Method;
}
type Refs = Awaited<ReturnType<typeof references>>;

async function references(app: TestApp) {
  const [department] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Ops' } }] })).rows;
  const [job] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Analyst' } }] })).rows;
  const [employee] = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(1, { departmentId: department.id, jobId: job.id }) }] })).rows;
  const [type] = (await app.ok('skills.saveSkillTypes', { rows: [{ values: { name: 'Technical' } }] })).rows;
  const model = await app.ok('skills.saveRatingModel', { name: 'Five', levels: [{ label: 'Basic', factor: 2 }, { label: 'Expert', factor: 8 }] });
  const scale = await app.ok('reviews.saveRatingScale', { name: 'Three', levels: LEVELS });
  const template = await app.ok('reviews.saveTemplate', { name: 'Annual', sections: [{ kind: 'goals', title: 'Goals', weight: 100 }], steps: { selfReview: false, peerFeedback: false } });
  return { department, job, employee, type, model, scale, template };
}

const LEVELS = [{ value: 1, label: 'Low' }, { value: 2, label: 'Solid' }, { value: 3, label: 'High' }];
const GOAL = { scope: 'organisation', title: 'Grow', periodStart: '2026-01-01', periodEnd: '2026-12-31', unit: 'percent', stretch: false, weight: 0, status: 'not_started' } as const;
const POPULATION = (refs: Refs) => ({ departmentIds: [refs.department.id], jobIds: [], employeeIds: [] });
const QUESTIONNAIRE: Input<'reviews.saveQuestionnaire'> = { name: 'Pulse', kind: 'engagement', anonymous: false, resultGroups: [], sections: [{ title: 'Work', questions: [{ id: '0b6f7c1e-4a3b-4c2d-9e8f-1a2b3c4d5e6f', text: 'I enjoy my work', type: 'scale', required: true, scaleMin: 1, scaleMax: 5 }] }] };

const row = <T extends { rows: { id: string; version: number }[] }>(result: T) => result.rows[0];
const batchEdit = (method: Method, values: Record<string, unknown>) => (app: TestApp, saved: { id: string; version: number }) =>
  app.ok(method, { rows: [{ id: saved.id, version: saved.version, values }] } as Input<typeof method>);

const CASES: Case[] = [
  { entity: 'department', archive: 'people.archiveDepartments', create: async (app) => row(await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales' } }] })), edit: batchEdit('people.saveDepartments', { name: 'Sales EMEA' }) },
  { entity: 'job', archive: 'people.archiveJobs', create: async (app) => row(await app.ok('people.saveJobs', { rows: [{ values: { title: 'Buyer' } }] })), edit: batchEdit('people.saveJobs', { level: 'L2' }) },
  {
    entity: 'position', archive: 'people.archivePositions',
    create: async (app, refs) => row(await app.ok('people.savePositions', { rows: [{ values: { title: 'Lead analyst', jobId: refs.job.id, departmentId: refs.department.id } }] })),
    edit: batchEdit('people.savePositions', { title: 'Principal analyst' }),
  },
  { entity: 'employee', archive: 'people.archiveEmployees', create: async (app) => row(await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(2) }] })), edit: batchEdit('people.saveEmployees', { location: 'Berlin' }) },
  { entity: 'skill_type', archive: 'skills.archiveSkillTypes', create: async (app) => row(await app.ok('skills.saveSkillTypes', { rows: [{ values: { name: 'Behavioural' } }] })), edit: batchEdit('skills.saveSkillTypes', { description: 'How we work' }) },
  {
    entity: 'rating_model', archive: 'skills.archiveRatingModels',
    create: (app) => app.ok('skills.saveRatingModel', { name: 'Three', levels: [{ label: 'A', factor: 1 }, { label: 'B', factor: 5 }, { label: 'C', factor: 9 }] }),
    edit: (app, saved) => app.ok('skills.saveRatingModel', { id: saved.id, version: saved.version, name: 'Three levels', levels: [{ label: 'A', factor: 1 }, { label: 'B', factor: 5 }, { label: 'C', factor: 9 }] }),
  },
  {
    entity: 'skill', archive: 'skills.archiveSkills',
    create: async (app, refs) => row(await app.ok('skills.saveSkills', { rows: [{ values: { name: 'SQL', skillTypeId: refs.type.id, ratingModelId: refs.model.id } }] })),
    edit: batchEdit('skills.saveSkills', { description: 'Queries' }),
  },
  { entity: 'goal', archive: 'goals.archiveGoals', create: async (app) => row(await app.ok('goals.saveGoals', { rows: [{ values: GOAL }] })), edit: batchEdit('goals.saveGoals', { title: 'Grow faster' }) },
  {
    entity: 'goal_library_item', archive: 'goals.archiveGoalLibrary',
    create: async (app) => row(await app.ok('goals.saveGoalLibrary', { rows: [{ values: { title: 'Close 10 deals', unit: 'number', stretch: false, suggestedWeight: 20 } }] })),
    edit: batchEdit('goals.saveGoalLibrary', { suggestedWeight: 30 }),
  },
  {
    entity: 'rating_scale', archive: 'reviews.archiveRatingScales',
    create: (app) => app.ok('reviews.saveRatingScale', { name: 'Four', levels: LEVELS }),
    edit: (app, saved) => app.ok('reviews.saveRatingScale', { id: saved.id, version: saved.version, name: 'Four (2026)', levels: LEVELS }),
  },
  {
    entity: 'review_template', archive: 'reviews.archiveTemplates',
    create: (app) => app.ok('reviews.saveTemplate', { name: 'Mid-year', sections: [{ kind: 'goals', title: 'Goals', weight: 100 }], steps: { selfReview: true, peerFeedback: false } }),
    edit: (app, saved) => app.ok('reviews.saveTemplate', { id: saved.id, version: saved.version, name: 'Mid-year check', sections: [{ kind: 'goals', title: 'Goals', weight: 100 }], steps: { selfReview: true, peerFeedback: false } }),
  },
  {
    entity: 'review_cycle', archive: 'reviews.archiveCycles',
    create: (app, refs) => app.ok('reviews.saveCycle', { name: '2026', periodStart: '2026-01-01', periodEnd: '2026-12-31', dueDate: '2027-01-31', ratingScaleId: refs.scale.id, templateId: refs.template.id, population: POPULATION(refs) }),
    edit: (app, saved, refs) => app.ok('reviews.saveCycle', { id: saved.id, version: saved.version, name: '2026 annual', periodStart: '2026-01-01', periodEnd: '2026-12-31', dueDate: '2027-01-31', ratingScaleId: refs.scale.id, templateId: refs.template.id, population: POPULATION(refs) }),
  },
  {
    entity: 'journal_entry', archive: 'reviews.archiveJournalEntries',
    create: async (app, refs) => row(await app.ok('reviews.saveJournalEntries', { rows: [{ values: { employeeId: refs.employee.id, date: '2025-03-01', kind: 'praise', shared: true, text: 'Great demo.' } }] })),
    edit: batchEdit('reviews.saveJournalEntries', { text: 'Great demo to the board.' }),
  },
  {
    entity: 'answer_group', archive: 'reviews.archiveAnswerGroups',
    create: (app) => app.ok('reviews.saveAnswerGroup', { name: 'Agreement', options: [{ label: 'Disagree', points: 1 }, { label: 'Agree', points: 5 }] }),
    edit: (app, saved) => app.ok('reviews.saveAnswerGroup', { id: saved.id, version: saved.version, name: 'Agreement (5)', options: [{ label: 'Disagree', points: 1 }, { label: 'Agree', points: 5 }] }),
  },
  {
    entity: 'questionnaire', archive: 'reviews.archiveQuestionnaires',
    create: (app) => app.ok('reviews.saveQuestionnaire', QUESTIONNAIRE),
    edit: (app, saved) => app.ok('reviews.saveQuestionnaire', { ...QUESTIONNAIRE, id: saved.id, version: saved.version, name: 'Pulse (May)' }),
  },
  {
    entity: 'calibration_guideline_set', archive: 'calibration.archiveGuidelineSets',
    create: (app, refs) => app.ok('calibration.saveGuidelineSet', { name: 'Top', ratingScaleId: refs.scale.id, mode: 'advisory', rules: [{ fromLevel: 3, toLevel: 3, operator: 'le', percent: 20 }] }),
    edit: (app, saved, refs) => app.ok('calibration.saveGuidelineSet', { id: saved.id, version: saved.version, name: 'Top (strict)', ratingScaleId: refs.scale.id, mode: 'enforced', rules: [{ fromLevel: 3, toLevel: 3, operator: 'le', percent: 20 }] }),
  },
  {
    entity: 'calibration_session', archive: 'calibration.archiveSessions',
    create: async (app, refs) => app.ok('calibration.saveSession', await calibrationSession(app, refs)),
    edit: async (app, saved, refs) => app.ok('calibration.saveSession', { ...(await calibrationSession(app, refs)), id: saved.id, version: saved.version, location: 'Room 2' }),
  },
  {
    entity: 'external_candidate', archive: 'succession.archiveExternalCandidates',
    create: async (app) => row(await app.ok('succession.saveExternalCandidates', { rows: [{ values: { name: 'Helena Dvořáková' } }] })),
    edit: batchEdit('succession.saveExternalCandidates', { organisation: 'Brightline' }),
  },
  {
    entity: 'loss_risk', archive: 'succession.archiveLossRisks',
    create: async (app, refs) => row(await app.ok('succession.saveLossRisks', { rows: [{ values: { employeeId: refs.employee.id, riskOfLoss: 'high', impactOfLoss: 'medium' } }] })),
    edit: batchEdit('succession.saveLossRisks', { impactOfLoss: 'high' }),
  },
  {
    entity: 'talent_pool', archive: 'succession.archiveTalentPools',
    create: async (app) => row(await app.ok('succession.saveTalentPools', { rows: [{ values: { name: 'Future leaders' } }] })),
    edit: batchEdit('succession.saveTalentPools', { description: 'Division heads in five years' }),
  },
  {
    entity: 'succession_plan', archive: 'succession.archivePlans',
    create: async (app, refs) => row(await app.ok('succession.savePlans', { rows: [{ values: { jobId: refs.job.id } }] })),
    edit: batchEdit('succession.savePlans', { notes: 'Reviewed in March' }),
  },
];

/** A session on a launched cycle over the one department (launched once, on first use). */
async function calibrationSession(app: TestApp, refs: Refs): Promise<Input<'calibration.saveSession'>> {
  let cycle = (await app.ok('reviews.listCycles', {})).rows.find((c) => c.status === 'active');
  if (!cycle) {
    const draft = await app.ok('reviews.saveCycle', { name: 'Calibrated', periodStart: '2026-01-01', periodEnd: '2026-12-31', dueDate: '2027-01-31', ratingScaleId: refs.scale.id, templateId: refs.template.id, population: POPULATION(refs) });
    cycle = (await app.ok('reviews.launchCycle', { id: draft.id, version: draft.version })).cycle;
  }
  return {
    name: 'Sales calibration', cycleId: cycle.id, date: '2027-01-15', reviewerIds: [], guidelineSetId: null,
    population: { departmentIds: [refs.department.id], managerIds: [], jobIds: [], jobLevels: [], employeeIds: [], excludedEmployeeIds: [] },
    settings: {
      potentialLevels: [{ value: 1, label: 'Low' }, { value: 2, label: 'High' }], columns: 2, rows: 2, performanceBands: [1, 2], potentialBands: [1, 1],
      boxes: ['A', 'B', 'C', 'D'].map((name) => ({ name, colour: '#ffffff' })), reasonCodes: [{ code: 'X', label: 'Other' }],
    },
  };
}

describe('audit events name records the same way for create, edit and archive', () => {
  for (const testCase of CASES) {
    it(`${testCase.entity}: the entity filter finds create, update and archive`, async () => {
      const app = await openTestApp();
      const refs = await references(app);
      const saved = await testCase.create(app, refs);
      await testCase.edit(app, saved, refs);
      await app.ok(testCase.archive, { ids: [saved.id] } as Input<typeof testCase.archive>);
      const { rows } = await app.ok('admin.listAuditEvents', { entity: testCase.entity, entityId: saved.id });
      expect(rows.map((event) => event.action).reverse()).toEqual(['create', 'update', 'archive']);
      // The audit log names each record and says what the edit changed.
      expect(rows.filter((event) => !event.recordExists || event.recordLabel.includes('no longer exists'))).toEqual([]);
      expect(rows.find((event) => event.action === 'update')!.changes.length).toBeGreaterThan(0);
    });
  }

  it('every audit event the demo and these writes make names a table (or the database itself)', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 30 });
    await app.ok('admin.updateSettings', { actorName: 'Ann' });
    const tables = new Set((app.store().raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name));
    const entities = (app.store().raw.prepare(`SELECT DISTINCT entity FROM audit_event`).all() as { entity: string }[]).map((e) => e.entity);
    expect(entities.filter((entity) => entity !== 'database' && !tables.has(entity))).toEqual([]);
  });
});
