import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './kit';

/*
 * Tallies that keep the organisation-wide analytics current on write (docs/decisions.md, "Analytics
 * read tallies kept by triggers"), and indexes for the people page's sorts.
 *
 * Gap tallies count the (active employee, requirement of their job) pairs of unarchived skills by
 * the levels involved, not by their factors, so editing a rating model changes nothing here:
 *   skill_gap_tally       skill × required level × current level (0 = none) → pairs
 *   department_gap_tally  department × rating model → pairs, pairs at or above the required level,
 *                         and unrated pairs requiring level 1 (met when level 1 has factor 0)
 * "Current" is the newest recorded level (employee_skill_latest); the service corrects the few
 * pairs whose newest entry is dated after the day asked about.
 *
 * review_progress_tally counts a cycle's reviews by department ('' = none), a column per status,
 * with the completed ones on time or late against the cycle's due date.
 *
 * Triggers on every table the figures read keep them in the writing transaction, whichever path
 * writes (services, imports, the demo loader, another tool). This file is frozen: a later change
 * is a new migration. The same definitions, for rebuilding, are in services/shared/bulk-load.ts.
 */
export class AnalyticsTallies0014 implements MigrationInterface {
  name = migrationName('AnalyticsTallies', 14);

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of [...TABLES, ...GAP_TRIGGERS, ...PROGRESS_TRIGGERS, ...INDEXES, ...BACKFILL]) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of TRIGGER_NAMES) await runner.query(`DROP TRIGGER IF EXISTS ${name}`);
    for (const table of ['skill_gap_tally', 'department_gap_tally', 'review_progress_tally']) await runner.query(`DROP TABLE IF EXISTS ${table}`);
    for (const index of INDEX_NAMES) await runner.query(`DROP INDEX IF EXISTS ${index}`);
    await runner.query(`CREATE INDEX employee_name ON employee (last_name COLLATE NOCASE, first_name COLLATE NOCASE)`);
  }
}

const TABLES = [
  `CREATE TABLE skill_gap_tally (
     skill_id TEXT NOT NULL, required_level INTEGER NOT NULL, current_level INTEGER NOT NULL, pairs INTEGER NOT NULL,
     PRIMARY KEY (skill_id, required_level, current_level)) WITHOUT ROWID`,
  `CREATE TABLE department_gap_tally (
     department_id TEXT NOT NULL, rating_model_id TEXT NOT NULL, pairs INTEGER NOT NULL, at_or_above INTEGER NOT NULL, unrated_at_level_one INTEGER NOT NULL,
     PRIMARY KEY (department_id, rating_model_id)) WITHOUT ROWID`,
  `CREATE TABLE review_progress_tally (
     cycle_id TEXT NOT NULL, department_id TEXT NOT NULL,
     not_started INTEGER NOT NULL, in_progress INTEGER NOT NULL, ready_for_review INTEGER NOT NULL, final_review INTEGER NOT NULL, complete INTEGER NOT NULL,
     on_time INTEGER NOT NULL, late INTEGER NOT NULL,
     PRIMARY KEY (cycle_id, department_id)) WITHOUT ROWID`,
  // Finds the newest levels dated after a day (future-dated entries) without a scan.
  `CREATE INDEX employee_skill_latest_effective ON employee_skill_latest (effective_date)`,
];

// ---- Gap tallies ---------------------------------------------------------------------------------
// Every source selects the pairs it changes as (department_id, skill_id, rating_model_id,
// required_level, current_level), reading OLD or NEW for the row that changed.

const ACTIVE = (e: string) => `${e}.archived = 0 AND ${e}.status <> 'terminated'`;

const pairsOfEmployee = (row: 'OLD' | 'NEW') => `
  SELECT ${row}.department_id AS department_id, js.skill_id, s.rating_model_id, js.level AS required_level, coalesce(lt.level, 0) AS current_level
    FROM job_skill js
    JOIN skill s ON s.id = js.skill_id AND s.archived = 0
    LEFT JOIN employee_skill_latest lt ON lt.employee_id = ${row}.id AND lt.skill_id = js.skill_id
   WHERE js.job_id = ${row}.job_id AND ${ACTIVE(row)}`;

const pairsOfRequirement = (row: 'OLD' | 'NEW') => `
  SELECT e.department_id, ${row}.skill_id AS skill_id, s.rating_model_id, ${row}.level AS required_level, coalesce(lt.level, 0) AS current_level
    FROM employee e
    JOIN skill s ON s.id = ${row}.skill_id AND s.archived = 0
    LEFT JOIN employee_skill_latest lt ON lt.employee_id = e.id AND lt.skill_id = ${row}.skill_id
   WHERE e.job_id = ${row}.job_id AND ${ACTIVE('e')}`;

const pairsOfSkill = (row: 'OLD' | 'NEW') => `
  SELECT e.department_id, js.skill_id, ${row}.rating_model_id AS rating_model_id, js.level AS required_level, coalesce(lt.level, 0) AS current_level
    FROM job_skill js
    JOIN employee e ON e.job_id = js.job_id
    LEFT JOIN employee_skill_latest lt ON lt.employee_id = e.id AND lt.skill_id = js.skill_id
   WHERE js.skill_id = ${row}.id AND ${row}.archived = 0 AND ${ACTIVE('e')}`;

/** The one pair of a newest-level row, at the given current level. */
const pairOfLevel = (row: 'OLD' | 'NEW', level: string) => `
  SELECT e.department_id, js.skill_id, s.rating_model_id, js.level AS required_level, ${level} AS current_level
    FROM employee e
    JOIN job_skill js ON js.job_id = e.job_id AND js.skill_id = ${row}.skill_id
    JOIN skill s ON s.id = js.skill_id AND s.archived = 0
   WHERE e.id = ${row}.employee_id AND ${ACTIVE('e')}`;

const tallyPairs = (sign: 1 | -1, source: string) => {
  const signed = (sql: string) => (sign < 0 ? `-${sql}` : sql);
  return [
  `INSERT INTO skill_gap_tally (skill_id, required_level, current_level, pairs)
     SELECT skill_id, required_level, current_level, ${signed('count(*)')} FROM (${source}) GROUP BY skill_id, required_level, current_level
     ON CONFLICT (skill_id, required_level, current_level) DO UPDATE SET pairs = pairs + excluded.pairs`,
  `INSERT INTO department_gap_tally (department_id, rating_model_id, pairs, at_or_above, unrated_at_level_one)
     SELECT department_id, rating_model_id, ${signed('count(*)')}, ${signed('sum(current_level >= required_level)')}, ${signed('sum(current_level = 0 AND required_level = 1)')}
       FROM (${source}) WHERE department_id IS NOT NULL GROUP BY department_id, rating_model_id
     ON CONFLICT (department_id, rating_model_id) DO UPDATE SET pairs = pairs + excluded.pairs,
        at_or_above = at_or_above + excluded.at_or_above, unrated_at_level_one = unrated_at_level_one + excluded.unrated_at_level_one`,
  ];
};

const trigger = (name: string, event: string, body: string[], when?: string) =>
  `CREATE TRIGGER ${name} ${event}${when ? ` WHEN ${when}` : ''} BEGIN\n${body.map((sql) => `  ${sql};`).join('\n')}\nEND`;

const changed = (...columns: string[]) => columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

const GAP_TRIGGERS = [
  trigger('gap_tally_employee_insert', 'AFTER INSERT ON employee', tallyPairs(1, pairsOfEmployee('NEW'))),
  trigger('gap_tally_employee_update', 'AFTER UPDATE OF job_id, department_id, status, archived ON employee',
    [...tallyPairs(-1, pairsOfEmployee('OLD')), ...tallyPairs(1, pairsOfEmployee('NEW'))], changed('job_id', 'department_id', 'status', 'archived')),
  trigger('gap_tally_employee_delete', 'AFTER DELETE ON employee', tallyPairs(-1, pairsOfEmployee('OLD'))),
  trigger('gap_tally_requirement_insert', 'AFTER INSERT ON job_skill', tallyPairs(1, pairsOfRequirement('NEW'))),
  trigger('gap_tally_requirement_update', 'AFTER UPDATE OF job_id, skill_id, level ON job_skill',
    [...tallyPairs(-1, pairsOfRequirement('OLD')), ...tallyPairs(1, pairsOfRequirement('NEW'))], changed('job_id', 'skill_id', 'level')),
  trigger('gap_tally_requirement_delete', 'AFTER DELETE ON job_skill', tallyPairs(-1, pairsOfRequirement('OLD'))),
  trigger('gap_tally_skill_update', 'AFTER UPDATE OF archived, rating_model_id ON skill',
    [...tallyPairs(-1, pairsOfSkill('OLD')), ...tallyPairs(1, pairsOfSkill('NEW'))], changed('archived', 'rating_model_id')),
  trigger('gap_tally_skill_delete', 'AFTER DELETE ON skill', tallyPairs(-1, pairsOfSkill('OLD'))),
  trigger('gap_tally_level_insert', 'AFTER INSERT ON employee_skill_latest',
    [...tallyPairs(-1, pairOfLevel('NEW', '0')), ...tallyPairs(1, pairOfLevel('NEW', 'coalesce(NEW.level, 0)'))], 'NEW.level IS NOT NULL'),
  trigger('gap_tally_level_update', 'AFTER UPDATE OF employee_id, skill_id, level ON employee_skill_latest',
    [...tallyPairs(-1, pairOfLevel('OLD', 'coalesce(OLD.level, 0)')), ...tallyPairs(1, pairOfLevel('NEW', 'coalesce(NEW.level, 0)'))], changed('employee_id', 'skill_id', 'level')),
  trigger('gap_tally_level_delete', 'AFTER DELETE ON employee_skill_latest',
    [...tallyPairs(-1, pairOfLevel('OLD', 'coalesce(OLD.level, 0)')), ...tallyPairs(1, pairOfLevel('OLD', '0'))], 'OLD.level IS NOT NULL'),
];

// ---- Review progress tally --------------------------------------------------------------------------

const STATUSES = ['not_started', 'in_progress', 'ready_for_review', 'final_review', 'complete'];
const PROGRESS_COLUMNS = `cycle_id, department_id, ${STATUSES.join(', ')}, on_time, late`;
const ADD_PROGRESS = `ON CONFLICT (cycle_id, department_id) DO UPDATE SET ${[...STATUSES, 'on_time', 'late'].map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;

const tallyReview = (sign: 1 | -1, row: 'OLD' | 'NEW') =>
  `INSERT INTO review_progress_tally (${PROGRESS_COLUMNS})
     SELECT ${row}.cycle_id, coalesce(${row}.department_id, ''), ${STATUSES.map((status) => `${sign} * (${row}.status = '${status}')`).join(', ')},
            ${sign} * coalesce(${row}.status = 'complete' AND substr(${row}.completed_at, 1, 10) <= c.due_date, 0),
            ${sign} * coalesce(${row}.status = 'complete' AND substr(${row}.completed_at, 1, 10) > c.due_date, 0)
       FROM review_cycle c WHERE c.id = ${row}.cycle_id
     ${ADD_PROGRESS}`;

const progressOfCycles = (where: string) =>
  `INSERT INTO review_progress_tally (${PROGRESS_COLUMNS})
     SELECT r.cycle_id, coalesce(r.department_id, ''), ${STATUSES.map((status) => `sum(r.status = '${status}')`).join(', ')},
            coalesce(sum(r.status = 'complete' AND substr(r.completed_at, 1, 10) <= c.due_date), 0),
            coalesce(sum(r.status = 'complete' AND substr(r.completed_at, 1, 10) > c.due_date), 0)
       FROM review r JOIN review_cycle c ON c.id = r.cycle_id
      WHERE ${where}
      GROUP BY r.cycle_id, coalesce(r.department_id, '')`;

const PROGRESS_TRIGGERS = [
  trigger('progress_tally_review_insert', 'AFTER INSERT ON review', [tallyReview(1, 'NEW')]),
  trigger('progress_tally_review_update', 'AFTER UPDATE OF cycle_id, department_id, status, completed_at ON review',
    [tallyReview(-1, 'OLD'), tallyReview(1, 'NEW')], changed('cycle_id', 'department_id', 'status', 'completed_at')),
  trigger('progress_tally_review_delete', 'AFTER DELETE ON review', [tallyReview(-1, 'OLD')]),
  // On time or late is judged against the due date: moving it recounts that cycle.
  trigger('progress_tally_cycle_due_date', 'AFTER UPDATE OF due_date ON review_cycle',
    [`DELETE FROM review_progress_tally WHERE cycle_id = NEW.id`, progressOfCycles('r.cycle_id = NEW.id')], changed('due_date')),
];

const TRIGGER_NAMES = [...GAP_TRIGGERS, ...PROGRESS_TRIGGERS].map((sql) => /CREATE TRIGGER (\w+)/.exec(sql)![1]);

// ---- People page indexes ----------------------------------------------------------------------------
// One index per sort of the people page, ending in the id the page breaks ties with (and `archived`,
// so the default filter and skipped rows read the index alone): a page of 100 walks the index in
// order instead of sorting everyone (employee_number has its unique index). The filters' index
// answers the page's count, with or without a department filter, from the index alone; it does not
// lead with `archived`, or SQLite (without statistics) would take it for a narrow filter and sort.

const INDEXES = [
  `DROP INDEX employee_name`,
  `CREATE INDEX employee_name ON employee (last_name COLLATE NOCASE, first_name COLLATE NOCASE, id, archived)`,
  `CREATE INDEX employee_first_name ON employee (first_name COLLATE NOCASE, id, archived)`,
  `CREATE INDEX employee_hire_date ON employee (hire_date, id, archived)`,
  `CREATE INDEX employee_email ON employee (email, id, archived)`,
  `CREATE INDEX employee_status ON employee (status, id, archived)`,
  `CREATE INDEX employee_location ON employee (location, id, archived)`,
  `CREATE INDEX employee_filters ON employee (department_id, archived, status, job_id, location)`,
];

const INDEX_NAMES = ['employee_skill_latest_effective', 'employee_name', 'employee_first_name', 'employee_hire_date', 'employee_email', 'employee_status', 'employee_location', 'employee_filters'];

// ---- Backfill from the data already there ----------------------------------------------------------------

const ALL_PAIRS = `
  SELECT e.department_id, js.skill_id, s.rating_model_id, js.level AS required_level, coalesce(lt.level, 0) AS current_level
    FROM employee e
    JOIN job_skill js ON js.job_id = e.job_id
    JOIN skill s ON s.id = js.skill_id AND s.archived = 0
    LEFT JOIN employee_skill_latest lt ON lt.employee_id = e.id AND lt.skill_id = js.skill_id
   WHERE ${ACTIVE('e')}`;

const BACKFILL = [...tallyPairs(1, ALL_PAIRS), progressOfCycles('1')];
