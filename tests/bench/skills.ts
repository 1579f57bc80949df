// Skills analytics at scale: org-wide gap summary (today, from the tallies; and on a past day, with
// corrections), a ~500-person department heatmap and a 3-skill search, each against a hand-written
// raw better-sqlite3 floor on the same file.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createAppHost } from '../../src-main/app-host';
import { generateDemoOrganisation, insertDemoOrganisation } from '../../src-main/services/people/demo';
import { random } from '../../src-main/services/shared/demo';
import type { ServiceContext } from '../../src-main/services/context';
import { getHeatmap, getOrgGapSummary } from '../../src-main/services/skills/gaps';
import { getSkillKpis } from '../../src-main/services/insights/skill-kpis';
import { searchBySkills } from '../../src-main/services/skills/search';
import { todayIso } from '../../src-shared/domain/dates';
import type { Store } from '../../src-main/store/data-source';
import { withDerivedTablesRebuilt } from '../../src-main/services/shared/bulk-load';
import type { BenchFiles } from './files';
import type { BenchRow } from './run';
import { EMPLOYEES, SIZE } from './size';
import { time as timeRuns } from './timing';

const RUNS = 20;
const SKILLS = 600;
const JOBS = 250;
const REQUIREMENTS_PER_JOB = 8;
const AS_OF = '2025-06-30';
/** Past days: one with a tenth of the levels dated later, one before most of them (before migration 18 the first was corrected, the second recomputed). */
const PAST_DAYS = ['2024-06-30', '2023-06-30'];

export async function benchSkills(dir: string, files: BenchFiles): Promise<BenchRow[]> {
  const file = path.join(dir, `skills${files.encrypted ? '-encrypted' : ''}.sqlite`);
  const app = await createAppHost(file, files.hostOptions);
  try {
    const dataset = buildDataset(app.store().raw);
    const ctx = readContext(app.store());
    const floorDb = files.openRaw(file, { readonly: true });
    try {
      return [
        ...(await benchSummary(ctx, floorDb)),
        await benchHeatmap(ctx, floorDb, dataset.departmentId, dataset.departmentSize),
        await benchSearch(ctx, floorDb, dataset.searchSkills),
      ];
    } finally {
      floorDb.close();
    }
  } finally {
    await app.close();
  }
}

async function benchSummary(ctx: ServiceContext, floorDb: Database.Database): Promise<BenchRow[]> {
  const today = await time(() => getOrgGapSummary(ctx, { limit: 10 }));
  const tallyFloor = floorDb.prepare(FLOOR_TALLIES_SQL);
  const tallies = await time(() => tallyFloor.all());
  const recompute = floorDb.prepare(FLOOR_RECOMPUTE_SQL);
  const pairs = `${SIZE} employees × ${REQUIREMENTS_PER_JOB} requirements`;
  const pastRows: BenchRow[] = [];
  for (const day of PAST_DAYS) {
    const recomputed = await timeRuns(3, () => recompute.all({ asOf: day }));
    const { later, tallied } = floorDb
      .prepare(`SELECT (SELECT count(*) FROM employee_skill_latest WHERE effective_date > ?) AS later, (SELECT sum(pairs) FROM skill_gap_tally) AS tallied`)
      .get(day) as { later: number; tallied: number };
    const past = await timeRuns(5, () => getOrgGapSummary(ctx, { asOf: day, limit: 10 }));
    pastRows.push(row(`skills: org-wide gap summary on ${day} (${later.toLocaleString('en')} of ${tallied.toLocaleString('en')} newest levels dated later)`, past, recomputed, null,
      'floor: raw recomputation from the people on that day (totals, per skill, per department)'));
  }
  const recomputedToday = await timeRuns(3, () => recompute.all({ asOf: todayIso() }));
  return [
    row(`skills: org-wide gap summary today (${pairs})`, today, tallies, 150,
      `floor: raw read of the tallies by skill and department (no names, no ranking); recomputing from the people instead: ${round(recomputedToday)} ms raw`),
    ...pastRows,
  ];
}

async function benchHeatmap(ctx: ServiceContext, floorDb: Database.Database, departmentId: string, size: number): Promise<BenchRow> {
  const service = await time(() => getHeatmap(ctx, { departmentId, includeSubdepartments: true, asOf: AS_OF }));
  const floorQuery = floorDb.prepare(FLOOR_HEATMAP_SQL);
  const floor = await time(() => floorQuery.all({ asOf: AS_OF, departmentId }));
  return row(`skills: department heatmap (${size} employees, with sub-departments)`, service, floor, 50, 'floor: raw cells with current level (no names, no factors)');
}

async function benchSearch(ctx: ServiceContext, floorDb: Database.Database, skillIds: string[]): Promise<BenchRow> {
  const criteria = skillIds.map((skillId, i) => ({ skillId, minLevel: 3, weight: i + 1 }));
  const service = await time(() => searchBySkills(ctx, { criteria, asOf: AS_OF }));
  const floorQuery = floorDb.prepare(FLOOR_SEARCH_SQL);
  const floor = await time(() => floorQuery.all({ asOf: AS_OF, s1: skillIds[0], s2: skillIds[1], s3: skillIds[2] }));
  return row(`skills: search by 3 skills (${SIZE} employees, top 100)`, service, floor, 50, 'floor: raw ranking with the criteria written into the SQL');
}

// ---- The demo organisation's own level history ---------------------------------------------------

/**
 * Skill KPIs (Insights: growth over the last year and today's coverage) and the org gap summary a year
 * back, on the demo organisation the people page loaded (its skills, jobs and ~14 level entries a
 * person, most of them in the last two years), through the services as the pages call them. Floors:
 * the same reads written by hand on a raw read-only connection (growth by month and who grew; the
 * tallies with the later steps taken back, grouped by skill and department, without names or ranking),
 * and, in the note, what recomputing from the people costs raw.
 */
export async function benchSkillHistory(dbPath: string, files: BenchFiles): Promise<BenchRow[]> {
  const app = await createAppHost(dbPath, files.hostOptions);
  try {
    const ctx = readContext(app.store());
    const floorDb = files.openRaw(dbPath, { readonly: true });
    try {
      const to = todayIso();
      const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
      const kpis = await timeRuns(RUNS, () => getSkillKpis(ctx, {}));
      const growth = floorDb.prepare(FLOOR_GROWTH_SQL);
      const whoGrew = floorDb.prepare(FLOOR_WHO_GREW_SQL);
      const tallyFloor = floorDb.prepare(FLOOR_TALLIES_SQL);
      const kpiFloor = await timeRuns(RUNS, () => {
        growth.all({ from, to });
        whoGrew.get({ from, to });
        tallyFloor.all();
      });
      const { rises, entries } = floorDb.prepare(`SELECT count(*) AS entries, sum(level IS NOT NULL AND (previous_level IS NULL OR level > previous_level)) AS rises
        FROM employee_skill WHERE effective_date BETWEEN ? AND ?`).get(from, to) as { rises: number; entries: number };
      const past = await timeRuns(RUNS, () => getOrgGapSummary(ctx, { asOf: from, limit: 10 }));
      const pastFloorQuery = floorDb.prepare(FLOOR_PAST_DAY_SQL);
      const params = pastDayParams(floorDb, from);
      const pastFloor = await timeRuns(RUNS, () => pastFloorQuery.all(params));
      const recompute = floorDb.prepare(FLOOR_RECOMPUTE_SQL);
      const recomputed = await timeRuns(3, () => recompute.all({ asOf: from }));
      const { later, pairs } = floorDb.prepare(`SELECT (SELECT count(*) FROM employee_skill_latest WHERE effective_date > ?) AS later, (SELECT sum(pairs) FROM skill_gap_tally) AS pairs`).get(from) as { later: number; pairs: number };
      return [
        row(`insights: skill KPIs, last year to today (demo history: ${entries.toLocaleString('en')} entries in the period, ${rises.toLocaleString('en')} rises)`, kpis, kpiFloor, 300,
          'floor: raw growth by month, who grew, and the tallies read by skill and department (no names, no ranking)'),
        row(`skills: org-wide gap summary a year back, ${from} (demo history: ${later.toLocaleString('en')} of ${pairs.toLocaleString('en')} pairs changed since)`, past, pastFloor, 300,
          `floor: raw tallies with the later steps taken back (no names, no ranking); recomputing from the people raw: ${round(recomputed)} ms`),
      ];
    } finally {
      floorDb.close();
    }
  } finally {
    await app.close();
  }
}

/** The side of the day's month with fewer entries is read from the history, as the service chooses. */
function pastDayParams(db: Database.Database, asOf: string) {
  const month = asOf.slice(0, 7);
  const count = db.prepare(`SELECT count(*) AS n FROM employee_skill WHERE effective_date > ? AND effective_date <= ?`);
  const later = (count.get(asOf, `${month}-99`) as { n: number }).n;
  const earlier = (count.get(`${month}-00`, asOf) as { n: number }).n;
  const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 7);
  return later <= earlier ? { fromMonth: next, after: asOf, upTo: `${month}-99`, sign: 1 } : { fromMonth: month, after: `${month}-00`, upTo: asOf, sign: -1 };
}

// ---- Floors: the same answers written by hand for this dataset, on a read-only connection ----
// The heatmap floor reads employee_skill_latest only (every level in the dataset is dated before
// AS_OF), so it is a lower bound: the service also handles later-dated entries.

// What the summary reads now: the tallies grouped by skill (with factors) and by department.
const FLOOR_TALLIES_SQL = `
  SELECT t.skill_id, sum(t.pairs), sum(t.pairs * (rf.factor <= coalesce(cf.factor, 0))), sum(t.pairs * max(0, rf.factor - coalesce(cf.factor, 0)))
    FROM skill_gap_tally t JOIN skill s ON s.id = t.skill_id
    JOIN rating_level rf ON rf.rating_model_id = s.rating_model_id AND rf.value = t.required_level
    LEFT JOIN rating_level cf ON cf.rating_model_id = s.rating_model_id AND cf.value = t.current_level
   GROUP BY t.skill_id
  UNION ALL
  SELECT department_id, sum(pairs), sum(at_or_above), NULL FROM department_gap_tally GROUP BY department_id`;

// Skill growth: rises (an entry above its previous level, or after none or a removal) by day, then month.
const FLOOR_GROWTH_SQL = `
  SELECT substr(day, 1, 7), sum(n) FROM (
    SELECT effective_date AS day, count(*) AS n FROM employee_skill
     WHERE effective_date BETWEEN @from AND @to AND level IS NOT NULL AND (previous_level IS NULL OR level > previous_level)
     GROUP BY effective_date)
   GROUP BY 1`;

const FLOOR_WHO_GREW_SQL = `
  SELECT count(*) FROM employee e WHERE EXISTS (
    SELECT 1 FROM employee_skill es WHERE es.employee_id = e.id AND es.effective_date BETWEEN @from AND @to
       AND es.level IS NOT NULL AND (es.previous_level IS NULL OR es.level > es.previous_level))`;

// A past day: the tallies, the monthly changes from @fromMonth on taken back, and the steps of the
// history dated after @after and up to @upTo taken back (@sign 1) or put back (-1); totals by skill and department.
const FLOOR_PAST_DAY_SQL = `
  WITH days AS MATERIALIZED (
    SELECT e.department_id, es.skill_id, js.level AS required, coalesce(es.previous_level, 0) AS from_level, coalesce(es.level, 0) AS to_level
      FROM employee_skill es CROSS JOIN employee e INDEXED BY employee_gap_pairs ON e.id = es.employee_id AND e.archived = 0 AND e.status <> 'terminated'
      JOIN job_skill js ON js.job_id = e.job_id AND js.skill_id = es.skill_id JOIN skill s ON s.id = es.skill_id AND s.archived = 0
     WHERE es.effective_date > @after AND es.effective_date <= @upTo AND coalesce(es.previous_level, 0) <> coalesce(es.level, 0))
  SELECT c.skill_id, sum(c.pairs), sum(c.pairs * (rf.factor <= coalesce(cf.factor, 0))) FROM (
      SELECT skill_id, required_level, current_level, pairs FROM skill_gap_tally
      UNION ALL SELECT skill_id, required_level, current_level, -pairs FROM skill_gap_change WHERE month >= @fromMonth
      UNION ALL SELECT skill_id, required, from_level, @sign FROM days
      UNION ALL SELECT skill_id, required, to_level, -@sign FROM days) c
    JOIN skill s ON s.id = c.skill_id
    JOIN rating_level rf ON rf.rating_model_id = s.rating_model_id AND rf.value = c.required_level
    LEFT JOIN rating_level cf ON cf.rating_model_id = s.rating_model_id AND cf.value = c.current_level
   GROUP BY c.skill_id
  UNION ALL
  SELECT department_id, sum(pairs), sum(met) FROM (
      SELECT department_id, pairs, at_or_above AS met FROM department_gap_tally
      UNION ALL SELECT department_id, 0, -at_or_above FROM department_gap_change WHERE month >= @fromMonth
      UNION ALL SELECT department_id, 0, @sign * ((from_level >= required) - (to_level >= required)) FROM days WHERE department_id IS NOT NULL)
   GROUP BY department_id`;

// What every call cost before the tallies: each pair scored from the newest level on or before the day.
const FLOOR_RECOMPUTE_SQL = `
  WITH requirement AS MATERIALIZED (
    SELECT js.job_id, js.skill_id, rf.factor AS required, s.rating_model_id
      FROM job_skill js JOIN skill s ON s.id = js.skill_id AND s.archived = 0
      JOIN rating_level rf ON rf.rating_model_id = s.rating_model_id AND rf.value = js.level),
  pair AS MATERIALIZED (
    SELECT e.department_id, r.skill_id, r.required,
           coalesce((SELECT cf.factor FROM employee_skill es LEFT JOIN rating_level cf ON cf.rating_model_id = r.rating_model_id AND cf.value = es.level
                      WHERE es.employee_id = e.id AND es.skill_id = r.skill_id AND es.effective_date <= @asOf
                      ORDER BY es.effective_date DESC, es.recorded_at DESC LIMIT 1), 0) AS current
      FROM employee e CROSS JOIN requirement r ON r.job_id = e.job_id
     WHERE e.archived = 0 AND e.status <> 'terminated')
  SELECT NULL, count(*), sum(current >= required), NULL FROM pair
  UNION ALL SELECT skill_id, count(*), sum(current >= required), avg(max(0, required - current)) FROM pair GROUP BY skill_id
  UNION ALL SELECT department_id, count(*), sum(current >= required), NULL FROM pair GROUP BY department_id`;

const FLOOR_HEATMAP_SQL = `
  WITH RECURSIVE sub(id) AS (SELECT @departmentId UNION ALL SELECT d.id FROM department d JOIN sub ON d.parent_id = sub.id)
  SELECT e.id, js.skill_id, js.level,
         (SELECT lt.level FROM employee_skill_latest lt WHERE lt.employee_id = e.id AND lt.skill_id = js.skill_id AND lt.effective_date <= @asOf) AS current
    FROM employee e JOIN job_skill js ON js.job_id = e.job_id
   WHERE e.archived = 0 AND e.status <> 'terminated' AND e.department_id IN (SELECT id FROM sub)`;

// Criteria fixed in the SQL: skill s1 at min level 3 weight 1, s2 weight 2, s3 weight 3; all in 5-level models (factor 5 at level 3).
const FLOOR_SEARCH_SQL = `
  WITH crit(skill_id, weight) AS (VALUES (@s1, 1), (@s2, 2), (@s3, 3)),
  latest AS (
    SELECT es.employee_id, es.skill_id, es.level, max(es.effective_date || es.recorded_at)
      FROM employee_skill es WHERE es.skill_id IN (@s1, @s2, @s3) AND es.effective_date <= @asOf
     GROUP BY es.employee_id, es.skill_id),
  scored AS (
    SELECT l.employee_id, sum(c.weight * min(coalesce(rl.factor, 0), 5) / 5.0) * 100.0 / 6 AS match
      FROM latest l JOIN crit c ON c.skill_id = l.skill_id JOIN skill s ON s.id = l.skill_id
      LEFT JOIN rating_level rl ON rl.rating_model_id = s.rating_model_id AND rl.value = l.level
     GROUP BY l.employee_id)
  SELECT e.id, e.first_name, e.last_name, sc.match FROM scored sc JOIN employee e ON e.id = sc.employee_id
   WHERE sc.match > 0 AND e.archived = 0 AND e.status <> 'terminated'
   ORDER BY sc.match DESC, e.last_name, e.first_name LIMIT 100`;

// ---- Dataset ---------------------------------------------------------------------------

interface SkillsDataset {
  departmentId: string;
  departmentSize: number;
  searchSkills: string[];
}

/**
 * The demo organisation's people (inserted directly rather than through admin.loadDemoOrganisation,
 * which also loads demo skills: the measures need this exact, known skills dataset) and on top of
 * them: 2 rating models, ~600 skills, 250 jobs with 8 requirements
 * each (employees spread over them) and ~12 level-history rows per employee.
 */
function buildDataset(db: Database.Database): SkillsDataset {
  const rng = random(7);
  const now = new Date().toISOString();
  let dataset!: SkillsDataset;
  // Built as the demo loader does: the tallies once at the end, not by their triggers row by row.
  db.transaction(() => withDerivedTablesRebuilt(db, () => {
    insertDemoOrganisation(db, generateDemoOrganisation(EMPLOYEES, 42), now);
    const models = insertRatingModels(db, now);
    const skills = insertSkills(db, now, models, rng);
    const jobs = insertJobs(db, now);
    const requirements = insertRequirements(db, now, jobs, skills, rng);
    const employees = spreadEmployees(db, jobs, rng);
    insertLevelHistory(db, employees, requirements, skills, rng);
    dataset = { ...departmentOfAbout(db, 500), searchSkills: popularSkills(db, models.fiveLevels, 3) };
  }))();
  db.exec('ANALYZE');
  return dataset;
}

interface Models {
  fiveLevels: string;
  fourLevels: string;
}

function insertRatingModels(db: Database.Database, now: string): Models {
  const model = db.prepare(`INSERT INTO rating_model (id, name, created_at, updated_at, version) VALUES (?, ?, ?, ?, 1)`);
  const level = db.prepare(`INSERT INTO rating_level (rating_model_id, value, label, factor) VALUES (?, ?, ?, ?)`);
  const models = { fiveLevels: randomUUID(), fourLevels: randomUUID() };
  model.run(models.fiveLevels, 'Bench proficiency (5)', now, now);
  [1, 3, 5, 7, 9].forEach((factor, i) => level.run(models.fiveLevels, i + 1, `P${i + 1}`, factor));
  model.run(models.fourLevels, 'Bench mastery (4)', now, now);
  [0, 3, 6, 9].forEach((factor, i) => level.run(models.fourLevels, i + 1, `M${i + 1}`, factor));
  return models;
}

interface BenchSkill {
  id: string;
  levels: number;
}

function insertSkills(db: Database.Database, now: string, models: Models, rng: Random): BenchSkill[] {
  const type = db.prepare(`INSERT INTO skill_type (id, name, created_at, updated_at, version) VALUES (?, ?, ?, ?, 1)`);
  const skill = db.prepare(`INSERT INTO skill (id, name, skill_type_id, rating_model_id, archived, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`);
  const types = ['Technical', 'Behavioural', 'Language', 'Domain'].map((name) => {
    const id = randomUUID();
    type.run(id, `Bench ${name}`, now, now);
    return id;
  });
  return Array.from({ length: SKILLS }, (_, i) => {
    const fiveLevels = i % 3 !== 2;
    const id = randomUUID();
    skill.run(id, `Bench skill ${i + 1}`, types[i % types.length], fiveLevels ? models.fiveLevels : models.fourLevels, rng.int(50) === 0 ? 1 : 0, now, now);
    return { id, levels: fiveLevels ? 5 : 4 };
  });
}

function insertJobs(db: Database.Database, now: string): string[] {
  const existing = (db.prepare(`SELECT id FROM job`).all() as { id: string }[]).map((r) => r.id);
  const job = db.prepare(`INSERT INTO job (id, title, family, level, created_at, updated_at, version) VALUES (?, ?, 'Bench', 'B1', ?, ?, 1)`);
  const extra = Array.from({ length: Math.max(0, JOBS - existing.length) }, (_, i) => {
    const id = randomUUID();
    job.run(id, `Bench job ${i + 1}`, now, now);
    return id;
  });
  return [...existing, ...extra];
}

type Requirements = Map<string, BenchSkill[]>;

function insertRequirements(db: Database.Database, now: string, jobs: string[], skills: BenchSkill[], rng: Random): Requirements {
  const insert = db.prepare(`INSERT INTO job_skill (id, job_id, skill_id, level, weight, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`);
  const byJob: Requirements = new Map();
  for (const job of jobs) {
    const chosen = new Set<BenchSkill>();
    while (chosen.size < REQUIREMENTS_PER_JOB) chosen.add(rng.pick(skills));
    for (const skill of chosen) insert.run(randomUUID(), job, skill.id, 2 + rng.int(skill.levels - 1), rng.pick([1, 2, 3, 5]), now, now);
    byJob.set(job, [...chosen]);
  }
  return byJob;
}

function spreadEmployees(db: Database.Database, jobs: string[], rng: Random): { id: string; jobId: string }[] {
  const update = db.prepare(`UPDATE employee SET job_id = ? WHERE id = ?`);
  return (db.prepare(`SELECT id FROM employee`).all() as { id: string }[]).map(({ id }) => {
    const jobId = rng.pick(jobs);
    update.run(jobId, id);
    return { id, jobId };
  });
}

/** Per employee: 5 of their job's skills and 1 other, each with 1-3 dated entries (~12 rows a person). */
function insertLevelHistory(db: Database.Database, employees: { id: string; jobId: string }[], requirements: Requirements, skills: BenchSkill[], rng: Random) {
  const insert = db.prepare(`INSERT INTO employee_skill (id, employee_id, skill_id, level, effective_date, source, recorded_at, recorded_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'bench')`);
  const sources = ['self', 'manager', 'assessment', 'course', 'import'];
  for (const employee of employees) {
    const rated = [...requirements.get(employee.jobId)!.slice(0, 5), rng.pick(skills)];
    for (const skill of rated) {
      const entries = 1 + rng.int(3);
      for (let n = 0; n < entries; n++) {
        const date = `${2022 + n}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`;
        const removed = n === entries - 1 && rng.int(20) === 0;
        insert.run(randomUUID(), employee.id, skill.id, removed ? null : 1 + rng.int(skill.levels), date, rng.pick(sources), `${date}T0${rng.int(10)}:00:00.000Z`);
      }
    }
  }
}

/** The department whose subtree headcount is closest to `target`. */
function departmentOfAbout(db: Database.Database, target: number): { departmentId: string; departmentSize: number } {
  const row = db.prepare(`
    WITH RECURSIVE tree(root, id) AS (SELECT id, id FROM department UNION ALL SELECT tree.root, d.id FROM department d JOIN tree ON d.parent_id = tree.id)
    SELECT tree.root AS departmentId, count(e.id) AS departmentSize FROM tree JOIN employee e ON e.department_id = tree.id
     WHERE e.archived = 0 AND e.status <> 'terminated'
     GROUP BY tree.root ORDER BY abs(count(e.id) - ?) LIMIT 1`).get(target) as { departmentId: string; departmentSize: number };
  return row;
}

/** The most rated skills of the 5-level model, so the search has real work to do. */
function popularSkills(db: Database.Database, modelId: string, count: number): string[] {
  const rows = db.prepare(`SELECT es.skill_id AS id FROM employee_skill es JOIN skill s ON s.id = es.skill_id
    WHERE s.rating_model_id = ? AND s.archived = 0 GROUP BY es.skill_id ORDER BY count(*) DESC LIMIT ?`).all(modelId, count) as { id: string }[];
  return rows.map((r) => r.id);
}

// ---- Timing ----------------------------------------------------------------------------

function readContext(store: Store): ServiceContext {
  return {
    manager: store.dataSource.manager,
    store,
    actor: 'bench',
    now: new Date().toISOString(),
    registry: { demoParts: [], recordLabels: {} },
    emit: () => {},
    switchDatabase: async () => store,
  };
}

/** Median of warm runs (3 untimed first). */
const time = (task: () => unknown) => timeRuns(RUNS, task);

const round = (v: number) => Math.round(v * 100) / 100;

function row(name: string, medianMs: number, floorMs: number, budgetMs: number | null, note: string): BenchRow {
  return { name, medianMs: round(medianMs), floorMs: round(floorMs), ratio: round(medianMs / floorMs), budgetMs, note };
}

type Random = ReturnType<typeof random>;

