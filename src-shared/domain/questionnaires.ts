/**
 * Questionnaire logic shared by the main process and the UI: which questions show (conditions),
 * whether answers are acceptable, scoring, result groups and the anonymity threshold.
 */
import type { RaterRelationship } from '../api/reviews/questionnaires';
import { isRealDate } from './dates';

export type QuestionType = 'single' | 'multiple' | 'scale' | 'text' | 'number' | 'date';

export interface QuestionDef {
  id: string;
  text: string;
  type: QuestionType;
  required: boolean;
  options: { id: string; label: string; points: number }[];
  scaleMin: number | null;
  scaleMax: number | null;
  condition: { questionId: string; optionId: string } | null;
}

/** single: option id · multiple: option ids · scale, number: a number · text: text · date: YYYY-MM-DD. */
export type Answer = string | number | string[] | null | undefined;
export type Answers = ReadonlyMap<string, Answer> | Record<string, Answer>;

/** Anonymous results never show a group with fewer responses than this. */
export const MIN_ANONYMOUS_GROUP = 5;

const answerOf = (answers: Answers, questionId: string): Answer =>
  answers instanceof Map ? answers.get(questionId) : (answers as Record<string, Answer>)[questionId];

export const isChoice = (type: QuestionType) => type === 'single' || type === 'multiple';

/** The option ids an answer picks (none for non-choice answers). */
export function chosenOptions(answer: Answer): string[] {
  if (typeof answer === 'string') return [answer];
  return Array.isArray(answer) ? answer : [];
}

export function isAnswered(answer: Answer): boolean {
  if (answer === null || answer === undefined) return false;
  if (typeof answer === 'string') return answer.trim() !== '';
  if (Array.isArray(answer)) return answer.length > 0;
  return Number.isFinite(answer);
}

/**
 * The ids of the questions that show, in order: a conditional question shows when the question it
 * depends on shows and its answer is (contains) the option. Conditions only point backwards, so one
 * pass in order settles every question.
 */
export function visibleQuestionIds(questions: readonly QuestionDef[], answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const q of questions) {
    if (!q.condition) visible.add(q.id);
    else if (visible.has(q.condition.questionId) && chosenOptions(answerOf(answers, q.condition.questionId)).includes(q.condition.optionId)) visible.add(q.id);
  }
  return visible;
}

export interface AnswerProblem {
  questionId: string;
  message: string;
}

/** What is wrong with one answer to one question (null when it is fine or empty). */
export function answerProblem(q: QuestionDef, answer: Answer): string | null {
  if (!isAnswered(answer)) return null;
  switch (q.type) {
    case 'single':
      if (typeof answer !== 'string') return 'Choose one option.';
      return q.options.some((o) => o.id === answer) ? null : 'This is not one of the question’s options.';
    case 'multiple': {
      if (!Array.isArray(answer)) return 'Choose options from the list.';
      if (new Set(answer).size !== answer.length) return 'An option is chosen twice.';
      return answer.every((id) => q.options.some((o) => o.id === id)) ? null : 'This is not one of the question’s options.';
    }
    case 'scale':
      if (typeof answer !== 'number' || !Number.isInteger(answer)) return 'Give a whole number on the scale.';
      return answer >= (q.scaleMin ?? 1) && answer <= (q.scaleMax ?? 5) ? null : `Give a value from ${q.scaleMin ?? 1} to ${q.scaleMax ?? 5}.`;
    case 'number':
      return typeof answer === 'number' && Number.isFinite(answer) ? null : 'Give a number.';
    case 'date':
      return typeof answer === 'string' && isRealDate(answer) ? null : 'Give a real date as YYYY-MM-DD.';
    case 'text':
      return typeof answer === 'string' ? null : 'Give a text answer.';
  }
}

/**
 * Problems with a whole set of answers: wrong values, required questions left empty (only those
 * that show), answers to questions that do not exist or are hidden by their condition.
 */
export function checkAnswers(questions: readonly QuestionDef[], answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const visible = visibleQuestionIds(questions, answers);
  const known = new Set(questions.map((q) => q.id));
  const given = answers instanceof Map ? [...answers.keys()] : Object.keys(answers);
  for (const questionId of given) if (!known.has(questionId)) problems.push({ questionId, message: 'This question is not part of the questionnaire.' });
  for (const q of questions) {
    const answer = answerOf(answers, q.id);
    if (!visible.has(q.id)) {
      if (isAnswered(answer)) problems.push({ questionId: q.id, message: 'This question does not apply given the earlier answers; leave it empty.' });
      continue;
    }
    if (q.required && !isAnswered(answer)) {
      problems.push({ questionId: q.id, message: 'This question needs an answer.' });
      continue;
    }
    const problem = answerProblem(q, answer);
    if (problem) problems.push({ questionId: q.id, message: problem });
  }
  return problems;
}

/** Points an answer scores: the chosen option(s), or the scale value; null for unscored questions or no answer. */
export function answerPoints(q: QuestionDef, answer: Answer): number | null {
  if (!isAnswered(answer)) return null;
  if (q.type === 'scale') return typeof answer === 'number' ? answer : null;
  if (!isChoice(q.type)) return null;
  const chosen = chosenOptions(answer);
  return q.options.filter((o) => chosen.includes(o.id)).reduce((sum, o) => sum + o.points, 0);
}

/** The lowest and highest points a question can score; null for unscored questions. */
export function pointRange(q: QuestionDef): { min: number; max: number } | null {
  if (q.type === 'scale') return { min: q.scaleMin ?? 1, max: q.scaleMax ?? 5 };
  if (q.options.length === 0) return null;
  const points = q.options.map((o) => o.points);
  if (q.type === 'single') return { min: Math.min(...points), max: Math.max(...points) };
  if (q.type === 'multiple') {
    return { min: points.filter((p) => p < 0).reduce((a, b) => a + b, 0), max: points.filter((p) => p > 0).reduce((a, b) => a + b, 0) };
  }
  return null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Where points sit between min and max, 0–100 (50 when the range is empty). */
export function normalise(points: number, min: number, max: number): number {
  if (max <= min) return 50;
  return round2(Math.min(100, Math.max(0, ((points - min) / (max - min)) * 100)));
}

export interface ResponseScore {
  /** Sum of points over the scored questions answered; null when none is. */
  points: number | null;
  /** 0–100 over the scored questions answered; null when none is. */
  score: number | null;
}

/** Total points and the 0–100 score of one response (unanswered and hidden questions do not count). */
export function scoreResponse(questions: readonly QuestionDef[], answers: Answers): ResponseScore {
  let points = 0;
  let min = 0;
  let max = 0;
  let scored = 0;
  for (const q of questions) {
    const range = pointRange(q);
    const got = answerPoints(q, answerOf(answers, q.id));
    if (!range || got === null) continue;
    points += got;
    min += range.min;
    max += range.max;
    scored++;
  }
  if (scored === 0) return { points: null, score: null };
  return { points: round2(points), score: normalise(points, min, max) };
}

export interface PointRange {
  minPoints: number;
  maxPoints: number;
  text: string;
}

/** The result group whose range (inclusive) holds the points; null when none does. */
export function resultGroupFor<G extends PointRange>(points: number | null, groups: readonly G[]): G | null {
  if (points === null) return null;
  return groups.find((g) => points >= g.minPoints && points <= g.maxPoints) ?? null;
}

/** Result groups must each run from low to high and not overlap; returns one message per problem. */
export function resultGroupProblems(groups: readonly PointRange[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  groups.forEach((g, i) => {
    if (g.minPoints > g.maxPoints) problems.push({ index: i, message: `Result group ${i + 1}: the lowest points (${g.minPoints}) are above the highest (${g.maxPoints}).` });
  });
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const [a, b] = [groups[i], groups[j]];
      if (a.minPoints <= b.maxPoints && b.minPoints <= a.maxPoints) {
        problems.push({ index: j, message: `Result groups ${i + 1} (${a.minPoints}–${a.maxPoints}) and ${j + 1} (${b.minPoints}–${b.maxPoints}) overlap.` });
      }
    }
  }
  return problems;
}

/** Structural problems of a questionnaire's questions, in order: duplicate ids/codes, scale ends, options, conditions. */
export function questionProblems(questions: readonly (QuestionDef & { code?: string | null })[]): { questionId: string; index: number; message: string }[] {
  const problems: { questionId: string; index: number; message: string }[] = [];
  const seen = new Map<string, QuestionDef>();
  const codes = new Set<string>();
  questions.forEach((q, index) => {
    const add = (message: string) => problems.push({ questionId: q.id, index, message: `Question ${index + 1} (${q.text}): ${message}` });
    if (seen.has(q.id)) add('appears twice.');
    const code = q.code?.trim().toLowerCase();
    if (code) {
      if (codes.has(code)) add(`the code "${q.code}" is used by another question.`);
      codes.add(code);
    }
    if (q.type === 'scale') {
      if (q.scaleMin === null || q.scaleMax === null) add('a scale needs its lowest and highest value.');
      else if (q.scaleMin >= q.scaleMax) add('the lowest scale value must be below the highest.');
      else if (q.scaleMax - q.scaleMin > 20) add('a scale has at most 21 steps.');
    }
    if (isChoice(q.type) && q.options.length < 2) add('a choice question needs an answer group with at least 2 options.');
    if (q.condition) {
      const target = seen.get(q.condition.questionId);
      if (!target) add(questions.some((other) => other.id === q.condition!.questionId) ? 'its condition must refer to an earlier question.' : 'its condition refers to a question that is not in the questionnaire.');
      else if (!isChoice(target.type)) add('its condition must refer to a single or multiple choice question.');
      else if (!target.options.some((o) => o.id === q.condition!.optionId)) add('its condition refers to an option the earlier question does not offer.');
    }
    seen.set(q.id, q);
  });
  return problems;
}

export interface GroupCount {
  key: string;
  count: number;
}

/**
 * The groups an anonymous questionnaire must hide: every group with 1 to 4 responses; then, while the
 * hidden groups together hold 1 to 4 responses, the smallest shown group as well, so no small group
 * (nor a few small ones together) can be worked out from the overall figure by subtraction.
 * Groups without responses have nothing to hide. Named (non-anonymous) questionnaires hide nothing.
 */
export function hiddenGroups(groups: readonly GroupCount[], anonymous: boolean, threshold = MIN_ANONYMOUS_GROUP): Set<string> {
  if (!anonymous) return new Set();
  return hideUntilSafe(groups, new Set(smallGroups(groups, threshold)), threshold);
}

const smallGroups = (groups: readonly GroupCount[], threshold: number) => groups.filter((g) => g.count > 0 && g.count < threshold).map((g) => g.key);

/** Adds the smallest shown groups to `hidden` until the hidden groups together hold none or at least `threshold` responses. */
function hideUntilSafe(groups: readonly GroupCount[], hidden: Set<string>, threshold: number): Set<string> {
  let total = groups.reduce((n, g) => n + (hidden.has(g.key) ? g.count : 0), 0);
  const shown = groups.filter((g) => !hidden.has(g.key) && g.count > 0).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key));
  for (const next of shown) {
    if (total === 0 || total >= threshold) break;
    hidden.add(next.key);
    total += next.count;
  }
  return hidden;
}

/** 360 rater groups whose figures an anonymous 360 protects: each holds several people the subject cannot tell apart. */
export const ANONYMOUS_RATERS: readonly RaterRelationship[] = ['direct_report', 'peer', 'other'];

export type HiddenReason = 'small_group' | 'protects_smaller';

export interface RaterVisibility {
  /** The hidden rater groups and why: fewer than the threshold, or hidden so a smaller group cannot be derived. */
  hidden: Map<RaterRelationship, HiddenReason>;
  /** Whether figures over all raters together (overall score, a question's chart) may show. */
  allRatersShown: boolean;
}

/**
 * Which groups of a 360 show. Self and manager always show: each is one known person (the subject,
 * and the manager the subject already knows), as in conventional 360 reports. For anonymous 360s,
 * direct reports, peers and others follow `hiddenGroups` among themselves (so the "hide one more"
 * rule applies to them), `alsoHidden` groups (e.g. a group hidden overall, when deciding about one
 * question) count as hidden from the start, and figures over all raters show only when those three
 * groups together have none or at least `threshold` responses — otherwise taking away the self and
 * manager figures would reveal them.
 */
export function raterGroupVisibility(
  counts: Partial<Record<RaterRelationship, number>>, anonymous: boolean, threshold = MIN_ANONYMOUS_GROUP, alsoHidden: Iterable<RaterRelationship> = [],
): RaterVisibility {
  const hidden = new Map<RaterRelationship, HiddenReason>();
  if (!anonymous) return { hidden, allRatersShown: true };
  const groups = ANONYMOUS_RATERS.map((key) => ({ key, count: counts[key] ?? 0 }));
  const small = new Set(smallGroups(groups, threshold));
  for (const key of hideUntilSafe(groups, new Set([...small, ...alsoHidden]), threshold)) {
    hidden.set(key as RaterRelationship, small.has(key) ? 'small_group' : 'protects_smaller');
  }
  const pooled = groups.reduce((n, g) => n + g.count, 0);
  return { hidden, allRatersShown: pooled === 0 || pooled >= threshold };
}

/** Whether a figure built from `count` responses may be shown. */
export const isShown = (count: number, anonymous: boolean, threshold = MIN_ANONYMOUS_GROUP) => !anonymous || count >= threshold;

export const percent = (part: number, whole: number) => (whole > 0 ? round2((part / whole) * 100) : 0);

export const average = (values: readonly number[]) => (values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null);
