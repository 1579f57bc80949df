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

/**
 * Results of a questionnaire. Anonymous questionnaires show no figure built from fewer than five
 * responses: the whole result when fewer than five responded, a department's score below five (and
 * more when needed so it cannot be derived), a question answered by fewer than five. A 360 is
 * grouped by the raters' relationship to the subject instead (see `raterGroupVisibility`).
 *
 * Set-based: responses are counted and summed per department and per total points in SQL, answers
 * per question and distinct value (a handful for choices and scales), so the cost follows the
 * questions and departments, not the tens of thousands of responses.
 */
export async function getQuestionnaireResults(ctx: ServiceContext, id: string): Promise<QuestionnaireResults> {
  const questionnaire = getQuestionnaire(ctx, id);
  const anonymous = questionnaire.anonymous;
  if (anonymous && questionnaire.status !== 'closed') return sealedResults(ctx, questionnaire);
  const db = ctx.store.raw;
  const totals = db.prepare(`SELECT count(*) AS responses, sum(score) AS scoreSum, count(score) AS scored, sum(points) AS pointsSum, count(points) AS pointed
    FROM questionnaire_response WHERE questionnaire_id = ?`).get(id) as { responses: number; scoreSum: number | null; scored: number; pointsSum: number | null; pointed: number };
  const raters = questionnaire.kind === 'feedback_360' ? raterResults(ctx, questionnaire) : null;
  const hidden = raters ? !raters.allRatersShown : !isShown(totals.responses, anonymous);
  const answers = answerReader(ctx, questionnaire);
  return {
    questionnaireId: id,
    anonymous,
    minGroupSize: MIN_ANONYMOUS_GROUP,
    invited: questionnaire.invited,
    responded: questionnaire.responded,
    responseRate: percent(questionnaire.responded, questionnaire.invited),
    sealed: false,
    hidden,
    score: hidden ? null : meanOf(totals.scoreSum, totals.scored),
    averagePoints: hidden ? null : meanOf(totals.pointsSum, totals.pointed),
    departments: raters ? [] : departmentResults(ctx, id, anonymous),
    relationships: raters?.groups ?? [],
    questions: hidden ? [] : allQuestions(questionnaire).map((q) => {
      const shown = raters ? (answered: number) => answered === 0 || raters.questionShown(q.id) : (answered: number) => isShown(answered, anonymous);
      const sectionTitle = questionnaire.sections.find((s) => s.questions.includes(q))!.title;
      return questionResult(q, sectionTitle, shown, answers);
    }),
    resultGroups: hidden ? [] : resultGroupCounts(ctx, questionnaire, totals.pointed),
  };
}

/** Round2 of a mean from its sum and count; null when there is nothing to average (as `average`). */
const meanOf = (sum: number | null, count: number) => (count > 0 ? average([(sum ?? 0) / count]) : null);

/** Responses per result group, from the responses counted per distinct total of points. */
function resultGroupCounts(ctx: ServiceContext, questionnaire: Questionnaire, pointed: number) {
  const byPoints = ctx.store.raw.prepare(`SELECT points, count(*) AS count FROM questionnaire_response WHERE questionnaire_id = ? AND points IS NOT NULL GROUP BY points`)
    .all(questionnaire.id) as { points: number; count: number }[];
  return questionnaire.resultGroups.map((g) => {
    const count = byPoints.reduce((n, row) => n + (resultGroupFor(row.points, questionnaire.resultGroups) === g ? row.count : 0), 0);
    return { ...g, count, percent: percent(count, pointed) };
  });
}

/** One distinct answer value of a question with how many gave it, and the sum and count of its points. */
interface ValueCount { value: string; count: number; pointsSum: number | null; pointed: number }

/**
 * A question's answers, counted by distinct value, from the index of answers by question (migration
 * 16). Answers carry no questionnaire id: a question id that only this questionnaire uses (as ids
 * made by the app are) reads the index alone; one another questionnaire uses too (ids given by hand)
 * is counted over this questionnaire's responses instead.
 */
function answerReader(ctx: ServiceContext, questionnaire: Questionnaire) {
  const db = ctx.store.raw;
  const questionIds = allQuestions(questionnaire).map((q) => q.id);
  const shared = new Set((db.prepare(`SELECT DISTINCT t.value AS id FROM questionnaire q, json_tree(q.sections) t
      WHERE q.id <> ? AND t.key = 'id' AND t.value IN (SELECT value FROM json_each(?))`).all(questionnaire.id, JSON.stringify(questionIds)) as { id: string }[]).map((row) => row.id));
  const own = {
    values: db.prepare(`SELECT value, count(*) AS count, sum(points) AS pointsSum, count(points) AS pointed FROM questionnaire_answer WHERE question_id = @questionId GROUP BY value`),
    count: db.prepare(`SELECT count(*) AS count FROM questionnaire_answer WHERE question_id = @questionId`),
    texts: db.prepare(`SELECT value FROM questionnaire_answer WHERE question_id = @questionId ORDER BY response_id LIMIT ${MAX_TEXTS}`),
  };
  const answersOf = `questionnaire_response r JOIN questionnaire_answer a ON a.response_id = r.id AND a.question_id = @questionId WHERE r.questionnaire_id = @questionnaireId`;
  const others = {
    values: db.prepare(`SELECT a.value, count(*) AS count, sum(a.points) AS pointsSum, count(a.points) AS pointed FROM ${answersOf} GROUP BY a.value`),
    count: db.prepare(`SELECT count(*) AS count FROM ${answersOf}`),
    texts: db.prepare(`SELECT a.value FROM ${answersOf} ORDER BY a.response_id LIMIT ${MAX_TEXTS}`),
  };
  const statements = (questionId: string) => (shared.has(questionId) ? others : own);
  const params = (questionId: string) => ({ questionId, questionnaireId: questionnaire.id });
  return {
    /** Answers by distinct value (not for text questions, whose values are all different). */
    values: (questionId: string) => statements(questionId).values.all(params(questionId)) as ValueCount[],
    count: (questionId: string) => (statements(questionId).count.get(params(questionId)) as { count: number }).count,
    /** The first text answers, in the order of the responses (as they were always listed). */
    texts: (questionId: string) => (statements(questionId).texts.all(params(questionId)) as { value: string }[]).map((row) => String(JSON.parse(row.value) as unknown)),
  };
}
type AnswerReader = ReturnType<typeof answerReader>;

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

function departmentResults(ctx: ServiceContext, id: string, anonymous: boolean): DepartmentResult[] {
  const invitations = participationByDepartment(ctx, id);
  const rows = ctx.store.raw.prepare(`SELECT coalesce(department_id, '${NO_DEPARTMENT}') AS key, count(*) AS count, sum(score) AS scoreSum, count(score) AS scored
    FROM questionnaire_response WHERE questionnaire_id = ? GROUP BY department_id`).all(id) as { key: string; count: number; scoreSum: number | null; scored: number }[];
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const hidden = hiddenGroups(rows.map(({ key, count }) => ({ key, count })), anonymous);
  return invitations.map((d) => {
    const key = d.departmentId ?? NO_DEPARTMENT;
    const isHidden = hidden.has(key);
    const row = byKey.get(key);
    return { ...d, responseRate: percent(d.responded, d.invited), hidden: isHidden, score: isHidden || !row ? null : meanOf(row.scoreSum, row.scored) };
  });
}

/**
 * A 360's figures per relationship: invitations, responses, score, and average points per scored
 * question. Which groups show is decided once for the whole (response counts) and again per question
 * (answer counts, with the groups hidden overall staying hidden).
 */
function raterResults(ctx: ServiceContext, questionnaire: Questionnaire) {
  const db = ctx.store.raw;
  // A 360 has the few raters of one person: read its responses whole.
  const responses = db.prepare(`SELECT relationship, score FROM questionnaire_response WHERE questionnaire_id = ? ORDER BY id`)
    .all(questionnaire.id) as { relationship: RaterRelationship | null; score: number | null }[];
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

/**
 * One question's result from its answers counted by distinct value: each value is parsed once and
 * counts as many times as it was given (bars, averages), so no answer is read one by one. Text
 * answers are counted, and the first 100 listed.
 */
function questionResult(q: QuestionnaireQuestion, sectionTitle: string, shown: (answered: number) => boolean, answers: AnswerReader): QuestionResult {
  const counts = q.type === 'text' ? [] : answers.values(q.id);
  const answered = q.type === 'text' ? answers.count(q.id) : counts.reduce((n, c) => n + c.count, 0);
  const base = { questionId: q.id, sectionTitle, text: q.text, type: q.type, answered };
  if (!shown(answered)) return { ...base, hidden: true, averagePoints: null, bars: [], average: null, texts: [] };
  const values = counts.map((c) => ({ value: JSON.parse(c.value) as string | number | string[], count: c.count }));
  const countWhere = (test: (value: string | number | string[]) => boolean) => values.reduce((n, v) => n + (test(v.value) ? v.count : 0), 0);
  const bar = (label: string, count: number) => ({ label, count, percent: percent(count, answered) });
  let bars: QuestionResult['bars'] = [];
  if (q.type === 'single' || q.type === 'multiple') bars = q.options.map((o) => bar(o.label, countWhere((v) => chosenOptions(v as string | string[]).includes(o.id))));
  if (q.type === 'scale' && q.scaleMin !== null && q.scaleMax !== null) {
    for (let v = q.scaleMin; v <= q.scaleMax; v++) bars.push(bar(String(v), countWhere((x) => x === v)));
  }
  const numbers = values.filter((v): v is { value: number; count: number } => typeof v.value === 'number');
  return {
    ...base,
    hidden: false,
    averagePoints: meanOf(counts.reduce((sum, c) => sum + (c.pointsSum ?? 0), 0), counts.reduce((n, c) => n + c.pointed, 0)),
    bars,
    average: q.type === 'number' || q.type === 'scale' ? meanOf(numbers.reduce((sum, v) => sum + v.value * v.count, 0), numbers.reduce((n, v) => n + v.count, 0)) : null,
    texts: q.type === 'text' ? answers.texts(q.id) : [],
  };
}
