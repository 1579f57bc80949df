import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './kit';

/*
 * The feedback journal at 50,000 employees (docs/decisions.md, "At 50,000 people every screen reads
 * what it shows"):
 *
 *   journal_entry_recent  the entries newest first (date, then when written, then id) with whether
 *                         they are archived: the journal page's first window, any window in that
 *                         order and the count of the view are read from the index alone, walking
 *                         it from the end, instead of sorting every entry (29,000 at the demo,
 *                         growing with the years) for each window. It starts with the date, so
 *                         it also serves the page's date range: journal_entry_date goes.
 *
 * This file is frozen: a later change is a new migration.
 */
export class JournalAtScale0019 implements MigrationInterface {
  name = migrationName('JournalAtScale', 19);

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX journal_entry_recent ON journal_entry (date, created_at, id, archived)`);
    await runner.query(`DROP INDEX IF EXISTS journal_entry_date`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX IF NOT EXISTS journal_entry_date ON journal_entry (date)`);
    await runner.query(`DROP INDEX IF EXISTS journal_entry_recent`);
  }
}
