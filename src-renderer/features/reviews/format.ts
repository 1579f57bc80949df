import { nearestLabel, type ScaleLevel } from '../../../src-shared/domain/review-reports';

export const formatScore = (value: number) => String(Math.round(value * 100) / 100);

/** "3.4 · Meets expectations" — a rating with the label of its nearest level. */
export function ratingText(levels: ScaleLevel[], rating: number | null | undefined): string {
  if (rating === null || rating === undefined) return '—';
  const label = nearestLabel(levels, rating);
  return label ? `${formatScore(rating)} · ${label}` : formatScore(rating);
}

export const levelOptions = (levels: ScaleLevel[]) => levels.map((l) => ({ value: String(l.value), label: `${l.value} · ${l.label}` }));
