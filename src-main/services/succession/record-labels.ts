import { personName as person } from '../shared/registry';

/** Succession records by name, for the audit log. */
export const successionRecordLabels: Record<string, string> = {
  key_position: `SELECT p.id, p.title || ' · ' || coalesce(d.name, '?') AS label FROM position p LEFT JOIN department d ON d.id = p.department_id`,
  succession_plan: `SELECT sp.id, CASE WHEN sp.position_id IS NOT NULL THEN p.title || ' · ' || coalesce(d.name, '?') ELSE 'Job: ' || j.title END AS label
                      FROM succession_plan sp LEFT JOIN position p ON p.id = sp.position_id LEFT JOIN department d ON d.id = p.department_id LEFT JOIN job j ON j.id = sp.job_id`,
  succession_nomination: `SELECT n.id, coalesce(p.title, 'Job: ' || j.title) || ' – ' || coalesce(${person('e')}, x.name) AS label
                            FROM succession_nomination n JOIN succession_plan sp ON sp.id = n.plan_id LEFT JOIN position p ON p.id = sp.position_id
                            LEFT JOIN job j ON j.id = sp.job_id LEFT JOIN employee e ON e.id = n.employee_id LEFT JOIN external_candidate x ON x.id = n.external_candidate_id`,
  readiness_level: `SELECT id, label FROM readiness_level`,
  external_candidate: `SELECT id, name AS label FROM external_candidate`,
  loss_risk: `SELECT r.id, ${person('e')} || ' – risk of loss' AS label FROM loss_risk r JOIN employee e ON e.id = r.employee_id`,
  talent_pool: `SELECT id, name AS label FROM talent_pool`,
  talent_pool_member: `SELECT m.id, t.name || ' – ' || ${person('e')} AS label FROM talent_pool_member m JOIN talent_pool t ON t.id = m.pool_id JOIN employee e ON e.id = m.employee_id`,
  talent_pool_position: `SELECT q.id, t.name || ' – ' || p.title AS label FROM talent_pool_position q JOIN talent_pool t ON t.id = q.pool_id JOIN position p ON p.id = q.position_id`,
  employee_photo: `SELECT e.id, ${person('e')} || ' – photo' AS label FROM employee e`,
};
