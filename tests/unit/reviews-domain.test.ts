import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canReopen, isOnScale, missingAnswers, nearestLevel, nextStatus, overallRating, sectionScore, sectionScores, transitionProblem,
} from '../../src-shared/domain/reviews';

describe('review status order', () => {
  it('moves one step forward at a time and names the next step when one is skipped', () => {
    expect(nextStatus('not_started')).toBe('in_progress');
    expect(nextStatus('final_review')).toBe('complete');
    expect(nextStatus('complete')).toBeNull();
    expect(transitionProblem('in_progress', 'ready_for_review')).toBeNull();
    expect(transitionProblem('in_progress', 'final_review')).toBe('The review cannot move from in progress to final review: the next step is ready for review.');
    expect(transitionProblem('final_review', 'in_progress')).toMatch(/cannot move back/);
    expect(transitionProblem('complete', 'final_review')).toMatch(/reopen/);
    expect(transitionProblem('in_progress', 'in_progress')).toMatch(/already in progress/);
    expect(canReopen('complete')).toBe(true);
    expect(canReopen('final_review')).toBe(false);
  });
});

describe('weighted scoring', () => {
  it('takes the weighted mean of rated items, skipping unrated ones', () => {
    expect(sectionScore([{ weight: 30, rating: 4 }, { weight: 10, rating: 2 }, { weight: 60, rating: null }])).toBe(3.5);
    expect(sectionScore([{ weight: 1, rating: null }])).toBeNull();
    expect(sectionScore([])).toBeNull();
    // Goals default to weight 0: when every rated item weighs 0 they count equally.
    expect(sectionScore([{ weight: 0, rating: 1 }, { weight: 0, rating: 4 }])).toBe(2.5);
    expect(sectionScore([{ weight: 0, rating: 1 }, { weight: 2, rating: 4 }])).toBe(4);
  });

  it('scores sections by index and renormalises the overall over the scored sections', () => {
    const scores = sectionScores(3, [
      { sectionIndex: 0, weight: 50, rating: 4 }, { sectionIndex: 0, weight: 50, rating: 3 },
      { sectionIndex: 1, weight: 1, rating: null },
      { sectionIndex: 2, weight: 1, rating: 5 },
    ]);
    expect(scores).toEqual([3.5, null, 5]);
    // 60·3.5 + 20·5 over 80 (the unscored section's 20 drops out) = 3.875 → 3.88
    expect(overallRating([{ weight: 60, score: 3.5 }, { weight: 20, score: null }, { weight: 20, score: 5 }])).toBe(3.88);
    expect(overallRating([{ weight: 100, score: null }])).toBeNull();
    expect(overallRating([{ weight: 0, score: 4 }])).toBeNull();
  });

  const level = fc.integer({ min: 1, max: 5 });
  const section = fc.array(fc.record({ weight: fc.integer({ min: 0, max: 100 }), rating: fc.option(level, { nil: null }) }), { maxLength: 8 });

  it('keeps every section score and the overall within the ratings given (property)', () => {
    fc.assert(fc.property(fc.array(section, { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 5, maxLength: 5 }), (sections, weights) => {
      const scored = sections.map((items, i) => ({ weight: weights[i], score: sectionScore(items) }));
      sections.forEach((items, i) => {
        const ratings = items.map((item) => item.rating).filter((r): r is number => r !== null);
        const score = scored[i].score;
        if (ratings.length === 0) expect(score).toBeNull();
        else {
          expect(score!).toBeGreaterThanOrEqual(Math.min(...ratings) - 1e-9);
          expect(score!).toBeLessThanOrEqual(Math.max(...ratings) + 1e-9);
        }
      });
      const overall = overallRating(scored);
      const present = scored.map((s) => s.score).filter((s): s is number => s !== null);
      if (present.length === 0) expect(overall).toBeNull();
      else {
        expect(overall!).toBeGreaterThanOrEqual(Math.min(...present) - 0.005);
        expect(overall!).toBeLessThanOrEqual(Math.max(...present) + 0.005);
        expect(Math.round(overall! * 100) / 100).toBe(overall);
      }
    }));
  });

  it('gives the same rating to every item → that rating, whatever the weights (property)', () => {
    fc.assert(fc.property(level, fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 10 }), (rating, weights) => {
      expect(sectionScore(weights.map((weight) => ({ weight, rating })))).toBeCloseTo(rating, 9);
      expect(overallRating(weights.map((weight) => ({ weight: weight + 1, score: rating })))).toBe(rating);
    }));
  });

  it('does not depend on the order of items or sections (property)', () => {
    fc.assert(fc.property(section, (items) => {
      const reversed = [...items].reverse();
      const a = sectionScore(items);
      const b = sectionScore(reversed);
      if (a === null) expect(b).toBeNull();
      else expect(b!).toBeCloseTo(a, 9);
    }));
  });
});

describe('scale and answers', () => {
  const levels = [{ value: 1, label: 'Low' }, { value: 3, label: 'Mid' }, { value: 5, label: 'High' }];

  it('accepts only the level values of the scale', () => {
    expect(isOnScale(levels, 3)).toBe(true);
    expect(isOnScale(levels, 2)).toBe(false);
    expect(isOnScale(levels, 6)).toBe(false);
    expect(levels[nearestLevel(levels, 4.1)].label).toBe('High');
    expect(levels[nearestLevel(levels, 2.2)].label).toBe('Mid');
  });

  it('lists the required items a respondent has not answered', () => {
    const items = [
      { key: 'goal:a', title: 'A', answer: 'rating' as const, required: true },
      { key: 'question:b', title: 'B', answer: 'text' as const, required: true },
      { key: 'question:c', title: 'C', answer: 'text' as const, required: false },
      { key: 'question:d', title: 'D', answer: 'rating' as const, required: true },
    ];
    const answers = new Map([
      ['goal:a', { rating: null, comment: 'a comment is not a rating' }],
      ['question:b', { rating: null, comment: '   ' }],
      ['question:d', { rating: 3, comment: null }],
    ]);
    expect(missingAnswers(items, answers).map((item) => item.title)).toEqual(['A', 'B']);
    expect(missingAnswers(items, new Map([['goal:a', { rating: 1, comment: null }], ['question:b', { rating: null, comment: 'ok' }], ['question:d', { rating: 5, comment: null }]]))).toEqual([]);
  });
});
