// Reviews and goals at scale: cycle progress and rating distribution over a cycle with one review
// per employee (of three), and the alignment tree of an organisation goal with 5,000 descendants among
// 40,000 goals, each through the router against a raw better-sqlite3 floor on the same file.
import path from 'node:path';
import Database from 'better-sqlite3';
import { createAppHost, type AppHost } from '../../src-main/app-host';
import { generateDemoOrganisation, insertDemoOrganisation } from '../../src-main/services/people/demo';
import { random } from '../../src-main/services/shared/demo';
import type { Input, Method } from '../../src-shared/api';
import { withDerivedTablesRebuilt } from '../../src-main/services/shared/bulk-load';
import type { BenchFiles } from './files';
import type { BenchRow } from './run';
import { EMPLOYEES } from './size';
import { time } from './timing';

const GOALS = 40_000;
const TREE = 5_000;
const CYCLES = 3;
const RUNS = 30;

export async function benchReviews(dir: string, files: BenchFiles): Promise<BenchRow[]> {
  const file = path.join(dir, `reviews${files.encrypted ? '-encrypted' : ''}.sqlite`);
  const app = await createAppHost(file, files.hostOptions);
  try {
    const dataset = buildDataset(app.store().raw);
    const floorDb = files.openRaw(file, { readonly: true });
    try {
      const cycleId = dataset.cycleIds[CYCLES - 1];
      const reviews = dataset.reviewsPerCycle.toLocaleString('en');
      return [
        await measure(app, 'reviews.getCycleProgress', { cycleId, asOf: '2026-02-15' }, floorDb.prepare(FLOOR_PROGRESS_SQL), { cycleId },
          `reviews: cycle progress (${reviews} reviews, by status and department, of ${CYCLES} cycles)`,
          `floor: raw read of the cycle's tally rows (one per department); counting its reviews raw instead: ${await recountMs(floorDb, cycleId)} ms`),
        await measure(app, 'reviews.getRatingDistribution', { cycleId }, floorDb.prepare(FLOOR_DISTRIBUTION_SQL), { cycleId },
          `reviews: rating distribution (${reviews} reviews)`, 'floor: raw count per distinct final rating'),
        await measure(app, 'goals.getAlignmentTree', { rootId: dataset.rootGoalId }, floorDb.prepare(FLOOR_TREE_SQL), { rootId: dataset.rootGoalId },
          `goals: alignment tree (${TREE.toLocaleString('en')} descendants, ${GOALS.toLocaleString('en')} goals)`, 'floor: raw recursive ids, titles and progress'),
        // The cycle page loads a whole cycle into its grid (as the people grid loads everyone).
        await measure(app, 'reviews.listReviews', { cycleId, limit: 20_000 }, floorDb.prepare(FLOOR_LIST_SQL), { cycleId },
          `reviews: whole cycle for the cycle page grid (${reviews} rows with names)`, 'floor: raw join of reviews, people, departments and jobs', 300),
      ];
    } finally {
      floorDb.close();
    }
  } finally {
    await app.close();
  }
}

async function measure<M extends Method>(
  app: AppHost, method: M, input: Input<M>, floorQuery: Database.Statement, floorParams: object, name: string, note: string, budgetMs = 100,
): Promise<BenchRow> {
  const service = await time(RUNS, async () => {
    const result = await app.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  });
  const floor = await time(RUNS, () => floorQuery.all(floorParams));
  const round = (v: number) => Math.round(v * 100) / 100;
  return { name, medianMs: round(service), floorMs: round(floor), ratio: round(service / floor), budgetMs, note };
}

// ---- Floors: the least each answer could cost, hand-written, on a read-only connection ----

const FLOOR_PROGRESS_SQL = `SELECT * FROM review_progress_tally WHERE cycle_id = @cycleId`;
/** What the report cost before the tally, at the least: counting the cycle's reviews by department and status. */
const RECOUNT_SQL = `SELECT department_id, status, count(*) FROM review WHERE cycle_id = @cycleId GROUP BY department_id, status`;

async function recountMs(db: Database.Database, cycleId: string): Promise<number> {
  const recount = db.prepare(RECOUNT_SQL);
  return Math.round((await time(RUNS, () => recount.all({ cycleId }))) * 100) / 100;
}
const FLOOR_DISTRIBUTION_SQL = `SELECT final_rating, count(*) FROM review WHERE cycle_id = @cycleId GROUP BY final_rating`;
const FLOOR_LIST_SQL = `
  SELECT r.id, r.status, r.final_rating, e.employee_number, e.first_name || ' ' || e.last_name AS name, m.first_name || ' ' || m.last_name AS manager,
         d.name AS department, j.title AS job
    FROM review r JOIN employee e ON e.id = r.employee_id LEFT JOIN employee m ON m.id = r.manager_id
    LEFT JOIN department d ON d.id = r.department_id LEFT JOIN job j ON j.id = r.job_id
   WHERE r.cycle_id = @cycleId ORDER BY e.last_name, e.first_name`;
const FLOOR_TREE_SQL = `
  WITH RECURSIVE tree(id, depth) AS (SELECT @rootId, 0 UNION ALL SELECT g.id, t.depth + 1 FROM tree t CROSS JOIN goal g ON g.aligned_to_id = t.id)
  SELECT g.id, g.aligned_to_id, g.title, g.progress FROM tree t CROSS JOIN goal g ON g.id = t.id`;

// ---- Dataset ---------------------------------------------------------------------------

interface ReviewsDataset {
  rootGoalId: string;
  cycleIds: string[];
  reviewsPerCycle: number;
}

/**
 * The demo organisation's people, then 40,000 goals (an organisation goal with 50 department
 * goals under it and 4,950 individual goals under those, the rest spread over other roots) and
 * three launched cycles with one review per person: the older two complete, the newest mixed.
 */
function buildDataset(db: Database.Database): ReviewsDataset {
  const rng = random(11);
  const now = new Date().toISOString();
  let dataset!: ReviewsDataset;
  // Built as the demo loader does: the progress tally once at the end, not by its triggers row by row.
  db.transaction(() => withDerivedTablesRebuilt(db, () => {
    const org = generateDemoOrganisation(EMPLOYEES, 42);
    insertDemoOrganisation(db, org, now);
    const employees = org.employees.map((e) => ({ id: e.id, departmentId: e.departmentId, jobId: e.jobId, managerId: e.managerId }));
    const rootGoalId = insertGoals(db, employees.map((e) => e.id), now, rng);
    const cycleIds = insertCycles(db, employees, now, rng);
    dataset = { rootGoalId, cycleIds, reviewsPerCycle: employees.length };
  }))();
  db.exec('ANALYZE');
  return dataset;
}

function insertGoals(db: Database.Database, employeeIds: string[], now: string, rng: Rng): string {
  const insert = db.prepare(`INSERT INTO goal (id, created_at, updated_at, version, scope, employee_id, department_id, title, period_start, period_end, unit, weight, status, aligned_to_id, progress, archived)
    VALUES (@id, @now, @now, 1, @scope, @employeeId, NULL, @title, '2026-01-01', '2026-12-31', 'percent', @weight, 'on_track', @alignedTo, @progress, 0)`);
  const goal = (scope: string, alignedTo: string | null, employeeId: string | null = null) => {
    const id = rng.uuid();
    insert.run({ id, now, scope, employeeId, title: `Bench goal ${id.slice(0, 8)}`, weight: rng.int(4) * 10, alignedTo, progress: rng.int(101) });
    return id;
  };
  const root = goal('organisation', null);
  const branches = Array.from({ length: 50 }, () => goal('organisation', root));
  for (let i = 0; i < TREE - branches.length; i++) goal('individual', branches[i % branches.length], rng.pick(employeeIds));
  const otherRoots = Array.from({ length: 20 }, () => goal('organisation', null));
  for (let made = 1 + TREE + otherRoots.length; made < GOALS; made++) goal('individual', rng.next() < 0.7 ? rng.pick(otherRoots) : null, rng.pick(employeeIds));
  return root;
}

const STATUSES = ['not_started', 'in_progress', 'ready_for_review', 'final_review', 'complete'] as const;

function insertCycles(db: Database.Database, employees: { id: string; departmentId: string; jobId: string; managerId: string | null }[], now: string, rng: Rng): string[] {
  const levels = JSON.stringify([1, 2, 3, 4, 5].map((value) => ({ value, label: `Level ${value}`, description: null })));
  const scaleId = rng.uuid();
  const templateId = rng.uuid();
  db.prepare(`INSERT INTO rating_scale (id, created_at, updated_at, version, name, levels) VALUES (?, ?, ?, 1, 'Bench scale', ?)`).run(scaleId, now, now, levels);
  db.prepare(`INSERT INTO review_template (id, created_at, updated_at, version, name, sections, steps) VALUES (?, ?, ?, 1, 'Bench template', '[]', '{"selfReview":true,"peerFeedback":false}')`).run(templateId, now, now);
  const cycle = db.prepare(`INSERT INTO review_cycle (id, created_at, updated_at, version, name, period_start, period_end, rating_scale_id, template_id, population, due_date, status, launched_at, levels_snapshot, sections_snapshot, steps_snapshot)
    VALUES (@id, @now, @now, 1, @name, @start, @end, @scaleId, @templateId, '{"departmentIds":[],"jobIds":[],"employeeIds":[]}', @due, @status, @now, @levels, '[]', '{}')`);
  const review = db.prepare(`INSERT INTO review (id, created_at, updated_at, version, cycle_id, employee_id, manager_id, job_id, department_id, status, completed_at, computed_rating, final_rating)
    VALUES (@id, @now, @now, 1, @cycleId, @employeeId, @managerId, @jobId, @departmentId, @status, @completedAt, @rating, @rating)`);
  return Array.from({ length: CYCLES }, (_, c) => {
    const year = 2023 + c;
    const id = rng.uuid();
    const current = c === CYCLES - 1;
    cycle.run({ id, now, name: `${year} annual review`, start: `${year}-01-01`, end: `${year}-12-31`, scaleId, templateId, due: `${year + 1}-01-31`, status: current ? 'active' : 'closed', levels });
    for (const e of employees) {
      const status = current ? rng.pick(STATUSES) : 'complete';
      const done = status === 'complete';
      const rated = done || status === 'final_review';
      const rating = rated ? Math.round(Math.max(1, Math.min(5, 3 + (rng.next() + rng.next() + rng.next() - 1.5) * 1.6)) * 100) / 100 : null;
      const completedAt = done ? `${year + 1}-0${1 + rng.int(2)}-${String(1 + rng.int(28)).padStart(2, '0')}T10:00:00.000Z` : null;
      review.run({ id: rng.uuid(), now, cycleId: id, employeeId: e.id, managerId: e.managerId, jobId: e.jobId, departmentId: e.departmentId, status, completedAt, rating });
    }
    return id;
  });
}

type Rng = ReturnType<typeof random>;
