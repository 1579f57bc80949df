import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: feedback journal entries and the goal library. */
export class Journal0005 implements MigrationInterface {
  name = 'Journal1795996800000';

  async up(runner: QueryRunner): Promise<void> {
    const statements: string[] = [];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    void runner;
  }
}
