import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, methods, type Method } from '../../src-shared/api';
import { openTestApp, type TestApp } from './helpers';
import { JOURNAL_EXAMPLES } from './api-examples/journal';
import { QUESTIONNAIRE_EXAMPLES } from './api-examples/questionnaires';
import { REVIEW_EXAMPLES } from './api-examples/reviews';
import { ID } from './api-examples/ids';

const CSV = Buffer.from('Employee number,First name,Last name,Hire date\nE1,Ann,Lee,2020-01-01\n').toString('base64');

/** One valid input per method; the malformed ones are derived from it. A new method must add one. */
const VALID: Record<Method, Record<string, unknown>> = {
  ...REVIEW_EXAMPLES,
  ...JOURNAL_EXAMPLES,
  ...QUESTIONNAIRE_EXAMPLES,
  'people.listDepartments': { includeArchived: true },
  'people.saveDepartments': { rows: [{ values: { name: 'X' } }] },
  'people.archiveDepartments': { ids: [ID] },
  'people.listJobs': { includeArchived: false },
  'people.saveJobs': { rows: [{ values: { title: 'X' } }] },
  'people.archiveJobs': { ids: [ID] },
  'people.listPositions': {},
  'people.savePositions': { rows: [{ values: { title: 'X', jobId: ID, departmentId: ID } }] },
  'people.archivePositions': { ids: [ID] },
  'people.listEmployees': { limit: 10, search: 'a' },
  'people.getEmployee': { id: ID },
  'people.saveEmployees': { rows: [{ values: { employeeNumber: 'E1', firstName: 'A', lastName: 'B', hireDate: '2020-01-01', status: 'active' } }] },
  'people.archiveEmployees': { ids: [ID] },
  'people.listLocations': {},
  'people.getOrgTree': {},
  'skills.listSkillTypes': {},
  'skills.saveSkillTypes': { rows: [{ values: { name: 'Technical' } }] },
  'skills.archiveSkillTypes': { ids: [ID] },
  'skills.listRatingModels': {},
  'skills.saveRatingModel': { name: 'Scale', levels: [{ label: 'Basic', factor: 2 }, { label: 'Expert', factor: 8 }] },
  'skills.archiveRatingModels': { ids: [ID] },
  'skills.listSkills': {},
  'goals.listGoals': { scope: 'individual', periodFrom: '2026-01-01' },
  'goals.saveGoals': { rows: [{ values: { scope: 'organisation', title: 'Grow', periodStart: '2026-01-01', periodEnd: '2026-12-31', unit: 'percent', stretch: false, weight: 0, status: 'not_started' } }] },
  'goals.archiveGoals': { ids: [ID] },
  'goals.recordCheckIn': { goalId: ID, date: '2026-03-01', progress: 40 },
  'goals.listCheckIns': { goalId: ID },
  'goals.getAlignmentTree': { rootId: ID },
  'goals.assignToTeam': { goalId: ID, employeeIds: [ID] },
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
  'insights.getSkillKpis': { from: '2025-01-01' },
  'insights.getPerformanceKpis': { from: '2025-01-01', to: '2025-12-31' },
  'admin.getDatabaseStatus': {},
  'admin.backupDatabase': { path: '/tmp/x.sqlite' },
  'admin.openDatabase': { path: '/tmp/x.sqlite' },
  'admin.listAuditEvents': { limit: 5 },
  'admin.getSettings': {},
  'admin.updateSettings': { actorName: 'Ann' },
  'admin.loadDemoOrganisation': { employees: 20 },
  'admin.previewImport': { kind: 'employees', fileName: 'a.csv', contentBase64: CSV },
  'admin.commitImport': { kind: 'employees', fileName: 'a.csv', contentBase64: CSV, mapping: {} },
  'admin.exportImportReport': { kind: 'employees', fileName: 'a.csv', contentBase64: CSV, mapping: {} },
  'admin.exportTable': { format: 'csv', title: 'T', headers: ['a'], rows: [['x']] },
};

const hugeString = fc.string({ minLength: 5000, maxLength: 6000 }).map((s) => s.padEnd(5000, 'x'));
const junk = fc.oneof(fc.anything(), hugeString, fc.uuid().map((id) => `${id}x`), fc.constant(null), fc.constant(-1), fc.constant(''));

function shapeOf(method: Method): Record<string, z.ZodType> {
  return (api[method].input as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
}

/** Row counts of every table (each area's tables included without listing them): what a write could change. */
function snapshot(app: TestApp): Record<string, number> {
  const db = app.store().raw;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

async function expectValidationAndNoWrite(app: TestApp, method: Method, input: unknown) {
  const before = snapshot(app);
  const response = await app.call(method, input);
  expect(response.ok, `${method} accepted ${JSON.stringify(input)?.slice(0, 200)}`).toBe(false);
  if (!response.ok) expect(response.error.code).toBe('VALIDATION');
  expect(snapshot(app)).toEqual(before);
}

describe('every API method validates its input', () => {
  it('has a valid example for every registered method', () => {
    for (const method of methods) expect(api[method].input.safeParse(VALID[method]).success, method).toBe(true);
  });

  for (const method of methods) {
    it(`${method}: malformed input gets VALIDATION and writes nothing`, async () => {
      const app = await openTestApp();
      const shape = shapeOf(method);
      const keys = Object.keys(shape);
      const requiredKeys = keys.filter((key) => !shape[key].safeParse(undefined).success);
      const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.anything()));
      const unknownKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !keys.includes(k) && k !== '__proto__');
      const wrongField = keys.length
        ? fc.tuple(fc.constantFrom(...keys), junk).filter(([key, value]) => value !== undefined && !shape[key].safeParse(value).success)
        : fc.constant(null);
      await fc.assert(
        fc.asyncProperty(notAnObject, unknownKey, wrongField, async (bad, extra, field) => {
          await expectValidationAndNoWrite(app, method, bad);
          await expectValidationAndNoWrite(app, method, { ...VALID[method], [extra]: 1 });
          if (field) await expectValidationAndNoWrite(app, method, { ...VALID[method], [field[0]]: field[1] });
        }),
        { numRuns: 25 },
      );
      for (const key of requiredKeys) {
        const { [key]: _removed, ...missing } = VALID[method];
        await expectValidationAndNoWrite(app, method, missing);
      }
    });
  }

  it('rejects unknown methods', async () => {
    const app = await openTestApp();
    const response = await app.call('people.dropEverything', {});
    expect(response).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
