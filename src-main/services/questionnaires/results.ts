import type { DepartmentResult, QuestionnaireQuestion, QuestionnaireResults, QuestionResult } from '../../../src-shared/api';
import { average, chosenOptions, hiddenGroups, isShown, MIN_ANONYMOUS_GROUP, percent, resultGroupFor } from '../../../src-shared/domain/questionnaires';
import type { ServiceContext } from '../context';
import { allQuestions, getQuestionnaire } from './definitions';

const MAX_TEXTS = 100;
const NO_DEPARTMENT = '';

/**
 * Results of a questionnaire. Anonymous questionnaires show no figure built from fewer than five
 * responses: the whole result when fewer than five responded, a department's score below five (and
 * one more when needed so it cannot be derived), a question answered by fewer than five.
 */
export async function getQuestionnaireResults(ctx: ServiceContext, id: string): Promise<QuestionnaireResults> {
  const questionnaire = getQuestionnaire(ctx, id);
  const db = ctx.store.raw;
  const responses = db.prepare(`SELECT id, department_id AS departmentId, points, score FROM questionnaire_response WHERE questionnaire_id = ? ORDER BY id`)
    .all(id) as { id: string; departmentId: string | null; points: number | null; score: number | null }[];
  const anonymous = questionnaire.anonymous;
  const hidden = !isShown(responses.length, anonymous);
  const scores = responses.flatMap((r) => (r.score === null ? [] : [r.score]));
  const points = responses.flatMap((r) => (r.points === null ? [] : [r.points]));
  return {
    questionnaireId: id,
    anonymous,
    minGroupSize: MIN_ANONYMOUS_GROUP,
    invited: questionnaire.invited,
    responded: questionnaire.responded,
    responseRate: percent(questionnaire.responded, questionnaire.invited),
    hidden,
    score: hidden ? null : average(scores),
    averagePoints: hidden ? null : average(points),
    departments: departmentResults(ctx, id, responses, anonymous),
    questions: hidden ? [] : allQuestions(questionnaire).map((q) => questionResult(ctx, q, questionnaire.sections.find((s) => s.questions.includes(q))!.title, anonymous, id)),
    resultGroups: hidden ? [] : questionnaire.resultGroups.map((g) => {
      const count = points.filter((p) => resultGroupFor(p, questionnaire.resultGroups) === g).length;
      return { ...g, count, percent: percent(count, points.length) };
    }),
  };
}

function departmentResults(ctx: ServiceContext, id: string, responses: { departmentId: string | null; score: number | null }[], anonymous: boolean): DepartmentResult[] {
  const invitations = ctx.store.raw.prepare(`
    SELECT i.department_id AS departmentId, coalesce(d.name, 'No department') AS departmentName, count(*) AS invited, count(i.responded_at) AS responded
    FROM questionnaire_invitation i LEFT JOIN department d ON d.id = i.department_id
    WHERE i.questionnaire_id = ? GROUP BY i.department_id ORDER BY departmentName COLLATE NOCASE`).all(id) as
    { departmentId: string | null; departmentName: string; invited: number; responded: number }[];
  const byDepartment = new Map<string, number[]>();
  const counts = new Map<string, number>();
  for (const r of responses) {
    const key = r.departmentId ?? NO_DEPARTMENT;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (r.score !== null) byDepartment.set(key, [...(byDepartment.get(key) ?? []), r.score]);
  }
  const hidden = hiddenGroups([...counts].map(([key, count]) => ({ key, count })), anonymous);
  return invitations.map((d) => {
    const key = d.departmentId ?? NO_DEPARTMENT;
    const isHidden = hidden.has(key);
    return { ...d, responseRate: percent(d.responded, d.invited), hidden: isHidden, score: isHidden ? null : average(byDepartment.get(key) ?? []) };
  });
}

function questionResult(ctx: ServiceContext, q: QuestionnaireQuestion, sectionTitle: string, anonymous: boolean, questionnaireId: string): QuestionResult {
  const answers = ctx.store.raw.prepare(`SELECT a.value, a.points FROM questionnaire_answer a JOIN questionnaire_response r ON r.id = a.response_id
    WHERE r.questionnaire_id = ? AND a.question_id = ? ORDER BY a.response_id`).all(questionnaireId, q.id) as { value: string; points: number | null }[];
  const base = { questionId: q.id, sectionTitle, text: q.text, type: q.type, answered: answers.length };
  if (!isShown(answers.length, anonymous)) return { ...base, hidden: true, averagePoints: null, bars: [], average: null, texts: [] };
  const values = answers.map((a) => JSON.parse(a.value) as string | number | string[]);
  const scored = answers.flatMap((a) => (a.points === null ? [] : [a.points]));
  const bar = (label: string, count: number) => ({ label, count, percent: percent(count, answers.length) });
  let bars: QuestionResult['bars'] = [];
  if (q.type === 'single' || q.type === 'multiple') bars = q.options.map((o) => bar(o.label, values.filter((v) => chosenOptions(v as string | string[]).includes(o.id)).length));
  if (q.type === 'scale' && q.scaleMin !== null && q.scaleMax !== null) {
    for (let v = q.scaleMin; v <= q.scaleMax; v++) bars.push(bar(String(v), values.filter((x) => x === v).length));
  }
  return {
    ...base,
    hidden: false,
    averagePoints: average(scored),
    bars,
    average: q.type === 'number' || q.type === 'scale' ? average(values.filter((v): v is number => typeof v === 'number')) : null,
    texts: q.type === 'text' ? values.slice(0, MAX_TEXTS).map(String) : [],
  };
}
