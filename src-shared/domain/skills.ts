// Gap arithmetic for skills. Levels of different rating models are compared through their
// factor (0-9), so a requirement in a 4-level model and a rating in a 5-level model agree.
// A missing current level (never rated, or removed) counts as factor 0: "no evidence of the skill".
// The SQL aggregates in src-main/services/skills mirror these formulas; keep them in step.

export const MAX_FACTOR = 9;

export interface LevelFactor {
  value: number;
  factor: number;
}

/** The factor of a level value in one model's levels, or null when there is no level (or no such level). */
export function factorOf(levels: readonly LevelFactor[], value: number | null): number | null {
  if (value === null) return null;
  return levels.find((level) => level.value === value)?.factor ?? null;
}

/** 0 when the requirement is met; otherwise the shortfall in factors as a share of the whole scale (0-1]. */
export function normalisedGap(requiredFactor: number, currentFactor: number | null): number {
  return Math.max(0, requiredFactor - (currentFactor ?? 0)) / MAX_FACTOR;
}

export function requirementMet(requiredFactor: number, currentFactor: number | null): boolean {
  return (currentFactor ?? 0) >= requiredFactor;
}

/** How much of one requirement a level earns, 0-1: full when met, proportional to the factor otherwise. */
export function partialCredit(requiredFactor: number, currentFactor: number | null): number {
  if (requiredFactor <= 0) return 1;
  return Math.min(currentFactor ?? 0, requiredFactor) / requiredFactor;
}

export interface WeightedRequirement {
  weight: number;
  requiredFactor: number;
  currentFactor: number | null;
}

/** Weighted match, 0-100. Nothing required means nothing is missing: 100. */
export function weightedMatch(rows: readonly WeightedRequirement[]): number {
  const totalWeight = rows.reduce((sum, row) => sum + row.weight, 0);
  if (totalWeight <= 0) return 100;
  const earned = rows.reduce((sum, row) => sum + row.weight * partialCredit(row.requiredFactor, row.currentFactor), 0);
  return clamp((100 * earned) / totalWeight, 0, 100);
}

/** Share of requirements met, 0-100. Nothing required means nothing is missing: 100. */
export function coverage(metCount: number, total: number): number {
  if (total <= 0) return 100;
  return clamp((100 * metCount) / total, 0, 100);
}

export interface LevelHistoryEntry {
  level: number | null;
  /** YYYY-MM-DD */
  effectiveDate: string;
  /** ISO timestamp: breaks ties between entries effective on the same day (the later recording wins). */
  recordedAt: string;
}

/** The entry in force on `date` (newest effective date on or before it), or undefined when none is. */
export function entryOnDate<T extends LevelHistoryEntry>(history: readonly T[], date: string): T | undefined {
  let current: T | undefined;
  for (const entry of history) {
    if (entry.effectiveDate > date) continue;
    if (!current || isNewer(entry, current)) current = entry;
  }
  return current;
}

/** The level in force on `date`; null when never rated by then or the last entry removed it. */
export function levelOnDate(history: readonly LevelHistoryEntry[], date: string): number | null {
  return entryOnDate(history, date)?.level ?? null;
}

const isNewer = (a: LevelHistoryEntry, b: LevelHistoryEntry) =>
  a.effectiveDate !== b.effectiveDate ? a.effectiveDate > b.effectiveDate : a.recordedAt > b.recordedAt;

/** Rounds for display and for comparing SQL and JavaScript results (percentages to 0.1, gaps to 0.001). */
export const roundTo = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
