import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName, TRACKED_COLUMNS } from './kit';

const RELATIONSHIP = `relationship TEXT CHECK (relationship IN ('self','manager','direct_report','peer','other'))`;

/**
 * Questionnaires (360 feedback, engagement surveys): reusable answer groups, questionnaires whose
 * sections, questions and result groups are JSON on the record (small, always read whole, frozen
 * once open), one invitation per person, and responses with one answer row per question.
 * Responses of anonymous questionnaires carry no invitation: the invitation only records that the
 * person responded, so no query can tell who answered what. Responses have no timestamp and no
 * rowid (stored in random-id order), so neither time nor insertion order pairs them with invitations.
 * A 360 is about one subject employee; each invitation carries the rater's relationship to them,
 * and the response copies it (for grouping) in place of the department.
 */
export class Questionnaires0007 implements MigrationInterface {
  name = migrationName('Questionnaires', 7);

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE answer_group (${TRACKED_COLUMNS},
        name TEXT NOT NULL, options TEXT NOT NULL, archived INTEGER NOT NULL DEFAULT 0)`,
      `CREATE TABLE questionnaire (${TRACKED_COLUMNS},
        name TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('feedback_360','engagement','other')), description TEXT,
        anonymous INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','open','closed')),
        sections TEXT NOT NULL, result_groups TEXT NOT NULL, population TEXT,
        opened_at TEXT, closed_at TEXT, archived INTEGER NOT NULL DEFAULT 0,
        subject_employee_id TEXT REFERENCES employee(id),
        CHECK ((kind = 'feedback_360') = (subject_employee_id IS NOT NULL)))`,
      // department_id is the person's department when invited: results follow the organisation as it was.
      `CREATE TABLE questionnaire_invitation (
        id TEXT PRIMARY KEY NOT NULL, questionnaire_id TEXT NOT NULL REFERENCES questionnaire(id),
        employee_id TEXT NOT NULL REFERENCES employee(id), department_id TEXT REFERENCES department(id),
        invited_at TEXT NOT NULL, responded_at TEXT, ${RELATIONSHIP},
        UNIQUE (questionnaire_id, employee_id))`,
      `CREATE INDEX questionnaire_invitation_department ON questionnaire_invitation (questionnaire_id, department_id)`,
      // invitation_id is NULL for anonymous questionnaires; department_id (other kinds) or relationship (360s) is copied from the invitation for grouping.
      `CREATE TABLE questionnaire_response (
        id TEXT PRIMARY KEY NOT NULL, questionnaire_id TEXT NOT NULL REFERENCES questionnaire(id),
        invitation_id TEXT UNIQUE REFERENCES questionnaire_invitation(id), department_id TEXT REFERENCES department(id),
        source TEXT NOT NULL CHECK (source IN ('typed','import')), ${RELATIONSHIP},
        points REAL, score REAL) WITHOUT ROWID`,
      `CREATE INDEX questionnaire_response_department ON questionnaire_response (questionnaire_id, department_id)`,
      // value: JSON of the answer (option id, option ids, number or text); points: what it scored (choice and scale).
      `CREATE TABLE questionnaire_answer (
        response_id TEXT NOT NULL REFERENCES questionnaire_response(id), question_id TEXT NOT NULL,
        value TEXT NOT NULL, points REAL,
        PRIMARY KEY (response_id, question_id)) WITHOUT ROWID`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['questionnaire_answer', 'questionnaire_response', 'questionnaire_invitation', 'questionnaire', 'answer_group']) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
