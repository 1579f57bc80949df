import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollUpProgress, weightedAverage } from '../../src-shared/domain/goals';
import { employeeValues, openTestApp, type TestApp } from './helpers';

const base = { periodStart: '2026-01-01', periodEnd: '2026-12-31', unit: 'percent' as const, stretch: false, weight: 0, status: 'on_track' as const };

async function setUp(app: TestApp) {
  const [dept] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales' } }] })).rows;
  const people = (await app.ok('people.saveEmployees', {
    rows: [1, 2, 3].map((n) => ({ values: employeeValues(n, { departmentId: dept.id }) })),
  })).rows;
  const [org] = (await app.ok('goals.saveGoals', { rows: [{ values: { ...base, scope: 'organisation', title: 'Grow revenue 20%' } }] })).rows;
  const [deptGoal] = (await app.ok('goals.saveGoals', {
    rows: [{ values: { ...base, scope: 'department', ownerId: dept.id, title: 'Open two regions', alignedToId: org.id } }],
  })).rows;
  return { dept, people, org, deptGoal };
}

describe('goals', () => {
  it('creates goals with owners and aligns them, listing with filters', async () => {
    const app = await openTestApp();
    const { dept, people, org, deptGoal } = await setUp(app);
    expect(deptGoal).toMatchObject({ scope: 'department', ownerId: dept.id, ownerName: 'Sales', alignedToId: org.id, progress: 0, version: 1 });
    const [mine] = (await app.ok('goals.saveGoals', {
      rows: [{ values: { ...base, scope: 'individual', ownerId: people[0].id, title: 'Close 10 deals', alignedToId: deptGoal.id, weight: 30, unit: 'number', targetValue: 10 } }],
    })).rows;
    expect(mine.ownerName).toMatch(/\S+ \S+/);
    expect((await app.ok('goals.listGoals', { scope: 'individual' })).rows.map((g) => g.id)).toEqual([mine.id]);
    expect((await app.ok('goals.listGoals', { departmentId: dept.id })).rows).toHaveLength(2);
    expect((await app.ok('goals.listGoals', { periodFrom: '2027-01-01' })).rows).toHaveLength(0);
    const [edited] = (await app.ok('goals.saveGoals', { rows: [{ id: mine.id, version: 1, values: { title: 'Close 12 deals' } }] })).rows;
    expect(edited).toMatchObject({ title: 'Close 12 deals', version: 2, alignedToId: deptGoal.id });
    expect(app.store().raw.prepare(`SELECT count(*) AS n FROM audit_event WHERE entity = 'goal'`).get()).toEqual({ n: 4 });
    await app.ok('goals.archiveGoals', { ids: [mine.id] });
    expect((await app.ok('goals.listGoals', {})).rows).toHaveLength(2);
  });

  it('refuses wrong owners, bad periods, wrong-scope alignment and loops, storing nothing', async () => {
    const app = await openTestApp();
    const { dept, people, org, deptGoal } = await setUp(app);
    const before = app.count('goal');
    const noOwner = await app.fail('goals.saveGoals', { rows: [{ values: { ...base, scope: 'individual', title: 'X' } }] });
    expect(noOwner.message).toMatch(/needs an employee/);
    const period = await app.fail('goals.saveGoals', { rows: [{ values: { ...base, scope: 'organisation', title: 'X', periodStart: '2026-06-01', periodEnd: '2026-01-01' } }] });
    expect(period.message).toMatch(/end on or after/);
    const [mine] = (await app.ok('goals.saveGoals', { rows: [{ values: { ...base, scope: 'individual', ownerId: people[0].id, title: 'Mine', alignedToId: org.id } }] })).rows;
    const toIndividual = await app.fail('goals.saveGoals', { rows: [{ values: { ...base, scope: 'individual', ownerId: people[1].id, title: 'Y', alignedToId: mine.id } }] });
    expect(toIndividual).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/can only align to a department or organisation goal/) });
    const deptToDept = await app.fail('goals.saveGoals', { rows: [{ values: { ...base, scope: 'department', ownerId: dept.id, title: 'Z', alignedToId: deptGoal.id } }] });
    expect(deptToDept.message).toMatch(/can only align to an organisation goal/);
    const orgAligned = await app.fail('goals.saveGoals', { rows: [{ values: { ...base, scope: 'organisation', title: 'Z', alignedToId: org.id } }] });
    expect(orgAligned.message).toMatch(/organisation goal cannot align/);
    const self = await app.fail('goals.saveGoals', { rows: [{ id: deptGoal.id, version: deptGoal.version, values: { alignedToId: deptGoal.id } }] });
    expect(self.message).toMatch(/cannot align to itself/);
    const [org2] = (await app.ok('goals.saveGoals', { rows: [{ values: { ...base, scope: 'organisation', title: 'Org 2' } }] })).rows;
    // Putting the organisation goal under its own department child would make a loop.
    const loop = await app.fail('goals.saveGoals', { rows: [{ id: org.id, version: 1, values: { scope: 'department', ownerId: dept.id, alignedToId: deptGoal.id } }] });
    expect(loop).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/would make a loop/) });
    expect(app.count('goal')).toBe(before + 2);
    expect((await app.ok('goals.listGoals', {})).rows.find((g) => g.id === org.id)).toMatchObject({ scope: 'organisation', version: 1 });
    expect(org2.scope).toBe('organisation');
  });

  it('refuses aligning a goal below one of its own individual descendants (loop)', async () => {
    const app = await openTestApp();
    const { deptGoal, org } = await setUp(app);
    // Individual → department → organisation is the only legal chain; a loop needs a goal below its own descendant.
    const [person] = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(9) }] })).rows;
    const result = await app.fail('goals.saveGoals', { rows: [{ id: org.id, version: org.version, values: { scope: 'individual', ownerId: person.id, alignedToId: deptGoal.id } }] });
    expect(result.message).toMatch(/would make a loop/);
    expect((await app.ok('goals.listGoals', {})).rows.find((g) => g.id === org.id)!.scope).toBe('organisation');
  });

  it('records append-only check-ins; the latest sets progress; the tree rolls up', async () => {
    const app = await openTestApp();
    const { people, org, deptGoal } = await setUp(app);
    const [a, b] = (await app.ok('goals.saveGoals', {
      rows: [
        { values: { ...base, scope: 'individual', ownerId: people[0].id, title: 'A', alignedToId: deptGoal.id, weight: 75 } },
        { values: { ...base, scope: 'individual', ownerId: people[1].id, title: 'B', alignedToId: deptGoal.id, weight: 25 } },
      ],
    })).rows;
    await app.ok('goals.recordCheckIn', { goalId: a.id, date: '2026-03-01', progress: 80, comment: 'Good', actualValue: 8 });
    await app.ok('goals.recordCheckIn', { goalId: a.id, date: '2026-02-01', progress: 10 }); // older date: not the latest
    await app.ok('goals.recordCheckIn', { goalId: b.id, date: '2026-03-01', progress: 40 });
    const checkIns = (await app.ok('goals.listCheckIns', { goalId: a.id })).rows;
    expect(checkIns.map((c) => c.progress)).toEqual([80, 10]);
    expect(checkIns[0].author).toBeTruthy();
    const goals = (await app.ok('goals.listGoals', {})).rows;
    expect(goals.find((g) => g.id === a.id)).toMatchObject({ progress: 80, actualValue: 8 });
    const bad = await app.fail('goals.recordCheckIn', { goalId: a.id, date: '2026-03-01', progress: 120 });
    expect(bad.code).toBe('VALIDATION');
    expect(app.count('goal_check_in')).toBe(3);
    const { nodes } = await app.ok('goals.getAlignmentTree', { rootId: org.id });
    expect(nodes.map((n) => n.title)).toEqual(['Grow revenue 20%', 'Open two regions', 'A', 'B']);
    const byTitle = new Map(nodes.map((n) => [n.title, n]));
    expect(byTitle.get('Open two regions')!.rolledUp).toBe(70); // 80*.75 + 40*.25
    expect(byTitle.get('Grow revenue 20%')!.rolledUp).toBe(70);
    expect(byTitle.get('A')!.parentId).toBe(deptGoal.id);
    const listed = new Map((await app.ok('goals.listGoals', {})).rows.map((g) => [g.title, g]));
    expect(listed.get('Grow revenue 20%')).toMatchObject({ progress: 0, rolledUp: 70 });
    expect(listed.get('B')).toMatchObject({ progress: 40, rolledUp: 40 });
  });

  it('assigns a goal to a team: one aligned individual goal per person', async () => {
    const app = await openTestApp();
    const { dept, people, deptGoal } = await setUp(app);
    const byDept = await app.ok('goals.assignToTeam', { goalId: deptGoal.id, departmentId: dept.id });
    expect(byDept.created).toBe(3);
    const individual = (await app.ok('goals.listGoals', { scope: 'individual' })).rows;
    expect(individual.every((g) => g.alignedToId === deptGoal.id && g.title === 'Open two regions')).toBe(true);
    expect(new Set(individual.map((g) => g.ownerId))).toEqual(new Set(people.map((p) => p.id)));
    const listed = await app.ok('goals.assignToTeam', { template: { ...base, title: 'Learn SQL' }, employeeIds: [people[0].id] });
    expect(listed.created).toBe(1);
    const refused = await app.fail('goals.assignToTeam', { goalId: individual[0].id, employeeIds: [people[0].id] });
    expect(refused.message).toMatch(/Individual goals cannot be assigned/);
    expect(app.count('goal')).toBe(6);
  });

  it('a check-in moves the goal version, so an edit started before it gets CONFLICT', async () => {
    const app = await openTestApp();
    const { people } = await setUp(app);
    const [mine] = (await app.ok('goals.saveGoals', { rows: [{ values: { ...base, scope: 'individual', ownerId: people[0].id, title: 'Mine', unit: 'number', targetValue: 10 } }] })).rows;
    await app.ok('goals.recordCheckIn', { goalId: mine.id, date: '2026-03-01', progress: 50, actualValue: 5 });
    const stale = await app.fail('goals.saveGoals', { rows: [{ id: mine.id, version: mine.version, values: { actualValue: 1 } }] });
    expect(stale.code).toBe('CONFLICT');
    expect((await app.ok('goals.listGoals', {})).rows.find((g) => g.id === mine.id)).toMatchObject({ actualValue: 5, progress: 50, version: mine.version + 1 });
  });

  it('refuses an aligned goal whose period lies outside its parent\'s, and a parent period that no longer covers its children', async () => {
    const app = await openTestApp();
    const { dept, people, org, deptGoal } = await setUp(app);
    const before = app.count('goal');
    const outside = await app.fail('goals.saveGoals', {
      rows: [{ values: { ...base, scope: 'individual', ownerId: people[0].id, title: 'Too long', periodEnd: '2027-03-31', alignedToId: deptGoal.id } }],
    });
    expect(outside).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/"Too long" runs 2026-01-01 – 2027-03-31, outside the period of the goal it aligns to, "Open two regions"/) });
    const [inside] = (await app.ok('goals.saveGoals', {
      rows: [{ values: { ...base, scope: 'individual', ownerId: people[0].id, title: 'Q1 only', periodStart: '2026-01-01', periodEnd: '2026-03-31', alignedToId: deptGoal.id } }],
    })).rows;
    const moved = await app.fail('goals.saveGoals', { rows: [{ id: inside.id, version: inside.version, values: { periodEnd: '2027-01-31' } }] });
    expect(moved.message).toMatch(/outside the period of the goal it aligns to/);
    const shrunk = await app.fail('goals.saveGoals', { rows: [{ id: org.id, version: org.version, values: { periodStart: '2026-07-01' } }] });
    expect(shrunk.message).toMatch(/"Open two regions" is aligned to this goal and runs 2026-01-01 – 2026-12-31; the period must still cover it/);
    // Moving parent and child together in one batch is fine.
    await app.ok('goals.saveGoals', {
      rows: [{ id: deptGoal.id, version: deptGoal.version, values: { periodStart: '2026-01-01', periodEnd: '2026-06-30' } }, { id: org.id, version: org.version, values: { periodEnd: '2026-06-30' } }],
    });
    expect(app.count('goal')).toBe(before + 1);
    expect(dept.name).toBe('Sales');
  });

  it('builds the alignment tree of 5,000 descendants quickly', async () => {
    const app = await openTestApp();
    const { dept, people, org } = await setUp(app);
    const raw = app.store().raw;
    const insert = raw.prepare(`INSERT INTO goal (id, created_at, updated_at, version, scope, employee_id, department_id, title, period_start, period_end, unit, weight, status, aligned_to_id, progress)
      VALUES (@id, 'now', 'now', 1, @scope, @employeeId, @departmentId, @title, '2026-01-01', '2026-12-31', 'percent', 0, 'on_track', @parent, @progress)`);
    raw.transaction(() => {
      for (let d = 0; d < 50; d++) {
        const deptId = `00000000-0000-4000-8000-${String(d).padStart(12, '0')}`;
        insert.run({ id: deptId, scope: 'department', employeeId: null, departmentId: dept.id, title: `D${d}`, parent: org.id, progress: 0 });
        for (let i = 0; i < 99; i++) {
          insert.run({ id: `00000000-0000-4000-9000-${String(d * 100 + i).padStart(12, '0')}`, scope: 'individual', employeeId: people[0].id, departmentId: null, title: `I${d}-${i}`, parent: deptId, progress: 50 });
        }
      }
    })();
    const started = performance.now();
    const { nodes } = await app.ok('goals.getAlignmentTree', { rootId: org.id });
    const ms = performance.now() - started;
    expect(nodes.length).toBeGreaterThanOrEqual(5001);
    expect(nodes[0].rolledUp).toBeCloseTo(50 * 50 / 51, 1); // 50 department goals at 50 + the seeded one at 0
    expect(ms).toBeLessThan(1500);
  });
});

describe('demo goals', () => {
  it('loads organisation, department and individual goals with check-ins that obey the alignment rules', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 200 });
    const goals = (await app.ok('goals.listGoals', {})).rows;
    const byId = new Map(goals.map((g) => [g.id, g]));
    const org = goals.filter((g) => g.scope === 'organisation');
    expect(org.length).toBe(3);
    expect(goals.filter((g) => g.scope === 'department').every((g) => byId.get(g.alignedToId!)?.scope === 'organisation')).toBe(true);
    const individual = goals.filter((g) => g.scope === 'individual');
    expect(individual.length).toBeGreaterThan(30);
    expect(individual.every((g) => g.ownerId && ['department', 'organisation'].includes(byId.get(g.alignedToId!)!.scope))).toBe(true);
    expect(app.count('goal_check_in')).toBeGreaterThan(0);
    const { nodes } = await app.ok('goals.getAlignmentTree', { rootId: org[0].id });
    expect(nodes.length).toBeGreaterThan(1);
    expect(nodes[0].rolledUp).toBeGreaterThanOrEqual(0);
  });
});

describe('goal roll-up (pure)', () => {
  it('leaf = own progress; parent = weighted average; equal weights when all 0', () => {
    const r = rollUpProgress([
      { id: 'r', parentId: null, weight: 0, progress: 5 },
      { id: 'a', parentId: 'r', weight: 0, progress: 20 },
      { id: 'b', parentId: 'r', weight: 0, progress: 60 },
    ]);
    expect(r.get('r')).toBe(40);
    expect(r.get('a')).toBe(20);
    expect(weightedAverage([{ weight: 3, value: 100 }, { weight: 1, value: 0 }])).toBe(75);
  });

  const tree = fc.array(fc.record({ weight: fc.integer({ min: 0, max: 100 }), progress: fc.double({ min: 0, max: 100, noNaN: true }), parent: fc.nat() }), { minLength: 1, maxLength: 40 })
    .map((items) => items.map((item, k) => ({ id: `n${k}`, parentId: k === 0 ? null : `n${item.parent % k}`, weight: item.weight, progress: item.progress })));

  it('stays within 0-100', () => {
    fc.assert(fc.property(tree, (nodes) => {
      for (const v of rollUpProgress(nodes).values()) expect(v >= 0 && v <= 100).toBe(true);
    }));
  });

  it('is monotonic in a leaf child\'s progress', () => {
    fc.assert(fc.property(tree, fc.nat(), fc.double({ min: 0, max: 100, noNaN: true }), (nodes, pick, raise) => {
      const k = pick % nodes.length;
      const before = rollUpProgress(nodes);
      const bumped = nodes.map((n, j) => (j === k ? { ...n, progress: Math.max(n.progress, raise) } : n));
      const after = rollUpProgress(bumped);
      for (const [id, v] of before) expect(after.get(id)!).toBeGreaterThanOrEqual(v);
    }));
  });
});
