import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './kit';

/**
 * Positions are read a window at a time in title order, and found by title when a pasted label
 * names one (an organisation of 50,000 people has as many seats): an index in that order, covering
 * what the type-ahead reads, so walking it never visits the table.
 */
export class PositionTitles0015 implements MigrationInterface {
  name = migrationName('PositionTitles', 15);

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX position_title ON position (title COLLATE NOCASE, id, archived, department_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX position_title`);
  }
}
