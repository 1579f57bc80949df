import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerPoints, checkAnswers, hiddenGroups, isShown, MIN_ANONYMOUS_GROUP, normalise, pointRange, questionProblems, raterGroupVisibility, resultGroupFor,
  resultGroupProblems, scoreResponse, visibleQuestionIds, type QuestionDef,
} from '../../src-shared/domain/questionnaires';

const opts = [{ id: 'no', label: 'No', points: 0 }, { id: 'yes', label: 'Yes', points: 2 }];
const q = (id: string, extra: Partial<QuestionDef> = {}): QuestionDef => ({
  id, text: id, type: 'scale', required: false, options: [], scaleMin: 1, scaleMax: 5, condition: null, ...extra,
});
const manages = q('manages', { type: 'single', options: opts, required: true });
const teamSize = q('teamSize', { type: 'number', required: true, condition: { questionId: 'manages', optionId: 'yes' } });
const teamMood = q('teamMood', { condition: { questionId: 'teamSize', optionId: 'yes' } });
const enjoy = q('enjoy', { required: true });
const QUESTIONS = [manages, teamSize, enjoy];

describe('anonymity threshold', () => {
  it('hides every group with 1 to 4 responses, never one with 0 or 5+', () => {
    const hidden = hiddenGroups([{ key: 'a', count: 0 }, { key: 'b', count: 4 }, { key: 'c', count: 5 }, { key: 'd', count: 1 }, { key: 'e', count: 9 }], true);
    expect([...hidden].sort()).toEqual(['b', 'd']);
  });

  it('hides the smallest shown group too when exactly one group is small, so it cannot be derived from the total', () => {
    const hidden = hiddenGroups([{ key: 'small', count: 3 }, { key: 'big', count: 12 }, { key: 'mid', count: 6 }], true);
    expect([...hidden].sort()).toEqual(['mid', 'small']);
  });

  it('hides nothing for named questionnaires', () => {
    expect(hiddenGroups([{ key: 'a', count: 1 }, { key: 'b', count: 2 }], false).size).toBe(0);
    expect(isShown(1, false)).toBe(true);
  });

  it('shows a figure from 5 responses and hides one from 4', () => {
    expect(MIN_ANONYMOUS_GROUP).toBe(5);
    expect(isShown(4, true)).toBe(false);
    expect(isShown(5, true)).toBe(true);
  });

  it('property: no shown group of an anonymous questionnaire has 1–4 responses, and a lone small group never stands alone', () => {
    fc.assert(fc.property(fc.array(fc.nat(20), { maxLength: 12 }), (counts) => {
      const groups = counts.map((count, i) => ({ key: `g${i}`, count }));
      const hidden = hiddenGroups(groups, true);
      for (const g of groups) if (g.count > 0 && g.count < 5) expect(hidden.has(g.key)).toBe(true);
      const hiddenWithResponses = groups.filter((g) => hidden.has(g.key) && g.count > 0);
      const shown = groups.filter((g) => !hidden.has(g.key) && g.count > 0);
      if (shown.length > 0) expect(hiddenWithResponses.length === 0 || hiddenWithResponses.length >= 2).toBe(true);
    }));
  });

  it('keeps hiding the smallest shown group while the hidden ones together hold fewer than 5', () => {
    // 1 + 2 hidden = 3 responses: the overall figure minus the others would reveal them together.
    const hidden = hiddenGroups([{ key: 'one', count: 1 }, { key: 'two', count: 2 }, { key: 'six', count: 6 }, { key: 'nine', count: 9 }], true);
    expect([...hidden].sort()).toEqual(['one', 'six', 'two']);
    expect([...hiddenGroups([{ key: 'three', count: 3 }, { key: 'four', count: 4 }, { key: 'nine', count: 9 }], true)].sort()).toEqual(['four', 'three']);
  });

  it('property: the hidden groups of an anonymous questionnaire hold none or at least 5 responses whenever something still shows', () => {
    fc.assert(fc.property(fc.array(fc.nat(20), { maxLength: 12 }), (counts) => {
      const groups = counts.map((count, i) => ({ key: `g${i}`, count }));
      const hidden = hiddenGroups(groups, true);
      const hiddenTotal = groups.filter((g) => hidden.has(g.key)).reduce((n, g) => n + g.count, 0);
      if (groups.some((g) => !hidden.has(g.key) && g.count > 0)) expect(hiddenTotal === 0 || hiddenTotal >= 5).toBe(true);
    }));
  });
});

describe('360 rater groups', () => {
  it('always shows self and manager, and hides small groups of direct reports, peers and others', () => {
    const v = raterGroupVisibility({ self: 1, manager: 1, direct_report: 5, peer: 2, other: 7 }, true);
    // Peers (2) are too few; direct reports (5, the smallest shown) are hidden too so peers cannot be derived.
    expect([...v.hidden].sort()).toEqual([['direct_report', 'protects_smaller'], ['peer', 'small_group']]);
    expect(v.hidden.has('self')).toBe(false);
    expect(v.hidden.has('manager')).toBe(false);
    expect(v.allRatersShown).toBe(true);
  });

  it('hides the figures over all raters when direct reports, peers and others together are 1 to 4', () => {
    const v = raterGroupVisibility({ self: 1, manager: 1, peer: 3 }, true);
    expect(v).toEqual({ hidden: new Map([['peer', 'small_group']]), allRatersShown: false });
    // Only self and manager answered: nothing to protect.
    expect(raterGroupVisibility({ self: 1, manager: 1 }, true)).toEqual({ hidden: new Map(), allRatersShown: true });
  });

  it('shows every group of a named 360', () => {
    expect(raterGroupVisibility({ self: 1, peer: 1, other: 2 }, false)).toEqual({ hidden: new Map(), allRatersShown: true });
  });

  it('treats groups hidden elsewhere as hidden, and still hides enough around them', () => {
    // A question answered by 6 direct reports and 6 peers, where direct reports are hidden overall: peers stay shown (6 hidden is safe).
    expect([...raterGroupVisibility({ direct_report: 6, peer: 6 }, true, 5, ['direct_report']).hidden.keys()]).toEqual(['direct_report']);
    // Peers hidden overall but only 2 of them answered this question: others are hidden too.
    expect([...raterGroupVisibility({ peer: 2, other: 8 }, true, 5, ['peer']).hidden.keys()].sort()).toEqual(['other', 'peer']);
  });

  it('property: shown anonymous rater groups have 0 or 5+ responses and the hidden ones together are none or 5+', () => {
    fc.assert(fc.property(fc.nat(1), fc.nat(1), fc.nat(12), fc.nat(12), fc.nat(12), (self, manager, dr, peer, other) => {
      const counts = { self, manager, direct_report: dr, peer, other };
      const v = raterGroupVisibility(counts, true);
      const anonymous = (['direct_report', 'peer', 'other'] as const);
      for (const r of anonymous) if (!v.hidden.has(r)) expect(counts[r] === 0 || counts[r] >= 5).toBe(true);
      const hiddenTotal = anonymous.filter((r) => v.hidden.has(r)).reduce((n, r) => n + counts[r], 0);
      if (v.allRatersShown || anonymous.some((r) => !v.hidden.has(r) && counts[r] > 0)) expect(hiddenTotal === 0 || hiddenTotal >= 5).toBe(true);
    }));
  });
});

describe('conditions', () => {
  it('shows a conditional question only when the earlier answer picks the option', () => {
    expect([...visibleQuestionIds(QUESTIONS, { manages: 'no' })]).toEqual(['manages', 'enjoy']);
    expect([...visibleQuestionIds(QUESTIONS, { manages: 'yes' })]).toEqual(['manages', 'teamSize', 'enjoy']);
    expect([...visibleQuestionIds([q('m', { type: 'multiple', options: opts }), q('c', { condition: { questionId: 'm', optionId: 'yes' } })], { m: ['no', 'yes'] })]).toEqual(['m', 'c']);
  });

  it('hides a question whose condition depends on a hidden question', () => {
    const chain = [manages, q('sub', { type: 'single', options: opts, condition: { questionId: 'manages', optionId: 'yes' } }), q('deep', { condition: { questionId: 'sub', optionId: 'yes' } })];
    expect(visibleQuestionIds(chain, { manages: 'no', sub: 'yes' }).has('deep')).toBe(false);
  });

  it('requires answers only for questions that show, and refuses answers to hidden ones', () => {
    expect(checkAnswers(QUESTIONS, { manages: 'no', enjoy: 4 })).toEqual([]);
    expect(checkAnswers(QUESTIONS, { manages: 'yes', enjoy: 4 })).toEqual([{ questionId: 'teamSize', message: 'This question needs an answer.' }]);
    expect(checkAnswers(QUESTIONS, { manages: 'no', teamSize: 3, enjoy: 4 })[0].message).toMatch(/does not apply/);
  });

  it('checks values by type', () => {
    const all = [q('s', { type: 'single', options: opts }), q('sc'), q('n', { type: 'number' }), q('d', { type: 'date' })];
    const problems = checkAnswers(all, { s: 'maybe', sc: 9, n: 'x', d: '2024-02-30', extra: 1 });
    expect(problems.map((p) => [p.questionId, p.message])).toEqual([
      ['extra', 'This question is not part of the questionnaire.'],
      ['s', 'This is not one of the question’s options.'],
      ['sc', 'Give a value from 1 to 5.'],
      ['n', 'Give a number.'],
      ['d', 'Give a real date as YYYY-MM-DD.'],
    ]);
  });

  it('validates definitions: conditions point back to a choice question and an option it has', () => {
    const forward = questionProblems([q('a', { condition: { questionId: 'b', optionId: 'yes' } }), q('b', { type: 'single', options: opts })]);
    expect(forward[0].message).toMatch(/earlier question/);
    const onScale = questionProblems([q('a'), q('b', { condition: { questionId: 'a', optionId: 'yes' } })]);
    expect(onScale[0].message).toMatch(/single or multiple choice/);
    const badOption = questionProblems([manages, q('b', { condition: { questionId: 'manages', optionId: 'maybe' } })]);
    expect(badOption[0].message).toMatch(/option the earlier question does not offer/);
    expect(questionProblems([q('a', { scaleMin: 5, scaleMax: 1 })])[0].message).toMatch(/below the highest/);
    expect(questionProblems([q('a', { type: 'single' })])[0].message).toMatch(/at least 2 options/);
    expect(questionProblems([{ ...q('a'), code: 'X' }, { ...q('b'), code: 'x' }])[0].message).toMatch(/code "x" is used/);
    expect(questionProblems([manages, teamSize, teamMood]).map((p) => p.questionId)).toEqual(['teamMood']);
  });
});

describe('scoring and result groups', () => {
  it('scores choice options, multiple choice sums and scale values; text and numbers are unscored', () => {
    expect(answerPoints(manages, 'yes')).toBe(2);
    expect(answerPoints(q('m', { type: 'multiple', options: opts }), ['no', 'yes'])).toBe(2);
    expect(answerPoints(enjoy, 4)).toBe(4);
    expect(answerPoints(q('n', { type: 'number' }), 40)).toBeNull();
    expect(pointRange(q('m', { type: 'multiple', options: [...opts, { id: 'bad', label: 'Bad', points: -1 }] }))).toEqual({ min: -1, max: 2 });
  });

  it('totals a response and normalises it to 0–100 over the scored questions answered', () => {
    expect(scoreResponse(QUESTIONS, { manages: 'yes', teamSize: 7, enjoy: 5 })).toEqual({ points: 7, score: 100 });
    expect(scoreResponse(QUESTIONS, { manages: 'no', enjoy: 1 })).toEqual({ points: 1, score: 0 });
    expect(scoreResponse(QUESTIONS, { manages: 'no', enjoy: 3 })).toEqual({ points: 3, score: 33.33 });
    expect(scoreResponse([q('t', { type: 'text' })], { t: 'hi' })).toEqual({ points: null, score: null });
  });

  it('property: a score always lies in 0–100', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 10 }), (values) => {
      const questions = values.map((_, i) => q(`q${i}`));
      const { score } = scoreResponse(questions, Object.fromEntries(values.map((v, i) => [`q${i}`, v])));
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
    }));
    expect(normalise(5, 5, 5)).toBe(50);
  });

  it('finds the result group holding the points (inclusive) and refuses overlapping groups', () => {
    const groups = [{ minPoints: 0, maxPoints: 10, text: 'Low' }, { minPoints: 11, maxPoints: 20, text: 'High' }];
    expect(resultGroupFor(10, groups)?.text).toBe('Low');
    expect(resultGroupFor(11, groups)?.text).toBe('High');
    expect(resultGroupFor(10.5, groups)).toBeNull();
    expect(resultGroupFor(null, groups)).toBeNull();
    expect(resultGroupProblems(groups)).toEqual([]);
    expect(resultGroupProblems([...groups, { minPoints: 20, maxPoints: 30, text: 'Top' }])[0].message).toMatch(/2 \(11–20\) and 3 \(20–30\) overlap/);
    expect(resultGroupProblems([{ minPoints: 5, maxPoints: 1, text: 'X' }])[0].message).toMatch(/above the highest/);
  });
});
