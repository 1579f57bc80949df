// What migration 18 keeps on the level history (each entry's predecessor, and the gap tallies' changes by
// month), rebuilt set-based after a bulk load: the same definitions as the migration's triggers and
// backfill (docs/decisions.md, "The level history knows each entry's predecessor"). Their triggers are
// all named `skill_history_…`, which is how the bulk load finds them to set aside.
import type Database from 'better-sqlite3';

/** Every (active employee, requirement of their job, unarchived skill) pair's steps that change the level, by month. */
const ALL_STEPS = `
  SELECT substr(es.effective_date, 1, 7) AS month, e.department_id, js.skill_id, s.rating_model_id, js.level AS required_level,
         coalesce(es.previous_level, 0) AS from_level, coalesce(es.level, 0) AS to_level
    FROM employee e
    JOIN job_skill js ON js.job_id = e.job_id
    JOIN skill s ON s.id = js.skill_id AND s.archived = 0
    JOIN employee_skill es ON es.employee_id = e.id AND es.skill_id = js.skill_id
   WHERE e.archived = 0 AND e.status <> 'terminated' AND coalesce(es.previous_level, 0) <> coalesce(es.level, 0)`;

/** Each entry's predecessor where it differs from the one kept, staged by rowid. */
const STAGE_PREVIOUS = `
  CREATE TEMP TABLE skill_history_previous AS
    SELECT id, previous_level, previous_date FROM (
      SELECT rowid AS id, previous_level AS kept_level, previous_date AS kept_date,
             lag(level) OVER w AS previous_level, lag(effective_date) OVER w AS previous_date
        FROM employee_skill WINDOW w AS (PARTITION BY employee_id, skill_id ORDER BY effective_date, recorded_at, rowid))
     WHERE previous_level IS NOT kept_level OR previous_date IS NOT kept_date ORDER BY id`;

const WRITE_PREVIOUS = [
  `UPDATE employee_skill SET previous_level = p.previous_level, previous_date = p.previous_date
     FROM temp.skill_history_previous p WHERE p.id = employee_skill.rowid`,
  `DROP TABLE temp.skill_history_previous`,
];

/** The changes by month, from the predecessors. */
const CHANGES = [
  `CREATE TEMP TABLE skill_history_steps AS ${ALL_STEPS}`,
  `DELETE FROM skill_gap_change`,
  `INSERT INTO skill_gap_change (month, skill_id, required_level, current_level, pairs)
     SELECT month, skill_id, required_level, level, sum(pairs) FROM (
       SELECT month, skill_id, required_level, to_level AS level, 1 AS pairs FROM temp.skill_history_steps
       UNION ALL
       SELECT month, skill_id, required_level, from_level, -1 FROM temp.skill_history_steps)
      GROUP BY month, skill_id, required_level, level HAVING sum(pairs) <> 0`,
  `DELETE FROM department_gap_change`,
  `INSERT INTO department_gap_change (month, department_id, rating_model_id, at_or_above, unrated_at_level_one)
     SELECT month, department_id, rating_model_id,
            sum((to_level >= required_level) - (from_level >= required_level)),
            sum((to_level = 0 AND required_level = 1) - (from_level = 0 AND required_level = 1))
       FROM temp.skill_history_steps WHERE department_id IS NOT NULL GROUP BY month, department_id, rating_model_id
     HAVING sum((to_level >= required_level) - (from_level >= required_level)) <> 0 OR sum((to_level = 0 AND required_level = 1) - (from_level = 0 AND required_level = 1)) <> 0`,
  `DROP TABLE temp.skill_history_steps`,
];

/**
 * Rebuilds the predecessors, then the changes. After a bulk load every entry that has a predecessor
 * lacks it: the indexes that hold previous_level are then dropped while they are written and built
 * again after (a sort, instead of three random index updates per row: 1.8 s against about 1.1 s in a
 * 10,000-person demo load).
 */
export function rebuildSkillHistory(db: Database.Database): void {
  db.exec(STAGE_PREVIOUS);
  const { rows, entries } = db.prepare(`SELECT (SELECT count(*) FROM temp.skill_history_previous) AS rows, (SELECT count(*) FROM employee_skill) AS entries`).get() as { rows: number; entries: number };
  // More than a quarter of the history to write is a bulk load (about half a demo's entries follow another).
  const indexes = rows > 0 && rows * 4 > entries
    ? (db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'employee_skill' AND sql LIKE '%previous\\_level%' ESCAPE '\\' ORDER BY name`).all() as { name: string; sql: string }[])
    : [];
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  try {
    for (const sql of WRITE_PREVIOUS) db.exec(sql);
  } finally {
    for (const { sql } of indexes) db.exec(sql);
  }
  for (const sql of CHANGES) db.exec(sql);
}
