import { describe, expect, it } from 'vitest';
import {
  bandLabel, boxOf, defaultBands, defaultBoxes, distributionChartLayout, dropTarget, evaluateGuidelines, guidelineConflict, guidelineCounts,
  movementOf, nineBoxLayout, outsideText, ruleBounds, ruleLabel, type GuidelineRule,
} from '../../src-shared/domain/calibration';

const FIVE = [
  { value: 1, label: 'Unsatisfactory' }, { value: 2, label: 'Needs improvement' }, { value: 3, label: 'Meets' },
  { value: 4, label: 'Exceeds' }, { value: 5, label: 'Outstanding' },
];
const POTENTIAL = [{ value: 1, label: 'Low' }, { value: 2, label: 'Medium' }, { value: 3, label: 'High' }];
const GRID = { columns: 3, rows: 3, performanceBands: [2, 1, 2], potentialBands: [1, 1, 1] };
const rule = (fromLevel: number, operator: GuidelineRule['operator'], percent: number, toLevel = fromLevel, percentTo?: number): GuidelineRule =>
  ({ fromLevel, toLevel, operator, percent, percentTo });

describe('bands: scale levels per column of the nine-box', () => {
  it('splits evenly, leftovers to the middle (odd) and then the outer bands', () => {
    expect(defaultBands(5, 3)).toEqual([2, 1, 2]); // low = 1–2, middle = 3, high = 4–5
    expect(defaultBands(4, 3)).toEqual([1, 2, 1]);
    expect(defaultBands(7, 3)).toEqual([2, 3, 2]);
    expect(defaultBands(8, 3)).toEqual([3, 2, 3]);
    expect(defaultBands(6, 4)).toEqual([2, 1, 1, 2]);
    expect(defaultBands(5, 2)).toEqual([3, 2]);
    expect(defaultBands(3, 3)).toEqual([1, 1, 1]);
    expect(defaultBands(5, 5)).toEqual([1, 1, 1, 1, 1]);
    expect(() => defaultBands(2, 3)).toThrow();
  });

  it('names a band by its first and last level', () => {
    expect(bandLabel(FIVE, [2, 1, 2], 0)).toBe('Unsatisfactory – Needs improvement');
    expect(bandLabel(FIVE, [2, 1, 2], 1)).toBe('Meets');
  });
});

describe('box placement', () => {
  it('puts a person in the column of their performance band and the row of their potential', () => {
    expect(boxOf(GRID, FIVE, POTENTIAL, 4, 3)).toEqual({ column: 2, row: 2 });
    expect(boxOf(GRID, FIVE, POTENTIAL, 2, 1)).toEqual({ column: 0, row: 0 });
    expect(boxOf(GRID, FIVE, POTENTIAL, 3, 2)).toEqual({ column: 1, row: 1 });
  });

  it('keeps people without a performance or a potential out of the boxes (the holding area)', () => {
    expect(boxOf(GRID, FIVE, POTENTIAL, null, 2)).toBeNull();
    expect(boxOf(GRID, FIVE, POTENTIAL, 3, null)).toBeNull();
    expect(boxOf(GRID, FIVE, POTENTIAL, 3.5, 2)).toBeNull(); // not a level of the scale
  });

  it('a dropped card takes the level of the band nearest where it came from', () => {
    // From Meets (3) into the high column (4–5): Exceeds, the nearest; into the low column: Needs improvement.
    expect(dropTarget(GRID, FIVE, POTENTIAL, { column: 2, row: 1 }, { performance: 3, potential: 2 })).toEqual({ performance: 4, potential: 2 });
    expect(dropTarget(GRID, FIVE, POTENTIAL, { column: 0, row: 1 }, { performance: 3, potential: 2 })).toEqual({ performance: 2, potential: 2 });
    // Already in the band: the level stays (Outstanding stays Outstanding when only potential changes).
    expect(dropTarget(GRID, FIVE, POTENTIAL, { column: 2, row: 2 }, { performance: 5, potential: 1 })).toEqual({ performance: 5, potential: 3 });
    // From the holding area: the upper of the band's two middle levels, the middle potential row as is.
    expect(dropTarget(GRID, FIVE, POTENTIAL, { column: 0, row: 1 }, { performance: null, potential: null })).toEqual({ performance: 2, potential: 2 });
  });

  it('names the nine boxes and washes other sizes from red to green', () => {
    const nine = defaultBoxes(3, 3);
    expect(nine[0].name).toBe('Talent risk');
    expect(nine[8].name).toBe('Consistent star');
    const four = defaultBoxes(2, 2);
    expect(four.map((b) => b.name)).toEqual(['Performance 1 · Potential 1', 'Performance 2 · Potential 1', 'Performance 1 · Potential 2', 'Performance 2 · Potential 2']);
    expect(four[0].colour).toBe('#f8d7da');
    expect(four[3].colour).toBe('#8fd4ad');
  });
});

describe('rounding targets into head counts', () => {
  it('7 people at ≤ 20 %: at most 1 (2 of 7 would be 28.6 %)', () => {
    expect(ruleBounds(rule(5, 'le', 20), 7)).toEqual({ min: 0, max: 1 });
  });

  it('lower bounds round up, strict bounds move one further at whole counts', () => {
    expect(ruleBounds(rule(5, 'ge', 20), 7)).toEqual({ min: 2, max: 7 }); // 1.4 → at least 2
    expect(ruleBounds(rule(5, 'lt', 20), 10)).toEqual({ min: 0, max: 1 }); // < 2 → at most 1
    expect(ruleBounds(rule(5, 'lt', 20), 7)).toEqual({ min: 0, max: 1 }); // < 1.4 → at most 1
    expect(ruleBounds(rule(5, 'gt', 20), 10)).toEqual({ min: 3, max: 10 }); // > 2 → at least 3
    expect(ruleBounds(rule(5, 'gt', 20), 7)).toEqual({ min: 2, max: 7 }); // > 1.4 → at least 2
    expect(ruleBounds(rule(3, 'between', 10, 3, 30), 7)).toEqual({ min: 1, max: 2 }); // 0.7 … 2.1
    expect(ruleBounds(rule(5, 'le', 20), 35)).toEqual({ min: 0, max: 7 }); // exactly 7, not 6.999…
  });

  it('= targets share the seats by largest remainder', () => {
    // 7 people at 10 / 20 / 70 %: 0.7, 1.4, 4.9 → whole parts 0, 1, 4 (5 seats), two left → 4.9 and 0.7.
    const counts = guidelineCounts([rule(1, 'eq', 10), rule(3, 'eq', 20), rule(5, 'eq', 70)], 7);
    expect(counts).toEqual([{ min: 1, max: 1 }, { min: 1, max: 1 }, { min: 5, max: 5 }]);
    // Equal remainders: the rule listed first takes the seat (3 people at 50 / 50 %: 1.5 and 1.5).
    expect(guidelineCounts([rule(1, 'eq', 50), rule(2, 'eq', 50)], 3)).toEqual([{ min: 2, max: 2 }, { min: 1, max: 1 }]);
  });
});

describe('guideline evaluation', () => {
  const rules = [rule(5, 'le', 10), rule(4, 'between', 20, 4, 30), rule(1, 'ge', 10, 2)];

  it('counts each rule against its target and marks the deviations', () => {
    // 10 people: Unsatisfactory 0, Needs improvement 1, Meets 5, Exceeds 2, Outstanding 2.
    const evaluation = evaluateGuidelines(FIVE, rules, [0, 1, 5, 2, 2]);
    expect(evaluation.population).toBe(10);
    expect(evaluation.rules.map((r) => [r.label, r.actual, r.min, r.max, r.status, r.outsideBy])).toEqual([
      ['Outstanding ≤ 10 %', 2, 0, 1, 'over', 1],
      ['Exceeds between 20 % and 30 %', 2, 2, 3, 'within', 0],
      ['Unsatisfactory – Needs improvement ≥ 10 %', 1, 1, 10, 'within', 0],
    ]);
    expect(evaluation.within).toBe(false);
    expect(evaluation.rules[0].target).toBe('at most 1 of 10');
    expect(outsideText(evaluation)).toBe('Outstanding ≤ 10 % (2 of 10, at most 1)');
  });

  it('is within when every rule is met', () => {
    expect(evaluateGuidelines(FIVE, rules, [1, 0, 6, 2, 1]).within).toBe(true);
  });

  it('labels a group of levels from its first to its last', () => {
    expect(ruleLabel(FIVE, rule(4, 'gt', 25, 5))).toBe('Exceeds – Outstanding > 25 %');
  });
});

describe('guidelines that cannot all hold', () => {
  it('finds "= 30 %" on Meets with "≥ 80 %" on the two levels above it', () => {
    expect(guidelineConflict(FIVE, [rule(3, 'eq', 30), rule(4, 'ge', 80, 5)])).toEqual([0, 1]);
  });

  it('finds the same group bounded two ways, and strict bounds that only meet at a point', () => {
    expect(guidelineConflict(FIVE, [rule(5, 'le', 10), rule(5, 'ge', 20)])).toEqual([0, 1]);
    const two = [{ value: 1, label: 'Low' }, { value: 2, label: 'High' }];
    expect(guidelineConflict(two, [rule(1, 'ge', 50), rule(2, 'ge', 50)])).toBeNull(); // exactly 50 / 50
    expect(guidelineConflict(two, [rule(1, 'gt', 50), rule(2, 'ge', 50)])).toEqual([0, 1]);
    expect(guidelineConflict(FIVE, [rule(5, 'lt', 0)])).toEqual([0]);
  });

  it('accepts nested and overlapping groups that fit together', () => {
    expect(guidelineConflict(FIVE, [rule(5, 'le', 10), rule(4, 'ge', 20, 5), rule(3, 'between', 40, 3, 60), rule(1, 'ge', 5, 2)])).toBeNull();
  });
});

describe('movement', () => {
  it('compares the calibrated level with the level the original rating counts at', () => {
    expect(movementOf(FIVE, 3.47, 4)).toBe('up');
    expect(movementOf(FIVE, 3.5, 4)).toBe('same'); // 3.5 counts at 4, as rounding does
    expect(movementOf(FIVE, 2.2, 1)).toBe('down');
    expect(movementOf(FIVE, null, 3)).toBe('placed');
    expect(movementOf(FIVE, 3, null)).toBeNull();
  });
});

describe('layouts shared by the screen and the files', () => {
  it('lays the nine-box out with the lowest potential at the bottom', () => {
    const layout = nineBoxLayout({ columns: 3, rows: 3 }, { width: 320, height: 320, labelSize: 10, gap: 0 });
    expect(layout.boxes).toHaveLength(9);
    expect(layout.boxes[0]).toEqual({ column: 0, row: 0, index: 0, x: 20, y: 200, width: 100, height: 100 });
    expect(layout.boxes[8]).toEqual({ column: 2, row: 2, index: 8, x: 220, y: 0, width: 100, height: 100 });
    expect(layout.columnLabels[1]).toEqual({ column: 1, x: 120, y: 300, width: 100, height: 10 });
  });

  it('draws bars to scale and a band for each guideline', () => {
    const evaluation = evaluateGuidelines(FIVE, [rule(5, 'le', 10)], [0, 1, 5, 2, 2]);
    const chart = distributionChartLayout(5, [0, 1, 5, 2, 2], [0, 2, 5, 2, 1], evaluation, { width: 520, height: 240, labelSize: 20 });
    // Plot: x from 30, 490 wide, 190 high; the tallest count (5) scales to a top of 5.
    expect(chart.plot).toEqual({ x: 30, y: 10, width: 490, height: 190 });
    expect(chart.bars[2].height).toBeCloseTo(190);
    expect(chart.bars[1].height).toBeCloseTo(38);
    expect(chart.originalBars[1].height).toBeCloseTo(76);
    expect(chart.targets).toHaveLength(1);
    expect(chart.targets[0].status).toBe('over');
    // The Outstanding band runs from 0 to at most 1 person.
    expect(chart.targets[0].y).toBeCloseTo(10 + 190 - 38);
  });
});
