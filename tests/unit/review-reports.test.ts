import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReviewDetail } from '../../src-shared/api';
import { distributeRatings, nearestLevel } from '../../src-shared/domain/review-reports';
import { overallRating } from '../../src-shared/domain/reviews';
import { reviewPdf } from '../../src-main/exports/pdf/review-pdf';
import { openTestApp } from './helpers';
import { CYCLE_ID, LEVELS, SALES_ID, seedCycle } from './review-fixtures';
import { pdfText } from './pdf-text';

describe('review report arithmetic', () => {
  it('counts a rating at the nearest level, halfway up', () => {
    expect(nearestLevel(LEVELS, 1.49)).toBe(0);
    expect(nearestLevel(LEVELS, 1.5)).toBe(1);
    expect(nearestLevel(LEVELS, 9)).toBe(2);
    expect(nearestLevel(LEVELS, -4)).toBe(0);
  });

  it('never finds a level nearer than the one it picks', () => {
    const levels = fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 10 }).map((values) => values.sort((a, b) => a - b).map((value) => ({ value })));
    fc.assert(
      fc.property(levels, fc.double({ min: -100, max: 100, noNaN: true }), (scale, rating) => {
        const picked = Math.abs(scale[nearestLevel(scale, rating)].value - rating);
        return scale.every((level) => Math.abs(level.value - rating) >= picked);
      }),
    );
  });

  it('keeps every rating in the distribution: counts add up and percents add up to 100', () => {
    const ratings = fc.array(fc.record({ rating: fc.double({ min: 0, max: 4, noNaN: true }), count: fc.integer({ min: 1, max: 500 }) }), { maxLength: 30 });
    fc.assert(
      fc.property(ratings, (rows) => {
        const result = distributeRatings(LEVELS, rows);
        const total = rows.reduce((sum, row) => sum + row.count, 0);
        expect(result.rated).toBe(total);
        expect(result.levels.reduce((sum, level) => sum + level.count, 0)).toBe(total);
        if (total) expect(Math.abs(result.levels.reduce((sum, level) => sum + level.percent, 0) - 100)).toBeLessThanOrEqual(0.2);
        else expect(result.average).toBeNull();
      }),
    );
  });
});

describe('reviews.getCycleProgress and reviews.getRatingDistribution', () => {
  it('counts statuses, overdue and on-time completion overall and by department', async () => {
    const app = await openTestApp();
    seedCycle(app);
    const before = await app.ok('reviews.getCycleProgress', { cycleId: CYCLE_ID, asOf: '2026-01-31' });
    expect(before.total).toBe(6);
    expect(before.byStatus).toEqual({ not_started: 1, in_progress: 1, ready_for_review: 0, final_review: 1, complete: 3 });
    expect(before.overdue).toBe(0);
    expect(before.completedOnTime).toBe(2);
    expect(before.completedLate).toBe(1);
    const after = await app.ok('reviews.getCycleProgress', { cycleId: CYCLE_ID, asOf: '2026-02-01' });
    expect(after.overdue).toBe(3);
    expect(after.departments.map((d) => [d.departmentName, d.total, d.byStatus.complete, d.overdue, d.completionRate])).toEqual([
      ['Engineering', 2, 1, 1, 50],
      ['Sales', 4, 2, 2, 50],
    ]);
  });

  it('counts final ratings (override first) at the nearest level, for a department too', async () => {
    const app = await openTestApp();
    seedCycle(app);
    const all = await app.ok('reviews.getRatingDistribution', { cycleId: CYCLE_ID });
    // Final ratings 2.4, 1 (override of 2.6), 3, 1.2; two unrated.
    expect(all.levels.map((l) => [l.label, l.count])).toEqual([['Low', 2], ['Solid', 1], ['High', 1]]);
    expect(all.levels[0].percent).toBe(50);
    expect(all.rated).toBe(4);
    expect(all.unrated).toBe(2);
    expect(all.average).toBe(1.9);
    const sales = await app.ok('reviews.getRatingDistribution', { cycleId: CYCLE_ID, departmentId: SALES_ID });
    expect(sales.levels.map((l) => l.count)).toEqual([1, 1, 1]);
    expect(sales.unrated).toBe(1);
  });

  it('answers NOT_FOUND for a cycle that does not exist', async () => {
    const app = await openTestApp();
    const error = await app.fail('reviews.getCycleProgress', { cycleId: '00000000-0000-4000-8000-000000000000' });
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('reviews.exportCycle', () => {
  it('writes the reviews, progress by department and the rating distribution to a workbook', async () => {
    const app = await openTestApp();
    seedCycle(app);
    const file = await app.ok('reviews.exportCycle', { cycleId: CYCLE_ID });
    expect(file.fileName).toMatch(/^Review cycle 2025 annual review .*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Reviews', 'Progress by department', 'Rating distribution']);
    const reviews = workbook.getWorksheet('Reviews')!;
    expect(reviews.rowCount).toBe(7);
    const header = (reviews.getRow(1).values as unknown[]).slice(1);
    const overridden = (reviews.getRow(2).values as unknown[]).slice(1);
    const at = (name: string) => header.indexOf(name);
    expect(overridden[at('Employee')]).toBe('Person5 Tester'); // Engineering sorts first
    const sales = [3, 4, 5, 6, 7].map((n) => (reviews.getRow(n).values as unknown[]).slice(1)).find((row) => row[at('Override rating')] === 1)!;
    expect(sales[at('Computed rating')]).toBe(2.6);
    expect(sales[at('Final rating')]).toBe(1);
    expect(sales[at('Final rating label')]).toBe('Low');
    expect(sales[at('Override reason')]).toBe('Calibrated');
    expect(sales[at('Completed on time')]).toBe('No');
    const progress = workbook.getWorksheet('Progress by department')!;
    expect((progress.getRow(4).values as unknown[]).slice(1, 3)).toEqual(['All departments', 6]);
    const distribution = workbook.getWorksheet('Rating distribution')!;
    expect((distribution.getRow(2).values as unknown[]).slice(1)).toEqual([1, 'Low', 2, 50]);
  });
});

describe('the printable review', () => {
  it('prints the header, items with answers by respondent, the override and sign-offs', async () => {
    const file = await reviewPdf(reviewDetail(), { organisation: 'Canopy Group', generatedAt: '2026-02-10T12:00:00.000Z' });
    const pdf = Buffer.from(file.contentBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.fileName).toBe('Review Ann Lee 2025 annual review.pdf');
    const text = pdfText(pdf);
    for (const expected of ['Performance review: Ann Lee', 'Account Executive · Sales', 'Bo Manager', '2025 annual review', '2025-01-01 to 2025-12-31',
      'Close the pipeline', 'Self: 3 · High', 'Manager: 2 · Solid', 'Reason for the override: Calibrated down', 'Employee sign-off: signed 2026-01-20 by Ann Lee',
      'Manager sign-off: not yet', 'Page 1 of']) {
      expect(text).toContain(expected);
    }
  });

  it('prints the rating before calibration beside the calibrated one', async () => {
    const calibrated = { ...reviewDetail(), calibration: { sessionId: 's1', sessionName: 'Sales calibration 2025', sessionFinalised: true, calibratedAt: '2026-01-28T15:00:00.000Z', calibratedBy: 'Hana HR', ratingBefore: 3, changed: true } };
    const text = pdfText(Buffer.from((await reviewPdf(calibrated, { organisation: 'Canopy Group', generatedAt: '2026-02-10T12:00:00.000Z' })).contentBase64, 'base64'));
    expect(text).toContain('Rating before calibration: 3 High · Sales calibration 2025, 2026-01-28, by Hana HR.');
  });
});

function reviewDetail(): ReviewDetail {
  const at = '2026-01-20T10:00:00.000Z';
  return {
    review: {
      id: 'r1', cycleId: CYCLE_ID, cycleName: '2025 annual review', employeeId: 'e1', employeeName: 'Ann Lee', employeeNumber: 'E1', managerId: 'm1', managerName: 'Bo Manager',
      departmentId: 'd1', departmentName: 'Sales', jobTitle: 'Account Executive', status: 'final_review', dueDate: '2026-01-31', overdue: false,
      startedAt: at, readyAt: at, finalAt: at, completedAt: null, computedRating: 2.5, overrideRating: 2, finalRating: 2, finalLabel: 'Solid', version: 3,
    },
    cycle: { id: 'c1', name: '2025 annual review', periodStart: '2025-01-01', periodEnd: '2025-12-31', status: 'active', levels: LEVELS, sections: [{ kind: 'goals', title: 'Goals', weight: 100 }], steps: { selfReview: true, peerFeedback: false } },
    items: [{
      key: 'goal:g1', sectionIndex: 0, kind: 'goals', title: 'Close the pipeline', description: null, answer: 'rating', required: true, weight: 1,
      goal: { unit: 'percent', startValue: 0, targetValue: 100, actualValue: null, progress: 80, status: 'on_track', stretch: false, periodStart: '2025-01-01', periodEnd: '2025-12-31' }, competency: null,
    }],
    answers: [
      { respondent: 'manager', peerId: null, peerName: null, itemKey: 'goal:g1', rating: 2, comment: 'Good year', author: 'Bo', updatedAt: at },
      { respondent: 'self', peerId: null, peerName: null, itemKey: 'goal:g1', rating: 3, comment: null, author: 'Ann', updatedAt: at },
    ],
    steps: [{ step: 'employee_signoff', peerId: null, peerName: null, status: 'submitted', submittedAt: at, submittedBy: 'Ann Lee' }],
    sectionScores: [{ sectionIndex: 0, kind: 'goals', title: 'Goals', weight: 100, score: 2 }],
    overrideReason: 'Calibrated down',
    calibration: null,
    snapshotted: false,
  };
}

describe('the demo review cycles', () => {
  it('loads two closed cycles with every review complete and rated, and one in progress', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 150 });
    const db = app.store().raw;
    const cycles = db.prepare(`SELECT id, name, status FROM review_cycle ORDER BY period_start`).all() as { id: string; name: string; status: string }[];
    expect(cycles.map((c) => c.status)).toEqual(['closed', 'closed', 'active']);
    for (const cycle of cycles.slice(0, 2)) {
      const progress = await app.ok('reviews.getCycleProgress', { cycleId: cycle.id });
      expect(progress.total).toBeGreaterThan(100);
      expect(progress.byStatus.complete).toBe(progress.total);
      expect(progress.completedLate).toBeGreaterThan(0);
      expect(progress.completedLate).toBeLessThan(progress.total * 0.25);
      const ratings = await app.ok('reviews.getRatingDistribution', { cycleId: cycle.id });
      expect(ratings.unrated).toBe(0);
      expect(ratings.average).toBeGreaterThan(2.5);
      expect(ratings.average).toBeLessThan(3.6);
      expect(ratings.levels.find((l) => l.label === 'Meets expectations')!.count).toBeGreaterThan(ratings.levels.find((l) => l.label === 'Outstanding')!.count);
    }
    const current = await app.ok('reviews.getCycleProgress', { cycleId: cycles[2].id });
    expect(Object.values(current.byStatus).every((n) => n > 0)).toBe(true);
    // Every completed review carries its snapshot, and its final rating is the override when there is one.
    const inconsistent = db.prepare(`SELECT count(*) AS n FROM review WHERE status = 'complete' AND (snapshot IS NULL OR final_rating IS NOT coalesce(override_rating, computed_rating))`).get() as { n: number };
    expect(inconsistent.n).toBe(0);

    // A completed demo review scores the same in the review service, and prints.
    const done = db.prepare(`SELECT r.id, r.computed_rating AS computed FROM review r WHERE r.cycle_id = ? AND r.status = 'complete' ORDER BY r.rowid LIMIT 1`).get(cycles[1].id) as { id: string; computed: number };
    const detail = await app.ok('reviews.getReview', { id: done.id });
    expect(overallRating(detail.sectionScores)).toBe(done.computed);
    expect(detail.review.computedRating).toBe(done.computed);
    const file = await app.ok('reviews.exportReviewPdf', { reviewId: done.id });
    const text = pdfText(Buffer.from(file.contentBase64, 'base64'));
    expect(text).toContain(`Performance review: ${detail.review.employeeName}`);
    expect(text).toContain(detail.items.find((item) => item.kind === 'competencies')!.title);
    expect(text).toContain('Employee sign-off: signed');
  });
});
