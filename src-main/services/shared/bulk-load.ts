// Writing many rows into a nearly empty file (the demo organisation) without paying per row for what
// SQLite can build once at the end. Every helper runs inside the caller's transaction, so a failure
// anywhere takes back the rows and whatever was set aside with them.
//
// - Derived tables (the newest level of each person's skill, the analytics tallies of migration 14,
//   the people search index and headcounts of migration 16, the level history's predecessors and
//   changes by month of migration 18) are kept by triggers; a bulk load sets those triggers aside and
//   rebuilds the tables set-based.
// - Secondary indexes of a table filled in bulk are dropped and created again after it (a sort
//   instead of a random insertion per row and index).
// - A table keyed by random ids is filled through a staging table and inserted in key order, so its
//   b-tree (or its primary key's index) is appended to rather than split at random places.
import type Database from 'better-sqlite3';
import { rebuildSkillHistory } from './skill-history-rebuild';

function assertInTransaction(db: Database.Database): void {
  if (!db.inTransaction) throw new Error('A bulk load must run inside a transaction: what it sets aside comes back with a rollback.');
}

/** The triggers that keep derived tables: the newest levels, every tally trigger, the people search index and headcounts, the level history's predecessors and changes. */
const MAINTAINING_TRIGGERS = ['employee\\_skill\\_keep\\_latest', 'gap\\_tally\\_%', 'progress\\_tally\\_%', 'employee\\_search\\_%', 'employee\\_headcount\\_%', 'skill\\_history\\_%']
  .map((pattern) => `name LIKE '${pattern}' ESCAPE '\\'`)
  .join(' OR ');

/** Every (active employee, requirement of their job) pair of an unarchived skill, at the newest level recorded. */
const ALL_GAP_PAIRS = `
  SELECT e.department_id, js.skill_id, s.rating_model_id, js.level AS required_level, coalesce(lt.level, 0) AS current_level
    FROM employee e
    JOIN job_skill js ON js.job_id = e.job_id
    JOIN skill s ON s.id = js.skill_id AND s.archived = 0
    LEFT JOIN employee_skill_latest lt ON lt.employee_id = e.id AND lt.skill_id = js.skill_id
   WHERE e.archived = 0 AND e.status <> 'terminated'`;

/** In dependency order: the tallies read the newest levels. */
const REBUILD = [
  `DELETE FROM employee_skill_latest`,
  // The trigger keeps the newest by effective date, then recording time, the later insert winning a tie.
  `INSERT INTO employee_skill_latest (employee_id, skill_id, level, effective_date, recorded_at)
     SELECT employee_id, skill_id, level, effective_date, recorded_at FROM (
       SELECT employee_id, skill_id, level, effective_date, recorded_at,
              row_number() OVER (PARTITION BY employee_id, skill_id ORDER BY effective_date DESC, recorded_at DESC, rowid DESC) AS newest
         FROM employee_skill)
      WHERE newest = 1`,
  `DELETE FROM skill_gap_tally`,
  `INSERT INTO skill_gap_tally (skill_id, required_level, current_level, pairs)
     SELECT skill_id, required_level, current_level, count(*) FROM (${ALL_GAP_PAIRS}) GROUP BY skill_id, required_level, current_level`,
  `DELETE FROM department_gap_tally`,
  `INSERT INTO department_gap_tally (department_id, rating_model_id, pairs, at_or_above, unrated_at_level_one)
     SELECT department_id, rating_model_id, count(*), sum(current_level >= required_level), sum(current_level = 0 AND required_level = 1)
       FROM (${ALL_GAP_PAIRS}) WHERE department_id IS NOT NULL GROUP BY department_id, rating_model_id`,
  // Migration 16: what pickers search people by, and people per department, status and archived flag.
  `DELETE FROM employee_search`,
  `INSERT INTO employee_search (rowid, haystack)
     SELECT rowid, first_name || ' ' || last_name || ' ' || employee_number || ' ' || coalesce(email, '') FROM employee`,
  `DELETE FROM employee_headcount`,
  `INSERT INTO employee_headcount (department_id, status, archived, people)
     SELECT coalesce(department_id, ''), status, archived, count(*) FROM employee GROUP BY coalesce(department_id, ''), status, archived`,
  `DELETE FROM review_progress_tally`,
  `INSERT INTO review_progress_tally (cycle_id, department_id, not_started, in_progress, ready_for_review, final_review, complete, on_time, late)
     SELECT r.cycle_id, coalesce(r.department_id, ''),
            sum(r.status = 'not_started'), sum(r.status = 'in_progress'), sum(r.status = 'ready_for_review'), sum(r.status = 'final_review'), sum(r.status = 'complete'),
            coalesce(sum(r.status = 'complete' AND substr(r.completed_at, 1, 10) <= c.due_date), 0),
            coalesce(sum(r.status = 'complete' AND substr(r.completed_at, 1, 10) > c.due_date), 0)
       FROM review r JOIN review_cycle c ON c.id = r.cycle_id
      GROUP BY r.cycle_id, coalesce(r.department_id, '')`,
];

/** Recomputes every derived table from the tables it is derived from. */
export function rebuildDerivedTables(db: Database.Database): void {
  for (const sql of REBUILD) db.exec(sql);
  rebuildSkillHistory(db);
}

/**
 * Runs a bulk write with the maintaining triggers set aside, then rebuilds the derived tables and
 * puts the triggers back as they were. Only inside a transaction, so that a failure anywhere takes
 * the dropped triggers back with the rest.
 */
export function withDerivedTablesRebuilt<T>(db: Database.Database, write: () => T): T {
  assertInTransaction(db);
  const triggers = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND (${MAINTAINING_TRIGGERS}) ORDER BY name`).all() as { name: string; sql: string }[];
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
  try {
    const result = write();
    rebuildDerivedTables(db);
    return result;
  } finally {
    for (const { sql } of triggers) db.exec(sql);
  }
}

/**
 * Runs `write` with the non-unique indexes of `tables` dropped, then creates them again from their
 * own SQL. Unique indexes stay: they are constraints the rows must meet as they go in.
 */
export function withIndexesDeferred<T>(db: Database.Database, tables: string[], write: () => T): T {
  assertInTransaction(db);
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
                 AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY name`)
    .all(JSON.stringify(tables)) as { name: string; sql: string }[];
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  try {
    return write();
  } finally {
    for (const { sql } of indexes) db.exec(sql);
  }
}

/** Rows for one table, staged, then inserted in the order of its primary key. */
export interface SortedInserter {
  add(...values: unknown[]): void;
  /** Inserts what was added, in key order, and drops the staging table. */
  finish(): void;
}

/**
 * For tables whose keys arrive in random order. In a rowid table the rowids then follow the key, not
 * the order the rows were added: only for tables whose readers never depend on that order.
 */
export function sortedInserter(db: Database.Database, table: string, columns: string[], primaryKey: string[]): SortedInserter {
  assertInTransaction(db);
  const staging = `bulk_${table}`;
  db.exec(`DROP TABLE IF EXISTS temp.${staging}; CREATE TEMP TABLE ${staging} (${columns.join(', ')})`);
  const stage = db.prepare(`INSERT INTO temp.${staging} VALUES (${columns.map(() => '?').join(', ')})`);
  return {
    add: (...values) => void stage.run(...values),
    finish() {
      db.exec(`INSERT INTO main.${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM temp.${staging} ORDER BY ${primaryKey.join(', ')}`);
      db.exec(`DROP TABLE temp.${staging}`);
    },
  };
}
