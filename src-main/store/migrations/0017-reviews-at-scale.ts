import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './kit';

/*
 * Reviews and questionnaires at 50,000 employees (docs/decisions.md, "Scale to 50,000 employees"):
 *
 *   questionnaire_answer_question  a question's answers by value with their points (and, as the table
 *                                  is keyed by response, the response id): a question's bars and
 *                                  averages are counted from the index alone, and its first text
 *                                  answers read in response order, without visiting every answer of
 *                                  every response.
 *   questionnaire_response_scores     a questionnaire's responses by department with their score and
 *                                  points: totals, departments and result groups from the index alone.
 *   questionnaire_invitation_responded  invitations by department with whether they responded: the
 *                                  participation by department from the index alone.
 *   review_cycle_grid              a cycle's reviews with every column the cycle page grid sorts and
 *                                  filters by (and the row id, as in every index): a window of the
 *                                  grid finds its rows, and the rating distribution counts, without
 *                                  reading the reviews themselves (a completed one holds its snapshot).
 *
 * This file is frozen: a later change is a new migration.
 */
export class ReviewsAtScale0017 implements MigrationInterface {
  name = migrationName('ReviewsAtScale', 17);

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX questionnaire_answer_question ON questionnaire_answer (question_id, value, points)`);
    await runner.query(`CREATE INDEX questionnaire_response_scores ON questionnaire_response (questionnaire_id, department_id, score, points)`);
    await runner.query(`CREATE INDEX questionnaire_invitation_responded ON questionnaire_invitation (questionnaire_id, department_id, responded_at)`);
    await runner.query(`CREATE INDEX review_cycle_grid ON review (cycle_id, employee_id, status, department_id, job_id, manager_id, final_rating, override_rating, completed_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX IF EXISTS review_cycle_grid`);
    await runner.query(`DROP INDEX IF EXISTS questionnaire_invitation_responded`);
    await runner.query(`DROP INDEX IF EXISTS questionnaire_response_scores`);
    await runner.query(`DROP INDEX IF EXISTS questionnaire_answer_question`);
  }
}
