/** Review arithmetic shared by the main process and the UI: status order, scoring, scale and answer checks. */
import { REVIEW_STATUSES, REVIEW_STATUS_LABELS, type ReviewStatus } from '../api/reviews';

export { nearestLabel, nearestLevel } from './review-reports';

// ---- Status ------------------------------------------------------------------------------

export const statusIndex = (status: ReviewStatus) => REVIEW_STATUSES.indexOf(status);

/** The status after `status`, or null for a complete review. */
export function nextStatus(status: ReviewStatus): ReviewStatus | null {
  return REVIEW_STATUSES[statusIndex(status) + 1] ?? null;
}

const label = (status: ReviewStatus) => REVIEW_STATUS_LABELS[status].toLowerCase();

/**
 * Why a review cannot move from `from` to `to` with a forward step, or null when `to` is the next
 * status. Going back is only possible by reopening a complete review (see `canReopen`).
 */
export function transitionProblem(from: ReviewStatus, to: ReviewStatus): string | null {
  if (from === to) return `The review is already ${label(from)}.`;
  const next = nextStatus(from);
  if (next === to) return null;
  if (next === null) return 'The review is complete; reopen it to change it.';
  if (statusIndex(to) < statusIndex(from)) return `The review cannot move back from ${label(from)} to ${label(to)}; only a complete review can be reopened.`;
  return `The review cannot move from ${label(from)} to ${label(to)}: the next step is ${label(next)}.`;
}

/** Reopening takes a complete review back to final review; nothing else moves backwards. */
export const canReopen = (status: ReviewStatus) => status === 'complete';

// ---- Scoring -----------------------------------------------------------------------------

export const round2 = (value: number) => Math.round(value * 100) / 100;

export interface RatedItem {
  sectionIndex: number;
  /** Goals: goal weight; competencies: requirement weight; questions: 1. */
  weight: number;
  /** The manager's rating, or null when not rated (or a text question). */
  rating: number | null;
}

const usableWeight = (weight: number) => (Number.isFinite(weight) && weight > 0 ? weight : 0);

/**
 * Weighted mean of the rated items (unrated ones are skipped); null when nothing is rated.
 * When every rated item weighs 0 (goals default to weight 0) the items count equally.
 */
export function sectionScore(items: readonly { weight: number; rating: number | null }[]): number | null {
  const rated = items.filter((item): item is { weight: number; rating: number } => item.rating !== null && Number.isFinite(item.rating));
  if (rated.length === 0) return null;
  const total = rated.reduce((sum, item) => sum + usableWeight(item.weight), 0);
  if (total === 0) return rated.reduce((sum, item) => sum + item.rating, 0) / rated.length;
  return rated.reduce((sum, item) => sum + item.rating * usableWeight(item.weight), 0) / total;
}

/** The score of every section (by position), each from the items with its section index. */
export function sectionScores(sectionCount: number, items: readonly RatedItem[]): (number | null)[] {
  const bySection: RatedItem[][] = Array.from({ length: sectionCount }, () => []);
  for (const item of items) bySection[item.sectionIndex]?.push(item);
  return bySection.map(sectionScore);
}

/**
 * Overall rating: weighted mean of the section scores by section weight, over the sections that
 * have a score (their weights renormalised), rounded to 2 decimals; null when no weighted section
 * has a score.
 */
export function overallRating(sections: readonly { weight: number; score: number | null }[]): number | null {
  const scored = sections.filter((s): s is { weight: number; score: number } => s.score !== null && usableWeight(s.weight) > 0);
  const total = scored.reduce((sum, s) => sum + usableWeight(s.weight), 0);
  if (total === 0) return null;
  return round2(scored.reduce((sum, s) => sum + s.score * usableWeight(s.weight), 0) / total);
}

// ---- Scale and answers ---------------------------------------------------------------------

/** A rating must be exactly one of the scale's level values. */
export const isOnScale = (levels: readonly { value: number }[], value: number) => levels.some((level) => level.value === value);

export const scaleValuesText = (levels: readonly { value: number; label: string }[]) =>
  levels.map((level) => `${level.value} (${level.label})`).join(', ');

export interface AnswerableItem {
  key: string;
  title: string;
  answer: 'rating' | 'text';
  required: boolean;
}

/**
 * The required items a respondent has not answered yet: a rating item needs a rating, a text
 * item a non-blank comment.
 */
export function missingAnswers<T extends AnswerableItem>(
  items: readonly T[],
  answers: ReadonlyMap<string, { rating: number | null; comment: string | null }>,
): T[] {
  return items.filter((item) => {
    if (!item.required) return false;
    const answer = answers.get(item.key);
    return item.answer === 'rating' ? answer?.rating == null : !answer?.comment?.trim();
  });
}
