import type { MigrationInterface, QueryRunner } from 'typeorm';

const tracked = `id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1`;

/** Feedback journal entries about employees (optionally linked to a goal or a review) and the goal library. */
export class Journal0005 implements MigrationInterface {
  name = 'Journal1795996800000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE journal_entry (${tracked},
        employee_id TEXT NOT NULL REFERENCES employee(id), date TEXT NOT NULL, author TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('praise','development','note')), shared INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL, goal_id TEXT REFERENCES goal(id), review_id TEXT REFERENCES review(id),
        archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE INDEX journal_entry_employee ON journal_entry (employee_id, date)`,
      `CREATE INDEX journal_entry_date ON journal_entry (date)`,
      `CREATE INDEX journal_entry_goal ON journal_entry (goal_id)`,
      `CREATE INDEX journal_entry_review ON journal_entry (review_id)`,
      `CREATE TABLE goal_library_item (${tracked},
        title TEXT NOT NULL, description TEXT, category TEXT,
        unit TEXT NOT NULL CHECK (unit IN ('number','percent','currency','date','rating')),
        target_value REAL, stretch INTEGER NOT NULL DEFAULT 0,
        suggested_weight REAL NOT NULL DEFAULT 0 CHECK (suggested_weight BETWEEN 0 AND 100),
        archived INTEGER NOT NULL DEFAULT 0)`,
      // Which library item a goal was copied from (the library shows how often each item was used).
      `ALTER TABLE goal ADD COLUMN library_item_id TEXT REFERENCES goal_library_item(id)`,
      `CREATE INDEX goal_library_item_used ON goal (library_item_id)`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX IF EXISTS goal_library_item_used`);
    await runner.query(`ALTER TABLE goal DROP COLUMN library_item_id`);
    for (const table of ['goal_library_item', 'journal_entry']) await runner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
