import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName, TRACKED_COLUMNS } from './kit';

const LEVEL = (column: string, fallback?: string) =>
  `${column} TEXT NOT NULL ${fallback ? `DEFAULT '${fallback}' ` : ''}CHECK (${column} IN ('low','medium','high'))`;

/**
 * Succession planning: configurable readiness levels, details of key positions (one row per key
 * position, sharing the position's id), succession plans (one per key position, or per job),
 * nominations of employees or external candidates, risk and impact of loss per person, talent
 * pools with their members and the positions they feed, and employee photos for the chart.
 * Positions already marked key get their details and an empty plan.
 */
export class Succession0013 implements MigrationInterface {
  name = migrationName('Succession', 13);

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE readiness_level (${TRACKED_COLUMNS},
        label TEXT NOT NULL, short_label TEXT NOT NULL, sort_order INTEGER NOT NULL CHECK (sort_order BETWEEN 1 AND 8), description TEXT,
        archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE TABLE key_position (id TEXT PRIMARY KEY NOT NULL REFERENCES position(id),
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
        ${LEVEL('criticality', 'medium')}, ${LEVEL('vacancy_risk', 'medium')}, reason TEXT, planned_leave_date TEXT,
        archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE TABLE succession_plan (${TRACKED_COLUMNS},
        position_id TEXT REFERENCES position(id), job_id TEXT REFERENCES job(id), notes TEXT, reviewed_on TEXT,
        archived INTEGER NOT NULL DEFAULT 0, CHECK ((position_id IS NULL) <> (job_id IS NULL)))`,
      `CREATE UNIQUE INDEX succession_plan_position ON succession_plan (position_id) WHERE position_id IS NOT NULL AND archived = 0`,
      `CREATE UNIQUE INDEX succession_plan_job ON succession_plan (job_id) WHERE job_id IS NOT NULL AND archived = 0`,
      `CREATE TABLE external_candidate (${TRACKED_COLUMNS},
        name TEXT NOT NULL, organisation TEXT, current_role TEXT, email TEXT, notes TEXT, archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE TABLE succession_nomination (${TRACKED_COLUMNS},
        plan_id TEXT NOT NULL REFERENCES succession_plan(id), employee_id TEXT REFERENCES employee(id),
        external_candidate_id TEXT REFERENCES external_candidate(id),
        rank INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 99), readiness_id TEXT NOT NULL REFERENCES readiness_level(id),
        emergency INTEGER NOT NULL DEFAULT 0, notes TEXT, development_actions TEXT, archived INTEGER NOT NULL DEFAULT 0,
        CHECK ((employee_id IS NULL) <> (external_candidate_id IS NULL)))`,
      `CREATE INDEX succession_nomination_plan ON succession_nomination (plan_id, archived)`,
      `CREATE INDEX succession_nomination_employee ON succession_nomination (employee_id)`,
      `CREATE INDEX succession_nomination_external ON succession_nomination (external_candidate_id)`,
      `CREATE UNIQUE INDEX succession_nomination_plan_employee ON succession_nomination (plan_id, employee_id) WHERE employee_id IS NOT NULL AND archived = 0`,
      `CREATE UNIQUE INDEX succession_nomination_plan_external ON succession_nomination (plan_id, external_candidate_id) WHERE external_candidate_id IS NOT NULL AND archived = 0`,
      `CREATE TABLE loss_risk (${TRACKED_COLUMNS},
        employee_id TEXT NOT NULL REFERENCES employee(id), ${LEVEL('risk_of_loss')}, ${LEVEL('impact_of_loss')}, reason TEXT,
        archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE UNIQUE INDEX loss_risk_employee ON loss_risk (employee_id) WHERE archived = 0`,
      `CREATE TABLE talent_pool (${TRACKED_COLUMNS}, name TEXT NOT NULL, description TEXT, archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE UNIQUE INDEX talent_pool_name ON talent_pool (name COLLATE NOCASE) WHERE archived = 0`,
      `CREATE TABLE talent_pool_member (${TRACKED_COLUMNS},
        pool_id TEXT NOT NULL REFERENCES talent_pool(id), employee_id TEXT NOT NULL REFERENCES employee(id), notes TEXT,
        archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE UNIQUE INDEX talent_pool_member_unique ON talent_pool_member (pool_id, employee_id) WHERE archived = 0`,
      `CREATE INDEX talent_pool_member_employee ON talent_pool_member (employee_id)`,
      `CREATE TABLE talent_pool_position (${TRACKED_COLUMNS},
        pool_id TEXT NOT NULL REFERENCES talent_pool(id), position_id TEXT NOT NULL REFERENCES position(id),
        archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE UNIQUE INDEX talent_pool_position_unique ON talent_pool_position (pool_id, position_id) WHERE archived = 0`,
      // Photos are normalised on import (a square PNG); the chart and the exports read them by employee.
      `CREATE TABLE employee_photo (employee_id TEXT PRIMARY KEY NOT NULL REFERENCES employee(id),
        mime_type TEXT NOT NULL, data BLOB NOT NULL, source_name TEXT, updated_at TEXT NOT NULL)`,
    ];
    for (const sql of statements) await runner.query(sql);
    await runner.query(`INSERT INTO readiness_level (id, created_at, updated_at, version, label, short_label, sort_order, description) VALUES
      ('3b1f5a8e-0d6c-4f2a-9a51-7c1e2b3d4f01', strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ'), 1, 'Ready now', 'Now', 1, 'Could step into the role today.'),
      ('3b1f5a8e-0d6c-4f2a-9a51-7c1e2b3d4f02', strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ'), 1, 'Ready in 1–2 years', '1–2 y', 2, 'Needs one or two years of development.'),
      ('3b1f5a8e-0d6c-4f2a-9a51-7c1e2b3d4f03', strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ'), 1, 'Ready in 3+ years', '3+ y', 3, 'A longer-term successor.')`);
    // Positions marked key before this version get details and an (empty) plan.
    await runner.query(`INSERT INTO key_position (id, created_at, updated_at, version)
      SELECT id, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ'), 1 FROM position WHERE is_key = 1`);
    await runner.query(`INSERT INTO succession_plan (id, created_at, updated_at, version, position_id)
      SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
             strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ'), 1, id
        FROM position WHERE is_key = 1`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['employee_photo', 'talent_pool_position', 'talent_pool_member', 'talent_pool', 'loss_risk', 'succession_nomination', 'external_candidate', 'succession_plan', 'key_position', 'readiness_level']) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
