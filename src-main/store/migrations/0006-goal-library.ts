import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName, TRACKED_COLUMNS } from './kit';

/**
 * The goal library: goals to copy from, and which item each goal was copied from. Files made
 * before migrations were numbered ran this as part of the journal migration (see legacy-names.ts).
 */
export class GoalLibrary0006 implements MigrationInterface {
  name = migrationName('GoalLibrary', 6);

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE goal_library_item (${TRACKED_COLUMNS},
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
    await runner.query(`DROP TABLE IF EXISTS goal_library_item`);
  }
}
