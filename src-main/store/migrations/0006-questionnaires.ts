import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: questionnaires, distributions and responses. */
export class Questionnaires0006 implements MigrationInterface {
  name = 'Questionnaires1796083200000';

  async up(runner: QueryRunner): Promise<void> {
    const statements: string[] = [];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    void runner;
  }
}
