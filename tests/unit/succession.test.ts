import { describe, expect, it } from 'vitest';
import { vacancyChain } from '../../src-shared/domain/succession';
import { employeeValues, openTestApp, type TestApp } from './helpers';

/**
 * A small organisation: the CEO's position, two VPs reporting to it and a manager under VP Sales,
 * each held by one person, plus Dana who holds no position. Returns ids by name.
 */
async function organisation(app: TestApp) {
  const [department] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Head office' } }] })).rows;
  const [exec, sales] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Executive' } }, { values: { title: 'Sales leader' } }] })).rows;
  const [ann, bo, cy, dana, eve] = (await app.ok('people.saveEmployees', {
    rows: [
      { values: employeeValues(1, { firstName: 'Ann', lastName: 'Lee', departmentId: department.id, jobId: exec.id }) },
      { values: employeeValues(2, { firstName: 'Bo', lastName: 'Chan', departmentId: department.id, jobId: sales.id }) },
      { values: employeeValues(3, { firstName: 'Cy', lastName: 'Diaz', departmentId: department.id, jobId: sales.id }) },
      { values: employeeValues(4, { firstName: 'Dana', lastName: 'Fox', departmentId: department.id, jobId: sales.id }) },
      { values: employeeValues(5, { firstName: 'Eve', lastName: 'Gray', departmentId: department.id, jobId: sales.id, status: 'terminated', terminationDate: '2025-06-30' }) },
    ],
  })).rows;
  const [ceo] = (await app.ok('people.savePositions', { rows: [{ values: { title: 'Chief Executive', jobId: exec.id, departmentId: department.id, incumbentId: ann.id } }] })).rows;
  const [vpSales, vpOps] = (await app.ok('people.savePositions', {
    rows: [
      { values: { title: 'VP Sales', jobId: sales.id, departmentId: department.id, reportsToId: ceo.id, incumbentId: bo.id } },
      { values: { title: 'VP Operations', jobId: exec.id, departmentId: department.id, reportsToId: ceo.id, incumbentId: cy.id } },
    ],
  })).rows;
  const levels = (await app.ok('succession.listReadinessLevels', {})).rows;
  return { department, exec, sales, ann, bo, cy, dana, eve, ceo, vpSales, vpOps, now: levels[0].id, soon: levels[1].id, later: levels[2].id };
}

const tables = ['key_position', 'succession_plan', 'succession_nomination'] as const;
const counts = (app: TestApp) => Object.fromEntries(tables.map((t) => [t, app.count(t)]));

describe('key positions', () => {
  it('marks a position key with its details and plan, edits them from the version they started at, unmarks and re-marks keeping the plan', async () => {
    const app = await openTestApp();
    const o = await organisation(app);
    const [marked] = (await app.ok('succession.saveKeyPositions', { rows: [{ values: { positionId: o.vpSales.id, criticality: 'high', vacancyRisk: 'medium', reason: 'Owns the revenue plan' } }] })).rows;
    expect(marked).toMatchObject({ id: o.vpSales.id, title: 'VP Sales', incumbentName: 'Bo Chan', criticality: 'high', vacancyRisk: 'medium', reason: 'Owns the revenue plan', successors: 0, strength: 0, archived: false });
    expect(app.store().raw.prepare(`SELECT is_key AS isKey FROM position WHERE id = ?`).get(o.vpSales.id)).toEqual({ isKey: 1 });
    const plan = (await app.ok('succession.listPlans', {})).rows.find((p) => p.positionId === o.vpSales.id)!;
    expect(plan).toMatchObject({ label: 'VP Sales · Head office', incumbentName: 'Bo Chan', successors: 0 });

    const [edited] = (await app.ok('succession.saveKeyPositions', { rows: [{ id: o.vpSales.id, version: marked.version, values: { plannedLeaveDate: '2027-03-31' } }] })).rows;
    expect(edited).toMatchObject({ plannedLeaveDate: '2027-03-31', criticality: 'high', version: marked.version + 1 });
    const stale = await app.fail('succession.saveKeyPositions', { rows: [{ id: o.vpSales.id, version: marked.version, values: { criticality: 'low' } }] });
    expect(stale.code).toBe('CONFLICT');
    const twice = await app.fail('succession.saveKeyPositions', { rows: [{ values: { positionId: o.vpSales.id, criticality: 'low', vacancyRisk: 'low' } }] });
    expect(twice.message).toBe('"VP Sales" is already a key position. Nothing was saved.');

    expect(await app.ok('succession.unmarkKeyPositions', { ids: [o.vpSales.id] })).toEqual({ count: 1 });
    expect((await app.ok('succession.listKeyPositions', {})).rows).toEqual([]);
    expect((await app.ok('succession.listPlans', {})).rows.map((p) => p.id)).not.toContain(plan.id);
    const [again] = (await app.ok('succession.saveKeyPositions', { rows: [{ values: { positionId: o.vpSales.id, criticality: 'medium', vacancyRisk: 'high' } }] })).rows;
    // The same plan comes back, and the details are those just given (the reason kept from before).
    expect(again).toMatchObject({ planId: plan.id, criticality: 'medium', vacancyRisk: 'high', reason: 'Owns the revenue plan' });
  });

  it('gives positions marked key elsewhere (the positions grid) details on their first save, without a version', async () => {
    const app = await openTestApp();
    const o = await organisation(app);
    await app.ok('people.savePositions', { rows: [{ id: o.vpOps.id, version: o.vpOps.version, values: { isKey: true } }] });
    const [listed] = (await app.ok('succession.listKeyPositions', {})).rows;
    expect(listed).toMatchObject({ id: o.vpOps.id, version: 0, planId: null, criticality: 'medium' });
    const [saved] = (await app.ok('succession.saveKeyPositions', { rows: [{ id: o.vpOps.id, values: { criticality: 'high' } }] })).rows;
    expect(saved).toMatchObject({ criticality: 'high', planId: expect.any(String) });
  });
});

describe('plans and the bench', () => {
  it('counts successors by readiness and scores the plan by the written rule; insights agree', async () => {
    const app = await openTestApp();
    const o = await organisation(app);
    await app.ok('succession.saveKeyPositions', { rows: [{ values: { positionId: o.ceo.id, criticality: 'high', vacancyRisk: 'low' } }, { values: { positionId: o.vpOps.id, criticality: 'low', vacancyRisk: 'low' } }] });
    await app.ok('succession.nominateSuccessor', { positionId: o.ceo.id, employeeId: o.bo.id, readinessId: o.now, emergency: true });
    await app.ok('succession.nominateSuccessor', { positionId: o.ceo.id, employeeId: o.cy.id, readinessId: o.soon });
    const third = await app.ok('succession.nominateSuccessor', { positionId: o.ceo.id, employeeId: o.dana.id, readinessId: o.later, notes: 'Needs P&L experience' });
    expect(third).toMatchObject({ rank: 3, successorName: 'Dana Fox', kind: 'employee', planLabel: 'Chief Executive · Head office', currentPositionTitle: null });

    const plan = (await app.ok('succession.listPlans', {})).rows.find((p) => p.positionId === o.ceo.id)!;
    // One ready now (50) + one in 1–2 years (25) + one in 3+ years (10) = 85.
    expect(plan).toMatchObject({ successors: 3, readyNow: 1, emergencyCover: true, strength: 85, counts: [{ readinessId: o.now, count: 1 }, { readinessId: o.soon, count: 1 }, { readinessId: o.later, count: 1 }] });
    const keys = (await app.ok('succession.listKeyPositions', {})).rows;
    expect(keys.map((k) => [k.title, k.successors, k.readyNow, k.strength])).toEqual([['Chief Executive', 3, 1, 85], ['VP Operations', 0, 0, 0]]);

    const insights = await app.ok('succession.getInsights', {});
    // Two key positions, one with a ready-now successor: 50%; strengths 85 and 0 average 42.5.
    expect(insights).toMatchObject({ keyPositions: 2, covered: 1, coverage: 50, nominations: 3, averageStrength: 42.5 });
    expect(insights.withoutSuccessor.map((p) => p.title)).toEqual(['VP Operations']);
    expect(insights.readiness.map((r) => r.count)).toEqual([1, 1, 1]);

    // Bo rated "ready in 1–2 years" instead: 25 + 25 + 10 = 60, no one ready now.
    const bo = (await app.ok('succession.listNominations', { planId: plan.id })).rows.find((n) => n.employeeId === o.bo.id)!;
    await app.ok('succession.saveNominations', { rows: [{ id: bo.id, version: bo.version, values: { readinessId: o.soon } }] });
    expect((await app.ok('succession.listPlans', {})).rows.find((p) => p.id === plan.id)).toMatchObject({ readyNow: 0, strength: 50 });
    expect((await app.ok('succession.getInsights', {})).coverage).toBe(0);
  });

  it('shows a successor everywhere they are nominated, and follows a vacancy chain through the chart data, loops included', async () => {
    const app = await openTestApp();
    const o = await organisation(app);
    await app.ok('succession.saveKeyPositions', { rows: [o.ceo, o.vpSales, o.vpOps].map((p) => ({ values: { positionId: p.id, criticality: 'high', vacancyRisk: 'low' } })) });
    await app.ok('succession.nominateSuccessor', { positionId: o.ceo.id, employeeId: o.bo.id, readinessId: o.now });
    await app.ok('succession.nominateSuccessor', { positionId: o.vpSales.id, employeeId: o.cy.id, readinessId: o.now });
    await app.ok('succession.nominateSuccessor', { positionId: o.vpOps.id, employeeId: o.bo.id, readinessId: o.now });
    const person = await app.ok('succession.getPersonSuccession', { employeeId: o.bo.id });
    expect(person.nominations.map((n) => n.label)).toEqual(['Chief Executive · Head office', 'VP Operations · Head office']);
    expect(person.holds).toMatchObject({ title: 'VP Sales', isKey: true, successors: 1, readyNow: 1 });

    const chart = await app.ok('succession.getChart', {});
    // Ann leaves: Bo moves up from VP Sales; Cy moves up from VP Operations; VP Operations' only successor is Bo, who already moved.
    const chain = vacancyChain(chart.positions, chart.readiness, o.ceo.id);
    expect(chain.steps.map((s) => [s.title, s.leaver?.name, s.successor?.name ?? null])).toEqual([
      ['Chief Executive', 'Ann Lee', 'Bo Chan'],
      ['VP Sales', 'Bo Chan', 'Cy Diaz'],
      ['VP Operations', 'Cy Diaz', null],
    ]);
    expect(chain.steps[2].skipped).toEqual([{ personId: o.bo.id, name: 'Bo Chan', reason: 'moved' }]);
    expect(chain.gaps).toEqual([o.vpOps.id]);
  });

  it('refuses bad nominations with a clear message and stores nothing', async () => {
    const app = await openTestApp();
    const o = await organisation(app);
    await app.ok('succession.saveKeyPositions', { rows: [{ values: { positionId: o.vpSales.id, criticality: 'high', vacancyRisk: 'low' } }] });
    const planId = (await app.ok('succession.listPlans', {})).rows[0].id;
    await app.ok('succession.nominateSuccessor', { positionId: o.vpSales.id, employeeId: o.dana.id, readinessId: o.now });
    const before = counts(app);
    const row = (values: Record<string, unknown>) => ({ rows: [{ values: { planId, rank: 2, readinessId: o.soon, emergency: false, ...values } }] });
    const refusals: [unknown, string][] = [
      [row({ employeeId: o.bo.id }), 'Bo Chan holds "VP Sales"; a successor must be someone else. Nothing was saved.'],
      [row({ employeeId: o.dana.id }), 'Dana Fox is already a successor on this plan. Nothing was saved.'],
      [{ rows: [row({ employeeId: o.cy.id }).rows[0], row({ employeeId: o.cy.id }).rows[0]] }, 'Row 2, Employee: Cy Diaz is already a successor on this plan. Nothing was saved.'],
      [row({ employeeId: o.eve.id }), 'Eve Gray has left the organisation and cannot be a successor. Nothing was saved.'],
      [row({ employeeId: o.cy.id, readinessId: o.ceo.id }), 'Readiness must be one of the scale\'s levels: Ready now, Ready in 1–2 years, Ready in 3+ years. Nothing was saved.'],
      [row({ employeeId: o.cy.id, rank: 0 }), 'Rank: Rank must be a whole number from 1 to 99.'],
      [row({ employeeId: o.cy.id, rank: 100 }), 'Rank: Rank must be a whole number from 1 to 99.'],
      [row({ employeeId: o.cy.id, rank: 1.5 }), 'Rank: Rank must be a whole number from 1 to 99.'],
      [row({}), 'Choose the successor: an employee or an external candidate. Nothing was saved.'],
    ];
    for (const [input, message] of refusals) {
      const error = await app.fail('succession.saveNominations', input);
      expect(error, JSON.stringify(input)).toMatchObject({ code: 'VALIDATION', message });
    }
    const notKey = await app.fail('succession.nominateSuccessor', { positionId: o.vpOps.id, employeeId: o.dana.id, readinessId: o.now });
    expect(notKey.message).toBe('"VP Operations" is not a key position; mark it key before nominating successors.');
    const planForNotKey = await app.fail('succession.savePlans', { rows: [{ values: { positionId: o.vpOps.id } }] });
    expect(planForNotKey.message).toBe('"VP Operations" is not a key position; mark it key before planning its succession. Nothing was saved.');
    const zodRank = await app.fail('succession.nominateSuccessor', { positionId: o.vpSales.id, employeeId: o.cy.id, readinessId: o.now, rank: -3 });
    expect(zodRank.code).toBe('VALIDATION');
    expect(counts(app)).toEqual(before);
  });

  it('lets a job plan name people who could move into a job many hold, but not those already in it', async () => {
    const app = await openTestApp();
    const o = await organisation(app);
    const [plan] = (await app.ok('succession.savePlans', { rows: [{ values: { jobId: o.exec.id, notes: 'Executive bench' } }] })).rows;
    expect(plan.label).toBe('Job: Executive');
    const inJob = await app.fail('succession.saveNominations', { rows: [{ values: { planId: plan.id, employeeId: o.ann.id, rank: 1, readinessId: o.now, emergency: false } }] });
    expect(inJob.message).toBe('Ann Lee already works as Executive; a job plan names people who could move into it. Nothing was saved.');
    await app.ok('succession.saveNominations', { rows: [{ values: { planId: plan.id, employeeId: o.dana.id, rank: 1, readinessId: o.now, emergency: false } }] });
    // The plan reaches both positions of the job on the chart (neither has a plan of its own).
    const chart = await app.ok('succession.getChart', {});
    expect(chart.positions.filter((p) => p.planSource === 'job').map((p) => [p.title, p.successors.map((s) => s.name)]).sort()).toEqual([['Chief Executive', ['Dana Fox']], ['VP Operations', ['Dana Fox']]]);
    expect((await app.fail('succession.savePlans', { rows: [{ values: { jobId: o.exec.id } }] })).message).toBe('This job already has a succession plan. Nothing was saved.');
  });
});

describe('skill match and latest rating of internal successors', () => {
  it('match the gap analysis arithmetic and the latest completed review', async () => {
    const app = await openTestApp();
    const o = await organisation(app);
    const [type] = (await app.ok('skills.saveSkillTypes', { rows: [{ values: { name: 'Leadership' } }] })).rows;
    const model = await app.ok('skills.saveRatingModel', { name: 'Three', levels: [{ label: 'Basic', factor: 2 }, { label: 'Good', factor: 4 }, { label: 'Expert', factor: 8 }] });
    const [coaching, strategy] = (await app.ok('skills.saveSkills', { rows: [{ values: { name: 'Coaching', skillTypeId: type.id, ratingModelId: model.id } }, { values: { name: 'Strategy', skillTypeId: type.id, ratingModelId: model.id } }] })).rows;
    // The CEO's job asks Coaching at Good (weight 1) and Strategy at Expert (weight 3).
    await app.ok('skills.saveRequirements', { changes: [{ jobId: o.exec.id, skillId: coaching.id, level: 2, weight: 1 }, { jobId: o.exec.id, skillId: strategy.id, level: 3, weight: 3 }] });
    // Dana: Coaching Expert (meets it: 1), Strategy Good (4 of 8: 0.5). (1×1 + 3×0.5) / 4 = 62.5%.
    await app.ok('skills.recordLevels', { rows: [
      { employeeId: o.dana.id, skillId: coaching.id, level: 3, effectiveDate: '2025-01-10', source: 'manager' },
      { employeeId: o.dana.id, skillId: strategy.id, level: 2, effectiveDate: '2025-01-10', source: 'manager' },
    ] });
    // Two completed reviews: the later one (3.6 on a four-level scale, nearest "Strong") is the latest rating.
    const db = app.store().raw;
    const stamp = '2026-01-01T00:00:00.000Z';
    const levels = JSON.stringify([{ value: 1, label: 'Low', description: null }, { value: 2, label: 'Solid', description: null }, { value: 3, label: 'Good', description: null }, { value: 4, label: 'Strong', description: null }]);
    db.prepare(`INSERT INTO rating_scale (id, name, levels, archived, created_at, updated_at, version) VALUES ('s1', 'Four', ?, 0, ?, ?, 1)`).run(levels, stamp, stamp);
    db.prepare(`INSERT INTO review_template (id, name, sections, steps, archived, created_at, updated_at, version) VALUES ('t1', 'Annual', '[]', '{}', 0, ?, ?, 1)`).run(stamp, stamp);
    for (const [cycle, name, end, completed, rating] of [['c1', '2024 review', '2024-12-31', '2025-01-20T10:00:00Z', 2], ['c2', '2025 review', '2025-12-31', '2026-01-25T10:00:00Z', 3.6]] as const) {
      db.prepare(`INSERT INTO review_cycle (id, name, period_start, period_end, rating_scale_id, template_id, population, due_date, status, levels_snapshot, archived, created_at, updated_at, version)
        VALUES (?, ?, '2024-01-01', ?, 's1', 't1', '{}', '2026-02-01', 'closed', ?, 0, ?, ?, 1)`).run(cycle, name, end, levels, stamp, stamp);
      db.prepare(`INSERT INTO review (id, cycle_id, employee_id, status, completed_at, final_rating, created_at, updated_at, version) VALUES (?, ?, ?, 'complete', ?, ?, ?, ?, 1)`)
        .run(`r-${cycle}`, cycle, o.dana.id, completed, rating, stamp, stamp);
    }
    await app.ok('succession.saveKeyPositions', { rows: [{ values: { positionId: o.ceo.id, criticality: 'high', vacancyRisk: 'low' } }] });
    const nomination = await app.ok('succession.nominateSuccessor', { positionId: o.ceo.id, employeeId: o.dana.id, readinessId: o.now });
    expect(nomination).toMatchObject({ skillMatch: 62.5, latestRating: 3.6, latestRatingLabel: 'Strong', latestRatingCycle: '2025 review' });
    expect(nomination).toMatchObject({ latestPotentialLabel: null, latestPotentialSession: null });

    // Potential comes from the latest *finalised* calibration session, named on that session's scale:
    // 2025's "Emerging" over 2024's "Proven"; a draft session's placement does not count yet.
    const potentialLevels = (labels: string[]) => JSON.stringify({ potentialLevels: labels.map((label, i) => ({ value: i + 1, label })) });
    const sessions = [
      ['k1', '2024 talent review', 'finalised', '2025-02-01T09:00:00Z', potentialLevels(['Limited', 'Proven', 'Exceptional']), 2, 'r-c1'],
      ['k2', '2025 talent review', 'finalised', '2026-02-01T09:00:00Z', potentialLevels(['Steady', 'Emerging', 'Rising star']), 2, 'r-c2'],
      ['k3', '2026 pre-read', 'draft', null, potentialLevels(['Low', 'Medium', 'High']), 3, 'r-c2'],
    ] as const;
    for (const [id, name, status, finalisedAt, settings, potential, review] of sessions) {
      db.prepare(`INSERT INTO calibration_session (id, name, cycle_id, date, reviewer_ids, population, settings, status, finalised_at, created_at, updated_at, version)
        VALUES (?, ?, 'c2', '2026-01-30', '[]', '{}', ?, ?, ?, ?, ?, 1)`).run(id, name, settings, status, finalisedAt, stamp, stamp);
      db.prepare(`INSERT INTO calibration_member (id, session_id, review_id, employee_id, potential, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`)
        .run(`m-${id}`, id, review, o.dana.id, potential, stamp, stamp);
    }
    const [listed] = (await app.ok('succession.listNominations', {})).rows.filter((n) => n.id === nomination.id);
    expect(listed).toMatchObject({ latestPotentialLabel: 'Emerging', latestPotentialSession: '2025 talent review' });
  });
});

describe('risk of loss, talent pools and readiness levels', () => {
  it('keeps one risk assessment per person and shows it on the chart', async () => {
    const app = await openTestApp();
    const o = await organisation(app);
    await app.ok('succession.saveLossRisks', { rows: [{ values: { employeeId: o.ann.id, riskOfLoss: 'high', impactOfLoss: 'high', reason: 'Offer from a competitor' } }] });
    const duplicate = await app.fail('succession.saveLossRisks', { rows: [{ values: { employeeId: o.ann.id, riskOfLoss: 'low', impactOfLoss: 'low' } }] });
    expect(duplicate.message).toBe('Ann Lee already has a risk assessment; edit that row. Nothing was saved.');
    const ceo = (await app.ok('succession.getChart', {})).positions.find((p) => p.id === o.ceo.id)!;
    expect(ceo.incumbent).toMatchObject({ name: 'Ann Lee', riskOfLoss: 'high', impactOfLoss: 'high' });
  });

  it('keeps pool members and fed positions unique per pool', async () => {
    const app = await openTestApp();
    const o = await organisation(app);
    const [pool] = (await app.ok('succession.saveTalentPools', { rows: [{ values: { name: 'Future leaders' } }] })).rows;
    await app.ok('succession.savePoolMembers', { rows: [{ values: { poolId: pool.id, employeeId: o.dana.id } }] });
    await app.ok('succession.savePoolPositions', { rows: [{ values: { poolId: pool.id, positionId: o.ceo.id } }] });
    expect((await app.fail('succession.savePoolMembers', { rows: [{ values: { poolId: pool.id, employeeId: o.dana.id } }] })).message).toBe('Dana Fox is already in this pool. Nothing was saved.');
    expect((await app.fail('succession.saveTalentPools', { rows: [{ values: { name: 'future LEADERS' } }] })).message).toBe('Another talent pool is already called "future LEADERS". Nothing was saved.');
    expect((await app.ok('succession.listTalentPools', {})).rows).toMatchObject([{ name: 'Future leaders', members: 1, positions: 1 }]);
    expect((await app.ok('succession.getPersonSuccession', { employeeId: o.dana.id })).pools).toEqual([{ poolId: pool.id, name: 'Future leaders' }]);
  });

  it('lets levels swap places in one batch, refuses clashes, and keeps levels still in use', async () => {
    const app = await openTestApp();
    const o = await organisation(app);
    const [now, soon] = (await app.ok('succession.listReadinessLevels', {})).rows;
    await app.ok('succession.saveReadinessLevels', { rows: [{ id: now.id, version: now.version, values: { sortOrder: 2 } }, { id: soon.id, version: soon.version, values: { sortOrder: 1 } }] });
    expect((await app.ok('succession.listReadinessLevels', {})).rows.map((r) => r.label)).toEqual(['Ready in 1–2 years', 'Ready now', 'Ready in 3+ years']);
    const clash = await app.fail('succession.saveReadinessLevels', { rows: [{ values: { label: 'Ready in 6 months', shortLabel: '6 m', sortOrder: 3 } }] });
    expect(clash.message).toBe('"Ready in 3+ years" already has order 3; each level needs its own place in the scale. Nothing was saved.');
    await app.ok('succession.saveKeyPositions', { rows: [{ values: { positionId: o.ceo.id, criticality: 'high', vacancyRisk: 'low' } }] });
    await app.ok('succession.nominateSuccessor', { positionId: o.ceo.id, employeeId: o.dana.id, readinessId: o.later });
    const inUse = await app.fail('succession.archiveReadinessLevels', { ids: [o.later] });
    expect(inUse.message).toBe('1 successor is rated "Ready in 3+ years"; give them another readiness first. Nothing was archived.');
  });
});
