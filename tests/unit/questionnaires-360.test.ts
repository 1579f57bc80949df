import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Input, QuestionnaireResults, RaterRelationship } from '../../src-shared/api';
import { employeeValues, openTestApp, type TestApp } from './helpers';

const csv = (lines: string[]) => Buffer.from(lines.join('\n')).toString('base64');

/**
 * A subject (T0002) with a manager (T0001) and three direct reports (T0003–T0005); six peers
 * (T0006–T0011) and two others (T0012, T0013) elsewhere; a 360 about the subject.
 */
async function setUp(app: TestApp, { anonymous = true } = {}) {
  const save = async (rows: Record<string, unknown>[]) => (await app.ok('people.saveEmployees', { rows: rows.map((values) => ({ values })) })).rows;
  const [manager] = await save([employeeValues(1)]);
  const [subject] = await save([employeeValues(2, { managerId: manager.id })]);
  const reports = await save([3, 4, 5].map((n) => employeeValues(n, { managerId: subject.id })));
  const peers = await save([6, 7, 8, 9, 10, 11].map((n) => employeeValues(n, { managerId: manager.id })));
  const others = await save([12, 13].map((n) => employeeValues(n)));
  const group = await app.ok('reviews.saveAnswerGroup', { name: 'Yes/no', options: [{ label: 'No', points: 0 }, { label: 'Yes', points: 2 }] });
  const [no, yes] = group.options;
  const ids = { clear: randomUUID(), again: randomUUID(), comment: randomUUID() };
  const input: Input<'reviews.saveQuestionnaire'> = {
    name: '360 for First2', kind: 'feedback_360', subjectEmployeeId: subject.id, anonymous,
    sections: [{ title: 'Working together', questions: [
      { id: ids.clear, code: 'CLEAR', text: 'Communicates clearly', type: 'scale', required: true, scaleMin: 1, scaleMax: 5 },
      { id: ids.again, code: 'AGAIN', text: 'Would you work with them again?', type: 'single', required: true, answerGroupId: group.id },
      { id: ids.comment, text: 'Comments', type: 'text', required: false },
    ] }],
    resultGroups: [],
  };
  const questionnaire = await app.ok('reviews.saveQuestionnaire', input);
  return { manager, subject, reports, peers, others, yes, no, ids, input, questionnaire };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

const raters = (s: Setup, ...who: [{ id: string }[], RaterRelationship][]) => who.flatMap(([people, relationship]) => people.map((p) => ({ employeeId: p.id, relationship })));

async function inviteEveryone(app: TestApp, s: Setup) {
  return app.ok('reviews.inviteRaters', {
    id: s.questionnaire.id, version: s.questionnaire.version,
    raters: raters(s, [[s.subject], 'self'], [[s.manager], 'manager'], [s.reports, 'direct_report'], [s.peers, 'peer'], [s.others, 'other']),
  });
}

async function respond(app: TestApp, s: Setup, employeeId: string, clear: number, again: 'yes' | 'no' = 'yes') {
  const invitation = (await app.ok('reviews.listInvitations', { questionnaireId: s.questionnaire.id })).rows.find((i) => i.employeeId === employeeId)!;
  return app.ok('reviews.submitResponse', { invitationId: invitation.id, answers: [{ questionId: s.ids.clear, value: clear }, { questionId: s.ids.again, value: s[again].id }] });
}

const group = (results: QuestionnaireResults, relationship: RaterRelationship) => results.relationships.find((g) => g.relationship === relationship)!;

/** Anonymous results show once the questionnaire is closed: closes it and reads them. */
async function closeAndRead(app: TestApp, id: string) {
  const { version } = await app.ok('reviews.getQuestionnaire', { id });
  await app.ok('reviews.closeQuestionnaire', { id, version });
  return app.ok('reviews.getQuestionnaireResults', { id });
}

describe('360 feedback', () => {
  it('invites raters with their relationship to the subject and groups anonymous results by it, hiding small groups', async () => {
    const app = await openTestApp();
    const s = await setUp(app);
    expect(s.questionnaire).toMatchObject({ kind: 'feedback_360', subjectEmployeeId: s.subject.id, subjectName: 'First2 Last2', status: 'draft' });
    const { questionnaire, invited } = await inviteEveryone(app, s);
    expect(invited).toBe(13);
    expect(questionnaire).toMatchObject({ status: 'open', invited: 13 });
    const invitations = (await app.ok('reviews.listInvitations', { questionnaireId: questionnaire.id })).rows;
    expect(invitations.find((i) => i.employeeId === s.subject.id)!.relationship).toBe('self');
    expect(invitations.filter((i) => i.relationship === 'direct_report').map((i) => i.employeeNumber).sort()).toEqual(['T0003', 'T0004', 'T0005']);

    await respond(app, s, s.subject.id, 5);
    await respond(app, s, s.manager.id, 3, 'no');
    for (const r of s.reports) await respond(app, s, r.id, 2);
    for (const p of s.peers) await respond(app, s, p.id, 4);
    await respond(app, s, s.others[0].id, 1);

    // The response rows keep the relationship (for grouping) but neither the invitation nor the department.
    const stored = app.store().raw.prepare(`SELECT relationship, count(*) AS n, count(invitation_id) AS linked, count(department_id) AS departments
      FROM questionnaire_response GROUP BY relationship ORDER BY relationship`).all();
    expect(stored).toEqual([
      { relationship: 'direct_report', n: 3, linked: 0, departments: 0 }, { relationship: 'manager', n: 1, linked: 0, departments: 0 },
      { relationship: 'other', n: 1, linked: 0, departments: 0 }, { relationship: 'peer', n: 6, linked: 0, departments: 0 }, { relationship: 'self', n: 1, linked: 0, departments: 0 },
    ]);

    // While it takes responses, only participation shows.
    const sealed = await app.ok('reviews.getQuestionnaireResults', { id: questionnaire.id });
    expect(sealed).toMatchObject({ sealed: true, hidden: true, score: null, questions: [] });
    expect(sealed.relationships.map((g) => [g.relationship, g.responded, g.hidden, g.score])).toEqual([
      ['self', 1, 'sealed', null], ['manager', 1, 'sealed', null], ['direct_report', 3, 'sealed', null], ['peer', 6, 'sealed', null], ['other', 1, 'sealed', null],
    ]);

    const results = await closeAndRead(app, questionnaire.id);
    expect(results.sealed).toBe(false);
    expect(results.relationships.map((g) => g.relationship)).toEqual(['self', 'manager', 'direct_report', 'peer', 'other']);
    expect(results.departments).toEqual([]);
    const clear = (g: { questions: { questionId: string; averagePoints: number | null }[] }) => g.questions.find((q) => q.questionId === s.ids.clear)!.averagePoints;
    // Self and manager show (each a known single person); the text question has no average.
    expect(group(results, 'self')).toMatchObject({ invited: 1, responded: 1, hidden: null, score: 100 });
    expect(clear(group(results, 'self'))).toBe(5);
    expect(group(results, 'self').questions.map((q) => q.questionId)).toEqual([s.ids.clear, s.ids.again]);
    expect(group(results, 'manager')).toMatchObject({ responded: 1, hidden: null });
    expect(clear(group(results, 'manager'))).toBe(3);
    // Direct reports (3) and others (1) are too few; together 4, so peers are hidden as well, or 4 answers would follow by subtraction.
    expect(group(results, 'direct_report')).toMatchObject({ responded: 3, hidden: 'small_group', score: null });
    expect(clear(group(results, 'direct_report'))).toBeNull();
    expect(group(results, 'other')).toMatchObject({ responded: 1, hidden: 'small_group', score: null });
    expect(group(results, 'peer')).toMatchObject({ responded: 6, hidden: 'protects_smaller', score: null });
    expect(results.hidden).toBe(false);
    expect(results.questions.find((q) => q.questionId === s.ids.clear)).toMatchObject({ hidden: false, answered: 12 });
  });

  it('shows the peers once the hidden direct reports and others hold five responses between them', async () => {
    const app = await openTestApp();
    const s = await setUp(app);
    const { questionnaire } = await inviteEveryone(app, s);
    await respond(app, s, s.subject.id, 5);
    await respond(app, s, s.manager.id, 3, 'no');
    for (const r of s.reports) await respond(app, s, r.id, 2);
    for (const p of s.peers) await respond(app, s, p.id, 4);
    await respond(app, s, s.others[0].id, 1);
    await respond(app, s, s.others[1].id, 2);
    const results = await closeAndRead(app, questionnaire.id);
    const clear = (g: { questions: { questionId: string; averagePoints: number | null }[] }) => g.questions.find((q) => q.questionId === s.ids.clear)!.averagePoints;
    // Hidden direct reports and others now hold 5 responses between them: peers show.
    expect(group(results, 'peer')).toMatchObject({ responded: 6, hidden: null });
    expect(clear(group(results, 'peer'))).toBe(4);
    // Each peer response: (4 + 2 − 1) / (5 + 2 − 1) = 83.33.
    expect(group(results, 'peer').score).toBeCloseTo(83.33, 2);
    expect(group(results, 'other')).toMatchObject({ responded: 2, hidden: 'small_group' });
  });

  it('named 360s show every group, however small, and keep the link to the rater', async () => {
    const app = await openTestApp();
    const s = await setUp(app, { anonymous: false });
    const { questionnaire } = await app.ok('reviews.inviteRaters', {
      id: s.questionnaire.id, version: 1, raters: raters(s, [[s.subject], 'self'], [s.reports.slice(0, 2), 'direct_report'], [[s.peers[0]], 'peer']),
    });
    await respond(app, s, s.reports[0].id, 2);
    await respond(app, s, s.peers[0].id, 4);
    const results = await app.ok('reviews.getQuestionnaireResults', { id: questionnaire.id });
    expect(group(results, 'direct_report')).toMatchObject({ invited: 2, responded: 1, hidden: null });
    expect(group(results, 'peer').questions[0].averagePoints).toBe(4);
    expect(group(results, 'manager')).toMatchObject({ invited: 0, responded: 0, score: null });
    expect(app.store().raw.prepare(`SELECT count(invitation_id) AS n FROM questionnaire_response`).get()).toEqual({ n: 2 });
  });

  it('anonymous 360s with 1–4 responses from direct reports, peers and others show only self and manager', async () => {
    const app = await openTestApp();
    const s = await setUp(app);
    const { questionnaire } = await inviteEveryone(app, s);
    await respond(app, s, s.subject.id, 5);
    await respond(app, s, s.manager.id, 4);
    await respond(app, s, s.peers[0].id, 1);
    await respond(app, s, s.peers[1].id, 2);
    const results = await closeAndRead(app, questionnaire.id);
    expect(results).toMatchObject({ sealed: false, hidden: true, score: null, questions: [] });
    expect(group(results, 'self').hidden).toBeNull();
    expect(group(results, 'manager').questions[0].averagePoints).toBe(4);
    expect(group(results, 'peer')).toMatchObject({ responded: 2, hidden: 'small_group', score: null });
  });

  it('imports 360 responses: the person column names the rater, the relationship comes from their invitation', async () => {
    const app = await openTestApp();
    const s = await setUp(app);
    const { questionnaire } = await inviteEveryone(app, s);
    const header = 'Employee number,Relationship,CLEAR,AGAIN,Comments';
    const file = csv([header, 'T0002,Self,5,Yes,I try', 'T0006,Peer,4,Yes,', 'T0003,Direct report,2,No,More 1:1s please', 'T0013,Other,3,Yes,']);
    expect(await app.ok('reviews.previewResponseImport', { questionnaireId: questionnaire.id, fileName: 'r.csv', contentBase64: file })).toMatchObject({ issues: [], responses: 4 });
    expect(await app.ok('reviews.commitResponseImport', { questionnaireId: questionnaire.id, fileName: 'r.csv', contentBase64: file })).toEqual({ created: 4 });
    const stored = app.store().raw.prepare(`SELECT relationship FROM questionnaire_response WHERE source = 'import' ORDER BY relationship`).all();
    expect(stored).toEqual([{ relationship: 'direct_report' }, { relationship: 'other' }, { relationship: 'peer' }, { relationship: 'self' }]);
    const results = await closeAndRead(app, questionnaire.id);
    expect(group(results, 'self').questions[0].averagePoints).toBe(5);
    expect(group(results, 'peer').hidden).toBe('small_group');
  });

  it('refuses a 360 without a subject, a subject on other kinds, and raters that do not fit, storing nothing', async () => {
    const app = await openTestApp();
    const s = await setUp(app);
    const audit = app.count('audit_event');
    const noSubject = await app.fail('reviews.saveQuestionnaire', { ...s.input, subjectEmployeeId: null });
    expect(noSubject).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Choose the person the 360 feedback is about\. Nothing was saved\.$/) });
    const subjectOnSurvey = await app.fail('reviews.saveQuestionnaire', { ...s.input, kind: 'engagement' });
    expect(subjectOnSurvey).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/Only 360 feedback is about one person/) });
    const unknownSubject = await app.fail('reviews.saveQuestionnaire', { ...s.input, subjectEmployeeId: randomUUID() });
    expect(unknownSubject.message).toMatch(/does not exist/);
    expect(app.count('questionnaire')).toBe(1);
    expect(app.count('audit_event')).toBe(audit);

    const invite = (list: ReturnType<typeof raters>) => app.fail('reviews.inviteRaters', { id: s.questionnaire.id, version: 1, raters: list });
    const twice = await invite(raters(s, [[s.peers[0]], 'peer'], [[s.peers[0]], 'other']));
    expect(twice).toMatchObject({ code: 'VALIDATION', message: 'First6 Last6 is listed twice; invite each rater once. Nothing was saved.' });
    const subjectAsPeer = await invite(raters(s, [[s.subject], 'peer']));
    expect(subjectAsPeer.message).toBe('First2 Last2 is the subject; invite them as self, not as peer. Nothing was saved.');
    const notTheManager = await invite(raters(s, [[s.peers[1]], 'manager']));
    expect(notTheManager.message).toMatch(/First7 Last7 is not First2 Last2's manager/);
    const notAReport = await invite(raters(s, [[s.peers[1]], 'direct_report'], [[s.peers[2]], 'self']));
    expect(notAReport.message).toMatch(/does not report to First2 Last2.*\(and 1 more problem\)/);
    const population = await app.fail('reviews.distributeQuestionnaire', { id: s.questionnaire.id, version: 1, population: { departmentIds: [], jobIds: [], employeeIds: [s.peers[0].id] } });
    expect(population.message).toMatch(/sent to raters chosen one by one/);
    expect(app.count('questionnaire_invitation')).toBe(0);
    expect((await app.ok('reviews.getQuestionnaire', { id: s.questionnaire.id })).status).toBe('draft');
    expect(app.count('audit_event')).toBe(audit);

    const { questionnaire } = await app.ok('reviews.inviteRaters', { id: s.questionnaire.id, version: 1, raters: raters(s, [[s.peers[0]], 'peer']) });
    const again = await app.fail('reviews.inviteRaters', { id: questionnaire.id, version: questionnaire.version, raters: raters(s, [[s.peers[0]], 'other']) });
    expect(again.message).toMatch(/First6 Last6 is already invited \(as peer\)/);
    const newSubject = await app.fail('reviews.saveQuestionnaire', { ...s.input, id: questionnaire.id, version: questionnaire.version, subjectEmployeeId: s.peers[1].id });
    expect(newSubject.message).toMatch(/the person it is about can no longer change/);
    expect(app.count('questionnaire_invitation')).toBe(1);

    const survey = await app.ok('reviews.saveQuestionnaire', { ...s.input, name: 'Pulse', kind: 'engagement', subjectEmployeeId: null });
    const ratersOnSurvey = await app.fail('reviews.inviteRaters', { id: survey.id, version: survey.version, raters: raters(s, [[s.peers[0]], 'peer']) });
    expect(ratersOnSurvey.message).toMatch(/Only 360 feedback invites raters/);
  });
});
