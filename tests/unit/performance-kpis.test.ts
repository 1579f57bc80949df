import { describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './helpers';
import { seedCycle } from './review-fixtures';

/** Individual goals of employee e1 (from seedCycle), one per status given, and an organisation goal to align to. */
function seedGoals(app: TestApp, goals: { status: string; aligned: boolean; period?: [string, string]; archived?: boolean }[]) {
  const db = app.store().raw;
  const now = '2025-01-01T00:00:00.000Z';
  const insert = db.prepare(`INSERT INTO goal (id, created_at, updated_at, version, scope, employee_id, title, period_start, period_end, unit, weight, status, aligned_to_id, progress, archived)
    VALUES (@id, '${now}', '${now}', 1, @scope, @employeeId, 'Goal', @start, @end, 'percent', 0, @status, @alignedTo, 0, @archived)`);
  insert.run({ id: 'org', scope: 'organisation', employeeId: null, start: '2025-01-01', end: '2025-12-31', status: 'on_track', alignedTo: null, archived: 0 });
  goals.forEach((g, i) => insert.run({
    id: `g${i}`, scope: 'individual', employeeId: 'e1', start: g.period?.[0] ?? '2025-01-01', end: g.period?.[1] ?? '2025-12-31',
    status: g.status, alignedTo: g.aligned ? 'org' : null, archived: g.archived ? 1 : 0,
  }));
}

describe('insights.getPerformanceKpis', () => {
  it('rates goal completion over closed goals and alignment over the period’s individual goals', async () => {
    const app = await openTestApp();
    seedCycle(app);
    seedGoals(app, [
      { status: 'achieved', aligned: true },
      { status: 'achieved', aligned: true },
      { status: 'missed', aligned: false },
      { status: 'on_track', aligned: true },
      { status: 'cancelled', aligned: true }, // left out
      { status: 'achieved', aligned: true, archived: true }, // left out
      { status: 'achieved', aligned: true, period: ['2024-01-01', '2024-06-30'] }, // outside the period
    ]);
    const kpis = await app.ok('insights.getPerformanceKpis', { from: '2025-01-01', to: '2025-12-31' });
    expect(kpis.goals).toEqual({ total: 4, achieved: 2, missed: 1, completionRate: 66.7, achievedOfAll: 50 });
    expect(kpis.alignment).toEqual({ goals: 4, aligned: 3, rate: 75 });
  });

  it('gives each launched cycle its on-time completion and rating distribution', async () => {
    const app = await openTestApp();
    seedCycle(app);
    const kpis = await app.ok('insights.getPerformanceKpis', { from: '2025-01-01', to: '2025-12-31' });
    expect(kpis.cycles).toHaveLength(1);
    const [cycle] = kpis.cycles;
    expect(cycle).toMatchObject({ name: '2025 annual review', reviews: 6, completed: 3, completedOnTime: 2, onTimeRate: 33.3, rated: 4, average: 1.9 });
    expect(cycle.levels.map((l) => l.count)).toEqual([2, 1, 1]);
  });

  it('has zero rates, not errors, on an empty database, and refuses a backwards period', async () => {
    const app = await openTestApp();
    const kpis = await app.ok('insights.getPerformanceKpis', {});
    expect(kpis.goals.completionRate).toBe(0);
    expect(kpis.alignment.rate).toBe(0);
    expect(kpis.cycles).toEqual([]);
    const error = await app.fail('insights.getPerformanceKpis', { from: '2025-12-31', to: '2025-01-01' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('The period starts after it ends.');
  });
});
