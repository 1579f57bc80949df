import { personName } from '../shared/registry';

/** How the audit log names this area's records (table → SQL giving `id` and `label`). */
export const skillsRecordLabels: Record<string, string> = {
  skill: `SELECT id, name AS label FROM skill`,
  skill_type: `SELECT id, name AS label FROM skill_type`,
  rating_model: `SELECT id, name AS label FROM rating_model`,
  employee_skill: `SELECT es.id, ${personName('e')} || ' – ' || s.name AS label FROM employee_skill es JOIN employee e ON e.id = es.employee_id JOIN skill s ON s.id = es.skill_id`,
  employee_skill_target: `SELECT t.id, ${personName('e')} || ' – ' || s.name AS label FROM employee_skill_target t JOIN employee e ON e.id = t.employee_id JOIN skill s ON s.id = t.skill_id`,
  job_skill: `SELECT js.id, j.title || ' – ' || s.name AS label FROM job_skill js JOIN job j ON j.id = js.job_id JOIN skill s ON s.id = js.skill_id`,
  saved_skill_search: `SELECT id, name AS label FROM saved_skill_search`,
};
