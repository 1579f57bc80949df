import {
  RATER_RELATIONSHIPS, type DepartmentResult, type Questionnaire, type QuestionnaireQuestion, type QuestionnaireResults, type QuestionResult, type RaterRelationship,
  type RelationshipResult,
} from '../../../../src-shared/api';
import {
  average, chosenOptions, hiddenGroups, isShown, MIN_ANONYMOUS_GROUP, percent, pointRange, raterGroupVisibility, resultGroupFor,
} from '../../../../src-shared/domain/questionnaires';
import type { ServiceContext } from '../../context';
import { allQuestions, getQuestionnaire } from './definitions';

const MAX_TEXTS = 100;
const NO_DEPARTMENT = '';

interface ResponseSql { id: string; departmentId: string | null; relationship: RaterRelationship | null; points: number | null; score: number | null }

/**
 * Results of a questionnaire. Anonymous questionnaires show no figure built from fewer than five
 * responses: the whole result when fewer than five responded, a department's score below five (and
 * more when needed so it cannot be derived), a question answered by fewer than five. A 360 is
 * grouped by the raters' relationship to the subject instead (see `raterGroupVisibility`).
 */
export async function getQuestionnaireResults(ctx: ServiceContext, id: string): Promise<QuestionnaireResults> {
  const questionnaire = getQuestionnaire(ctx, id);
  const anonymous = questionnaire.anonymous;
  if (anonymous && questionnaire.status !== 'closed') return sealedResults(ctx, questionnaire);
  const db = ctx.store.raw;
  const responses = db.prepare(`SELECT id, department_id AS departmentId, relationship, points, score FROM questionnaire_response WHERE questionnaire_id = ? ORDER BY id`)
    .all(id) as ResponseSql[];
  const raters = questionnaire.kind === 'feedback_360' ? raterResults(ctx, questionnaire, responses) : null;
  const hidden = raters ? !raters.allRatersShown : !isShown(responses.length, anonymous);
  const scores = responses.flatMap((r) => (r.score === null ? [] : [r.score]));
  const points = responses.flatMap((r) => (r.points === null ? [] : [r.points]));
  return {
    questionnaireId: id,
    anonymous,
    minGroupSize: MIN_ANONYMOUS_GROUP,
    invited: questionnaire.invited,
    responded: questionnaire.responded,
    responseRate: percent(questionnaire.responded, questionnaire.invited),
    sealed: false,
    hidden,
    score: hidden ? null : average(scores),
    averagePoints: hidden ? null : average(points),
    departments: raters ? [] : departmentResults(ctx, id, responses, anonymous),
    relationships: raters?.groups ?? [],
    questions: hidden ? [] : allQuestions(questionnaire).map((q) => {
      const shown = raters ? (answered: number) => answered === 0 || raters.questionShown(q.id) : (answered: number) => isShown(answered, anonymous);
      return questionResult(ctx, q, questionnaire.sections.find((s) => s.questions.includes(q))!.title, shown, id);
    }),
    resultGroups: hidden ? [] : questionnaire.resultGroups.map((g) => {
      const count = points.filter((p) => resultGroupFor(p, questionnaire.resultGroups) === g).length;
      return { ...g, count, percent: percent(count, points.length) };
    }),
  };
}

/**
 * An anonymous questionnaire that still takes responses shows who has responded (participation), never
 * what: a figure read before and after one more response would give that response away.
 */
function sealedResults(ctx: ServiceContext, questionnaire: Questionnaire): QuestionnaireResults {
  const is360 = questionnaire.kind === 'feedback_360';
  const byRelationship = new Map(participationByRelationship(ctx, questionnaire.id).map((r) => [r.relationship, r]));
  return {
    questionnaireId: questionnaire.id,
    anonymous: true,
    minGroupSize: MIN_ANONYMOUS_GROUP,
    invited: questionnaire.invited,
    responded: questionnaire.responded,
    responseRate: percent(questionnaire.responded, questionnaire.invited),
    sealed: true,
    hidden: true,
    score: null,
    averagePoints: null,
    departments: is360 ? [] : participationByDepartment(ctx, questionnaire.id).map((d) => ({ ...d, responseRate: percent(d.responded, d.invited), hidden: true, score: null })),
    relationships: is360
      ? RATER_RELATIONSHIPS.map((relationship) => ({
          relationship, invited: byRelationship.get(relationship)?.invited ?? 0, responded: byRelationship.get(relationship)?.responded ?? 0,
          score: null, hidden: 'sealed' as const, questions: [],
        }))
      : [],
    questions: [],
    resultGroups: [],
  };
}

const participationByDepartment = (ctx: ServiceContext, id: string) =>
  ctx.store.raw.prepare(`
    SELECT i.department_id AS departmentId, coalesce(d.name, 'No department') AS departmentName, count(*) AS invited, count(i.responded_at) AS responded
    FROM questionnaire_invitation i LEFT JOIN department d ON d.id = i.department_id
    WHERE i.questionnaire_id = ? GROUP BY i.department_id ORDER BY departmentName COLLATE NOCASE`).all(id) as
    { departmentId: string | null; departmentName: string; invited: number; responded: number }[];

const participationByRelationship = (ctx: ServiceContext, id: string) =>
  ctx.store.raw.prepare(`SELECT relationship, count(*) AS invited, count(responded_at) AS responded FROM questionnaire_invitation
    WHERE questionnaire_id = ? GROUP BY relationship`).all(id) as { relationship: RaterRelationship; invited: number; responded: number }[];

function departmentResults(ctx: ServiceContext, id: string, responses: ResponseSql[], anonymous: boolean): DepartmentResult[] {
  const invitations = participationByDepartment(ctx, id);
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

/**
 * A 360's figures per relationship: invitations, responses, score, and average points per scored
 * question. Which groups show is decided once for the whole (response counts) and again per question
 * (answer counts, with the groups hidden overall staying hidden).
 */
function raterResults(ctx: ServiceContext, questionnaire: Questionnaire, responses: ResponseSql[]) {
  const db = ctx.store.raw;
  const invitations = new Map(participationByRelationship(ctx, questionnaire.id).map((r) => [r.relationship, r]));
  const answers = db.prepare(`SELECT a.question_id AS questionId, a.points, r.relationship FROM questionnaire_answer a JOIN questionnaire_response r ON r.id = a.response_id
    WHERE r.questionnaire_id = ?`).all(questionnaire.id) as { questionId: string; points: number | null; relationship: RaterRelationship }[];
  const countBy = <T>(items: T[], key: (item: T) => RaterRelationship) => Object.fromEntries(RATER_RELATIONSHIPS.map((r) => [r, items.filter((i) => key(i) === r).length]));
  const overall = raterGroupVisibility(countBy(responses, (r) => r.relationship!), questionnaire.anonymous);
  const questions = allQuestions(questionnaire).filter((q) => pointRange(q) !== null);
  const perQuestion = new Map(allQuestions(questionnaire).map((q) => {
    const answered = answers.filter((a) => a.questionId === q.id);
    return [q.id, { answered, visibility: raterGroupVisibility(countBy(answered, (a) => a.relationship), questionnaire.anonymous, MIN_ANONYMOUS_GROUP, overall.hidden.keys()) }];
  }));
  const groups = RATER_RELATIONSHIPS.map((relationship): RelationshipResult => {
    const hidden = overall.hidden.get(relationship) ?? null;
    const scores = responses.flatMap((r) => (r.relationship === relationship && r.score !== null ? [r.score] : []));
    return {
      relationship,
      invited: invitations.get(relationship)?.invited ?? 0,
      responded: invitations.get(relationship)?.responded ?? 0,
      score: hidden ? null : average(scores),
      hidden,
      questions: questions.map((q) => {
        const { answered, visibility } = perQuestion.get(q.id)!;
        const points = answered.flatMap((a) => (a.relationship === relationship && a.points !== null ? [a.points] : []));
        return { questionId: q.id, answered: points.length, averagePoints: visibility.hidden.has(relationship) ? null : average(points) };
      }),
    };
  });
  return { groups, allRatersShown: overall.allRatersShown, questionShown: (questionId: string) => perQuestion.get(questionId)!.visibility.allRatersShown };
}

function questionResult(ctx: ServiceContext, q: QuestionnaireQuestion, sectionTitle: string, shown: (answered: number) => boolean, questionnaireId: string): QuestionResult {
  const answers = ctx.store.raw.prepare(`SELECT a.value, a.points FROM questionnaire_answer a JOIN questionnaire_response r ON r.id = a.response_id
    WHERE r.questionnaire_id = ? AND a.question_id = ? ORDER BY a.response_id`).all(questionnaireId, q.id) as { value: string; points: number | null }[];
  const base = { questionId: q.id, sectionTitle, text: q.text, type: q.type, answered: answers.length };
  if (!shown(answers.length)) return { ...base, hidden: true, averagePoints: null, bars: [], average: null, texts: [] };
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
