import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './kit';

/** A random version-4 UUID in SQL, like the ids the services make. */
const SQL_UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
  || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

/**
 * The organisation history: dated rows of each person's department, job, manager and position
 * (the row in force on a day is the newest effective on or before it; same day, the one recorded
 * last). Existing people start with one row, their current values from their hire date: the only
 * history a file from before held. Also an index for the audit log's filter by person.
 */
export class OrganisationHistory0011 implements MigrationInterface {
  name = migrationName('OrganisationHistory', 11);

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE employee_assignment (
      id TEXT PRIMARY KEY NOT NULL, employee_id TEXT NOT NULL REFERENCES employee(id), effective_date TEXT NOT NULL,
      department_id TEXT REFERENCES department(id), job_id TEXT REFERENCES job(id),
      manager_id TEXT REFERENCES employee(id), position_id TEXT REFERENCES position(id),
      source TEXT NOT NULL CHECK (source IN ('hire','change','position','import','upgrade','demo')),
      recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL)`);
    await runner.query(`CREATE INDEX employee_assignment_timeline ON employee_assignment (employee_id, effective_date, recorded_at)`);
    await runner.query(`
      INSERT INTO employee_assignment (id, employee_id, effective_date, department_id, job_id, manager_id, position_id, source, recorded_at, recorded_by)
      SELECT ${SQL_UUID}, id, hire_date, department_id, job_id, manager_id, position_id, 'upgrade', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'Canopy (upgrade)'
        FROM employee`);
    await runner.query(`CREATE INDEX audit_event_actor ON audit_event (actor, at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX audit_event_actor`);
    await runner.query(`DROP TABLE employee_assignment`);
  }
}
