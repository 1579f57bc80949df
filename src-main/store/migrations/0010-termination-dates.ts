import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './kit';

/**
 * "Terminated" comes with a termination date (the last day of employment). Files from before it
 * hold none, so the best evidence is used: the day the audit log last recorded the status becoming
 * terminated, else the day the record was last updated, never before the hire date. Both are when
 * Canopy learned of it, so they may be later than the real last day (docs/decisions.md says so).
 */
export class TerminationDates0010 implements MigrationInterface {
  name = migrationName('TerminationDates', 10);

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE employee ADD COLUMN termination_date TEXT`);
    await runner.query(`
      UPDATE employee
         SET termination_date = max(hire_date, coalesce(
               (SELECT substr(max(a.at), 1, 10) FROM audit_event a
                 WHERE a.entity = 'employee' AND a.entity_id = employee.id AND json_valid(a.after)
                   AND json_extract(a.after, '$.status') = 'terminated'
                   AND (a.before IS NULL OR NOT json_valid(a.before) OR coalesce(json_extract(a.before, '$.status'), '') <> 'terminated')),
               substr(updated_at, 1, 10)))
       WHERE status = 'terminated'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE employee DROP COLUMN termination_date`);
  }
}
