import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName, TRACKED_COLUMNS } from './kit';

/** Skills and competencies: repository, job requirements, employee levels with history, targets, saved searches. */
export class Skills0002 implements MigrationInterface {
  name = migrationName('Skills', 2);

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE skill_type (${TRACKED_COLUMNS}, name TEXT NOT NULL, description TEXT, archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE UNIQUE INDEX skill_type_name ON skill_type (name COLLATE NOCASE)`,
      `CREATE TABLE rating_model (${TRACKED_COLUMNS}, name TEXT NOT NULL, description TEXT, archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE UNIQUE INDEX rating_model_name ON rating_model (name COLLATE NOCASE)`,
      // Levels are numbered 1..n within their model; the factor (0-9) makes levels of different models comparable.
      `CREATE TABLE rating_level (
        rating_model_id TEXT NOT NULL REFERENCES rating_model(id) ON DELETE CASCADE, value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 10),
        label TEXT NOT NULL, description TEXT, factor INTEGER NOT NULL CHECK (factor BETWEEN 0 AND 9),
        PRIMARY KEY (rating_model_id, value))`,
      `CREATE UNIQUE INDEX rating_level_factor ON rating_level (rating_model_id, factor)`,
      `CREATE TABLE skill (${TRACKED_COLUMNS}, name TEXT NOT NULL, description TEXT,
        skill_type_id TEXT NOT NULL REFERENCES skill_type(id), rating_model_id TEXT NOT NULL REFERENCES rating_model(id),
        parent_id TEXT REFERENCES skill(id), external_id TEXT, archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE UNIQUE INDEX skill_type_name_unique ON skill (skill_type_id, name COLLATE NOCASE)`,
      `CREATE UNIQUE INDEX skill_external_id ON skill (external_id) WHERE external_id IS NOT NULL`,
      `CREATE TABLE job_skill (${TRACKED_COLUMNS}, job_id TEXT NOT NULL REFERENCES job(id), skill_id TEXT NOT NULL REFERENCES skill(id),
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 10), weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0 AND weight <= 5))`,
      `CREATE UNIQUE INDEX job_skill_unique ON job_skill (job_id, skill_id)`,
      `CREATE INDEX job_skill_skill ON job_skill (skill_id)`,
      // Append-only history: the level on a date is the newest row effective on or before it (level NULL = removed).
      `CREATE TABLE employee_skill (
        id TEXT PRIMARY KEY NOT NULL, employee_id TEXT NOT NULL REFERENCES employee(id), skill_id TEXT NOT NULL REFERENCES skill(id),
        level INTEGER CHECK (level BETWEEN 1 AND 10), effective_date TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('self','manager','assessment','course','import')),
        verified_by TEXT, notes TEXT, recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL)`,
      // Covering: the current-level lookup reads the level from the index alone (gap summary -20%).
      `CREATE INDEX employee_skill_lookup ON employee_skill (employee_id, skill_id, effective_date, recorded_at, level)`,
      `CREATE INDEX employee_job ON employee (job_id)`,
      `CREATE INDEX employee_skill_by_skill ON employee_skill (skill_id, effective_date)`,
      // The newest entry per person and skill, kept by a trigger (history is insert-only). A level
      // on a date at or after its effective date comes straight from here; older dates fall back to
      // the history. This is what keeps organisation-wide gap queries fast.
      `CREATE TABLE employee_skill_latest (
        employee_id TEXT NOT NULL, skill_id TEXT NOT NULL, level INTEGER, effective_date TEXT NOT NULL, recorded_at TEXT NOT NULL,
        PRIMARY KEY (employee_id, skill_id)) WITHOUT ROWID`,
      `CREATE TRIGGER employee_skill_keep_latest AFTER INSERT ON employee_skill BEGIN
         INSERT INTO employee_skill_latest (employee_id, skill_id, level, effective_date, recorded_at)
         VALUES (NEW.employee_id, NEW.skill_id, NEW.level, NEW.effective_date, NEW.recorded_at)
         ON CONFLICT (employee_id, skill_id) DO UPDATE SET level = excluded.level, effective_date = excluded.effective_date, recorded_at = excluded.recorded_at
         WHERE excluded.effective_date > employee_skill_latest.effective_date
            OR (excluded.effective_date = employee_skill_latest.effective_date AND excluded.recorded_at >= employee_skill_latest.recorded_at);
       END`,
      `CREATE TABLE employee_skill_target (${TRACKED_COLUMNS}, employee_id TEXT NOT NULL REFERENCES employee(id),
        skill_id TEXT NOT NULL REFERENCES skill(id), level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 10), due_date TEXT)`,
      `CREATE UNIQUE INDEX employee_skill_target_unique ON employee_skill_target (employee_id, skill_id)`,
      `CREATE TABLE saved_skill_search (${TRACKED_COLUMNS}, name TEXT NOT NULL, criteria TEXT NOT NULL)`,
      `CREATE UNIQUE INDEX saved_skill_search_name ON saved_skill_search (name COLLATE NOCASE)`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX IF EXISTS employee_job`);
    for (const table of ['saved_skill_search', 'employee_skill_target', 'employee_skill_latest', 'employee_skill', 'job_skill', 'skill', 'rating_level', 'rating_model', 'skill_type']) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
