// Calibration arithmetic shared by the main process, the exports and the screens: which box of the
// nine-box a person sits in, distribution guidelines turned into head counts and checked, whether
// a set of guidelines can hold at all, and the layouts the screen, the PDF and the PPTX all draw.
import { nearestLevel } from './review-reports';

export interface ScaleLevel {
  value: number;
  label: string;
}

// ---- Axes and boxes ---------------------------------------------------------------------------

/**
 * How `levelCount` scale levels fall into `parts` columns (or rows), lowest first: as even as
 * possible, the levels left over going to the outer bands first (both ends alike), then to the
 * middle. So 5 levels in 3 columns are 2 · 1 · 2 (low, middle, high), 4 in 3 are 1 · 2 · 1, and
 * 7 in 3 are 2 · 3 · 2.
 */
export function defaultBands(levelCount: number, parts: number): number[] {
  if (parts < 1 || levelCount < parts) throw new Error(`Cannot split ${levelCount} levels into ${parts} bands.`);
  const bands = Array.from({ length: parts }, () => Math.floor(levelCount / parts));
  let extra = levelCount % parts;
  // Odd extras: one to the middle band (when there is one) keeps the split symmetric.
  if (extra % 2 === 1 && parts % 2 === 1) {
    bands[(parts - 1) / 2]++;
    extra--;
  }
  for (let step = 0; extra > 0; step++) {
    const low = step;
    const high = parts - 1 - step;
    bands[low]++;
    extra--;
    if (extra > 0 && high !== low) {
      bands[high]++;
      extra--;
    }
  }
  return bands;
}

/** The band (0 = lowest) a level index falls in. */
export function bandOf(bands: readonly number[], levelIndex: number): number {
  let end = 0;
  for (let band = 0; band < bands.length; band++) {
    end += bands[band];
    if (levelIndex < end) return band;
  }
  return bands.length - 1;
}

/** The level indexes of one band. */
export function levelsOfBand(bands: readonly number[], band: number): number[] {
  const start = bands.slice(0, band).reduce((sum, size) => sum + size, 0);
  return Array.from({ length: bands[band] }, (_, i) => start + i);
}

/** "Unsatisfactory – Needs improvement": the labels of a band's first and last level. */
export function bandLabel(levels: readonly ScaleLevel[], bands: readonly number[], band: number): string {
  const indexes = levelsOfBand(bands, band);
  const first = levels[indexes[0]]?.label ?? '';
  const last = levels[indexes[indexes.length - 1]]?.label ?? '';
  return first === last ? first : `${first} – ${last}`;
}

/** Index of a level value in the scale, or -1 when the value is not one of its levels. */
export const levelIndexOf = (levels: readonly { value: number }[], value: number | null | undefined): number =>
  value === null || value === undefined ? -1 : levels.findIndex((level) => level.value === value);

/** The scale level a (possibly fractional) review rating counts at, or null without one. */
export function levelOfRating(levels: readonly ScaleLevel[], rating: number | null | undefined): ScaleLevel | null {
  if (rating === null || rating === undefined || levels.length === 0) return null;
  return levels[nearestLevel(levels, rating)];
}

export interface GridShape {
  columns: number;
  rows: number;
  /** Scale levels per column (performance), lowest first. */
  performanceBands: number[];
  /** Potential levels per row, lowest first. */
  potentialBands: number[];
}

/** The box `{column, row}` (row 0 = lowest potential) a placement sits in, or null while either axis is missing. */
export function boxOf(
  grid: GridShape,
  performanceLevels: readonly ScaleLevel[],
  potentialLevels: readonly ScaleLevel[],
  performance: number | null,
  potential: number | null,
): { column: number; row: number } | null {
  const p = levelIndexOf(performanceLevels, performance);
  const q = levelIndexOf(potentialLevels, potential);
  if (p < 0 || q < 0) return null;
  return { column: bandOf(grid.performanceBands, p), row: bandOf(grid.potentialBands, q) };
}

export const boxIndex = (grid: Pick<GridShape, 'columns'>, column: number, row: number) => row * grid.columns + column;

/**
 * The level a card takes when dropped into a band: it keeps its level when that is already in
 * the band, else the band's level nearest to where it came from; a card without a level takes
 * the band's middle level (the upper of two middles).
 */
export function levelForBand(levels: readonly ScaleLevel[], bands: readonly number[], band: number, current: number | null): number {
  const indexes = levelsOfBand(bands, band);
  const currentIndex = levelIndexOf(levels, current);
  if (currentIndex >= 0) {
    if (indexes.includes(currentIndex)) return levels[currentIndex].value;
    return levels[currentIndex < indexes[0] ? indexes[0] : indexes[indexes.length - 1]].value;
  }
  return levels[indexes[Math.floor(indexes.length / 2)]].value;
}

/** Where a card dropped into a box goes: the performance and potential it takes. */
export function dropTarget(
  grid: GridShape,
  performanceLevels: readonly ScaleLevel[],
  potentialLevels: readonly ScaleLevel[],
  box: { column: number; row: number },
  from: { performance: number | null; potential: number | null },
): { performance: number; potential: number } {
  return {
    performance: levelForBand(performanceLevels, grid.performanceBands, box.column, from.performance),
    potential: levelForBand(potentialLevels, grid.potentialBands, box.row, from.potential),
  };
}

export interface BoxStyle {
  name: string;
  /** `#rrggbb` */
  colour: string;
}

const NINE_BOX: BoxStyle[] = [
  // Row 0: low potential, low → high performance.
  { name: 'Talent risk', colour: '#f8d7da' },
  { name: 'Effective contributor', colour: '#fff3cd' },
  { name: 'Trusted professional', colour: '#d1e7dd' },
  // Row 1: medium potential.
  { name: 'Inconsistent player', colour: '#fff3cd' },
  { name: 'Core player', colour: '#d1e7dd' },
  { name: 'High performer', colour: '#b6e3c9' },
  // Row 2: high potential.
  { name: 'Rough diamond', colour: '#fff3cd' },
  { name: 'Future star', colour: '#b6e3c9' },
  { name: 'Consistent star', colour: '#8fd4ad' },
];

/** Box names and colours: the classic nine-box names for 3×3, a red-to-green wash and coordinates otherwise. */
export function defaultBoxes(columns: number, rows: number): BoxStyle[] {
  if (columns === 3 && rows === 3) return NINE_BOX.map((box) => ({ ...box }));
  const boxes: BoxStyle[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const score = (column / Math.max(1, columns - 1) + row / Math.max(1, rows - 1)) / 2;
      boxes.push({ name: `Performance ${column + 1} · Potential ${row + 1}`, colour: washColour(score) });
    }
  }
  return boxes;
}

/** 0 → soft red, 0.5 → soft amber, 1 → soft green. */
function washColour(score: number): string {
  const stops = [[248, 215, 218], [255, 243, 205], [143, 212, 173]];
  const scaled = Math.max(0, Math.min(1, score)) * 2;
  const [a, b] = scaled <= 1 ? [stops[0], stops[1]] : [stops[1], stops[2]];
  const t = scaled <= 1 ? scaled : scaled - 1;
  return `#${a.map((c, i) => Math.round(c + (b[i] - c) * t).toString(16).padStart(2, '0')).join('')}`;
}

export const DEFAULT_POTENTIAL: ScaleLevel[] = [{ value: 1, label: 'Low' }, { value: 2, label: 'Medium' }, { value: 3, label: 'High' }];

export const DEFAULT_REASONS = [
  { code: 'EVIDENCE', label: 'Evidence not reflected in the review' },
  { code: 'CONSISTENCY', label: 'Consistency across teams' },
  { code: 'SCOPE', label: 'Scope or complexity of the role' },
  { code: 'TREND', label: 'Recent change in performance' },
  { code: 'GUIDELINE', label: 'Distribution guideline' },
  { code: 'OTHER', label: 'Other (see comment)' },
];

/** A new session's set-up: a 3×3 grid (2×2 on a two-level scale), low / medium / high potential and the standard reason codes. */
export function defaultSessionSettings(levelCount: number) {
  const columns = Math.max(2, Math.min(3, levelCount));
  return {
    potentialLevels: DEFAULT_POTENTIAL.map((level) => ({ ...level })),
    columns,
    rows: 3,
    performanceBands: defaultBands(levelCount, columns),
    potentialBands: [1, 1, 1],
    boxes: defaultBoxes(columns, 3),
    reasonCodes: DEFAULT_REASONS.map((reason) => ({ ...reason })),
  };
}

// ---- Layouts drawn by the screen, the PDF and the PPTX ------------------------------------------

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface NineBoxLayout {
  boxes: (Rect & { column: number; row: number; index: number })[];
  /** Under each column: the performance band it holds. */
  columnLabels: (Rect & { column: number })[];
  /** Left of each row: the potential band it holds (drawn rotated or as is). */
  rowLabels: (Rect & { row: number })[];
  performanceAxis: Rect;
  potentialAxis: Rect;
}

/**
 * The nine-box laid out in a `width` × `height` area (any unit: px, pt, inches): a column of
 * row labels and the potential axis on the left, the performance axis and column labels below,
 * boxes filling the rest, the lowest potential row at the bottom.
 */
export function nineBoxLayout(grid: Pick<GridShape, 'columns' | 'rows'>, area: { width: number; height: number; labelSize: number; gap: number }): NineBoxLayout {
  const { width, height, labelSize, gap } = area;
  const left = labelSize * 2;
  const bottom = labelSize * 2;
  const boxWidth = (width - left - gap * (grid.columns - 1)) / grid.columns;
  const boxHeight = (height - bottom - gap * (grid.rows - 1)) / grid.rows;
  const boxes: NineBoxLayout['boxes'] = [];
  for (let row = 0; row < grid.rows; row++) {
    for (let column = 0; column < grid.columns; column++) {
      boxes.push({ column, row, index: row * grid.columns + column, x: left + column * (boxWidth + gap), y: (grid.rows - 1 - row) * (boxHeight + gap), width: boxWidth, height: boxHeight });
    }
  }
  const gridHeight = height - bottom;
  return {
    boxes,
    columnLabels: Array.from({ length: grid.columns }, (_, column) => ({ column, x: left + column * (boxWidth + gap), y: gridHeight, width: boxWidth, height: labelSize })),
    rowLabels: Array.from({ length: grid.rows }, (_, row) => ({ row, x: labelSize, y: (grid.rows - 1 - row) * (boxHeight + gap), width: labelSize, height: boxHeight })),
    performanceAxis: { x: left, y: gridHeight + labelSize, width: width - left, height: labelSize },
    potentialAxis: { x: 0, y: 0, width: labelSize, height: gridHeight },
  };
}

export interface DistributionBar extends Rect {
  levelIndex: number;
  count: number;
  percent: number;
}

export interface DistributionChartLayout {
  /** The calibrated count per level. */
  bars: DistributionBar[];
  /** The count per level before calibration, drawn as an outline beside each bar. */
  originalBars: DistributionBar[];
  /** What each guideline allows, as a band over the bars of its levels. */
  targets: (Rect & { ruleIndex: number; status: RuleStatus })[];
  /** Level labels under the bars. */
  labels: (Rect & { levelIndex: number })[];
  /** Horizontal grid lines with their count. */
  ticks: { y: number; value: number }[];
  plot: Rect;
}

/**
 * The distribution chart: per level a bar of the calibrated count with the original count
 * beside it, and each guideline's allowed head counts as a band across its levels' bars.
 */
export function distributionChartLayout(
  levelCount: number,
  calibrated: readonly number[],
  original: readonly number[],
  evaluation: GuidelineEvaluation | null,
  area: { width: number; height: number; labelSize: number },
): DistributionChartLayout {
  const plot = { x: area.labelSize * 1.5, y: area.labelSize * 0.5, width: area.width - area.labelSize * 1.5, height: area.height - area.labelSize * 2.5 };
  const population = calibrated.reduce((sum, n) => sum + n, 0);
  // Bounds that matter set the scale; "at least" bands (up to everyone) run off the top instead of flattening the bars.
  const bounds = (evaluation?.rules ?? []).flatMap((rule) => [rule.min, ...(rule.max < population ? [rule.max] : [])]);
  const top = niceCeiling(Math.max(1, ...calibrated, ...original, ...bounds));
  const slot = plot.width / Math.max(1, levelCount);
  const barWidth = slot * 0.36;
  const yOf = (value: number) => plot.y + plot.height - (value / top) * plot.height;
  const bar = (levelIndex: number, count: number, offset: number): DistributionBar => ({
    levelIndex, count, percent: population ? (count / population) * 100 : 0,
    x: plot.x + levelIndex * slot + offset, y: yOf(count), width: barWidth, height: plot.y + plot.height - yOf(count),
  });
  const bars = Array.from({ length: levelCount }, (_, i) => bar(i, calibrated[i] ?? 0, slot * 0.5));
  const originalBars = Array.from({ length: levelCount }, (_, i) => bar(i, original[i] ?? 0, slot * 0.5 - barWidth - slot * 0.04));
  const targets = (evaluation?.rules ?? []).map((rule) => {
    const low = Math.max(0, rule.min);
    const high = Math.min(rule.max, top);
    const x = plot.x + rule.fromIndex * slot + slot * 0.06;
    return { ruleIndex: rule.index, status: rule.status, x, width: (rule.toIndex - rule.fromIndex + 1) * slot - slot * 0.12, y: yOf(Math.max(low, high)), height: Math.max(yOf(low) - yOf(Math.max(low, high)), area.height * 0.006) };
  });
  const labels = Array.from({ length: levelCount }, (_, i) => ({ levelIndex: i, x: plot.x + i * slot, y: plot.y + plot.height + area.labelSize * 0.3, width: slot, height: area.labelSize * 1.6 }));
  const step = top / 4;
  const ticks = Array.from({ length: 5 }, (_, i) => ({ value: Math.round(i * step * 100) / 100, y: yOf(i * step) }));
  return { bars, originalBars, targets, labels, ticks, plot };
}

/** 1, 2, 5 × 10ⁿ at or above `value`, divisible into four even ticks. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 4, 5, 8, 10]) if (step * power >= value) return Math.max(4, step * power);
  return 10 * power;
}

// ---- Distribution guidelines ------------------------------------------------------------------

export const GUIDELINE_OPERATORS = ['eq', 'lt', 'le', 'gt', 'ge', 'between'] as const;
export type GuidelineOperator = (typeof GUIDELINE_OPERATORS)[number];
export const OPERATOR_SYMBOLS: Record<GuidelineOperator, string> = { eq: '=', lt: '<', le: '≤', gt: '>', ge: '≥', between: 'between' };

/** A share of the population for one level or a run of neighbouring levels (`fromLevel`..`toLevel`, scale values). */
export interface GuidelineRule {
  fromLevel: number;
  toLevel: number;
  operator: GuidelineOperator;
  percent: number;
  /** The upper percentage of `between`. */
  percentTo?: number | null;
}

/** Computed values that should be whole (1.4 · 5 = 7.000000000000001) are treated as whole. */
const tidy = (value: number) => Math.round(value * 1e9) / 1e9;

/**
 * The head counts a rule allows in a population of `n`, `min`..`max`. The rounding rule:
 * an upper bound rounds down (≤ 20 % of 7 = 1.4 → at most 1, since 2 of 7 is 28.6 %), a lower
 * bound rounds up (≥ 20 % of 7 → at least 2), and a strict bound moves one further when the
 * share is a whole count (< 20 % of 10 → at most 1). `=` rules are not rounded here: see
 * `guidelineCounts`, which shares their seats out by largest remainder.
 */
export function ruleBounds(rule: GuidelineRule, n: number): { min: number; max: number } {
  const at = (percent: number) => tidy((percent * n) / 100);
  const exact = at(rule.percent);
  switch (rule.operator) {
    case 'le': return { min: 0, max: Math.floor(exact) };
    case 'lt': return { min: 0, max: Math.max(0, Math.ceil(exact) - 1) };
    case 'ge': return { min: Math.ceil(exact), max: n };
    case 'gt': return { min: Math.floor(exact) + 1, max: n };
    case 'between': return { min: Math.ceil(exact), max: Math.floor(at(rule.percentTo ?? rule.percent)) };
    case 'eq': {
      const rounded = Math.round(exact);
      return { min: rounded, max: rounded };
    }
  }
}

/**
 * The head-count range of every rule in a population of `n`. `=` rules share their seats by
 * the largest-remainder method: each takes the whole part of its exact share, and the seats
 * left (the rounded total of the exact shares less the whole parts) go to the largest
 * fractional parts, ties to the rule listed first. So "= 10 %, = 20 %, = 70 %" of 7 people
 * (0.7, 1.4, 4.9) gives 1, 1, 5 — seven seats, where rounding each alone would give 8.
 */
export function guidelineCounts(rules: readonly GuidelineRule[], n: number): { min: number; max: number }[] {
  const bounds = rules.map((rule) => ruleBounds(rule, n));
  const equal = rules.map((rule, index) => ({ rule, index })).filter(({ rule }) => rule.operator === 'eq');
  if (equal.length === 0) return bounds;
  const exact = equal.map(({ rule }) => tidy((rule.percent * n) / 100));
  const seats = exact.map(Math.floor);
  let left = Math.round(tidy(exact.reduce((sum, x) => sum + x, 0))) - seats.reduce((sum, x) => sum + x, 0);
  const order = exact.map((x, i) => ({ i, remainder: tidy(x - Math.floor(x)) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i, remainder } of order) {
    if (left <= 0 || remainder === 0) break;
    seats[i]++;
    left--;
  }
  equal.forEach(({ index }, i) => (bounds[index] = { min: seats[i], max: seats[i] }));
  return bounds;
}

export type RuleStatus = 'within' | 'over' | 'under';

export interface RuleResult {
  index: number;
  /** "Outstanding ≤ 10 %" */
  label: string;
  /** Level indexes the rule covers (inclusive), lowest first. */
  fromIndex: number;
  toIndex: number;
  actual: number;
  actualPercent: number;
  min: number;
  max: number;
  /** "at most 1 of 7" */
  target: string;
  status: RuleStatus;
  /** People over the maximum or short of the minimum. */
  outsideBy: number;
}

export interface GuidelineEvaluation {
  population: number;
  rules: RuleResult[];
  within: boolean;
}

/** Actual against target for every rule, from the count of people at each level (indexes as the scale's). */
export function evaluateGuidelines(levels: readonly ScaleLevel[], rules: readonly GuidelineRule[], countsByLevel: readonly number[]): GuidelineEvaluation {
  const population = countsByLevel.reduce((sum, n) => sum + n, 0);
  const counts = guidelineCounts(rules, population);
  const results = rules.flatMap((rule, index): RuleResult[] => {
    const [fromIndex, toIndex] = ruleIndexes(levels, rule);
    if (fromIndex < 0 || toIndex < 0) return [];
    const actual = countsByLevel.slice(fromIndex, toIndex + 1).reduce((sum, n) => sum + n, 0);
    const { min, max } = counts[index];
    const status: RuleStatus = actual > max ? 'over' : actual < min ? 'under' : 'within';
    return [{
      index, label: ruleLabel(levels, rule), fromIndex, toIndex, actual, actualPercent: population ? Math.round((actual / population) * 1000) / 10 : 0,
      min, max, target: targetText(min, max, population), status, outsideBy: status === 'over' ? actual - max : status === 'under' ? min - actual : 0,
    }];
  });
  return { population, rules: results, within: results.every((rule) => rule.status === 'within') };
}

/** The rule's first and last level index (lowest first), or -1 for a level not on the scale. */
export function ruleIndexes(levels: readonly ScaleLevel[], rule: GuidelineRule): [number, number] {
  const a = levelIndexOf(levels, rule.fromLevel);
  const b = levelIndexOf(levels, rule.toLevel);
  return a <= b ? [a, b] : [b, a];
}

const percentText = (value: number) => `${tidy(value)} %`;

export function ruleLabel(levels: readonly ScaleLevel[], rule: GuidelineRule): string {
  const [from, to] = ruleIndexes(levels, rule);
  const name = (index: number, value: number) => levels[index]?.label ?? String(value);
  const which = from === to ? name(from, rule.fromLevel) : `${name(from, rule.fromLevel)} – ${name(to, rule.toLevel)}`;
  const share = rule.operator === 'between' ? `between ${percentText(rule.percent)} and ${percentText(rule.percentTo ?? rule.percent)}` : `${OPERATOR_SYMBOLS[rule.operator]} ${percentText(rule.percent)}`;
  return `${which} ${share}`;
}

function targetText(min: number, max: number, n: number): string {
  if (min <= 0) return `at most ${max} of ${n}`;
  if (min === max) return `exactly ${min} of ${n}`;
  if (max >= n) return `at least ${min} of ${n}`;
  if (min > max) return `${min}–${max} of ${n} (cannot be met)`;
  return `${min}–${max} of ${n}`;
}

/** The levels whose guidelines are not met, for messages: "Outstanding ≤ 10 % (12 of 60, at most 6)". */
export function outsideText(evaluation: GuidelineEvaluation): string {
  return evaluation.rules
    .filter((rule) => rule.status !== 'within')
    .map((rule) => `${rule.label} (${rule.actual} of ${evaluation.population}, ${rule.target.replace(/ of \d+.*$/, '')})`)
    .join('; ');
}

/**
 * Whether the rules can all hold at once for some distribution (as percentages, before any
 * rounding). Each rule bounds the sum of a run of neighbouring levels, so with prefix sums
 * S₀ = 0 … Sₙ = 100 every rule is a difference constraint (Sⱼ − Sᵢ ≤ c) and the set holds
 * exactly when their graph has no negative cycle (Bellman–Ford; strict bounds count as an
 * infinitesimal). Returns the indexes of the rules in a contradiction, or null when they fit.
 */
export function guidelineConflict(levels: readonly ScaleLevel[], rules: readonly GuidelineRule[]): number[] | null {
  const n = levels.length;
  // An edge u → v of weight w says S_v − S_u ≤ w; `strict` makes it < w.
  const edges: { from: number; to: number; weight: number; strict: boolean; rule: number }[] = [];
  const bound = (from: number, to: number, weight: number, strict: boolean, rule: number) => edges.push({ from, to, weight, strict, rule });
  for (let k = 0; k < n; k++) bound(k + 1, k, 0, false, -1); // S_k − S_{k+1} ≤ 0: no level below zero
  bound(0, n, 100, false, -1);
  bound(n, 0, -100, false, -1);
  rules.forEach((rule, index) => {
    const [i, j] = ruleIndexes(levels, rule);
    if (i < 0 || j < 0) return;
    const [lo, hi, loStrict, hiStrict] = shareBounds(rule);
    if (hi !== null) bound(i, j + 1, hi, hiStrict, index); // S_{j+1} − S_i ≤ hi
    if (lo !== null) bound(j + 1, i, -lo, loStrict, index); // S_i − S_{j+1} ≤ −lo
  });
  // Distances as (value, −strict count): smaller is "more negative"; all start at 0 (a virtual source).
  const dist = Array.from({ length: n + 1 }, () => ({ value: 0, strict: 0 }));
  const via: (number | null)[] = Array.from({ length: n + 1 }, () => null);
  const less = (a: { value: number; strict: number }, b: { value: number; strict: number }) => tidy(a.value - b.value) < 0 || (tidy(a.value - b.value) === 0 && a.strict > b.strict);
  let changed = -1;
  for (let round = 0; round <= n + 1; round++) {
    changed = -1;
    edges.forEach((edge, e) => {
      const candidate = { value: dist[edge.from].value + edge.weight, strict: dist[edge.from].strict + (edge.strict ? 1 : 0) };
      if (less(candidate, dist[edge.to])) {
        dist[edge.to] = candidate;
        via[edge.to] = e;
        changed = edge.to;
      }
    });
    if (changed < 0) return null;
  }
  // Still relaxing after n + 1 rounds: walk back into the cycle and collect its rules.
  const everyRule = () => rules.map((_, index) => index);
  let node = changed;
  for (let i = 0; i <= n; i++) {
    if (via[node] === null) return everyRule();
    node = edges[via[node]!].from;
  }
  const cycle = new Set<number>();
  let at = node;
  for (let steps = 0; steps <= edges.length; steps++) {
    if (via[at] === null) return everyRule();
    const edge = edges[via[at]!];
    if (edge.rule >= 0) cycle.add(edge.rule);
    at = edge.from;
    if (at === node) return [...cycle].sort((a, b) => a - b);
  }
  return everyRule();
}

/** [lower, upper, lower strict, upper strict] share of a rule, null where unbounded. */
function shareBounds(rule: GuidelineRule): [number | null, number | null, boolean, boolean] {
  switch (rule.operator) {
    case 'eq': return [rule.percent, rule.percent, false, false];
    case 'le': return [null, rule.percent, false, false];
    case 'lt': return [null, rule.percent, false, true];
    case 'ge': return [rule.percent, null, false, false];
    case 'gt': return [rule.percent, null, true, false];
    case 'between': return [rule.percent, rule.percentTo ?? rule.percent, false, false];
  }
}

// ---- Movement ---------------------------------------------------------------------------------

export type Movement = 'up' | 'down' | 'same' | 'placed';

/** How a calibrated level compares with the level the original rating counted at ('placed' when there was none). */
export function movementOf(levels: readonly ScaleLevel[], original: number | null, calibrated: number | null): Movement | null {
  if (calibrated === null) return null;
  const from = levelOfRating(levels, original);
  if (!from) return 'placed';
  const a = levelIndexOf(levels, from.value);
  const b = levelIndexOf(levels, calibrated);
  return b > a ? 'up' : b < a ? 'down' : 'same';
}
