import type Database from 'better-sqlite3';
import { DEMO_ORGANISATION, type DemoOrganisation } from '../people/demo';
import { withIndexesDeferred } from '../shared/bulk-load';
import { demoKey, random, type DemoPart } from '../shared/demo';

/**
 * The goals part of the demo organisation: a few organisation goals for the current year,
 * two goals per division aligned to them, and individual goals for about 30% of the
 * people (aligned to their division's goals) with one to three check-ins each.
 */
export interface DemoGoals {
  goals: {
    id: string; scope: 'organisation' | 'department' | 'individual'; employeeId: string | null; departmentId: string | null; title: string;
    category: string; unit: string; startValue: number | null; targetValue: number | null; weight: number; status: string; alignedToId: string | null; progress: number;
    /** When not the demo's whole year. */
    periodStart?: string; periodEnd?: string;
  }[];
  checkIns: { id: string; goalId: string; date: string; progress: number; comment: string | null }[];
  periodStart: string;
  periodEnd: string;
}

const ORG_GOALS: [string, string, string, number, number][] = [
  ['Grow annual recurring revenue by 25%', 'Growth', 'percent', 0, 25],
  ['Raise customer satisfaction (CSAT) to 90', 'Customers', 'rating', 82, 90],
  ['Make Canopy a great place to grow: engagement score 80', 'People', 'number', 71, 80],
];
const DIVISION_GOALS: [string, number][] = [['Deliver the %s plan for the year', 0], ['Improve %s efficiency by 10%', 1], ['Build %s capability and skills', 2]];
/** Titles of personal goals (also used for the goals that past review cycles snapshotted). */
export const PERSONAL = ['Complete my quarterly objectives', 'Ship my part of the roadmap', 'Close my pipeline target', 'Lift my customer scores', 'Finish a certification', 'Mentor a new joiner', 'Automate a manual process', 'Reduce turnaround time'];
const COMMENTS = ['On plan.', 'Blocked for a week, catching up.', 'Ahead of schedule.', 'Re-scoped with my manager.', null, null];

export function generateDemoGoals(org: DemoOrganisation, seed: number, today: string): DemoGoals {
  const rng = random(seed + 2);
  const year = today.slice(0, 4);
  const demo: DemoGoals = { goals: [], checkIns: [], periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
  const halfYearOver = today > `${year}-06-30`;
  const elapsed = Math.min(100, Math.round(((Date.parse(today) - Date.parse(demo.periodStart)) / (365 * 86_400_000)) * 100));
  const orgGoals = ORG_GOALS.map(([title, category, unit, start, target]) => {
    const goal = { id: rng.uuid(), scope: 'organisation' as const, employeeId: null, departmentId: null, title, category, unit, startValue: start, targetValue: target, weight: 0, status: 'on_track', alignedToId: null, progress: 0 };
    demo.goals.push(goal);
    return goal;
  });
  // Divisions: the departments directly under the top of the tree (or the roots when there are many).
  const roots = org.departments.filter((d) => !d.parentId);
  const divisions = roots.length === 1 ? org.departments.filter((d) => d.parentId === roots[0].id) : roots;
  const parentOf = new Map(org.departments.map((d) => [d.id, d.parentId]));
  const divisionIds = new Set(divisions.map((d) => d.id));
  const divisionOf = (departmentId: string) => {
    let current: string | null | undefined = departmentId;
    while (current && !divisionIds.has(current)) current = parentOf.get(current);
    return current ?? null;
  };
  const divisionGoals = new Map<string, string[]>();
  for (const division of divisions) {
    const ids: string[] = [];
    for (const [pattern, orgIndex] of DIVISION_GOALS.slice(0, 2 + rng.int(2))) {
      const id = rng.uuid();
      demo.goals.push({ id, scope: 'department', employeeId: null, departmentId: division.id, title: pattern.replace('%s', division.name), category: orgGoals[orgIndex].category, unit: 'percent', startValue: 0, targetValue: 100, weight: 1 + rng.int(5) * 10, status: 'on_track', alignedToId: orgGoals[orgIndex].id, progress: 0 });
      ids.push(id);
    }
    divisionGoals.set(division.id, ids);
  }
  for (const person of org.employees) {
    if (person.status === 'terminated' || rng.next() >= 0.3) continue;
    const division = divisionOf(person.departmentId);
    const targets = division ? divisionGoals.get(division) : undefined;
    const id = rng.uuid();
    let progress = 0;
    const steps = rng.int(4);
    for (let step = 1; step <= steps; step++) {
      progress = Math.max(0, Math.min(100, Math.round((elapsed * step) / steps + rng.int(30) - 15)));
      const day = Math.max(1, Math.round((elapsed / 100) * 365 * (step / (steps + 0.5))));
      const date = new Date(Date.parse(demo.periodStart) + day * 86_400_000).toISOString().slice(0, 10);
      demo.checkIns.push({ id: rng.uuid(), goalId: id, date: date > today ? today : date, progress, comment: rng.pick(COMMENTS) });
    }
    const status = steps === 0 ? 'not_started' : progress >= 100 ? 'achieved' : progress >= elapsed - 10 ? 'on_track' : progress >= elapsed - 30 ? 'at_risk' : 'behind';
    const alignedToId = targets ? rng.pick(targets) : rng.pick(orgGoals).id;
    demo.goals.push({ id, scope: 'individual', employeeId: person.id, departmentId: null, title: rng.pick(PERSONAL), category: 'Personal', unit: 'percent', startValue: 0, targetValue: 100, weight: rng.pick([0, 10, 20, 30]), status, alignedToId, progress });
    if (halfYearOver && rng.next() < 0.5) {
      const h1 = firstHalfGoal(rng, person.id, alignedToId, year);
      demo.goals.push(h1);
      demo.checkIns.push({ id: rng.uuid(), goalId: h1.id, date: `${year}-06-28`, progress: h1.progress, comment: h1.status === 'achieved' ? 'Done.' : 'Fell short; carried over.' });
    }
  }
  return demo;
}

export function insertDemoGoals(db: Database.Database, demo: DemoGoals, now: string, actor: string): void {
  const goal = db.prepare(`INSERT INTO goal (id, created_at, updated_at, version, scope, employee_id, department_id, title, period_start, period_end, category, unit, start_value, target_value, stretch, weight, status, aligned_to_id, progress, archived)
    VALUES (@id, @now, @now, 1, @scope, @employeeId, @departmentId, @title, @periodStart, @periodEnd, @category, @unit, @startValue, @targetValue, 0, @weight, @status, @alignedToId, @progress, 0)`);
  const checkIn = db.prepare(`INSERT INTO goal_check_in (id, goal_id, date, progress, actual_value, comment, author, recorded_at) VALUES (@id, @goalId, @date, @progress, NULL, @comment, @actor, @now)`);
  // The goals' other indexes are built once, after their rows.
  withIndexesDeferred(db, ['goal', 'goal_check_in'], () => {
    for (const g of demo.goals) goal.run({ ...g, now, periodStart: g.periodStart ?? demo.periodStart, periodEnd: g.periodEnd ?? demo.periodEnd });
    for (const c of demo.checkIns) checkIn.run({ ...c, actor, now });
  });
}

/** A first-half objective that has ended: achieved about two times in three, otherwise missed (goal completion needs closed goals). */
function firstHalfGoal(rng: ReturnType<typeof random>, employeeId: string, alignedToId: string, year: string): DemoGoals['goals'][number] {
  const achieved = rng.next() < 0.68;
  return {
    id: rng.uuid(), scope: 'individual', employeeId, departmentId: null, title: `H1: ${rng.pick(PERSONAL).toLowerCase()}`, category: 'Personal', unit: 'percent',
    startValue: 0, targetValue: 100, weight: 10, status: achieved ? 'achieved' : 'missed', alignedToId, progress: achieved ? 100 : 40 + rng.int(50),
    periodStart: `${year}-01-01`, periodEnd: `${year}-06-30`,
  };
}

export const DEMO_GOALS = demoKey<DemoGoals>('goals.goals');

export const goalsDemo: DemoPart = (demo) => {
  const goals = generateDemoGoals(demo.use(DEMO_ORGANISATION), demo.seed, demo.today);
  insertDemoGoals(demo.db, goals, demo.now, demo.actor);
  demo.provide(DEMO_GOALS, goals);
  return { goals: goals.goals.length, goalCheckIns: goals.checkIns.length };
};
