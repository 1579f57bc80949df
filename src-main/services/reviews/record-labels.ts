import { personName } from '../shared/registry';

/** How the audit log names this area's records (table → SQL giving `id` and `label`). */
export const reviewsRecordLabels: Record<string, string> = {
  review_cycle: `SELECT id, name AS label FROM review_cycle`,
  review: `SELECT r.id, c.name || ' – ' || ${personName('e')} AS label FROM review r JOIN review_cycle c ON c.id = r.cycle_id JOIN employee e ON e.id = r.employee_id`,
  // A review step's events name the review itself.
  review_step: `SELECT r.id, c.name || ' – ' || ${personName('e')} AS label FROM review r JOIN review_cycle c ON c.id = r.cycle_id JOIN employee e ON e.id = r.employee_id`,
  review_answer: `SELECT a.id, c.name || ' – ' || ${personName('e')} AS label FROM review_answer a JOIN review r ON r.id = a.review_id
      JOIN review_cycle c ON c.id = r.cycle_id JOIN employee e ON e.id = r.employee_id`,
  rating_scale: `SELECT id, name AS label FROM rating_scale`,
  review_template: `SELECT id, name AS label FROM review_template`,
  journal_entry: `SELECT j.id, ${personName('e')} || ' – journal entry of ' || j.date AS label FROM journal_entry j JOIN employee e ON e.id = j.employee_id`,
  answer_group: `SELECT id, name AS label FROM answer_group`,
  questionnaire: `SELECT id, name AS label FROM questionnaire`,
  questionnaire_invitation: `SELECT i.id, q.name || ' – ' || ${personName('e')} AS label FROM questionnaire_invitation i
                 JOIN questionnaire q ON q.id = i.questionnaire_id JOIN employee e ON e.id = i.employee_id`,
};
