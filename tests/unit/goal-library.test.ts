import { describe, expect, it } from 'vitest';
import { employeeValues, openTestApp, type TestApp } from './helpers';

const item = { title: 'Close 10 deals', category: 'Sales', unit: 'number' as const, targetValue: 10, stretch: false, suggestedWeight: 20, description: 'Signed contracts.' };

async function setUp(app: TestApp) {
  const [sales, empty] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales' } }, { values: { name: 'Empty' } }] })).rows;
  const people = (await app.ok('people.saveEmployees', { rows: [1, 2, 3].map((n) => ({ values: employeeValues(n, { departmentId: sales.id }) })) })).rows;
  const [org] = (await app.ok('goals.saveGoals', {
    rows: [{ values: { scope: 'organisation', title: 'Grow 2026', periodStart: '2026-01-01', periodEnd: '2026-12-31', unit: 'percent', stretch: false, weight: 0, status: 'on_track' } }],
  })).rows;
  const [libraryItem] = (await app.ok('goals.saveGoalLibrary', { rows: [{ values: item }] })).rows;
  return { sales, empty, people, org, libraryItem };
}

describe('goal library', () => {
  it('maintains items: create, edit with version, search, archive', async () => {
    const app = await openTestApp();
    const { libraryItem } = await setUp(app);
    expect(libraryItem).toMatchObject({ ...item, timesUsed: 0, version: 1, archived: false });
    await app.ok('goals.saveGoalLibrary', { rows: [{ values: { title: 'Mentor a new joiner', unit: 'number', stretch: false, suggestedWeight: 10 } }] });
    const [edited] = (await app.ok('goals.saveGoalLibrary', { rows: [{ id: libraryItem.id, version: 1, values: { targetValue: 12 } }] })).rows;
    expect(edited).toMatchObject({ targetValue: 12, version: 2, title: 'Close 10 deals' });
    expect((await app.fail('goals.saveGoalLibrary', { rows: [{ id: libraryItem.id, version: 1, values: { targetValue: 14 } }] })).code).toBe('CONFLICT');
    expect((await app.ok('goals.listGoalLibrary', { search: 'sales' })).rows.map((r) => r.title)).toEqual(['Close 10 deals']);
    expect((await app.ok('goals.listGoalLibrary', { search: 'mentor' })).rows.map((r) => r.title)).toEqual(['Mentor a new joiner']);
    const bad = await app.fail('goals.saveGoalLibrary', { rows: [{ values: { ...item, title: ' ', suggestedWeight: 120 } }] });
    expect(bad).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/Title is required/) });
    await app.ok('goals.archiveGoalLibrary', { ids: [libraryItem.id] });
    expect((await app.ok('goals.listGoalLibrary', {})).rows.map((r) => r.title)).toEqual(['Mentor a new joiner']);
    expect(app.store().raw.prepare(`SELECT action FROM audit_event WHERE entity_id = ? ORDER BY rowid`).all(libraryItem.id)).toEqual([{ action: 'create' }, { action: 'update' }, { action: 'archive' }]);
  });

  it('copies an item to a department or to chosen people, for a period, aligned to a higher goal', async () => {
    const app = await openTestApp();
    const { sales, people, org, libraryItem } = await setUp(app);
    const team = await app.ok('goals.copyFromLibrary', { itemId: libraryItem.id, departmentId: sales.id, periodStart: '2026-01-01', periodEnd: '2026-06-30', alignToId: org.id });
    expect(team.created).toBe(3);
    const copies = (await app.ok('goals.listGoals', { scope: 'individual' })).rows;
    expect(copies.map((g) => g.ownerId).sort()).toEqual(people.map((p) => p.id).sort());
    expect(copies[0]).toMatchObject({
      title: 'Close 10 deals', category: 'Sales', unit: 'number', targetValue: 10, weight: 20, status: 'not_started', alignedToId: org.id,
      periodStart: '2026-01-01', periodEnd: '2026-06-30', description: 'Signed contracts.',
    });
    const one = await app.ok('goals.copyFromLibrary', { itemId: libraryItem.id, employeeIds: [people[0].id], periodStart: '2027-01-01', periodEnd: '2027-12-31' });
    expect(one.created).toBe(1);
    expect((await app.ok('goals.listGoalLibrary', {})).rows[0].timesUsed).toBe(4);
  });

  it('refuses a period outside the goal aligned to, an empty team, an archived item; nothing is written', async () => {
    const app = await openTestApp();
    const { sales, empty, org, libraryItem } = await setUp(app);
    const goals = app.count('goal');
    const outside = await app.fail('goals.copyFromLibrary', { itemId: libraryItem.id, departmentId: sales.id, periodStart: '2026-06-01', periodEnd: '2027-05-31', alignToId: org.id });
    expect(outside).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/outside the period of the goal it aligns to, "Grow 2026" \(2026-01-01 – 2026-12-31\)/) });
    expect((await app.fail('goals.copyFromLibrary', { itemId: libraryItem.id, departmentId: empty.id, periodStart: '2026-01-01', periodEnd: '2026-12-31' })).message).toMatch(/no active employees/);
    expect((await app.fail('goals.copyFromLibrary', { itemId: libraryItem.id, periodStart: '2026-01-01', periodEnd: '2026-12-31' })).message).toMatch(/Choose the employees or a department/);
    expect((await app.fail('goals.copyFromLibrary', { itemId: libraryItem.id, departmentId: sales.id, periodStart: '2026-12-31', periodEnd: '2026-01-01' })).message).toMatch(/end on or after/);
    await app.ok('goals.archiveGoalLibrary', { ids: [libraryItem.id] });
    expect((await app.fail('goals.copyFromLibrary', { itemId: libraryItem.id, departmentId: sales.id, periodStart: '2026-01-01', periodEnd: '2026-12-31' })).message).toMatch(/archived/);
    expect(app.count('goal')).toBe(goals);
  });
});
