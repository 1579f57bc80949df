import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName, TRACKED_COLUMNS } from './kit';

/**
 * Review cycles: rating scales, templates, cycles, one review per person and cycle, answers
 * per respondent, and step states. Scale levels and template sections are JSON on their
 * records (small, always read whole) and are copied onto the cycle at launch, so editing a
 * template never changes a running cycle.
 */
export class Reviews0004 implements MigrationInterface {
  name = migrationName('Reviews', 4);

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE rating_scale (${TRACKED_COLUMNS},
        name TEXT NOT NULL, description TEXT, levels TEXT NOT NULL, archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE TABLE review_template (${TRACKED_COLUMNS},
        name TEXT NOT NULL, description TEXT, sections TEXT NOT NULL, steps TEXT NOT NULL, archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE TABLE review_cycle (${TRACKED_COLUMNS},
        name TEXT NOT NULL, period_start TEXT NOT NULL, period_end TEXT NOT NULL,
        rating_scale_id TEXT NOT NULL REFERENCES rating_scale(id), template_id TEXT NOT NULL REFERENCES review_template(id),
        population TEXT NOT NULL, self_review_due TEXT, manager_review_due TEXT, due_date TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','active','closed')),
        launched_at TEXT, closed_at TEXT,
        levels_snapshot TEXT, sections_snapshot TEXT, steps_snapshot TEXT,
        archived INTEGER NOT NULL DEFAULT 0,
        CHECK (period_start <= period_end))`,
      // employee's manager, job and department are copied at launch: reports follow the organisation as it was.
      `CREATE TABLE review (${TRACKED_COLUMNS},
        cycle_id TEXT NOT NULL REFERENCES review_cycle(id), employee_id TEXT NOT NULL REFERENCES employee(id),
        manager_id TEXT REFERENCES employee(id), job_id TEXT REFERENCES job(id), department_id TEXT REFERENCES department(id),
        status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','ready_for_review','final_review','complete')),
        started_at TEXT, ready_at TEXT, final_at TEXT, completed_at TEXT,
        computed_rating REAL, override_rating REAL, override_reason TEXT, final_rating REAL,
        snapshot TEXT,
        UNIQUE (cycle_id, employee_id))`,
      `CREATE INDEX review_cycle_department ON review (cycle_id, department_id, status)`,
      `CREATE INDEX review_employee ON review (employee_id)`,
      `CREATE INDEX review_manager ON review (manager_id)`,
      // respondent: 'self' | 'manager' | 'peer:<employee id>'; item_key: 'goal:<id>' | 'skill:<id>' | 'question:<id>'.
      // Clustered by review (WITHOUT ROWID): a review's answers sit together and there is one
      // index to maintain, not two (the demo inserts ~300k answers for 10,000 people). \`id\` names the answer in the audit log.
      `CREATE TABLE review_answer (
        review_id TEXT NOT NULL REFERENCES review(id), respondent TEXT NOT NULL, item_key TEXT NOT NULL,
        id TEXT NOT NULL, rating REAL, comment TEXT, author TEXT NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (review_id, respondent, item_key)) WITHOUT ROWID`,
      // step: 'self' | 'manager' | 'peer:<employee id>' | 'employee_signoff' | 'manager_signoff'.
      `CREATE TABLE review_step (
        review_id TEXT NOT NULL REFERENCES review(id), step TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('requested','submitted')),
        requested_at TEXT NOT NULL, submitted_at TEXT, submitted_by TEXT,
        PRIMARY KEY (review_id, step)) WITHOUT ROWID`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['review_step', 'review_answer', 'review', 'review_cycle', 'review_template', 'rating_scale']) await runner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
