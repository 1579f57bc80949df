import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './kit';

/**
 * One audit vocabulary: an event names its record by table name ("rating_scale") whatever the
 * action. Archiving used to write the display label ("Rating scale") and settings "settings".
 */
export class AuditVocabulary0008 implements MigrationInterface {
  name = migrationName('AuditVocabulary', 8);

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE audit_event SET entity = replace(lower(entity), ' ', '_') WHERE entity <> replace(lower(entity), ' ', '_')`);
    await runner.query(`UPDATE audit_event SET entity = 'setting' WHERE entity = 'settings'`);
  }

  async down(): Promise<void> {
    // The old labels cannot be told apart again; the new names are a superset of what readers need.
  }
}
