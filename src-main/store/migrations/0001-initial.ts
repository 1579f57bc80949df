import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName, TRACKED_COLUMNS } from './kit';

export class Initial0001 implements MigrationInterface {
  name = migrationName('Initial', 1);

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`,
      `CREATE TABLE audit_event (
        id TEXT PRIMARY KEY NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,
        entity_id TEXT NOT NULL, action TEXT NOT NULL, before TEXT, after TEXT)`,
      `CREATE INDEX audit_event_at ON audit_event (at)`,
      `CREATE INDEX audit_event_entity ON audit_event (entity, entity_id)`,
      `CREATE TABLE department (${TRACKED_COLUMNS},
        name TEXT NOT NULL, code TEXT, parent_id TEXT REFERENCES department(id),
        archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE UNIQUE INDEX department_sibling_name ON department (ifnull(parent_id, ''), name COLLATE NOCASE)`,
      `CREATE TABLE job (${TRACKED_COLUMNS},
        title TEXT NOT NULL, family TEXT, level TEXT, description TEXT, archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE UNIQUE INDEX job_title_level ON job (title COLLATE NOCASE, ifnull(level, ''))`,
      `CREATE TABLE position (${TRACKED_COLUMNS},
        title TEXT NOT NULL, job_id TEXT NOT NULL REFERENCES job(id), department_id TEXT NOT NULL REFERENCES department(id),
        reports_to_id TEXT REFERENCES position(id), is_key INTEGER NOT NULL DEFAULT 0, archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE INDEX position_department ON position (department_id)`,
      `CREATE TABLE employee (${TRACKED_COLUMNS},
        employee_number TEXT NOT NULL, first_name TEXT NOT NULL, last_name TEXT NOT NULL, email TEXT,
        hire_date TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('active','on_leave','terminated')),
        manager_id TEXT REFERENCES employee(id), position_id TEXT REFERENCES position(id),
        department_id TEXT REFERENCES department(id), job_id TEXT REFERENCES job(id), location TEXT,
        archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE UNIQUE INDEX employee_number_unique ON employee (employee_number COLLATE NOCASE)`,
      `CREATE UNIQUE INDEX employee_position_unique ON employee (position_id) WHERE position_id IS NOT NULL`,
      `CREATE INDEX employee_name ON employee (last_name COLLATE NOCASE, first_name COLLATE NOCASE)`,
      `CREATE INDEX employee_department ON employee (department_id, last_name COLLATE NOCASE, first_name COLLATE NOCASE)`,
      `CREATE INDEX employee_manager ON employee (manager_id)`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['employee', 'position', 'job', 'department', 'audit_event', 'setting']) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
