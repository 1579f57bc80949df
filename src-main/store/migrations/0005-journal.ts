import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName, TRACKED_COLUMNS } from './kit';

/** Feedback journal entries about employees, optionally linked to a goal or a review. */
export class Journal0005 implements MigrationInterface {
  name = migrationName('Journal', 5);

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE journal_entry (${TRACKED_COLUMNS},
        employee_id TEXT NOT NULL REFERENCES employee(id), date TEXT NOT NULL, author TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('praise','development','note')), shared INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL, goal_id TEXT REFERENCES goal(id), review_id TEXT REFERENCES review(id),
        archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE INDEX journal_entry_employee ON journal_entry (employee_id, date)`,
      `CREATE INDEX journal_entry_date ON journal_entry (date)`,
      `CREATE INDEX journal_entry_goal ON journal_entry (goal_id)`,
      `CREATE INDEX journal_entry_review ON journal_entry (review_id)`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE IF EXISTS journal_entry`);
  }
}
