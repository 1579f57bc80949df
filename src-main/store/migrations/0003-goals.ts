import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName, TRACKED_COLUMNS } from './kit';

/** Goals: organisation, department and individual goals with alignment, and append-only check-ins. */
export class Goals0003 implements MigrationInterface {
  name = migrationName('Goals', 3);

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE goal (${TRACKED_COLUMNS},
        scope TEXT NOT NULL CHECK (scope IN ('organisation','department','individual')),
        employee_id TEXT REFERENCES employee(id), department_id TEXT REFERENCES department(id),
        title TEXT NOT NULL, description TEXT, period_start TEXT NOT NULL, period_end TEXT NOT NULL, category TEXT,
        unit TEXT NOT NULL CHECK (unit IN ('number','percent','currency','date','rating')),
        start_value REAL, target_value REAL, actual_value REAL, stretch INTEGER NOT NULL DEFAULT 0,
        weight REAL NOT NULL DEFAULT 0 CHECK (weight BETWEEN 0 AND 100),
        status TEXT NOT NULL CHECK (status IN ('not_started','on_track','at_risk','behind','achieved','missed','cancelled')),
        aligned_to_id TEXT REFERENCES goal(id), progress REAL NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        CHECK (period_start <= period_end))`,
      `CREATE INDEX goal_aligned_to ON goal (aligned_to_id)`,
      `CREATE INDEX goal_employee ON goal (employee_id)`,
      `CREATE INDEX goal_department ON goal (department_id)`,
      `CREATE INDEX goal_period ON goal (period_start, period_end)`,
      // Append-only; the goal's progress column mirrors the latest check-in (by date, then recorded time).
      `CREATE TABLE goal_check_in (
        id TEXT PRIMARY KEY NOT NULL, goal_id TEXT NOT NULL REFERENCES goal(id), date TEXT NOT NULL,
        progress REAL NOT NULL CHECK (progress BETWEEN 0 AND 100), actual_value REAL, comment TEXT,
        author TEXT NOT NULL, recorded_at TEXT NOT NULL)`,
      `CREATE INDEX goal_check_in_goal ON goal_check_in (goal_id, date, recorded_at)`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['goal_check_in', 'goal']) await runner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
