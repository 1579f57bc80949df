import { describe, expect, it } from 'vitest';
import { calibrationOrg, REASON, salesSession, type CalibrationOrg } from './calibration-fixtures';
import { employeeValues, openTestApp, type TestApp } from './helpers';

async function started(app: TestApp, org: CalibrationOrg) {
  const draft = await app.ok('calibration.saveSession', salesSession(org));
  return app.ok('calibration.startSession', { id: draft.id, version: draft.version });
}

async function members(app: TestApp, sessionId: string) {
  const { rows } = await app.ok('calibration.listMembers', { sessionId });
  return Object.fromEntries(rows.map((m) => [m.employeeName.split(' ')[0], m]));
}

const review = (app: TestApp, employeeId: string) =>
  app.store().raw.prepare(`SELECT final_rating AS finalRating, override_rating AS overrideRating, rating_before_calibration AS before, calibration_session_id AS sessionId FROM review WHERE employee_id = ?`).get(employeeId) as
    { finalRating: number | null; overrideRating: number | null; before: number | null; sessionId: string | null };

describe('calibration sessions', () => {
  it('takes the people of a department and its sub-departments who have a review, leaving the rest out', async () => {
    const app = await openTestApp();
    const org = await calibrationOrg(app);
    const session = await app.ok('calibration.saveSession', salesSession(org));
    expect(session.status).toBe('draft');
    expect(session.memberCount).toBe(7); // Maria and her six; Greta is in Finance
    const people = await members(app, session.id);
    expect(Object.keys(people).sort()).toEqual(['Anna', 'Ben', 'Chloe', 'Dan', 'Eva', 'Finn', 'Maria']);
    // Anna's 3.47 counts at Meets; Finn has no rating yet: the holding area.
    expect(people.Anna).toMatchObject({ originalRating: 3.47, originalLevel: 3, performance: 3, performanceSet: false, movement: 'same' });
    expect(people.Finn).toMatchObject({ originalRating: null, performance: null, movement: null });
  });

  it('builds a population from a manager\'s team or a job level', async () => {
    const app = await openTestApp();
    const org = await calibrationOrg(app);
    const byManager = await app.ok('calibration.saveSession', salesSession(org, { name: 'Team', population: { departmentIds: [], managerIds: [org.maria.id], jobIds: [], jobLevels: [], employeeIds: [], excludedEmployeeIds: [] } }));
    expect(byManager.memberCount).toBe(6); // her six reports, not Maria herself
    await app.ok('calibration.archiveSessions', { ids: [byManager.id] });
    const byLevel = await app.ok('calibration.saveSession', salesSession(org, { name: 'Leads', population: { departmentIds: [], managerIds: [], jobIds: [], jobLevels: ['L3'], employeeIds: [], excludedEmployeeIds: [] } }));
    expect(byLevel.memberCount).toBe(2); // Maria and Dan are Sales Leads (L3)
  });

  it('refuses a person without a review, and one already in another open session, storing nothing', async () => {
    const app = await openTestApp();
    const org = await calibrationOrg(app);
    const [late] = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(9, { firstName: 'Lara', lastName: 'Late' }) }] })).rows;
    const session = await app.ok('calibration.saveSession', salesSession(org));
    const before = app.count('calibration_member');
    const noReview = await app.fail('calibration.addPeople', { id: session.id, version: session.version, employeeIds: [late.id] });
    expect(noReview.message).toMatch(/Lara Late has no review in the cycle “2025 annual review”/);
    const other = await app.fail('calibration.saveSession', salesSession(org, { name: 'Overlap', population: { departmentIds: [], managerIds: [], jobIds: [], jobLevels: [], employeeIds: [org.anna.id], excludedEmployeeIds: [] } }));
    expect(other.message).toMatch(/Anna Adams is already in the open session “Sales 2025”/);
    expect(app.count('calibration_member')).toBe(before);
    expect(app.count('calibration_session')).toBe(1);
  });

  it('adds and removes people freely in a draft, with a reason once started, kept in the history', async () => {
    const app = await openTestApp();
    const org = await calibrationOrg(app);
    let session = await app.ok('calibration.saveSession', salesSession(org));
    const added = await app.ok('calibration.addPeople', { id: session.id, version: session.version, employeeIds: [org.greta.id] });
    expect(added).toMatchObject({ added: 1, alreadyIn: 0 });
    session = await app.ok('calibration.startSession', { id: added.session.id, version: added.session.version });
    const greta = (await members(app, session.id)).Greta;
    const noReason = await app.fail('calibration.removePeople', { id: session.id, version: session.version, memberIds: [greta.id] });
    expect(noReason.message).toMatch(/say why people are removed/);
    const removed = await app.ok('calibration.removePeople', { id: session.id, version: session.version, memberIds: [greta.id], reason: 'Calibrated with Finance.' });
    expect(removed).toMatchObject({ removed: 1, session: { memberCount: 7 } });
    const { rows: history } = await app.ok('calibration.listHistory', { sessionId: session.id });
    expect(history.map((h) => [h.kind, h.employeeName, h.comment])).toEqual([['removed', 'Greta Green', 'Calibrated with Finance.']]);
  });

  it('copies a session into a new draft with the same set-up and people', async () => {
    const app = await openTestApp();
    const org = await calibrationOrg(app);
    const session = await app.ok('calibration.saveSession', salesSession(org));
    await app.ok('calibration.archiveSessions', { ids: [session.id] });
    const copy = await app.ok('calibration.copySession', { id: session.id, name: 'Sales 2025 (follow-up)', date: '2026-02-10' });
    expect(copy).toMatchObject({ status: 'draft', date: '2026-02-10', location: 'Room 3', guidelineSetId: org.guidelines.id, memberCount: 7, reviewerIds: [org.maria.id] });
    expect(copy.settings).toEqual(session.settings);
  });
});

describe('moving people', () => {
  it('a move needs one of the session\'s reasons and a comment; without them nothing is stored', async () => {
    const app = await openTestApp();
    const org = await calibrationOrg(app);
    const session = await started(app, org);
    const anna = (await members(app, session.id)).Anna;
    const noReason = await app.fail('calibration.movePerson', { sessionId: session.id, memberId: anna.id, version: anna.version, performance: 4 });
    expect(noReason.code).toBe('VALIDATION');
    const badCode = await app.fail('calibration.movePerson', { sessionId: session.id, memberId: anna.id, version: anna.version, performance: 4, reasonCode: 'LUCK', comment: 'x' });
    expect(badCode.message).toBe('“LUCK” is not one of this session\'s reason codes (EVIDENCE, OTHER).');
    const offScale = await app.fail('calibration.movePerson', { sessionId: session.id, memberId: anna.id, version: anna.version, performance: 7, ...REASON });
    expect(offScale.message).toMatch(/7 is not on the cycle's rating scale/);
    expect(app.count('calibration_change')).toBe(0);
    expect((await members(app, session.id)).Anna.version).toBe(anna.version);
  });

  it('moves a card, keeps the change (who, when, from, to, reason, comment) and refuses a stale version', async () => {
    const app = await openTestApp();
    const org = await calibrationOrg(app);
    await app.ok('admin.updateSettings', { actorName: 'Hana Facilitator' });
    const session = await started(app, org);
    const anna = (await members(app, session.id)).Anna;
    const moved = await app.ok('calibration.movePerson', { sessionId: session.id, memberId: anna.id, version: anna.version, performance: 4, potential: 3, ...REASON });
    expect(moved.member).toMatchObject({ performance: 4, potential: 3, movement: 'up', performanceSet: true, changeCount: 1 });
    // Placed: Maria 4, Anna 4, Ben 5, Chloe 2, Dan 3, Eva 4 (Finn in the holding area).
    expect(moved.distribution).toMatchObject({ population: 6, holding: 1, calibrated: [0, 1, 1, 3, 1], original: [0, 1, 2, 2, 1], moves: { up: 1, down: 0, placed: 0, changes: 1 } });
    // Anna (Exceeds, High) is the one person in a box: Consistent star (column 3, row 3).
    expect(moved.distribution.boxes).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const { rows: history } = await app.ok('calibration.listHistory', { sessionId: session.id, memberId: anna.id });
    expect(history).toEqual([expect.objectContaining({
      kind: 'move', employeeName: 'Anna Adams', performanceFrom: 3, performanceTo: 4, potentialFrom: null, potentialTo: 3,
      reasonCode: 'EVIDENCE', reasonLabel: 'Evidence not reflected in the review', comment: 'Closed the biggest deal of the year.', actor: 'Hana Facilitator', undoneAt: null,
    })]);
    const stale = await app.fail('calibration.movePerson', { sessionId: session.id, memberId: anna.id, version: anna.version, performance: 5, ...REASON });
    expect(stale.code).toBe('CONFLICT');
    expect((await members(app, session.id)).Anna.performance).toBe(4);
    const outsider = await app.fail('calibration.movePerson', { sessionId: session.id, memberId: org.greta.id, version: 1, performance: 3, ...REASON });
    expect(outsider).toMatchObject({ code: 'NOT_FOUND', message: 'This person is not in the session “Sales 2025”.' });
  });

  it('undoes the last move, only when it is still the last one', async () => {
    const app = await openTestApp();
    const org = await calibrationOrg(app);
    const session = await started(app, org);
    const people = await members(app, session.id);
    const first = await app.ok('calibration.movePerson', { sessionId: session.id, memberId: people.Anna.id, version: people.Anna.version, performance: 4, ...REASON });
    await app.ok('calibration.movePerson', { sessionId: session.id, memberId: people.Chloe.id, version: people.Chloe.version, potential: 1, ...REASON });
    const [last, earlier] = (await app.ok('calibration.listHistory', { sessionId: session.id })).rows;
    const wrong = await app.fail('calibration.undoLastMove', { sessionId: session.id, changeId: earlier.id });
    expect(wrong.code).toBe('CONFLICT');
    const undone = await app.ok('calibration.undoLastMove', { sessionId: session.id, changeId: last.id });
    expect(undone.member).toMatchObject({ employeeName: 'Chloe Clark', potential: null });
    expect(undone.change.undoneAt).not.toBeNull();
    await app.ok('calibration.undoLastMove', { sessionId: session.id, changeId: earlier.id });
    expect((await members(app, session.id)).Anna).toMatchObject({ performance: 3, movement: 'same', version: first.member.version + 1 });
    expect((await app.fail('calibration.undoLastMove', { sessionId: session.id, changeId: earlier.id })).message).toBe('There is no move to undo in this session.');
  });

  it('grid edits: other fields freely, a change of rating only with a reason, all rows or none', async () => {
    const app = await openTestApp();
    const org = await calibrationOrg(app);
    const session = await started(app, org);
    const { Ben, Dan } = await members(app, session.id);
    const rows = [
      { id: Ben.id, version: Ben.version, values: { discussed: true, comment: 'Strong pipeline.', riskOfLoss: 'high' as const } },
      { id: Dan.id, version: Dan.version, values: { potential: 2 } },
    ];
    const refused = await app.fail('calibration.saveMembers', { sessionId: session.id, rows });
    expect(refused.message).toMatch(/^Row 2, Potential: Moving Dan Dunn needs a reason and a comment/);
    expect((await members(app, session.id)).Ben.discussed).toBe(false);
    const saved = await app.ok('calibration.saveMembers', { sessionId: session.id, rows, reason: REASON });
    expect(saved.rows.map((m) => [m.employeeName, m.discussed, m.riskOfLoss, m.potential])).toEqual([['Ben Baker', true, 'high', null], ['Dan Dunn', false, null, 2]]);
    const { rows: history } = await app.ok('calibration.listHistory', { sessionId: session.id });
    expect(history.map((h) => [h.employeeName, h.potentialFrom, h.potentialTo])).toEqual([['Dan Dunn', null, 2]]);
  });
});

describe('finalising', () => {
  it('needs everyone placed, an acknowledgement outside an advisory guideline, then writes back to the reviews and locks', async () => {
    const app = await openTestApp();
    const org = await calibrationOrg(app);
    const session = await started(app, org);
    let people = await members(app, session.id);
    const holding = await app.fail('calibration.finaliseSession', { id: session.id, version: session.version });
    expect(holding.message).toMatch(/^One person has no performance rating yet \(the holding area\)/);
    await app.ok('calibration.movePerson', { sessionId: session.id, memberId: people.Finn.id, version: people.Finn.version, performance: 3, ...REASON });
    await app.ok('calibration.movePerson', { sessionId: session.id, memberId: people.Anna.id, version: people.Anna.version, performance: 4, ...REASON });
    await app.ok('calibration.movePerson', { sessionId: session.id, memberId: people.Eva.id, version: people.Eva.version, performance: 5, comment: 'Outstanding year.', reasonCode: 'other' });
    // 7 placed, Outstanding ≤ 20 %: at most 1 (1.4 rounds down); Ben and Eva make 2.
    const current = await app.ok('calibration.getSession', { id: session.id });
    const outside = await app.fail('calibration.finaliseSession', { id: current.id, version: current.version });
    expect(outside.message).toBe('The distribution is outside the advisory guidelines: Outstanding ≤ 20 % (2 of 7, at most 1). To finalise anyway, acknowledge it with a reason.');
    expect(review(app, org.anna.id).finalRating).toBe(3.47);

    const { summary, session: finalised } = await app.ok('calibration.finaliseSession', { id: current.id, version: current.version, acknowledgement: 'Two exceptional years in a row.' });
    expect(summary).toMatchObject({ members: 7, movedUp: 2, movedDown: 0, placed: 1, unchanged: 4, written: 3, restored: 0, acknowledgement: 'Two exceptional years in a row.' });
    expect(summary.byLevel.map((l) => [l.before, l.after])).toEqual([[0, 0], [1, 1], [2, 2], [2, 2], [1, 2]]);
    expect(finalised).toMatchObject({ status: 'finalised', acknowledgement: 'Two exceptional years in a row.' });
    // Moved: the calibrated level becomes the review's rating, the one before kept.
    expect(review(app, org.anna.id)).toEqual({ finalRating: 4, overrideRating: 4, before: 3.47, sessionId: session.id });
    expect(review(app, org.eva.id)).toEqual({ finalRating: 5, overrideRating: 5, before: 4, sessionId: session.id });
    expect(review(app, org.finn.id)).toEqual({ finalRating: 3, overrideRating: 3, before: null, sessionId: session.id });
    // Unmoved: marked calibrated, rating untouched.
    expect(review(app, org.dan.id)).toEqual({ finalRating: 3, overrideRating: null, before: 3, sessionId: session.id });
    expect(review(app, org.greta.id).sessionId).toBeNull();
    const detail = await app.ok('reviews.getReview', { id: (app.store().raw.prepare(`SELECT id FROM review WHERE employee_id = ?`).get(org.anna.id) as { id: string }).id });
    expect(detail.review.finalRating).toBe(4);
    expect(detail.calibration).toMatchObject({ sessionName: 'Sales 2025', ratingBefore: 3.47, changed: true, sessionFinalised: true });
    expect(detail.overrideReason).toBe('Calibrated in “Sales 2025”: Evidence not reflected in the review — Closed the biggest deal of the year.');

    people = await members(app, session.id);
    const locked = await app.fail('calibration.movePerson', { sessionId: session.id, memberId: people.Dan.id, version: people.Dan.version, performance: 4, ...REASON });
    expect(locked.message).toMatch(/is finalised and read-only; reopen it/);
    const override = await app.fail('reviews.overrideRating', { id: detail.review.id, version: detail.review.version, rating: 3, reason: 'Manager disagrees' });
    expect(override.message).toMatch(/agreed in the calibration session “Sales 2025”/);
  });

  it('reopens with a reason (audited); finalising again writes again and puts back a review it no longer changes', async () => {
    const app = await openTestApp();
    const org = await calibrationOrg(app);
    const session = await started(app, org);
    const people = await members(app, session.id);
    await app.ok('calibration.removePeople', { id: session.id, version: session.version, memberIds: [people.Finn.id], reason: 'Joined late.' });
    const moved = await app.ok('calibration.movePerson', { sessionId: session.id, memberId: people.Eva.id, version: people.Eva.version, performance: 3, ...REASON });
    let current = await app.ok('calibration.getSession', { id: session.id });
    current = (await app.ok('calibration.finaliseSession', { id: current.id, version: current.version })).session;
    expect(review(app, org.eva.id)).toMatchObject({ finalRating: 3, before: 4 });

    expect((await app.fail('calibration.reopenSession', { id: current.id, version: current.version })).code).toBe('VALIDATION');
    const reopened = await app.ok('calibration.reopenSession', { id: current.id, version: current.version, reason: 'Eva\'s new evidence.' });
    expect(reopened.status).toBe('in_session');
    const audit = await app.ok('admin.listAuditEvents', { entity: 'calibration_session', entityId: session.id });
    expect(audit.rows[0]).toMatchObject({ action: 'reopen' });
    expect(JSON.stringify(audit.rows[0].after)).toContain('Eva\'s new evidence.');

    const eva = (await members(app, session.id)).Eva;
    await app.ok('calibration.movePerson', { sessionId: session.id, memberId: eva.id, version: eva.version, performance: 4, ...REASON });
    expect(moved.member.version).toBeLessThan(eva.version + 1);
    const again = await app.ok('calibration.finaliseSession', { id: reopened.id, version: reopened.version });
    expect(again.summary).toMatchObject({ written: 0, restored: 1, unchanged: 6 });
    expect(review(app, org.eva.id)).toEqual({ finalRating: 4, overrideRating: null, before: 4, sessionId: session.id });
  });

  it('refuses to finalise outside an enforced guideline, naming the levels outside', async () => {
    const app = await openTestApp();
    const org = await calibrationOrg(app);
    const strict = await app.ok('calibration.saveGuidelineSet', { name: 'Strict', ratingScaleId: org.scale.id, mode: 'enforced', rules: [{ fromLevel: 5, toLevel: 5, operator: 'le', percent: 10 }] });
    const draft = await app.ok('calibration.saveSession', salesSession(org, { guidelineSetId: strict.id, population: { departmentIds: [org.sales.id], managerIds: [], jobIds: [], jobLevels: [], employeeIds: [], excludedEmployeeIds: [org.finn.id] } }));
    const session = await app.ok('calibration.startSession', { id: draft.id, version: draft.version });
    const refused = await app.fail('calibration.finaliseSession', { id: session.id, version: session.version, acknowledgement: 'Please.' });
    // 6 people, ≤ 10 %: at most 0 (0.6 rounds down); Ben is Outstanding.
    expect(refused.message).toBe('The guidelines “Strict” are enforced and these are outside them: Outstanding ≤ 10 % (1 of 6, at most 0). Move people until every guideline is met; nothing was finalised.');
    expect(review(app, org.ben.id).sessionId).toBeNull();
    expect((await app.ok('calibration.getSession', { id: session.id })).status).toBe('in_session');
  });
});

describe('guideline sets', () => {
  it('refuses guidelines that cannot all hold, naming them, and stores nothing', async () => {
    const app = await openTestApp();
    const org = await calibrationOrg(app);
    const before = app.count('calibration_guideline_set');
    const refused = await app.fail('calibration.saveGuidelineSet', {
      name: 'Impossible', ratingScaleId: org.scale.id, mode: 'advisory',
      rules: [{ fromLevel: 3, toLevel: 3, operator: 'eq', percent: 30 }, { fromLevel: 4, toLevel: 5, operator: 'ge', percent: 80 }],
    });
    expect(refused.message).toBe('These guidelines cannot all hold at once: “Meets = 30 %”, “Exceeds – Outstanding ≥ 80 %” — no distribution of 100 % meets them together. Nothing was saved.');
    const offScale = await app.fail('calibration.saveGuidelineSet', { name: 'Odd', ratingScaleId: org.scale.id, mode: 'advisory', rules: [{ fromLevel: 6, toLevel: 6, operator: 'le', percent: 10 }] });
    expect(offScale.message).toMatch(/^Guideline 1: 6 is not a level of the rating scale/);
    expect(app.count('calibration_guideline_set')).toBe(before);
  });
});

describe('the person card and outcomes', () => {
  it('shows ratings, history and the session outcomes per department and manager', async () => {
    const app = await openTestApp();
    const org = await calibrationOrg(app);
    const session = await started(app, org);
    const people = await members(app, session.id);
    await app.ok('calibration.removePeople', { id: session.id, version: session.version, memberIds: [people.Finn.id], reason: 'Joined late.' });
    await app.ok('calibration.movePerson', { sessionId: session.id, memberId: people.Anna.id, version: people.Anna.version, performance: 4, ...REASON });
    await app.ok('calibration.movePerson', { sessionId: session.id, memberId: people.Chloe.id, version: people.Chloe.version, performance: 1, ...REASON });
    await app.ok('calibration.saveMembers', { sessionId: session.id, rows: [{ id: people.Ben.id, version: people.Ben.version, values: { discussed: true } }] });
    const card = await app.ok('calibration.getPersonCard', { sessionId: session.id, memberId: people.Anna.id });
    expect(card.ratings).toEqual([{ cycleId: org.cycle.id, cycleName: '2025 annual review', periodEnd: '2025-12-31', finalRating: 3.47, label: 'Meets', calibrated: false }]);
    expect(card.history.map((h) => [h.performanceFrom, h.performanceTo])).toEqual([[3, 4]]);
    const current = await app.ok('calibration.getSession', { id: session.id });
    await app.ok('calibration.finaliseSession', { id: current.id, version: current.version });
    const outcomes = await app.ok('calibration.getOutcomes', { from: '2026-01-01', to: '2026-12-31' });
    // Anna and Chloe moved (but Chloe is in 'Needs improvement' → 'Unsatisfactory': down); 6 people, Ben discussed.
    expect(outcomes).toMatchObject({ members: 6, up: 1, down: 1, unchanged: 4, discussed: 1, discussedShare: 16.7 });
    expect(outcomes.byDepartment).toEqual([
      { id: org.north.id, name: 'Sales North', members: 5, up: 1, down: 1 },
      { id: org.sales.id, name: 'Sales', members: 1, up: 0, down: 0 },
    ]);
    expect(outcomes.byManager[0]).toEqual({ id: org.maria.id, name: 'Maria Lopez', members: 5, up: 1, down: 1 });
    expect((await app.ok('calibration.getOutcomes', { from: '2027-01-01' })).members).toBe(0);
  });
});
