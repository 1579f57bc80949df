import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName, TRACKED_COLUMNS } from './kit';

/**
 * Calibration: guideline sets, sessions on a review cycle, one placement per person and
 * session (with its review's rating kept in step by a trigger), and the history of every move. The review gains what calibration wrote back: the
 * rating before calibration and which session calibrated it, when and by whom.
 */
export class Calibration0012 implements MigrationInterface {
  name = migrationName('Calibration', 12);

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      // rules: JSON [{ fromLevel, toLevel, operator, percent, percentTo }] on the scale's level values.
      `CREATE TABLE calibration_guideline_set (${TRACKED_COLUMNS},
        name TEXT NOT NULL, description TEXT, rating_scale_id TEXT NOT NULL REFERENCES rating_scale(id),
        mode TEXT NOT NULL CHECK (mode IN ('advisory','enforced')), rules TEXT NOT NULL, archived INTEGER NOT NULL DEFAULT 0)`,
      // population, reviewer_ids, settings and summary are JSON, read and written whole with the session.
      `CREATE TABLE calibration_session (${TRACKED_COLUMNS},
        name TEXT NOT NULL, cycle_id TEXT NOT NULL REFERENCES review_cycle(id), date TEXT NOT NULL, location TEXT,
        facilitator_id TEXT REFERENCES employee(id), reviewer_ids TEXT NOT NULL, population TEXT NOT NULL,
        guideline_set_id TEXT REFERENCES calibration_guideline_set(id), settings TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','in_session','finalised')),
        started_at TEXT, finalised_at TEXT, finalised_by TEXT, acknowledgement TEXT, summary TEXT,
        archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE INDEX calibration_session_cycle ON calibration_session (cycle_id)`,
      // performance NULL follows the review's rating (its nearest level); review_before holds what
      // the review had before this session wrote to it (JSON), so finalising again can put it back.
      `CREATE TABLE calibration_member (${TRACKED_COLUMNS},
        session_id TEXT NOT NULL REFERENCES calibration_session(id), review_id TEXT NOT NULL REFERENCES review(id),
        employee_id TEXT NOT NULL REFERENCES employee(id),
        performance REAL, potential INTEGER,
        risk_of_loss TEXT CHECK (risk_of_loss IN ('low','medium','high')), impact_of_loss TEXT CHECK (impact_of_loss IN ('low','medium','high')),
        original_rating REAL, comment TEXT, private_note TEXT, discussed INTEGER NOT NULL DEFAULT 0, review_before TEXT,
        archived INTEGER NOT NULL DEFAULT 0,
        UNIQUE (session_id, employee_id))`,
      `CREATE INDEX calibration_member_review ON calibration_member (review_id)`,
      // The distribution, the counts of a session and a move's answer read this index alone.
      `CREATE INDEX calibration_member_placement ON calibration_member (session_id, archived, performance, original_rating, potential, discussed)`,
      `CREATE TABLE calibration_change (
        id TEXT PRIMARY KEY NOT NULL, session_id TEXT NOT NULL REFERENCES calibration_session(id),
        member_id TEXT NOT NULL REFERENCES calibration_member(id),
        kind TEXT NOT NULL CHECK (kind IN ('move','added','removed')), at TEXT NOT NULL, actor TEXT NOT NULL,
        performance_from REAL, performance_to REAL, potential_from INTEGER, potential_to INTEGER,
        reason_code TEXT, reason_label TEXT, comment TEXT, undone_at TEXT, undone_by TEXT)`,
      `CREATE INDEX calibration_change_session ON calibration_change (session_id, at)`,
      `CREATE INDEX calibration_change_member ON calibration_change (member_id, at)`,
      `ALTER TABLE review ADD COLUMN rating_before_calibration REAL`,
      `ALTER TABLE review ADD COLUMN calibration_session_id TEXT REFERENCES calibration_session(id)`,
      `ALTER TABLE review ADD COLUMN calibrated_at TEXT`,
      `ALTER TABLE review ADD COLUMN calibrated_by TEXT`,
      // A placement keeps its review's rating (its "original") in step, so counting a session needs no
      // join; once this session has written to the review, the original stays what it was before.
      `CREATE TRIGGER review_rating_to_calibration AFTER UPDATE OF final_rating ON review BEGIN
         UPDATE calibration_member SET original_rating = NEW.final_rating
          WHERE review_id = NEW.id AND review_before IS NULL AND original_rating IS NOT NEW.final_rating;
       END`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER IF EXISTS review_rating_to_calibration`);
    for (const column of ['calibrated_by', 'calibrated_at', 'calibration_session_id', 'rating_before_calibration']) await runner.query(`ALTER TABLE review DROP COLUMN ${column}`);
    for (const table of ['calibration_change', 'calibration_member', 'calibration_session', 'calibration_guideline_set']) await runner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
