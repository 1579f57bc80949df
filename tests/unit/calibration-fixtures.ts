import type { Input } from '../../src-shared/api';
import { employeeValues, type TestApp } from './helpers';

export const FIVE_LEVELS = [
  { value: 1, label: 'Unsatisfactory' }, { value: 2, label: 'Needs improvement' }, { value: 3, label: 'Meets' },
  { value: 4, label: 'Exceeds' }, { value: 5, label: 'Outstanding' },
];

/**
 * Sales (with Sales North below it) and Finance; Maria manages Sales and the six people of Sales
 * North; Greta is in Finance. A launched cycle over everyone; the final ratings are set
 * straight in the table (how they came about is the reviews' business):
 *
 *   Maria 3.8 (→ 4)   Anna 3.47 (→ 3)   Ben 4.6 (→ 5)   Chloe 2.2 (→ 2)
 *   Dan 3 (→ 3)       Eva 4 (→ 4)       Finn not rated   Greta 3 (Finance)
 */
export async function calibrationOrg(app: TestApp) {
  const [sales, finance] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales' } }, { values: { name: 'Finance' } }] })).rows;
  const [north] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales North', parentId: sales.id } }] })).rows;
  const [ae, lead] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Account Executive', level: 'L2' } }, { values: { title: 'Sales Lead', level: 'L3' } }] })).rows;
  const person = (n: number, first: string, last: string, extra: Record<string, unknown>) => ({ values: employeeValues(n, { firstName: first, lastName: last, ...extra }) });
  const [maria] = (await app.ok('people.saveEmployees', { rows: [person(1, 'Maria', 'Lopez', { departmentId: sales.id, jobId: lead.id })] })).rows;
  const team = (await app.ok('people.saveEmployees', {
    rows: [
      person(2, 'Anna', 'Adams', { departmentId: north.id, jobId: ae.id, managerId: maria.id }),
      person(3, 'Ben', 'Baker', { departmentId: north.id, jobId: ae.id, managerId: maria.id }),
      person(4, 'Chloe', 'Clark', { departmentId: north.id, jobId: ae.id, managerId: maria.id }),
      person(5, 'Dan', 'Dunn', { departmentId: north.id, jobId: lead.id, managerId: maria.id }),
      person(6, 'Eva', 'Evans', { departmentId: north.id, jobId: ae.id, managerId: maria.id }),
      person(7, 'Finn', 'Fox', { departmentId: north.id, jobId: ae.id, managerId: maria.id }),
      person(8, 'Greta', 'Green', { departmentId: finance.id, jobId: ae.id }),
    ],
  })).rows;
  const [anna, ben, chloe, dan, eva, finn, greta] = team;
  const scale = await app.ok('reviews.saveRatingScale', { name: 'Five', levels: FIVE_LEVELS });
  const template = await app.ok('reviews.saveTemplate', { name: 'Annual', sections: [{ kind: 'goals', title: 'Goals', weight: 100 }], steps: { selfReview: false, peerFeedback: false } });
  const draft = await app.ok('reviews.saveCycle', {
    name: '2025 annual review', periodStart: '2025-01-01', periodEnd: '2025-12-31', dueDate: '2026-01-31', ratingScaleId: scale.id, templateId: template.id,
    population: { departmentIds: [sales.id, finance.id], jobIds: [], employeeIds: [] },
  });
  const { cycle } = await app.ok('reviews.launchCycle', { id: draft.id, version: draft.version });
  const rate = app.store().raw.prepare(`UPDATE review SET final_rating = ?, computed_rating = ?, status = 'final_review' WHERE employee_id = ? AND cycle_id = ?`);
  for (const [who, rating] of [[maria, 3.8], [anna, 3.47], [ben, 4.6], [chloe, 2.2], [dan, 3], [eva, 4], [greta, 3]] as const) rate.run(rating, rating, who.id, cycle.id);
  const guidelines = await app.ok('calibration.saveGuidelineSet', {
    name: 'Top share', ratingScaleId: scale.id, mode: 'advisory', rules: [{ fromLevel: 5, toLevel: 5, operator: 'le', percent: 20 }],
  });
  return { sales, north, finance, ae, lead, maria, anna, ben, chloe, dan, eva, finn, greta, scale, template, cycle, guidelines };
}

export type CalibrationOrg = Awaited<ReturnType<typeof calibrationOrg>>;

export const defaultSettings = (): Input<'calibration.saveSession'>['settings'] => ({
  potentialLevels: [{ value: 1, label: 'Low' }, { value: 2, label: 'Medium' }, { value: 3, label: 'High' }],
  columns: 3,
  rows: 3,
  performanceBands: [2, 1, 2],
  potentialBands: [1, 1, 1],
  boxes: [
    'Talent risk', 'Effective contributor', 'Trusted professional', 'Inconsistent player', 'Core player', 'High performer', 'Rough diamond', 'Future star', 'Consistent star',
  ].map((name) => ({ name, colour: '#e9ecef' })),
  reasonCodes: [{ code: 'EVIDENCE', label: 'Evidence not reflected in the review' }, { code: 'OTHER', label: 'Other' }],
});

export const salesSession = (org: CalibrationOrg, extra: Partial<Input<'calibration.saveSession'>> = {}): Input<'calibration.saveSession'> => ({
  name: 'Sales 2025', cycleId: org.cycle.id, date: '2026-01-20', location: 'Room 3', facilitatorId: org.greta.id, reviewerIds: [org.maria.id],
  population: { departmentIds: [org.sales.id], managerIds: [], jobIds: [], jobLevels: [], employeeIds: [], excludedEmployeeIds: [] },
  guidelineSetId: org.guidelines.id, settings: defaultSettings(), ...extra,
});

export const REASON = { reasonCode: 'EVIDENCE', comment: 'Closed the biggest deal of the year.' };
