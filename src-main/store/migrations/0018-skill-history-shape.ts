import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './kit';

/*
 * The level history in a shape that answers "what changed on which day" without a window or a seek per
 * person and skill (docs/decisions.md, "The level history knows each entry's predecessor"):
 *
 *   employee_skill.previous_level, previous_date
 *                          the level and date of the entry before this one for the same person and
 *                          skill, in the order the level in force is read (effective date, then
 *                          recording time, then insertion order = rowid); both NULL for the first
 *                          entry. An entry is a step from previous_level to level on its date.
 *   skill_gap_change       per month of the steps' dates: skill × required level × level → the net
 *                          change those steps made to skill_gap_tally's pairs (+1 at the new level,
 *                          -1 at the old), counted over the same pairs (active employee, requirement
 *                          of their job, unarchived skill).
 *   department_gap_change  per month: department × rating model → the change to at_or_above and to
 *                          unrated_at_level_one of department_gap_tally.
 *
 * The tallies of migration 14 hold each pair at its newest level; the summary for a past day takes
 * back the steps dated after it: whole months from the change tables, the days of the day's own month
 * from the history through employee_skill_by_date. Skill growth (Insights) counts the entries in a
 * period that rise above their previous level, and the people with one through employee_skill_rises.
 * The lookup index of migration 2 gains previous_level (a person's steps from the index alone), a
 * covering index gives each step's person (employee_gap_pairs), and migration 14's index on the newest
 * levels' dates, which nothing reads now, goes.
 *
 * Triggers keep all of it in the writing transaction, whichever path writes: an entry inserted, edited
 * or deleted (a back-dated one re-links its successor; the newest level of migration 2 is recomputed
 * for edits and deletes, which it did not follow), and every change the gap tallies follow (an
 * employee's job, department, status or archived flag; requirements; a skill archived or moved to
 * another model). This file is frozen: a later change is a new migration. The same definitions, for
 * rebuilding after a bulk load, are in services/shared/skill-history-rebuild.ts.
 */
export class SkillHistoryShape0018 implements MigrationInterface {
  name = migrationName('SkillHistoryShape', 18);

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of [...COLUMNS, ...BACKFILL_PREVIOUS, ...LOOKUP, ...TABLES, ...BACKFILL_CHANGES, ...INDEXES, ...PREVIOUS_TRIGGERS, ...CHANGE_TRIGGERS]) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of TRIGGER_NAMES) await runner.query(`DROP TRIGGER IF EXISTS ${name}`);
    for (const index of ['employee_gap_pairs', 'employee_skill_rises', 'employee_skill_by_date', 'employee_skill_lookup']) await runner.query(`DROP INDEX IF EXISTS ${index}`);
    await runner.query(`CREATE INDEX employee_skill_lookup ON employee_skill (employee_id, skill_id, effective_date, recorded_at, level)`);
    await runner.query(`CREATE INDEX employee_skill_latest_effective ON employee_skill_latest (effective_date)`);
    for (const table of ['skill_gap_change', 'department_gap_change']) await runner.query(`DROP TABLE IF EXISTS ${table}`);
    await runner.query(`ALTER TABLE employee_skill DROP COLUMN previous_date`);
    await runner.query(`ALTER TABLE employee_skill DROP COLUMN previous_level`);
  }
}

const COLUMNS = [
  `ALTER TABLE employee_skill ADD COLUMN previous_level INTEGER`,
  `ALTER TABLE employee_skill ADD COLUMN previous_date TEXT`,
];

// ---- Each entry's predecessor ------------------------------------------------------------------------

/** The entries of one person and skill, newest first, as the level in force is read. */
const NEWEST_FIRST = (alias: string) => `${alias}.effective_date DESC, ${alias}.recorded_at DESC, ${alias}.rowid DESC`;

/** Sets previous_level and previous_date of the rows whose rowids `rowids` lists, from the entry just before each. */
const relink = (rowids: string) => `
  UPDATE employee_skill SET (previous_level, previous_date) = (
      SELECT p.level, p.effective_date FROM employee_skill p
       WHERE p.employee_id = employee_skill.employee_id AND p.skill_id = employee_skill.skill_id
         AND (p.effective_date, p.recorded_at, p.rowid) < (employee_skill.effective_date, employee_skill.recorded_at, employee_skill.rowid)
       ORDER BY ${NEWEST_FIRST('p')} LIMIT 1)
   WHERE rowid IN (${rowids})`;

/** The rowid of the entry just after `row`'s place (in `row`'s person and skill), as the table is now. */
const successor = (row: 'OLD' | 'NEW') => `
  SELECT s.rowid FROM employee_skill s
   WHERE s.employee_id = ${row}.employee_id AND s.skill_id = ${row}.skill_id
     AND (s.effective_date, s.recorded_at, s.rowid) > (${row}.effective_date, ${row}.recorded_at, ${row}.rowid)
   ORDER BY s.effective_date, s.recorded_at, s.rowid LIMIT 1`;

/**
 * The newest entry of `row`'s person and skill into employee_skill_latest (migration 2 keeps it on
 * insert; an edit or a delete can make an older entry the newest, or leave none). The gap tallies
 * follow employee_skill_latest through their own triggers.
 */
const recomputeLatest = (row: 'OLD' | 'NEW') => [
  `DELETE FROM employee_skill_latest WHERE employee_id = ${row}.employee_id AND skill_id = ${row}.skill_id
     AND NOT EXISTS (SELECT 1 FROM employee_skill es WHERE es.employee_id = ${row}.employee_id AND es.skill_id = ${row}.skill_id)`,
  `INSERT INTO employee_skill_latest (employee_id, skill_id, level, effective_date, recorded_at)
     SELECT es.employee_id, es.skill_id, es.level, es.effective_date, es.recorded_at FROM employee_skill es
      WHERE es.employee_id = ${row}.employee_id AND es.skill_id = ${row}.skill_id
      ORDER BY ${NEWEST_FIRST('es')} LIMIT 1
     ON CONFLICT (employee_id, skill_id) DO UPDATE SET level = excluded.level, effective_date = excluded.effective_date, recorded_at = excluded.recorded_at`,
];

const trigger = (name: string, event: string, body: string[], when?: string) =>
  `CREATE TRIGGER ${name} ${event}${when ? ` WHEN ${when}` : ''} BEGIN\n${body.map((sql) => `  ${sql};`).join('\n')}\nEND`;

const changed = (...columns: string[]) => columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

// The order columns: moving an entry in its history (or to another person or skill) re-links where it
// left and where it arrived. Setting previous_* (below) is not one of them, so these never fire themselves.
const ORDER_COLUMNS = ['employee_id', 'skill_id', 'effective_date', 'recorded_at', 'level'];

const PREVIOUS_TRIGGERS = [
  trigger('skill_history_previous_insert', 'AFTER INSERT ON employee_skill', [relink(`NEW.rowid, (${successor('NEW')})`)]),
  trigger('skill_history_previous_update', `AFTER UPDATE OF ${ORDER_COLUMNS.join(', ')} ON employee_skill`,
    [relink(`NEW.rowid, (${successor('NEW')}), (${successor('OLD')})`), ...recomputeLatest('OLD'), ...recomputeLatest('NEW')], changed(...ORDER_COLUMNS)),
  trigger('skill_history_previous_delete', 'AFTER DELETE ON employee_skill', [relink(`(${successor('OLD')})`), ...recomputeLatest('OLD')]),
];

// Every row gets its predecessor in one window pass, staged and written in rowid order.
const BACKFILL_PREVIOUS = [
  `CREATE TEMP TABLE skill_history_previous AS
     SELECT id, previous_level, previous_date FROM (
       SELECT rowid AS id, lag(level) OVER w AS previous_level, lag(effective_date) OVER w AS previous_date
         FROM employee_skill WINDOW w AS (PARTITION BY employee_id, skill_id ORDER BY effective_date, recorded_at, rowid))
      WHERE previous_date IS NOT NULL ORDER BY id`,
  `UPDATE employee_skill SET previous_level = p.previous_level, previous_date = p.previous_date
     FROM temp.skill_history_previous p WHERE p.id = employee_skill.rowid`,
  `DROP TABLE temp.skill_history_previous`,
];

// ---- Changes by month --------------------------------------------------------------------------------
// Every source selects the steps it changes as (month, department_id, skill_id, rating_model_id,
// required_level, from_level, to_level), reading OLD or NEW for the row that changed; a step that keeps
// the level changes nothing and is left out.

const TABLES = [
  `CREATE TABLE skill_gap_change (
     month TEXT NOT NULL, skill_id TEXT NOT NULL, required_level INTEGER NOT NULL, current_level INTEGER NOT NULL, pairs INTEGER NOT NULL,
     PRIMARY KEY (month, skill_id, required_level, current_level)) WITHOUT ROWID`,
  `CREATE TABLE department_gap_change (
     month TEXT NOT NULL, department_id TEXT NOT NULL, rating_model_id TEXT NOT NULL, at_or_above INTEGER NOT NULL, unrated_at_level_one INTEGER NOT NULL,
     PRIMARY KEY (month, department_id, rating_model_id)) WITHOUT ROWID`,
];

const ACTIVE = (e: string) => `${e}.archived = 0 AND ${e}.status <> 'terminated'`;
const STEP = (es: string) => `substr(${es}.effective_date, 1, 7) AS month`;
const FROM_TO = (es: string) => `coalesce(${es}.previous_level, 0) AS from_level, coalesce(${es}.level, 0) AS to_level`;
const MOVES = (es: string) => `coalesce(${es}.previous_level, 0) <> coalesce(${es}.level, 0)`;

/** The step of one history row, for the pair of its person and skill (if their job requires it). */
const stepsOfEntry = (row: 'OLD' | 'NEW') => `
  SELECT ${STEP(row)}, e.department_id, js.skill_id, s.rating_model_id, js.level AS required_level, ${FROM_TO(row)}
    FROM employee e
    JOIN job_skill js ON js.job_id = e.job_id AND js.skill_id = ${row}.skill_id
    JOIN skill s ON s.id = js.skill_id AND s.archived = 0
   WHERE e.id = ${row}.employee_id AND ${ACTIVE('e')} AND ${MOVES(row)}`;

const stepsOfEmployee = (row: 'OLD' | 'NEW') => `
  SELECT ${STEP('es')}, ${row}.department_id AS department_id, js.skill_id, s.rating_model_id, js.level AS required_level, ${FROM_TO('es')}
    FROM job_skill js
    JOIN skill s ON s.id = js.skill_id AND s.archived = 0
    JOIN employee_skill es ON es.employee_id = ${row}.id AND es.skill_id = js.skill_id
   WHERE js.job_id = ${row}.job_id AND ${ACTIVE(row)} AND ${MOVES('es')}`;

// The people of the job first, then each one's entries for the skill (CROSS JOIN keeps that order: without
// statistics SQLite would read every entry of the skill and look its person up).
const stepsOfRequirement = (row: 'OLD' | 'NEW') => `
  SELECT ${STEP('es')}, e.department_id, ${row}.skill_id AS skill_id, s.rating_model_id, ${row}.level AS required_level, ${FROM_TO('es')}
    FROM skill s
    CROSS JOIN employee e
    CROSS JOIN employee_skill es ON es.employee_id = e.id AND es.skill_id = ${row}.skill_id
   WHERE s.id = ${row}.skill_id AND s.archived = 0 AND e.job_id = ${row}.job_id AND ${ACTIVE('e')} AND ${MOVES('es')}`;

const stepsOfSkill = (row: 'OLD' | 'NEW') => `
  SELECT ${STEP('es')}, e.department_id, js.skill_id, ${row}.rating_model_id AS rating_model_id, js.level AS required_level, ${FROM_TO('es')}
    FROM job_skill js
    CROSS JOIN employee e ON e.job_id = js.job_id
    CROSS JOIN employee_skill es ON es.employee_id = e.id AND es.skill_id = js.skill_id
   WHERE js.skill_id = ${row}.id AND ${row}.archived = 0 AND ${ACTIVE('e')} AND ${MOVES('es')}`;

const ALL_STEPS = `
  SELECT ${STEP('es')}, e.department_id, js.skill_id, s.rating_model_id, js.level AS required_level, ${FROM_TO('es')}
    FROM employee e
    JOIN job_skill js ON js.job_id = e.job_id
    JOIN skill s ON s.id = js.skill_id AND s.archived = 0
    JOIN employee_skill es ON es.employee_id = e.id AND es.skill_id = js.skill_id
   WHERE ${ACTIVE('e')} AND ${MOVES('es')}`;

/**
 * Adds (sign 1) or takes back (-1) the steps `source` selects: +1 at the level a step sets, -1 at the one
 * it leaves (each step read once, paired with both sides); changes that cancel out write nothing.
 */
const countSteps = (sign: 1 | -1, source: string) => [
  `INSERT INTO skill_gap_change (month, skill_id, required_level, current_level, pairs)
     SELECT month, skill_id, required_level, CASE side WHEN 1 THEN to_level ELSE from_level END AS level, ${sign} * sum(side)
       FROM (${source}) CROSS JOIN (SELECT 1 AS side UNION ALL SELECT -1)
      GROUP BY month, skill_id, required_level, level HAVING sum(side) <> 0
     ON CONFLICT (month, skill_id, required_level, current_level) DO UPDATE SET pairs = pairs + excluded.pairs`,
  `INSERT INTO department_gap_change (month, department_id, rating_model_id, at_or_above, unrated_at_level_one)
     SELECT month, department_id, rating_model_id,
            ${sign} * sum((to_level >= required_level) - (from_level >= required_level)),
            ${sign} * sum((to_level = 0 AND required_level = 1) - (from_level = 0 AND required_level = 1))
       FROM (${source}) WHERE department_id IS NOT NULL GROUP BY month, department_id, rating_model_id
     HAVING sum((to_level >= required_level) - (from_level >= required_level)) <> 0 OR sum((to_level = 0 AND required_level = 1) - (from_level = 0 AND required_level = 1)) <> 0
     ON CONFLICT (month, department_id, rating_model_id) DO UPDATE SET at_or_above = at_or_above + excluded.at_or_above,
        unrated_at_level_one = unrated_at_level_one + excluded.unrated_at_level_one`,
];

// A new employee has no history yet (its rows reference the employee), so inserting one changes nothing
// here; deleting one is followed all the same, for a file written with foreign keys off.
const CHANGE_TRIGGERS = [
  trigger('skill_history_change_level_insert', 'AFTER INSERT ON employee_skill', countSteps(1, stepsOfEntry('NEW'))),
  trigger('skill_history_change_level_update', 'AFTER UPDATE OF employee_id, skill_id, effective_date, level, previous_level ON employee_skill',
    [...countSteps(-1, stepsOfEntry('OLD')), ...countSteps(1, stepsOfEntry('NEW'))], changed('employee_id', 'skill_id', 'effective_date', 'level', 'previous_level')),
  trigger('skill_history_change_level_delete', 'AFTER DELETE ON employee_skill', countSteps(-1, stepsOfEntry('OLD'))),
  // A move between departments changes only the departments' counts.
  trigger('skill_history_change_employee_update', 'AFTER UPDATE OF job_id, department_id, status, archived ON employee',
    [...countSteps(-1, stepsOfEmployee('OLD')), ...countSteps(1, stepsOfEmployee('NEW'))], changed('job_id', 'status', 'archived')),
  trigger('skill_history_change_employee_department', 'AFTER UPDATE OF job_id, department_id, status, archived ON employee',
    [countSteps(-1, stepsOfEmployee('OLD'))[1], countSteps(1, stepsOfEmployee('NEW'))[1]],
    `(${changed('department_id')}) AND NOT (${changed('job_id', 'status', 'archived')})`),
  trigger('skill_history_change_employee_delete', 'AFTER DELETE ON employee', countSteps(-1, stepsOfEmployee('OLD'))),
  trigger('skill_history_change_requirement_insert', 'AFTER INSERT ON job_skill', countSteps(1, stepsOfRequirement('NEW'))),
  trigger('skill_history_change_requirement_update', 'AFTER UPDATE OF job_id, skill_id, level ON job_skill',
    [...countSteps(-1, stepsOfRequirement('OLD')), ...countSteps(1, stepsOfRequirement('NEW'))], changed('job_id', 'skill_id', 'level')),
  trigger('skill_history_change_requirement_delete', 'AFTER DELETE ON job_skill', countSteps(-1, stepsOfRequirement('OLD'))),
  trigger('skill_history_change_skill_update', 'AFTER UPDATE OF archived, rating_model_id ON skill',
    [...countSteps(-1, stepsOfSkill('OLD')), ...countSteps(1, stepsOfSkill('NEW'))], changed('archived', 'rating_model_id')),
  trigger('skill_history_change_skill_delete', 'AFTER DELETE ON skill', countSteps(-1, stepsOfSkill('OLD'))),
];

// The steps are found once (a join over the whole history) and counted twice.
const BACKFILL_CHANGES = [
  `CREATE TEMP TABLE skill_history_steps AS ${ALL_STEPS}`,
  ...countSteps(1, `SELECT * FROM temp.skill_history_steps`),
  `DROP TABLE temp.skill_history_steps`,
];

const TRIGGER_NAMES = [...PREVIOUS_TRIGGERS, ...CHANGE_TRIGGERS].map((sql) => /CREATE TRIGGER (\w+)/.exec(sql)![1]);

// ---- Indexes ---------------------------------------------------------------------------------------------

const RISE = `level IS NOT NULL AND (previous_level IS NULL OR level > previous_level)`;

// Built before the changes are counted (the backfill reads it too).
const LOOKUP = [
  // Migration 14 found the newest levels dated after a day through this; nothing reads it now (dropped
  // first, so the pages it frees hold the indexes built next).
  `DROP INDEX employee_skill_latest_effective`,
  // Migration 2's covering index of each person's and skill's entries, now with the previous level too:
  // the steps of a person, or of a job's people for one skill, are read from the index alone.
  `DROP INDEX employee_skill_lookup`,
  `CREATE INDEX employee_skill_lookup ON employee_skill (employee_id, skill_id, effective_date, recorded_at, level, previous_level)`,
];

const INDEXES = [
  // The history by date with what a step is: the steps of a few days (the summary's own month), and the
  // rises of a period by day, read from the index alone.
  `CREATE INDEX employee_skill_by_date ON employee_skill (effective_date, level, previous_level, employee_id, skill_id)`,
  // Each person's rises by date: whether someone grew in a period is one seek.
  `CREATE INDEX employee_skill_rises ON employee_skill (employee_id, effective_date) WHERE ${RISE}`,
  // What a step's pair needs of its person (whether they count, job and department), from the index alone.
  `CREATE INDEX employee_gap_pairs ON employee (id, archived, status, job_id, department_id)`,
];
