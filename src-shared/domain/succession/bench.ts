// Bench arithmetic: readiness counts, plan strength and coverage. Used by the services (lists,
// insights, exports) and by the chart for instant feedback, so every view agrees.

/** What a successor contributes to a plan's bench: its readiness level's place in the scale (0 = the first, "ready now"). */
export interface BenchEntry {
  readinessId: string;
}

export interface ReadinessOrder {
  id: string;
  sortOrder: number;
}

/** Readiness level id → its place in the active scale (0 = ready now). Unknown levels have no place. */
export function readinessIndex(levels: readonly ReadinessOrder[]): Map<string, number> {
  return new Map([...levels].sort((a, b) => a.sortOrder - b.sortOrder).map((level, index) => [level.id, index]));
}

/** Successors per readiness level, every active level listed (in scale order), zeros included. */
export function readinessCounts(entries: readonly BenchEntry[], levels: readonly ReadinessOrder[]): { readinessId: string; count: number }[] {
  const index = readinessIndex(levels);
  const counts = new Map([...index.keys()].map((id) => [id, 0]));
  for (const entry of entries) if (counts.has(entry.readinessId)) counts.set(entry.readinessId, counts.get(entry.readinessId)! + 1);
  return [...counts].map(([readinessId, count]) => ({ readinessId, count }));
}

/** Points a successor adds to plan strength by their readiness band (first, second, third, any later level). */
export const STRENGTH_POINTS = [50, 25, 10, 5] as const;
/** Successors not ready now add at most this much together: without one ready now a plan is at best moderate. */
export const LATER_POINTS_CAP = 50;
/** Plan strength never goes above this. */
export const MAX_STRENGTH = 100;
/** The lowest strength of each band above weak (strengthBand). */
export const STRONG_FROM = 75;
export const MODERATE_FROM = 40;

/**
 * Plan strength, 0–100: 50 points per successor at the first readiness level (ready now); 25 per
 * successor at the second (1–2 years), 10 at the third (3+ years), 5 at any later one, these together
 * at most 50; the total capped at 100. One ready-now successor and one ready in 1–2 years make 75.
 */
export function planStrength(entries: readonly BenchEntry[], levels: readonly ReadinessOrder[]): number {
  const index = readinessIndex(levels);
  let now = 0;
  let later = 0;
  for (const entry of entries) {
    const band = index.get(entry.readinessId);
    if (band === undefined) continue;
    if (band === 0) now += STRENGTH_POINTS[0];
    else later += STRENGTH_POINTS[Math.min(band, STRENGTH_POINTS.length - 1)];
  }
  return Math.min(MAX_STRENGTH, now + Math.min(LATER_POINTS_CAP, later));
}

export type StrengthBand = 'none' | 'weak' | 'moderate' | 'strong';

/** Strong from 75 (e.g. one ready now and one in 1–2 years), moderate from 40, weak above 0, none without successors. */
export function strengthBand(strength: number, successors: number): StrengthBand {
  if (successors === 0 || strength <= 0) return 'none';
  if (strength >= STRONG_FROM) return 'strong';
  if (strength >= MODERATE_FROM) return 'moderate';
  return 'weak';
}

export const STRENGTH_LABELS: Record<StrengthBand, string> = { none: 'No successors', weak: 'Weak', moderate: 'Moderate', strong: 'Strong' };

/** The rule as users read it (shown next to every strength figure and in the exports' legend). */
export const STRENGTH_RULE =
  'Bench strength = 50 points per successor ready now, plus 25 per successor at the second readiness level, 10 at the third and 5 at any later one (these together at most 50), capped at 100. ' +
  'Strong from 75 (one ready now and one at the second level), moderate from 40, weak below.';

/** Successors at the first readiness level. */
export function readyNowCount(entries: readonly BenchEntry[], levels: readonly ReadinessOrder[]): number {
  const index = readinessIndex(levels);
  return entries.filter((entry) => index.get(entry.readinessId) === 0).length;
}

/** Share of key positions with at least one ready-now successor, 0–100 (0 when there are none), to 0.1. */
export function coveragePercent(covered: number, keyPositions: number): number {
  return keyPositions === 0 ? 0 : Math.round((1000 * covered) / keyPositions) / 10;
}
