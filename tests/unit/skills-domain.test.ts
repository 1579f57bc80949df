import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coverage, entryOnDate, factorOf, levelOnDate, normalisedGap, partialCredit, requirementMet, roundTo, weightedMatch,
  type LevelHistoryEntry, type WeightedRequirement,
} from '../../src-shared/domain/skills';

const factor = fc.integer({ min: 0, max: 9 });
const maybeFactor = fc.option(factor, { nil: null });
const requirement = fc.record({ weight: fc.double({ min: 0.1, max: 5, noNaN: true }), requiredFactor: factor, currentFactor: maybeFactor });

describe('factorOf', () => {
  const fiveLevels = [0, 2, 4, 6, 9].map((f, i) => ({ value: i + 1, factor: f }));
  it('finds the factor of a level and gives null for no level or an unknown one', () => {
    expect(factorOf(fiveLevels, 3)).toBe(4);
    expect(factorOf(fiveLevels, null)).toBeNull();
    expect(factorOf(fiveLevels, 7)).toBeNull();
  });
});

describe('normalisedGap and requirementMet', () => {
  it('is 0 when met and the factor shortfall over 9 otherwise, a missing level counting as factor 0', () => {
    expect(normalisedGap(6, 6)).toBe(0);
    expect(normalisedGap(6, 9)).toBe(0);
    expect(normalisedGap(6, 3)).toBeCloseTo(3 / 9);
    expect(normalisedGap(9, null)).toBe(1);
    expect(normalisedGap(0, null)).toBe(0);
    expect(requirementMet(6, 6)).toBe(true);
    expect(requirementMet(6, 5)).toBe(false);
    expect(requirementMet(4, null)).toBe(false);
    expect(requirementMet(0, null)).toBe(true);
  });

  it('always lies in [0, 1] and is 0 exactly when the requirement is met', () => {
    fc.assert(
      fc.property(factor, maybeFactor, (required, current) => {
        const gap = normalisedGap(required, current);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(1);
        expect(gap === 0).toBe(requirementMet(required, current));
      }),
    );
  });
});

describe('weightedMatch', () => {
  it('weighs each requirement and gives partial credit for partial levels', () => {
    const rows: WeightedRequirement[] = [
      { weight: 3, requiredFactor: 6, currentFactor: 6 }, // full: 3
      { weight: 1, requiredFactor: 6, currentFactor: 3 }, // half: 0.5
      { weight: 1, requiredFactor: 4, currentFactor: null }, // none: 0
      { weight: 1, requiredFactor: 0, currentFactor: null }, // factor 0 required: met
    ];
    expect(weightedMatch(rows)).toBeCloseTo((100 * 4.5) / 6);
    expect(partialCredit(6, 9)).toBe(1);
  });

  it('is 100 when nothing is required', () => {
    expect(weightedMatch([])).toBe(100);
    expect(coverage(0, 0)).toBe(100);
  });

  it('always lies in [0, 100]', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 20 }), (rows) => {
        const match = weightedMatch(rows);
        expect(match).toBeGreaterThanOrEqual(0);
        expect(match).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('never drops when one current level is raised', () => {
    fc.assert(
      fc.property(fc.array(requirement, { minLength: 1, maxLength: 20 }), fc.nat(), factor, (rows, pick, raisedTo) => {
        const index = pick % rows.length;
        const before = rows[index].currentFactor ?? 0;
        const raised = rows.map((row, i) => (i === index ? { ...row, currentFactor: Math.max(before, raisedTo) } : row));
        expect(weightedMatch(raised)).toBeGreaterThanOrEqual(weightedMatch(rows) - 1e-9);
      }),
    );
  });

  it('is 100 exactly when every requirement is met', () => {
    fc.assert(
      fc.property(fc.array(requirement, { minLength: 1, maxLength: 20 }), (rows) => {
        const allMet = rows.every((row) => requirementMet(row.requiredFactor, row.currentFactor));
        expect(roundTo(weightedMatch(rows), 6) === 100).toBe(allMet);
      }),
    );
  });
});

describe('coverage', () => {
  it('is the share of requirements met, in [0, 100]', () => {
    expect(coverage(3, 4)).toBe(75);
    fc.assert(
      fc.property(fc.nat(100), fc.nat(100), (a, b) => {
        const value = coverage(Math.min(a, b), Math.max(a, b));
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('levelOnDate', () => {
  const history: LevelHistoryEntry[] = [
    { level: 2, effectiveDate: '2024-01-01', recordedAt: '2024-01-01T09:00:00.000Z' },
    { level: 4, effectiveDate: '2024-06-01', recordedAt: '2024-06-02T09:00:00.000Z' },
    // Recorded later but effective earlier: it rewrites March onwards, not June onwards.
    { level: 3, effectiveDate: '2024-03-01', recordedAt: '2024-09-01T09:00:00.000Z' },
    // Two entries on one day: the later recording wins.
    { level: 5, effectiveDate: '2024-09-01', recordedAt: '2024-09-01T10:00:00.000Z' },
    { level: null, effectiveDate: '2024-09-01', recordedAt: '2024-09-01T11:00:00.000Z' },
  ];

  it('takes the newest effective entry on or before the date, ties broken by recording time', () => {
    expect(levelOnDate(history, '2023-12-31')).toBeNull();
    expect(levelOnDate(history, '2024-01-01')).toBe(2);
    expect(levelOnDate(history, '2024-04-15')).toBe(3);
    expect(levelOnDate(history, '2024-06-01')).toBe(4);
    expect(levelOnDate(history, '2024-09-01')).toBeNull();
    expect(entryOnDate(history, '2024-09-01')?.recordedAt).toBe('2024-09-01T11:00:00.000Z');
  });

  it('does not depend on the order of the history', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(history, { minLength: history.length }), fc.constantFrom('2024-02-01', '2024-05-01', '2024-07-01', '2025-01-01'), (shuffled, date) => {
        expect(levelOnDate(shuffled, date)).toBe(levelOnDate(history, date));
      }),
    );
  });
});
