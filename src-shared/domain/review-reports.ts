// Arithmetic of the review reports: which scale level a rating counts at, and distributions.

export interface ScaleLevel {
  value: number;
  label: string;
}

/**
 * Index of the level whose value is nearest `rating` (levels listed lowest first).
 * A rating exactly halfway between two levels counts at the higher one, as rounding does.
 */
export function nearestLevel(levels: readonly { value: number }[], rating: number): number {
  let best = 0;
  for (let i = 1; i < levels.length; i++) {
    if (Math.abs(levels[i].value - rating) <= Math.abs(levels[best].value - rating)) best = i;
  }
  return best;
}

/** Label of the level nearest `rating`, or null without a rating or a scale. */
export function nearestLabel(levels: readonly ScaleLevel[], rating: number | null): string | null {
  if (rating === null || levels.length === 0) return null;
  return levels[nearestLevel(levels, rating)].label;
}

/** `part` as a share of `whole`, 0–100 with one decimal; 0 when there is no whole. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

export interface LevelCount {
  value: number;
  label: string;
  count: number;
  percent: number;
}

export interface Distribution {
  levels: LevelCount[];
  rated: number;
  /** Mean of the ratings themselves (not of the levels they count at), two decimals; null when none. */
  average: number | null;
}

/** Counts ratings (given as distinct values with how often each occurs) at their nearest level. */
export function distributeRatings(levels: readonly ScaleLevel[], ratings: readonly { rating: number; count: number }[]): Distribution {
  const counts = levels.map(() => 0);
  let rated = 0;
  let sum = 0;
  for (const { rating, count } of ratings) {
    if (levels.length) counts[nearestLevel(levels, rating)] += count;
    rated += count;
    sum += rating * count;
  }
  return {
    levels: levels.map((level, i) => ({ value: level.value, label: level.label, count: counts[i], percent: percentOf(counts[i], rated) })),
    rated,
    average: rated ? Math.round((sum / rated) * 100) / 100 : null,
  };
}
