import type { QuestionnaireQuestion, QuestionnaireSection } from '../../../../src-shared/api';
import { answerPoints, scoreResponse, type Answer } from '../../../../src-shared/domain/questionnaires';
import { sortedInserter } from '../../shared/bulk-load';
import { random, type DemoCounts } from '../../shared/demo';
import type { DemoContext } from './context';

const SECTIONS: { title: string; statements: string[] }[] = [
  { title: 'My work', statements: ['I find my work meaningful', 'I have the tools and resources to do my job well', 'My workload is manageable', 'I know what is expected of me'] },
  { title: 'My team and manager', statements: ['My manager gives me useful feedback', 'I can voice a contrary opinion without fear', 'My team works well together'] },
  { title: 'Growth and the future', statements: ['I see a future for myself here', 'I would recommend this company as a place to work'] },
];
const CHANGES = ['Fewer meetings.', 'Clearer priorities from leadership.', 'More time for learning.', 'Better tooling.', 'More recognition for good work.', 'Faster decisions.'];

/**
 * Demo: the yearly anonymous engagement survey, closed (results shown), sent to everyone active, with
 * about 70% responses; a quarterly pulse on the same questions, still open (its results show once it
 * closes), with about a third answered so far. Each department gets its own mood, so engagement
 * differs visibly by department, and small teams show the "fewer than 5 responses" suppression.
 */
export function insertDemoQuestionnaires(demo: DemoContext): DemoCounts {
  const rng = random(demo.seed + 6);
  const year = demo.today.slice(0, 4);
  const yesNo = insertYesNo(demo, rng);
  const survey = insertSurvey(demo, rng, yesNo, { name: `Engagement survey ${year}`, status: 'closed', rate: 0.7,
    description: 'Our yearly anonymous engagement survey. Results never show a group of fewer than five people.' });
  const pulse = insertSurvey(demo, rng, yesNo, { name: `Pulse check Q4 ${year}`, status: 'open', rate: 0.35,
    description: 'A short anonymous pulse on the same questions. Results show once it closes.' });
  const feedback = insertDemo360(demo, rng, demo.now);
  return { questionnaires: 3, questionnaireInvitations: survey.invitations + pulse.invitations + feedback, questionnaireResponses: survey.responses + pulse.responses + feedback };
}

type YesNo = { id: string; name: string; options: { id: string; label: string; points: number }[] };

function insertYesNo(demo: DemoContext, rng: ReturnType<typeof random>): YesNo {
  const yesNo = { id: rng.uuid(), name: 'Yes / No', options: [{ id: rng.uuid(), label: 'Yes', points: 0 }, { id: rng.uuid(), label: 'No', points: 0 }] };
  demo.db.prepare(`INSERT INTO answer_group (id, name, options, archived, created_at, updated_at, version) VALUES (?, ?, ?, 0, ?, ?, 1)`)
    .run(yesNo.id, yesNo.name, JSON.stringify(yesNo.options), demo.now, demo.now);
  return yesNo;
}

interface SurveySpec { name: string; description: string; status: 'open' | 'closed'; rate: number }

function insertSurvey(demo: DemoContext, rng: ReturnType<typeof random>, yesNo: YesNo, spec: SurveySpec): { invitations: number; responses: number } {
  const { db, now } = demo;
  const agreement = (q: Pick<QuestionnaireQuestion, 'id' | 'text'>): QuestionnaireQuestion => ({
    ...q, code: null, type: 'scale', required: true, answerGroupId: null, options: [], scaleMin: 1, scaleMax: 5,
    scaleMinLabel: 'Strongly disagree', scaleMaxLabel: 'Strongly agree', condition: null,
  });
  const [yes, no] = yesNo.options;
  const sections: QuestionnaireSection[] = SECTIONS.map((s) => ({ title: s.title, description: null, questions: s.statements.map((text) => agreement({ id: rng.uuid(), text })) }));
  const managesId = rng.uuid();
  sections[1].questions.push(
    { ...agreement({ id: managesId, text: 'Do you manage people?' }), type: 'single', answerGroupId: yesNo.id, options: yesNo.options, scaleMin: null, scaleMax: null, scaleMinLabel: null, scaleMaxLabel: null },
    { ...agreement({ id: rng.uuid(), text: 'I have the support I need to lead my team' }), condition: { questionId: managesId, optionId: yes.id } },
  );
  const changeId = rng.uuid();
  sections[2].questions.push({ ...agreement({ id: changeId, text: 'What one thing would you change?' }), type: 'text', required: false, scaleMin: null, scaleMax: null, scaleMinLabel: null, scaleMaxLabel: null });
  const questions = sections.flatMap((s) => s.questions);
  const resultGroups = [
    { minPoints: 0, maxPoints: 24, text: 'Disengaged: talk with them about what is not working.' },
    { minPoints: 25, maxPoints: 37, text: 'Neutral: some things work, some need attention.' },
    { minPoints: 38, maxPoints: 100, text: 'Engaged: keep doing what works.' },
  ];
  const questionnaireId = rng.uuid();
  db.prepare(`INSERT INTO questionnaire (id, name, kind, description, anonymous, status, sections, result_groups, population, opened_at, closed_at, archived, created_at, updated_at, version)
    VALUES (@id, @name, 'engagement', @description, 1, @status, @sections, @resultGroups, @population, @now, @closedAt, 0, @now, @now, 2)`).run({
    id: questionnaireId, name: spec.name, now, status: spec.status, closedAt: spec.status === 'closed' ? now : null,
    description: spec.description,
    sections: JSON.stringify(sections), resultGroups: JSON.stringify(resultGroups),
    population: JSON.stringify({ departmentIds: demo.org.departments.filter((d) => !d.parentId).map((d) => d.id), jobIds: [], employeeIds: [] }),
  });
  const invite = db.prepare(`INSERT INTO questionnaire_invitation (id, questionnaire_id, employee_id, department_id, invited_at, responded_at) VALUES (?, ?, ?, ?, ?, ?)`);
  // Responses and answers are keyed by random ids: staged and inserted in key order.
  const respond = sortedInserter(db, 'questionnaire_response', ['id', 'questionnaire_id', 'invitation_id', 'department_id', 'source', 'points', 'score'], ['id']);
  const answer = sortedInserter(db, 'questionnaire_answer', ['response_id', 'question_id', 'value', 'points'], ['response_id', 'question_id']);
  const mood = new Map(demo.org.departments.map((d) => [d.id, 2.4 + rng.next() * 2.2]));
  let invitations = 0;
  let responses = 0;
  for (const person of demo.org.employees) {
    if (person.status === 'terminated') continue;
    invitations++;
    const responds = rng.next() < spec.rate;
    invite.run(rng.uuid(), questionnaireId, person.id, person.departmentId, now, responds ? now : null);
    if (!responds) continue;
    responses++;
    const answers = new Map<string, Answer>();
    const base = mood.get(person.departmentId) ?? 3.5;
    for (const q of questions) {
      if (q.type === 'scale') answers.set(q.id, Math.max(1, Math.min(5, Math.round(base + (rng.next() - 0.5) * 2.4))));
    }
    const manages = rng.next() < 0.15;
    answers.set(managesId, manages ? yes.id : no.id);
    if (!manages) answers.delete(questions.find((q) => q.condition)!.id);
    if (rng.next() < 0.3) answers.set(changeId, rng.pick(CHANGES));
    const responseId = rng.uuid();
    const { points, score } = scoreResponse(questions, answers);
    respond.add(responseId, questionnaireId, null, person.departmentId, 'typed', points, score);
    for (const q of questions) if (answers.has(q.id)) answer.add(responseId, q.id, JSON.stringify(answers.get(q.id)), answerPoints(q, answers.get(q.id)));
  }
  respond.finish();
  answer.finish();
  return { invitations, responses };
}

const FEEDBACK_360 = ['Communicates clearly', 'Gives useful feedback', 'Makes decisions in good time', 'Develops the people around them'];

/**
 * Demo: one small anonymous 360, closed, about a manager with at least three direct reports: self,
 * their manager, up to four direct reports and two peers are invited and all respond, so the
 * results show self and manager and hide the direct reports and peers (fewer than five each).
 */
function insertDemo360(demo: DemoContext, rng: ReturnType<typeof random>, now: string): number {
  const current = demo.org.employees.filter((e) => e.status !== 'terminated');
  const reportsOf = (id: string) => current.filter((e) => e.managerId === id);
  const subject = current.find((e) => e.managerId && reportsOf(e.id).length >= 3 && current.some((m) => m.id === e.managerId) && reportsOf(e.managerId).length >= 3);
  if (!subject) return 0;
  const raters: [string, string][] = [
    [subject.id, 'self'], [subject.managerId!, 'manager'],
    ...reportsOf(subject.id).slice(0, 4).map((e): [string, string] => [e.id, 'direct_report']),
    ...reportsOf(subject.managerId!).filter((e) => e.id !== subject.id).slice(0, 2).map((e): [string, string] => [e.id, 'peer']),
  ];
  const questions: QuestionnaireQuestion[] = FEEDBACK_360.map((text) => ({
    id: rng.uuid(), code: null, text, type: 'scale', required: true, answerGroupId: null, options: [], scaleMin: 1, scaleMax: 5,
    scaleMinLabel: 'Rarely', scaleMaxLabel: 'Always', condition: null,
  }));
  const id = rng.uuid();
  demo.db.prepare(`INSERT INTO questionnaire (id, name, kind, description, anonymous, subject_employee_id, status, sections, result_groups, population, opened_at, closed_at, archived, created_at, updated_at, version)
    VALUES (@id, @name, 'feedback_360', @description, 1, @subject, 'closed', @sections, '[]', NULL, @now, @now, 0, @now, @now, 2)`).run({
    id, name: `360 feedback for ${subject.firstName} ${subject.lastName}`, subject: subject.id, now,
    description: 'Anonymous 360: self and manager are shown as given; direct reports and peers only in groups of five or more.',
    sections: JSON.stringify([{ title: 'Leadership', description: null, questions }]),
  });
  const invite = demo.db.prepare(`INSERT INTO questionnaire_invitation (id, questionnaire_id, employee_id, department_id, relationship, invited_at, responded_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const respond = demo.db.prepare(`INSERT INTO questionnaire_response (id, questionnaire_id, invitation_id, department_id, relationship, source, points, score) VALUES (?, ?, NULL, NULL, ?, 'typed', ?, ?)`);
  const answer = demo.db.prepare(`INSERT INTO questionnaire_answer (response_id, question_id, value, points) VALUES (?, ?, ?, ?)`);
  const departmentOf = new Map(current.map((e) => [e.id, e.departmentId]));
  for (const [employeeId, relationship] of raters) {
    invite.run(rng.uuid(), id, employeeId, departmentOf.get(employeeId) ?? null, relationship, now, now);
    // People rate themselves a little higher than others rate them.
    const answers = new Map<string, Answer>(questions.map((q) => [q.id, Math.max(1, Math.min(5, Math.round((relationship === 'self' ? 4.2 : 3.4) + (rng.next() - 0.5) * 2)))]));
    const responseId = rng.uuid();
    const { points, score } = scoreResponse(questions, answers);
    respond.run(responseId, id, relationship, points, score);
    for (const q of questions) answer.run(responseId, q.id, JSON.stringify(answers.get(q.id)), answerPoints(q, answers.get(q.id)));
  }
  return raters.length;
}
