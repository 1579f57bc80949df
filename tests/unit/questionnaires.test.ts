import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Input } from '../../src-shared/api';
import { toDraft } from '../../src-renderer/features/reviews/questionnaires/draft';
import { employeeValues, openTestApp, type TestApp } from './helpers';

const csv = (lines: string[]) => Buffer.from(lines.join('\n')).toString('base64');

async function setUp(app: TestApp, { anonymous = false, people = 6 } = {}) {
  const [sales, tiny] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales' } }, { values: { name: 'Tiny' } }] })).rows;
  const employees = (await app.ok('people.saveEmployees', {
    rows: [
      ...Array.from({ length: people }, (_, i) => ({ values: employeeValues(i + 1, { departmentId: sales.id }) })),
      ...[1, 2].map((i) => ({ values: employeeValues(100 + i, { departmentId: tiny.id }) })),
    ],
  })).rows;
  const group = await app.ok('reviews.saveAnswerGroup', { name: 'Yes/no', options: [{ label: 'No', points: 0 }, { label: 'Yes', points: 2 }] });
  const [no, yes] = group.options;
  const ids = { manages: randomUUID(), teamSize: randomUUID(), enjoy: randomUUID(), comment: randomUUID() };
  const input: Input<'reviews.saveQuestionnaire'> = {
    name: 'Pulse', kind: 'engagement', anonymous,
    sections: [
      { title: 'You', questions: [
        { id: ids.manages, code: 'MGR', text: 'Do you manage people?', type: 'single', required: true, answerGroupId: group.id },
        { id: ids.teamSize, text: 'How many people?', type: 'number', required: true, condition: { questionId: ids.manages, optionId: yes.id } },
      ] },
      { title: 'Work', questions: [
        { id: ids.enjoy, code: 'ENJOY', text: 'I enjoy my work', type: 'scale', required: true, scaleMin: 1, scaleMax: 5 },
        { id: ids.comment, text: 'Anything else?', type: 'text', required: false },
      ] },
    ],
    resultGroups: [{ minPoints: 0, maxPoints: 3, text: 'Needs attention' }, { minPoints: 4, maxPoints: 7, text: 'Engaged' }],
  };
  const questionnaire = await app.ok('reviews.saveQuestionnaire', input);
  return { sales, tiny, employees, group, no, yes, ids, input, questionnaire };
}

async function distribute(app: TestApp, s: Awaited<ReturnType<typeof setUp>>) {
  const { questionnaire, invited } = await app.ok('reviews.distributeQuestionnaire', { id: s.questionnaire.id, version: s.questionnaire.version, population: { departmentIds: [s.sales.id, s.tiny.id], jobIds: [], employeeIds: [] } });
  const invitations = (await app.ok('reviews.listInvitations', { questionnaireId: questionnaire.id })).rows;
  return { questionnaire, invited, invitations };
}

/** Anonymous results show once the questionnaire is closed: closes it and reads them. */
async function closeAndRead(app: TestApp, id: string) {
  const { version } = await app.ok('reviews.getQuestionnaire', { id });
  await app.ok('reviews.closeQuestionnaire', { id, version });
  return app.ok('reviews.getQuestionnaireResults', { id });
}

describe('questionnaires', () => {
  it('builds, distributes, takes typed responses with conditions and shows results', async () => {
    const app = await openTestApp();
    const s = await setUp(app);
    expect(s.questionnaire).toMatchObject({ status: 'draft', questionCount: 4, invited: 0 });
    expect(s.questionnaire.sections[0].questions[0].options.map((o) => o.label)).toEqual(['No', 'Yes']);
    const { questionnaire, invited, invitations } = await distribute(app, s);
    expect(invited).toBe(8);
    expect(questionnaire).toMatchObject({ status: 'open', invited: 8, responded: 0, version: 2 });
    expect(app.count('questionnaire_invitation')).toBe(8);

    const byNumber = new Map(invitations.map((i) => [i.employeeNumber, i]));
    expect((await app.ok('reviews.listInvitations', { questionnaireId: questionnaire.id, search: 'T0002' })).rows.map((i) => i.employeeName)).toEqual(['First2 Last2']);
    expect((await app.ok('reviews.listInvitations', { questionnaireId: questionnaire.id, search: '%' })).rows).toEqual([]);
    const manager = await app.ok('reviews.submitResponse', { invitationId: byNumber.get('T0001')!.id, answers: [
      { questionId: s.ids.manages, value: s.yes.id }, { questionId: s.ids.teamSize, value: 4 }, { questionId: s.ids.enjoy, value: 5 }, { questionId: s.ids.comment, value: 'Great team' },
    ] });
    expect(manager).toEqual({ points: 7, score: 100, resultText: 'Engaged' });
    const missing = await app.fail('reviews.submitResponse', { invitationId: byNumber.get('T0002')!.id, answers: [{ questionId: s.ids.manages, value: s.yes.id }, { questionId: s.ids.enjoy, value: 3 }] });
    expect(missing).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/How many people\?: This question needs an answer/) });
    for (const n of ['T0002', 'T0003', 'T0004']) {
      await app.ok('reviews.submitResponse', { invitationId: byNumber.get(n)!.id, answers: [{ questionId: s.ids.manages, value: s.no.id }, { questionId: s.ids.enjoy, value: 2 }] });
    }
    const again = await app.fail('reviews.submitResponse', { invitationId: byNumber.get('T0001')!.id, answers: [{ questionId: s.ids.manages, value: s.no.id }, { questionId: s.ids.enjoy, value: 2 }] });
    expect(again.message).toMatch(/already responded/);

    const results = await app.ok('reviews.getQuestionnaireResults', { id: questionnaire.id });
    expect(results).toMatchObject({ invited: 8, responded: 4, responseRate: 50, hidden: false, anonymous: false });
    const sales = results.departments.find((d) => d.departmentName === 'Sales')!;
    expect(sales).toMatchObject({ invited: 6, responded: 4, hidden: false });
    // Each "No, 2" response scores (0 + 2 − 1) / (2 + 5 − 1) = 16.67; the manager's scores 100.
    expect(sales.score).toBeCloseTo((100 + 3 * 16.67) / 4, 1);
    const manages = results.questions.find((q) => q.questionId === s.ids.manages)!;
    expect(manages.bars).toEqual([{ label: 'No', count: 3, percent: 75 }, { label: 'Yes', count: 1, percent: 25 }]);
    expect(results.questions.find((q) => q.questionId === s.ids.enjoy)).toMatchObject({ averagePoints: 2.75, average: 2.75 });
    expect(results.questions.find((q) => q.questionId === s.ids.comment)!.texts).toEqual(['Great team']);
    expect(results.resultGroups.map((g) => [g.text, g.count])).toEqual([['Needs attention', 3], ['Engaged', 1]]);
    // The named questionnaire keeps the link from response to invitation.
    expect(app.count('questionnaire_response')).toBe(4);
    expect((app.store().raw.prepare(`SELECT count(invitation_id) AS n FROM questionnaire_response`).get() as { n: number }).n).toBe(4);
  });

  it('anonymous: stores no link to the person and hides departments with fewer than 5 responses', async () => {
    const app = await openTestApp();
    const s = await setUp(app, { anonymous: true });
    const { questionnaire, invitations } = await distribute(app, s);
    for (const invitation of invitations) {
      await app.ok('reviews.submitResponse', { invitationId: invitation.id, answers: [{ questionId: s.ids.manages, value: s.no.id }, { questionId: s.ids.enjoy, value: 4 }] });
    }
    expect((app.store().raw.prepare(`SELECT count(invitation_id) AS n, count(*) AS total FROM questionnaire_response`).get())).toEqual({ n: 0, total: 8 });
    expect((await app.ok('reviews.listInvitations', { questionnaireId: questionnaire.id, responded: true })).rows).toHaveLength(8);
    // The audit log says that responses came in, not who answered when.
    expect(app.store().raw.prepare(`SELECT count(*) AS n FROM audit_event WHERE entity = 'questionnaire_invitation'`).get()).toEqual({ n: 0 });
    expect(app.store().raw.prepare(`SELECT count(*) AS n FROM audit_event WHERE entity = 'questionnaire' AND after LIKE '%responseAdded%'`).get()).toEqual({ n: 8 });
    const results = await closeAndRead(app, questionnaire.id);
    expect(results.hidden).toBe(false);
    const tiny = results.departments.find((d) => d.departmentName === 'Tiny')!;
    const sales = results.departments.find((d) => d.departmentName === 'Sales')!;
    expect(tiny).toMatchObject({ responded: 2, hidden: true, score: null });
    // With only one other department, Sales is hidden too: otherwise Tiny's score follows from the total.
    expect(sales).toMatchObject({ responded: 6, hidden: true, score: null });
    expect(results.score).toBe(50);
  });

  it('anonymous with fewer than 5 responses in all shows only the response rate', async () => {
    const app = await openTestApp();
    const s = await setUp(app, { anonymous: true });
    const { questionnaire, invitations } = await distribute(app, s);
    await app.ok('reviews.submitResponse', { invitationId: invitations[0].id, answers: [{ questionId: s.ids.manages, value: s.no.id }, { questionId: s.ids.enjoy, value: 4 }] });
    const results = await closeAndRead(app, questionnaire.id);
    expect(results).toMatchObject({ sealed: false, hidden: true, responded: 1, score: null, questions: [], resultGroups: [] });
  });

  it('anonymous results cannot be read while responses can still be added: reading before and after one response tells nothing', async () => {
    const app = await openTestApp();
    const s = await setUp(app, { anonymous: true });
    const { questionnaire, invitations } = await distribute(app, s);
    const answer = (enjoy: number) => [{ questionId: s.ids.manages, value: s.no.id }, { questionId: s.ids.enjoy, value: enjoy }];
    for (const invitation of invitations.slice(0, 6)) await app.ok('reviews.submitResponse', { invitationId: invitation.id, answers: answer(3) });
    // The attack: read the results, have one person respond, read them again, and compare.
    const before = await app.ok('reviews.getQuestionnaireResults', { id: questionnaire.id });
    const target = invitations[6];
    await app.ok('reviews.submitResponse', { invitationId: target.id, answers: answer(5) });
    const after = await app.ok('reviews.getQuestionnaireResults', { id: questionnaire.id });
    for (const results of [before, after]) {
      expect(results).toMatchObject({ sealed: true, hidden: true, score: null, averagePoints: null, questions: [], resultGroups: [] });
      expect(results.departments.every((d) => d.hidden && d.score === null)).toBe(true);
    }
    // All that moved is who has responded, which HR sees anyway to chase non-respondents.
    const answersOnly = (r: typeof before) => ({ ...r, responded: 0, responseRate: 0, departments: r.departments.map((d) => ({ ...d, responded: 0, responseRate: 0 })) });
    expect(answersOnly(after)).toEqual(answersOnly(before));
    // Nor does anything say when that person answered: no response time on the invitation, none in the audit log, none on the response.
    const invitation = (await app.ok('reviews.listInvitations', { questionnaireId: questionnaire.id })).rows.find((i) => i.id === target.id)!;
    expect(invitation).toMatchObject({ responded: true, respondedAt: null });
    expect(app.store().raw.prepare(`SELECT count(*) AS n FROM audit_event WHERE entity_id = ?`).get(target.id)).toEqual({ n: 0 });
    expect(app.store().raw.prepare(`SELECT DISTINCT responded_at AS at FROM questionnaire_invitation WHERE responded_at IS NOT NULL`).all()).toEqual([{ at: questionnaire.openedAt }]);
    // Once closed, no response can be added, and the results show.
    const closed = await closeAndRead(app, questionnaire.id);
    expect(closed).toMatchObject({ sealed: false, responded: 7 });
    const late = await app.fail('reviews.submitResponse', { invitationId: invitations[7].id, answers: answer(1) });
    expect(late.message).toMatch(/closed/);
  });

  it('refuses bad definitions and freezes questions once open', async () => {
    const app = await openTestApp();
    const s = await setUp(app);
    const before = app.count('audit_event');
    const forward = await app.fail('reviews.saveQuestionnaire', {
      ...s.input, sections: [{ title: 'A', questions: [{ ...s.input.sections[0].questions[1] }, { ...s.input.sections[0].questions[0] }] }],
    });
    expect(forward).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/condition must refer to an earlier question/) });
    const overlap = await app.fail('reviews.saveQuestionnaire', { ...s.input, resultGroups: [{ minPoints: 0, maxPoints: 5, text: 'A' }, { minPoints: 5, maxPoints: 9, text: 'B' }] });
    expect(overlap.message).toMatch(/overlap/);
    const noGroup = await app.fail('reviews.saveQuestionnaire', { ...s.input, sections: [{ title: 'A', questions: [{ id: randomUUID(), text: 'Pick', type: 'single', required: false }] }] });
    expect(noGroup.message).toMatch(/choose the answer group/);
    expect(app.count('questionnaire')).toBe(1);
    expect(app.count('audit_event')).toBe(before);

    const { questionnaire } = await distribute(app, s);
    const changed = await app.fail('reviews.saveQuestionnaire', { ...s.input, id: questionnaire.id, version: questionnaire.version, sections: [s.input.sections[1]] });
    expect(changed.message).toMatch(/questions and anonymity can no longer change/);
    const renamed = await app.ok('reviews.saveQuestionnaire', { ...s.input, id: questionnaire.id, version: questionnaire.version, name: 'Pulse 2026' });
    expect(renamed).toMatchObject({ name: 'Pulse 2026', status: 'open', version: 3 });
    const stale = await app.fail('reviews.saveQuestionnaire', { ...s.input, id: questionnaire.id, version: 1 });
    expect(stale.code).toBe('CONFLICT');
    // Editing the answer group does not change the open questionnaire's options.
    await app.ok('reviews.saveAnswerGroup', { id: s.group.id, version: s.group.version, name: 'Yes/no', options: [{ id: s.no.id, label: 'Nope', points: 0 }, { id: s.yes.id, label: 'Yes', points: 2 }] });
    expect((await app.ok('reviews.getQuestionnaire', { id: questionnaire.id })).sections[0].questions[0].options[0].label).toBe('No');
    const closed = await app.ok('reviews.closeQuestionnaire', { id: questionnaire.id, version: renamed.version });
    expect(closed.status).toBe('closed');
    const late = await app.fail('reviews.submitResponse', { invitationId: (await app.ok('reviews.listInvitations', { questionnaireId: questionnaire.id })).rows[0].id, answers: [] });
    expect(late.message).toMatch(/closed/);
  });

  it('imports responses all or nothing, with a row/column/problem report', async () => {
    const app = await openTestApp();
    const s = await setUp(app);
    const { questionnaire } = await distribute(app, s);
    await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(500) }] });
    const header = 'Employee number,MGR,How many people?,I enjoy my work,Anything else?';
    const bad = csv([header, 'T0001,Yes,4,5,Fine', 'T9999,No,,3,', 'T0500,No,,3,', 'T0002,Maybe,,3,', 'T0003,Yes,,4,', 'T0004,No,,x,', 'T0001,No,,2,']);
    const preview = await app.ok('reviews.previewResponseImport', { questionnaireId: questionnaire.id, fileName: 'r.csv', contentBase64: bad });
    expect(preview.columns.map((c) => c.questionText ?? (c.person ? 'person' : null))).toEqual(['person', 'Do you manage people?', 'How many people?', 'I enjoy my work', 'Anything else?']);
    expect(preview.issues).toEqual([
      { row: 3, column: 'Employee number', message: 'No employee has the number "T9999".' },
      { row: 4, column: 'Employee number', message: 'Employee T0500 was not invited to this questionnaire.' },
      { row: 5, column: 'MGR', message: '"Maybe" is not an option of this question (options: No, Yes).' },
      { row: 6, column: 'How many people?', message: 'This question needs an answer.' },
      { row: 7, column: 'I enjoy my work', message: '"x" is not a number.' },
      { row: 8, column: 'Employee number', message: 'Employee T0001 is also on row 2; one response per person.' },
    ]);
    const refused = await app.fail('reviews.commitResponseImport', { questionnaireId: questionnaire.id, fileName: 'r.csv', contentBase64: bad });
    expect(refused).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Row 3, Employee number: No employee has the number "T9999"\. \(and 5 more problems\)\. Nothing was imported\.$/) });
    expect(app.count('questionnaire_response')).toBe(0);
    expect((await app.ok('reviews.getQuestionnaire', { id: questionnaire.id })).responded).toBe(0);

    const unknownColumn = await app.ok('reviews.previewResponseImport', { questionnaireId: questionnaire.id, fileName: 'r.csv', contentBase64: csv(['Employee number,Favourite colour', 'T0001,Blue']) });
    expect(unknownColumn.issues[0]).toMatchObject({ row: 1, column: 'Favourite colour' });

    const good = csv([header, 'T0001,Yes,4,5,Fine', 'T0002,No,,3,', 't0003,no,,4,']);
    expect((await app.ok('reviews.previewResponseImport', { questionnaireId: questionnaire.id, fileName: 'r.csv', contentBase64: good })).issues).toEqual([]);
    expect(await app.ok('reviews.commitResponseImport', { questionnaireId: questionnaire.id, fileName: 'r.csv', contentBase64: good })).toEqual({ created: 3 });
    expect(app.count('questionnaire_response')).toBe(3);
    expect(app.count('questionnaire_answer')).toBe(3 + 3 + 1 + 1);
    const again = await app.ok('reviews.previewResponseImport', { questionnaireId: questionnaire.id, fileName: 'r.csv', contentBase64: good });
    expect(again.issues[0].message).toMatch(/already responded/);
  });

  it('imports an XLSX file (the template shape: name and department columns are skipped)', async () => {
    const app = await openTestApp();
    const s = await setUp(app);
    const { questionnaire } = await distribute(app, s);
    const file = await app.ok('admin.exportTable', {
      format: 'xlsx', title: 'Responses', headers: ['Employee number', 'Name', 'Department', 'MGR', 'How many people?', 'ENJOY', 'Anything else?'],
      rows: [['T0001', 'First1 Last1', 'Sales', 'Yes', 3, 4, null], ['T0002', 'First2 Last2', 'Sales', 'No', null, 2, 'Quiet week']],
    });
    const preview = await app.ok('reviews.previewResponseImport', { questionnaireId: questionnaire.id, fileName: file.fileName, contentBase64: file.contentBase64 });
    expect(preview).toMatchObject({ issues: [], responses: 2 });
    await app.ok('reviews.commitResponseImport', { questionnaireId: questionnaire.id, fileName: file.fileName, contentBase64: file.contentBase64 });
    const results = await app.ok('reviews.getQuestionnaireResults', { id: questionnaire.id });
    expect(results.questions.find((q) => q.questionId === s.ids.teamSize)).toMatchObject({ answered: 1, average: 3 });
    expect(results.questions.find((q) => q.questionId === s.ids.comment)!.texts).toEqual(['Quiet week']);
  });

  it('refuses to distribute to nobody or to a closed questionnaire', async () => {
    const app = await openTestApp();
    const s = await setUp(app);
    const empty = await app.fail('reviews.distributeQuestionnaire', { id: s.questionnaire.id, version: 1, population: { departmentIds: [], jobIds: [], employeeIds: [] } });
    expect(empty.message).toMatch(/Choose the departments, jobs or people/);
    const gone = await app.fail('reviews.distributeQuestionnaire', { id: s.questionnaire.id, version: 1, population: { departmentIds: [randomUUID()], jobIds: [], employeeIds: [] } });
    expect(gone.message).toMatch(/no longer exist/);
    expect(app.count('questionnaire_invitation')).toBe(0);
    const first = await app.ok('reviews.distributeQuestionnaire', { id: s.questionnaire.id, version: 1, population: { departmentIds: [], jobIds: [], employeeIds: [s.employees[0].id] } });
    expect(first.invited).toBe(1);
    const more = await app.ok('reviews.distributeQuestionnaire', { id: s.questionnaire.id, version: 2, population: { departmentIds: [s.sales.id], jobIds: [], employeeIds: [] } });
    expect(more.invited).toBe(5);
    expect(more.questionnaire.population.employeeIds).toEqual([s.employees[0].id]);
  });

  it('the demo organisation holds an anonymous engagement survey with responses that differ by department', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 300, seed: 7 });
    const rows = (await app.ok('reviews.listQuestionnaires', {})).rows;
    const survey = rows.find((q) => q.kind === 'engagement' && q.status === 'closed')!;
    expect(survey).toMatchObject({ kind: 'engagement', anonymous: true, status: 'closed' });
    expect(survey.responded / survey.invited).toBeGreaterThan(0.6);
    const results = await app.ok('reviews.getQuestionnaireResults', { id: survey.id });
    const shown = results.departments.filter((d) => !d.hidden && d.score !== null);
    expect(shown.length).toBeGreaterThan(2);
    expect(Math.max(...shown.map((d) => d.score!)) - Math.min(...shown.map((d) => d.score!))).toBeGreaterThan(10);
    expect(results.departments.filter((d) => d.responded > 0 && d.responded < 5).every((d) => d.hidden)).toBe(true);
    expect(results.questions.find((q) => q.type === 'text')!.texts.length).toBeGreaterThan(0);
    expect(results.resultGroups.reduce((n, g) => n + g.count, 0)).toBe(survey.responded);
    // The pulse is still open: its results are sealed. The builder's round trip (stored → draft → save)
    // counts as unchanged questions, so an open survey can be renamed.
    const pulse = rows.find((q) => q.kind === 'engagement' && q.status === 'open')!;
    expect(pulse.responded).toBeGreaterThan(0);
    expect(await app.ok('reviews.getQuestionnaireResults', { id: pulse.id })).toMatchObject({ sealed: true, score: null, questions: [] });
    const full = await app.ok('reviews.getQuestionnaire', { id: pulse.id });
    const renamed = await app.ok('reviews.saveQuestionnaire', { ...toDraft(full), name: 'Pulse (winter)', id: full.id, version: full.version });
    expect(renamed).toMatchObject({ name: 'Pulse (winter)', sections: full.sections });

    // And a small anonymous 360 about a manager: self and manager show, the small groups do not.
    const feedback = rows.find((q) => q.kind === 'feedback_360')!;
    expect(feedback).toMatchObject({ anonymous: true, status: 'closed', subjectName: expect.any(String) });
    expect(feedback.invited).toBeGreaterThanOrEqual(7);
    const rated = await app.ok('reviews.getQuestionnaireResults', { id: feedback.id });
    const byRelationship = Object.fromEntries(rated.relationships.map((g) => [g.relationship, g]));
    expect(byRelationship.self).toMatchObject({ responded: 1, hidden: null });
    expect(byRelationship.self.score).not.toBeNull();
    expect(byRelationship.manager).toMatchObject({ responded: 1, hidden: null });
    expect(byRelationship.direct_report).toMatchObject({ hidden: 'small_group', score: null });
    expect(byRelationship.peer.hidden).not.toBeNull();
  });
});
