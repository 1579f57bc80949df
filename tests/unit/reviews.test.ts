import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ReviewDetail, TemplateSection } from '../../src-shared/api';
import { employeeValues, openTestApp, type TestApp } from './helpers';

const STAMP = '2025-01-01T00:00:00.000Z';
const LEVELS = [1, 2, 3, 4, 5].map((value) => ({ value, label: ['Poor', 'Fair', 'Good', 'Strong', 'Outstanding'][value - 1] }));
const SECTIONS: TemplateSection[] = [
  { kind: 'goals', title: 'Goals', weight: 50 },
  { kind: 'competencies', title: 'Skills', weight: 30 },
  {
    kind: 'questions', title: 'Values', weight: 20,
    questions: [
      { text: 'Teamwork', kind: 'rating', required: true },
      { text: 'What went well?', kind: 'text', required: true },
      { text: 'Anything else?', kind: 'text', required: false },
    ],
  },
];
const goalBase = { scope: 'individual' as const, unit: 'number' as const, stretch: false, status: 'on_track' as const, periodStart: '2026-01-01', periodEnd: '2026-12-31' };

/**
 * Sales (with Sales East below it) and Ops. Ann (Sales East, Developer, managed by Mia), Ben (Sales),
 * Mia (Sales, the manager), Cal (Ops, Developer), Dot (Ops, terminated), Eve (Sales, archived), Fin (Ops).
 * The Developer job requires SQL (level 4 "Advanced", weight 3) and Writing (level 2 "Working", weight 1).
 */
async function setUp(app: TestApp, steps = { selfReview: true, peerFeedback: true }) {
  const db = app.store().raw;
  const [sales, ops] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales' } }, { values: { name: 'Ops' } }] })).rows;
  const [east] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales East', parentId: sales.id } }] })).rows;
  const [developer] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Developer' } }] })).rows;
  const [mia] = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(1, { firstName: 'Mia', lastName: 'Stone', departmentId: sales.id }) }] })).rows;
  const [ann, ben, cal, dot, eve, fin] = (await app.ok('people.saveEmployees', {
    rows: [
      { values: employeeValues(2, { firstName: 'Ann', lastName: 'Able', departmentId: east.id, jobId: developer.id, managerId: mia.id }) },
      { values: employeeValues(3, { firstName: 'Ben', lastName: 'Best', departmentId: sales.id, managerId: mia.id }) },
      { values: employeeValues(4, { firstName: 'Cal', lastName: 'Cole', departmentId: ops.id, jobId: developer.id }) },
      { values: employeeValues(5, { firstName: 'Dot', lastName: 'Dale', departmentId: ops.id, jobId: developer.id, status: 'terminated', terminationDate: '2025-06-30' }) },
      { values: employeeValues(6, { firstName: 'Eve', lastName: 'East', departmentId: sales.id }) },
      { values: employeeValues(7, { firstName: 'Fin', lastName: 'Ford', departmentId: ops.id }) },
    ],
  })).rows;
  await app.ok('people.archiveEmployees', { ids: [eve.id] });

  const ids = { type: randomUUID(), model: randomUUID(), sql: randomUUID(), writing: randomUUID() };
  const tracked = (table: string, values: Record<string, unknown>) => {
    const row = { ...values, created_at: STAMP, updated_at: STAMP, version: 1 };
    db.prepare(`INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((k) => `@${k}`).join(', ')})`).run(row);
  };
  tracked('skill_type', { id: ids.type, name: 'Technical' });
  tracked('rating_model', { id: ids.model, name: 'Proficiency' });
  ['Basic', 'Working', 'Skilled', 'Advanced'].forEach((label, i) =>
    db.prepare(`INSERT INTO rating_level (rating_model_id, value, label, factor) VALUES (?, ?, ?, ?)`).run(ids.model, i + 1, label, i * 3));
  tracked('skill', { id: ids.sql, name: 'SQL', skill_type_id: ids.type, rating_model_id: ids.model });
  tracked('skill', { id: ids.writing, name: 'Writing', skill_type_id: ids.type, rating_model_id: ids.model });
  tracked('job_skill', { id: randomUUID(), job_id: developer.id, skill_id: ids.sql, level: 4, weight: 3 });
  tracked('job_skill', { id: randomUUID(), job_id: developer.id, skill_id: ids.writing, level: 2, weight: 1 });
  db.prepare(`INSERT INTO employee_skill (id, employee_id, skill_id, level, effective_date, source, recorded_at, recorded_by) VALUES (?, ?, ?, 3, '2025-06-01', 'manager', ?, 'test')`)
    .run(randomUUID(), ann.id, ids.sql, STAMP);

  const goals = (await app.ok('goals.saveGoals', {
    rows: [
      { values: { ...goalBase, ownerId: ann.id, title: 'Ship the API', weight: 60, targetValue: 10, actualValue: 4 } },
      { values: { ...goalBase, ownerId: ann.id, title: 'Mentor two juniors', weight: 40, targetValue: 2 } },
      { values: { ...goalBase, ownerId: ann.id, title: 'Last year', weight: 50, periodStart: '2025-01-01', periodEnd: '2025-12-31' } },
      { values: { ...goalBase, ownerId: ann.id, title: 'Dropped', weight: 10 } },
    ],
  })).rows;
  await app.ok('goals.archiveGoals', { ids: [goals[3].id] });

  const scale = await app.ok('reviews.saveRatingScale', { name: 'Five levels', levels: LEVELS });
  const template = await app.ok('reviews.saveTemplate', { name: 'Annual', sections: SECTIONS, steps });
  const cycle = await app.ok('reviews.saveCycle', {
    name: 'Review 2026', periodStart: '2026-01-01', periodEnd: '2026-12-31', ratingScaleId: scale.id, templateId: template.id,
    population: { departmentIds: [sales.id], jobIds: [developer.id], employeeIds: [] }, dueDate: '2027-01-31',
  });
  return { sales, east, ops, developer, mia, ann, ben, cal, dot, eve, fin, goals, scale, template, cycle, skills: ids };
}

async function launched(app: TestApp, steps?: { selfReview: boolean; peerFeedback: boolean }) {
  const org = await setUp(app, steps);
  const { created } = await app.ok('reviews.launchCycle', { id: org.cycle.id, version: org.cycle.version });
  const { rows } = await app.ok('reviews.listReviews', { cycleId: org.cycle.id });
  const review = await app.ok('reviews.getReview', { id: rows.find((r) => r.employeeId === org.ann.id)!.id });
  return { ...org, created, rows, review };
}

const keyOf = (detail: ReviewDetail, title: string) => detail.items.find((item) => item.title === title)!.key;

/** Ratings that give goals 3.2 (60·4 + 40·2), skills 3.5 (3·3 + 1·5) and values 4. */
function fullAnswers(detail: ReviewDetail) {
  return [
    { itemKey: keyOf(detail, 'Ship the API'), rating: 4, comment: 'Solid delivery' },
    { itemKey: keyOf(detail, 'Mentor two juniors'), rating: 2 },
    { itemKey: keyOf(detail, 'SQL'), rating: 3 },
    { itemKey: keyOf(detail, 'Writing'), rating: 5 },
    { itemKey: keyOf(detail, 'Teamwork'), rating: 4 },
    { itemKey: keyOf(detail, 'What went well?'), comment: 'The API launch' },
  ];
}

function stored(app: TestApp, reviewId: string) {
  const db = app.store().raw;
  return {
    review: db.prepare(`SELECT status, version, computed_rating AS computed, final_rating AS final FROM review WHERE id = ?`).get(reviewId),
    answers: app.count('review_answer'),
    steps: app.count('review_step'),
    audit: app.count('audit_event'),
  };
}

describe('rating scales and templates', () => {
  it('saves scales and templates, filling question ids, and refuses bad levels and weights, storing nothing', async () => {
    const app = await openTestApp();
    const scale = await app.ok('reviews.saveRatingScale', { name: 'Three', levels: LEVELS.slice(0, 3) });
    expect(scale).toMatchObject({ name: 'Three', cycleCount: 0, version: 1, levels: [{ value: 1, label: 'Poor', description: null }, expect.anything(), expect.anything()] });
    const falling = await app.fail('reviews.saveRatingScale', { name: 'Bad', levels: [{ value: 2, label: 'A' }, { value: 1, label: 'B' }] });
    expect(falling).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/values must rise/) });
    const duplicate = await app.fail('reviews.saveRatingScale', { name: 'three', levels: LEVELS });
    expect(duplicate.message).toMatch(/already called "three"/);
    expect(app.count('rating_scale')).toBe(1);

    const template = await app.ok('reviews.saveTemplate', { name: 'Annual', sections: SECTIONS, steps: { selfReview: true, peerFeedback: false } });
    expect(template.sections[2].questions!.every((q) => /^[0-9a-f-]{36}$/.test(q.id))).toBe(true);
    const weights = await app.fail('reviews.saveTemplate', {
      name: 'Lopsided', steps: { selfReview: true, peerFeedback: false },
      sections: [{ kind: 'goals', title: 'Goals', weight: 70 }, { kind: 'competencies', title: 'Skills', weight: 20 }],
    });
    expect(weights).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/must add up to 100; they add up to 90/) });
    expect(app.count('review_template')).toBe(1);

    const edited = await app.ok('reviews.saveTemplate', { id: template.id, version: 1, name: 'Annual', sections: template.sections, steps: template.steps });
    expect(edited.sections[2].questions!.map((q) => q.id)).toEqual(template.sections[2].questions!.map((q) => q.id));
    const stale = await app.fail('reviews.saveTemplate', { id: template.id, version: 1, name: 'Annual 2', sections: SECTIONS, steps: template.steps });
    expect(stale.code).toBe('CONFLICT');

    expect(await app.ok('reviews.archiveRatingScales', { ids: [scale.id] })).toEqual({ count: 1 });
    expect(await app.ok('reviews.archiveTemplates', { ids: [template.id] })).toEqual({ count: 1 });
    expect((await app.ok('reviews.listRatingScales', {})).rows).toHaveLength(0);
    expect((await app.ok('reviews.listTemplates', { includeArchived: true })).rows[0]).toMatchObject({ archived: true });
    const archivedScale = await app.fail('reviews.saveCycle', {
      name: 'X', periodStart: '2026-01-01', periodEnd: '2026-12-31', ratingScaleId: scale.id, templateId: template.id,
      population: { departmentIds: [], jobIds: [], employeeIds: [] }, dueDate: '2027-01-31',
    });
    expect(archivedScale.message).toBe('The rating scale "Three" is archived.');
  });
});

describe('review cycles', () => {
  it('launches one review per active person in the population and freezes scale and template', async () => {
    const app = await openTestApp();
    const org = await setUp(app);
    const launchedCycle = await app.ok('reviews.launchCycle', { id: org.cycle.id, version: 1 });
    // Sales and Sales East (Mia, Ben, Ann) ∪ Developers (Ann, Cal); Dot is terminated, Eve archived, Fin outside.
    expect(launchedCycle.created).toBe(4);
    expect(launchedCycle.cycle).toMatchObject({ status: 'active', reviewCount: 4, completeCount: 0, levels: LEVELS.map((l) => ({ ...l, description: null })) });
    const rows = (await app.ok('reviews.listReviews', { cycleId: org.cycle.id })).rows;
    expect(rows.map((r) => r.employeeName)).toEqual(['Ann Able', 'Ben Best', 'Cal Cole', 'Mia Stone']);
    expect(rows[0]).toMatchObject({ status: 'not_started', managerName: 'Mia Stone', departmentName: 'Sales East', jobTitle: 'Developer', dueDate: '2027-01-31', finalRating: null });

    // Editing the template afterwards does not change the running cycle.
    await app.ok('reviews.saveTemplate', { id: org.template.id, version: org.template.version, name: 'Annual', sections: [{ kind: 'goals', title: 'Only goals', weight: 100 }], steps: org.template.steps });
    expect((await app.ok('reviews.getCycle', { id: org.cycle.id })).sections.map((s) => s.title)).toEqual(['Goals', 'Skills', 'Values']);

    const cycle = await app.ok('reviews.getCycle', { id: org.cycle.id });
    const frozen = await app.fail('reviews.saveCycle', { ...cycleInput(cycle), population: { departmentIds: [org.ops.id], jobIds: [], employeeIds: [] } });
    expect(frozen).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/launched: its population can no longer change/) });
    const renamed = await app.ok('reviews.saveCycle', { ...cycleInput(cycle), name: 'Review 2026 (annual)' });
    expect(renamed).toMatchObject({ name: 'Review 2026 (annual)', version: cycle.version + 1 });
    const again = await app.fail('reviews.launchCycle', { id: cycle.id, version: renamed.version });
    expect(again.message).toMatch(/already been launched/);
    expect(app.count('review')).toBe(4);
  });

  it('adds late joiners to a running cycle, once each, and refuses people who are not active', async () => {
    const app = await openTestApp();
    const org = await setUp(app);
    const draftRefused = await app.fail('reviews.addToCycle', { id: org.cycle.id, version: 1, employeeIds: [org.fin.id] });
    expect(draftRefused.message).toMatch(/draft cycle by changing its population/);
    const { cycle } = await app.ok('reviews.launchCycle', { id: org.cycle.id, version: 1 });

    const refused = await app.fail('reviews.addToCycle', { id: cycle.id, version: cycle.version, employeeIds: [org.fin.id, org.dot.id] });
    expect(refused).toMatchObject({ code: 'VALIDATION', message: 'One person is not an active employee (left, archived or unknown); nobody was added.' });
    expect(app.count('review')).toBe(4);

    const added = await app.ok('reviews.addToCycle', { id: cycle.id, version: cycle.version, employeeIds: [org.fin.id, org.ann.id] });
    expect(added).toMatchObject({ created: 1, alreadyIn: 1, cycle: { reviewCount: 5, version: cycle.version + 1 } });
    expect(added.cycle.population.employeeIds).toEqual([org.fin.id]);
    const fin = (await app.ok('reviews.listReviews', { cycleId: cycle.id, search: 'ford' })).rows;
    expect(fin).toMatchObject([{ employeeName: 'Fin Ford', status: 'not_started', departmentName: 'Ops' }]);
    const stale = await app.fail('reviews.addToCycle', { id: cycle.id, version: cycle.version, employeeIds: [org.fin.id] });
    expect(stale.code).toBe('CONFLICT');
  });

  it('refuses to launch an empty population, and filters the review list', async () => {
    const app = await openTestApp();
    const org = await setUp(app);
    const empty = await app.ok('reviews.saveCycle', {
      name: 'Nobody', periodStart: '2026-01-01', periodEnd: '2026-12-31', ratingScaleId: org.scale.id, templateId: org.template.id,
      population: { departmentIds: [], jobIds: [], employeeIds: [org.dot.id, org.eve.id] }, dueDate: '2027-01-31',
    });
    const refused = await app.fail('reviews.launchCycle', { id: empty.id, version: 1 });
    expect(refused).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/Nobody active is in the population/) });
    expect(app.count('review')).toBe(0);
    expect((await app.ok('reviews.getCycle', { id: empty.id })).status).toBe('draft');

    const badDates = await app.fail('reviews.saveCycle', { ...cycleInput(empty), id: undefined, version: undefined, name: 'X', periodEnd: '2025-12-31' });
    expect(badDates.message).toMatch(/end on or after its start/);

    await app.ok('reviews.launchCycle', { id: org.cycle.id, version: 1 });
    const inSales = await app.ok('reviews.listReviews', { cycleId: org.cycle.id, departmentId: org.sales.id });
    expect(inSales.rows.map((r) => r.employeeName)).toEqual(['Ann Able', 'Ben Best', 'Mia Stone']);
    expect((await app.ok('reviews.listReviews', { managerId: org.mia.id })).total).toBe(2);
    expect((await app.ok('reviews.listReviews', { search: 'cole' })).rows.map((r) => r.employeeName)).toEqual(['Cal Cole']);
    const page = await app.ok('reviews.listReviews', { cycleId: org.cycle.id, offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4, rows: [{ employeeName: 'Ben Best' }, { employeeName: 'Cal Cole' }] });
    expect((await app.ok('reviews.listReviews', { status: 'complete' })).total).toBe(0);
  });
});

function cycleInput(cycle: { id: string; version: number; name: string; periodStart: string; periodEnd: string; ratingScaleId: string; templateId: string; population: { departmentIds: string[]; jobIds: string[]; employeeIds: string[] }; dueDate: string }) {
  const { id, version, name, periodStart, periodEnd, ratingScaleId, templateId, population, dueDate } = cycle;
  return { id, version, name, periodStart, periodEnd, ratingScaleId, templateId, population, dueDate };
}

describe('running a review', () => {
  it('builds the items: goals of the period, the job\'s competencies and the template questions', async () => {
    const app = await openTestApp();
    const { review } = await launched(app);
    expect(review.items.map((i) => `${i.kind}:${i.title}`)).toEqual([
      'goals:Ship the API', 'goals:Mentor two juniors', 'competencies:SQL', 'competencies:Writing',
      'questions:Teamwork', 'questions:What went well?', 'questions:Anything else?',
    ]);
    expect(review.items[0]).toMatchObject({ weight: 60, answer: 'rating', required: true, goal: { targetValue: 10, actualValue: 4, unit: 'number' } });
    expect(review.items[2]).toMatchObject({ weight: 3, competency: { requiredLevel: 'Advanced', currentLevel: 'Skilled' } });
    expect(review.items[3].competency).toEqual({ requiredLevel: 'Working', currentLevel: null });
    expect(review.items[5]).toMatchObject({ answer: 'text', required: true, weight: 1 });
    expect(review.steps.map((s) => `${s.step}:${s.status}`)).toEqual(['self:requested', 'manager:requested', 'employee_signoff:requested', 'manager_signoff:requested']);
    expect(review.snapshotted).toBe(false);
  });

  it('runs self → manager → sign-offs to complete with the computed rating; snapshots goals; reopening is audited', async () => {
    const app = await openTestApp();
    const { review, goals } = await launched(app);
    const id = review.review.id;

    // The first self answer starts the review.
    const started = await app.ok('reviews.saveAnswers', { reviewId: id, respondent: 'self', answers: [{ itemKey: keyOf(review, 'Teamwork'), rating: 5 }] });
    expect(started.review).toMatchObject({ status: 'in_progress', version: 2, startedAt: expect.any(String) });

    // Missing required self answers: refused, listing them; nothing stored.
    const before = stored(app, id);
    const missing = await app.fail('reviews.submitStep', { reviewId: id, version: 2, step: 'self' });
    expect(missing).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/self-review cannot be submitted yet: 5 required items are not answered \("Ship the API", "Mentor two juniors", "SQL", "Writing", "What went well\?"\)/) });
    expect(missing.issues).toHaveLength(5);
    expect(stored(app, id)).toEqual(before);

    await app.ok('reviews.saveAnswers', { reviewId: id, respondent: 'self', answers: fullAnswers(review) });
    const ready = await app.ok('reviews.submitStep', { reviewId: id, version: 2, step: 'self' });
    expect(ready.review).toMatchObject({ status: 'ready_for_review', readyAt: expect.any(String), version: 3 });
    const locked = await app.fail('reviews.saveAnswers', { reviewId: id, respondent: 'self', answers: [{ itemKey: keyOf(review, 'Teamwork'), rating: 1 }] });
    expect(locked.message).toMatch(/self-review has been submitted; its answers can no longer change/);

    // Skipping a step is refused, naming the next one.
    const skip = await app.fail('reviews.advanceReview', { id, version: 3, to: 'complete' });
    expect(skip).toMatchObject({ code: 'VALIDATION', message: 'The review cannot move from ready for review to complete: the next step is final review.' });
    const early = await app.fail('reviews.advanceReview', { id, version: 3, to: 'final_review' });
    expect(early.message).toBe('The manager review must be submitted first.');

    // A rating off the scale is refused, naming the item; nothing stored.
    const beforeOff = stored(app, id);
    const offScale = await app.fail('reviews.saveAnswers', { reviewId: id, respondent: 'manager', answers: [{ itemKey: keyOf(review, 'SQL'), rating: 3 }, { itemKey: keyOf(review, 'Ship the API'), rating: 6 }] });
    expect(offScale).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/"Ship the API": 6 is not on the rating scale \(use one of 1 \(Poor\), 2 \(Fair\)/) });
    const textRated = await app.fail('reviews.saveAnswers', { reviewId: id, respondent: 'manager', answers: [{ itemKey: keyOf(review, 'What went well?'), rating: 3 }] });
    expect(textRated.message).toMatch(/answered with text, not a rating/);
    const unknown = await app.fail('reviews.saveAnswers', { reviewId: id, respondent: 'manager', answers: [{ itemKey: `goal:${randomUUID()}`, rating: 3 }] });
    expect(unknown.message).toMatch(/is not an item of this review/);
    expect(stored(app, id)).toEqual(beforeOff);

    await app.ok('reviews.saveAnswers', { reviewId: id, respondent: 'manager', answers: fullAnswers(review) });
    const final = await app.ok('reviews.submitStep', { reviewId: id, version: 3, step: 'manager' });
    // 50·3.2 + 30·3.5 + 20·4 = 3.45
    expect(final.review).toMatchObject({ status: 'final_review', computedRating: 3.45, finalRating: 3.45, finalLabel: 'Good', finalAt: expect.any(String) });
    expect(final.sectionScores.map((s) => s.score)).toEqual([3.2, 3.5, 4]);

    // Override: a reason is required and the value must be on the scale; null clears it.
    expect((await app.fail('reviews.overrideRating', { id, version: 4, rating: 4 })).message).toBe('Give a reason for overriding the computed rating.');
    expect((await app.fail('reviews.overrideRating', { id, version: 4, rating: 3.5, reason: 'x' })).message).toMatch(/3.5 is not on the rating scale/);
    const overridden = await app.ok('reviews.overrideRating', { id, version: 4, rating: 4, reason: 'Calibration panel' });
    expect(overridden).toMatchObject({ overrideReason: 'Calibration panel', review: { overrideRating: 4, finalRating: 4, finalLabel: 'Strong', computedRating: 3.45 } });
    const cleared = await app.ok('reviews.overrideRating', { id, version: 5, rating: null });
    expect(cleared).toMatchObject({ overrideReason: null, review: { overrideRating: null, finalRating: 3.45 } });

    // Stale version → CONFLICT, nothing stored.
    const beforeStale = stored(app, id);
    expect((await app.fail('reviews.submitStep', { reviewId: id, version: 4, step: 'employee_signoff' })).code).toBe('CONFLICT');
    expect(stored(app, id)).toEqual(beforeStale);

    const signed = await app.ok('reviews.submitStep', { reviewId: id, version: 6, step: 'employee_signoff' });
    expect(signed.review.status).toBe('final_review');
    const complete = await app.ok('reviews.submitStep', { reviewId: id, version: 7, step: 'manager_signoff' });
    expect(complete).toMatchObject({ snapshotted: true, review: { status: 'complete', completedAt: expect.any(String), finalRating: 3.45 } });
    expect((await app.ok('reviews.getCycle', { id: review.cycle.id })).completeCount).toBe(1);
    expect((await app.fail('reviews.overrideRating', { id, version: 8, rating: 5, reason: 'late' })).message).toMatch(/reopen it first/);

    // Goals change after completion: the review still shows them as they were.
    await app.ok('goals.recordCheckIn', { goalId: goals[0].id, date: '2026-12-20', progress: 90, actualValue: 9 });
    const afterChange = await app.ok('reviews.getReview', { id });
    expect(afterChange.items.find((i) => i.title === 'Ship the API')!.goal).toMatchObject({ actualValue: 4, progress: 0 });

    // Reopen: back to final review, sign-offs cleared, answers kept, audited with the reason.
    const answerCount = app.count('review_answer');
    expect((await app.fail('reviews.reopenReview', { id, version: 8, reason: '' })).code).toBe('VALIDATION');
    const reopened = await app.ok('reviews.reopenReview', { id, version: 8, reason: 'Missed a peer comment' });
    expect(reopened.review).toMatchObject({ status: 'final_review', completedAt: null, version: 9 });
    expect(reopened.steps.filter((s) => s.step.endsWith('signoff')).map((s) => s.status)).toEqual(['requested', 'requested']);
    expect(app.count('review_answer')).toBe(answerCount);
    const audit = app.store().raw.prepare(`SELECT actor, after FROM audit_event WHERE entity = 'review' AND entity_id = ? AND action = 'reopen'`).all(id) as { after: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after)).toMatchObject({ status: 'final_review', reason: 'Missed a peer comment' });
    expect((await app.fail('reviews.reopenReview', { id, version: 9, reason: 'again' })).message).toMatch(/Only a complete review can be reopened/);

    // Completing again replaces the snapshot with the goals as they are now.
    await app.ok('reviews.submitStep', { reviewId: id, version: 9, step: 'manager_signoff' });
    const again = await app.ok('reviews.submitStep', { reviewId: id, version: 10, step: 'employee_signoff' });
    expect(again.review.status).toBe('complete');
    expect(again.items.find((i) => i.title === 'Ship the API')!.goal).toMatchObject({ actualValue: 9, progress: 90 });
  });

  it('without a self-review the manager starts the review and the manager review leads to final review', async () => {
    const app = await openTestApp();
    const { review } = await launched(app, { selfReview: false, peerFeedback: false });
    const id = review.review.id;
    expect(review.steps.map((s) => s.step)).toEqual(['manager', 'employee_signoff', 'manager_signoff']);
    expect((await app.fail('reviews.saveAnswers', { reviewId: id, respondent: 'self', answers: [{ itemKey: keyOf(review, 'Teamwork'), rating: 3 }] })).message).toBe('This cycle has no self-review.');
    const started = await app.ok('reviews.saveAnswers', { reviewId: id, respondent: 'manager', answers: fullAnswers(review) });
    expect(started.review.status).toBe('in_progress');
    const final = await app.ok('reviews.submitStep', { reviewId: id, version: 2, step: 'manager' });
    expect(final.review).toMatchObject({ status: 'final_review', readyAt: expect.any(String), finalAt: expect.any(String), computedRating: 3.45 });

    // Another review: explicit advances, one step at a time.
    const other = (await app.ok('reviews.listReviews', { search: 'Ben' })).rows[0];
    const moved = await app.ok('reviews.advanceReview', { id: other.id, version: 1, to: 'in_progress' });
    expect(moved.review).toMatchObject({ status: 'in_progress', startedAt: expect.any(String) });
    const ready = await app.ok('reviews.advanceReview', { id: other.id, version: 2, to: 'ready_for_review' });
    expect(ready.review.status).toBe('ready_for_review');
    // Ben has no goals and no job: only the questions are required.
    const missing = await app.fail('reviews.submitStep', { reviewId: other.id, version: 3, step: 'manager' });
    expect(missing.message).toMatch(/2 required items are not answered \("Teamwork", "What went well\?"\)/);

    // A closed cycle's reviews no longer change.
    const cycle = await app.ok('reviews.getCycle', { id: review.cycle.id });
    const closed = await app.ok('reviews.closeCycle', { id: cycle.id, version: cycle.version });
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    const refused = await app.fail('reviews.advanceReview', { id: other.id, version: 3, to: 'final_review' });
    expect(refused.message).toMatch(/is closed; its reviews can no longer change/);
  });

  it('takes peer feedback only from requested peers, when the template asks for it', async () => {
    const app = await openTestApp();
    const { review, ben, cal, ann } = await launched(app);
    const id = review.review.id;
    expect((await app.fail('reviews.requestPeerFeedback', { reviewId: id, peerIds: [ann.id] })).message).toMatch(/own review/);
    const unasked = await app.fail('reviews.saveAnswers', { reviewId: id, respondent: 'peer', peerId: cal.id, answers: [{ itemKey: keyOf(review, 'Teamwork'), rating: 3 }] });
    expect(unasked.message).toMatch(/not asked for peer feedback/);
    const requested = await app.ok('reviews.requestPeerFeedback', { reviewId: id, peerIds: [ben.id, cal.id] });
    expect(requested.steps.filter((s) => s.step === 'peer').map((s) => `${s.peerName}:${s.status}`).sort()).toEqual(['Ben Best:requested', 'Cal Cole:requested']);
    const answered = await app.ok('reviews.saveAnswers', { reviewId: id, respondent: 'peer', peerId: cal.id, answers: fullAnswers(review) });
    expect(answered.review.status).toBe('not_started');
    expect(answered.answers.filter((a) => a.respondent === 'peer')).toHaveLength(6);
    expect(answered.answers[0]).toMatchObject({ peerId: cal.id, peerName: 'Cal Cole' });
    const submitted = await app.ok('reviews.submitStep', { reviewId: id, version: 1, step: 'peer', peerId: cal.id });
    expect(submitted.steps.find((s) => s.peerId === cal.id)).toMatchObject({ status: 'submitted', submittedBy: expect.any(String) });
    // Peers do not count towards the rating.
    expect(submitted.sectionScores.every((s) => s.score === null)).toBe(true);

    const noPeers = await openTestApp();
    const plain = await launched(noPeers, { selfReview: true, peerFeedback: false });
    expect((await noPeers.fail('reviews.requestPeerFeedback', { reviewId: plain.review.review.id, peerIds: [plain.ben.id] })).message).toMatch(/does not ask for peer feedback/);
    expect(noPeers.count('review_step')).toBe(0);
  });
});
