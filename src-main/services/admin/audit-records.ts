import { auditEntityLabel } from '../../../src-shared/domain/audit';
import type { ServiceContext } from '../context';

/*
 * Records by name, for the audit log: one SQL per table giving `id` and `label` for every record of
 * it, as the UI names them (an employee with their number, a review as "cycle – person"). A new
 * area adds its tables here; a table without an entry shows its record type and id.
 */
const person = (alias: string) => `${alias}.first_name || ' ' || ${alias}.last_name`;

const LABEL_SQL: Record<string, string> = {
  employee: `SELECT id, first_name || ' ' || last_name || ' (' || employee_number || ')' AS label FROM employee`,
  department: `SELECT id, name AS label FROM department`,
  job: `SELECT id, CASE WHEN level IS NOT NULL AND level <> '' THEN title || ' (' || level || ')' ELSE title END AS label FROM job`,
  position: `SELECT p.id, p.title || ' · ' || coalesce(d.name, '?') AS label FROM position p LEFT JOIN department d ON d.id = p.department_id`,
  skill: `SELECT id, name AS label FROM skill`,
  skill_type: `SELECT id, name AS label FROM skill_type`,
  rating_model: `SELECT id, name AS label FROM rating_model`,
  employee_skill: `SELECT es.id, ${person('e')} || ' – ' || s.name AS label FROM employee_skill es JOIN employee e ON e.id = es.employee_id JOIN skill s ON s.id = es.skill_id`,
  employee_skill_target: `SELECT t.id, ${person('e')} || ' – ' || s.name AS label FROM employee_skill_target t JOIN employee e ON e.id = t.employee_id JOIN skill s ON s.id = t.skill_id`,
  job_skill: `SELECT js.id, j.title || ' – ' || s.name AS label FROM job_skill js JOIN job j ON j.id = js.job_id JOIN skill s ON s.id = js.skill_id`,
  saved_skill_search: `SELECT id, name AS label FROM saved_skill_search`,
  goal: `SELECT id, title AS label FROM goal`,
  goal_check_in: `SELECT c.id, g.title || ' – check-in of ' || c.date AS label FROM goal_check_in c JOIN goal g ON g.id = c.goal_id`,
  goal_library_item: `SELECT id, title AS label FROM goal_library_item`,
  review_cycle: `SELECT id, name AS label FROM review_cycle`,
  review: `SELECT r.id, c.name || ' – ' || ${person('e')} AS label FROM review r JOIN review_cycle c ON c.id = r.cycle_id JOIN employee e ON e.id = r.employee_id`,
  // A review step's events name the review itself.
  review_step: `SELECT r.id, c.name || ' – ' || ${person('e')} AS label FROM review r JOIN review_cycle c ON c.id = r.cycle_id JOIN employee e ON e.id = r.employee_id`,
  review_answer: `SELECT a.id, c.name || ' – ' || ${person('e')} AS label FROM review_answer a JOIN review r ON r.id = a.review_id
                    JOIN review_cycle c ON c.id = r.cycle_id JOIN employee e ON e.id = r.employee_id`,
  rating_scale: `SELECT id, name AS label FROM rating_scale`,
  review_template: `SELECT id, name AS label FROM review_template`,
  journal_entry: `SELECT j.id, ${person('e')} || ' – journal entry of ' || j.date AS label FROM journal_entry j JOIN employee e ON e.id = j.employee_id`,
  answer_group: `SELECT id, name AS label FROM answer_group`,
  questionnaire: `SELECT id, name AS label FROM questionnaire`,
  questionnaire_invitation: `SELECT i.id, q.name || ' – ' || ${person('e')} AS label FROM questionnaire_invitation i
                               JOIN questionnaire q ON q.id = i.questionnaire_id JOIN employee e ON e.id = i.employee_id`,
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

const SETTING_LABELS: Record<string, string> = { actorName: 'Your name' };

export const hasLabels = (table: string) => Object.hasOwn(LABEL_SQL, table);

/** Names of records of one table by id; ids with no record left are absent. */
export function labelsOf(ctx: ServiceContext, table: string, ids: Iterable<string>): Map<string, string> {
  const unique = [...new Set(ids)];
  const found = new Map<string, string>();
  if (table === 'setting') {
    for (const id of unique) found.set(id, SETTING_LABELS[id] ?? id);
    return found;
  }
  if (table === 'database') {
    for (const id of unique) found.set(id, id);
    return found;
  }
  const sql = LABEL_SQL[table];
  if (!sql) return found;
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = ctx.store.raw.prepare(`SELECT id, label FROM (${sql}) WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as { id: string; label: string }[];
    for (const row of rows) found.set(row.id, row.label);
  }
  return found;
}

/** Records with audit events whose name contains `search`, the most familiar kinds first. */
export function findRecords(ctx: ServiceContext, search: string, limit: number) {
  const like = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows: { entity: string; entityId: string; entityLabel: string; label: string }[] = [];
  for (const [table, sql] of Object.entries(LABEL_SQL)) {
    if (rows.length >= limit || table === 'review_step') continue;
    const found = ctx.store.raw
      .prepare(
        `SELECT id, label FROM (${sql}) WHERE label LIKE ? ESCAPE '\\'
            AND id IN (SELECT entity_id FROM audit_event WHERE entity = ?) ORDER BY label COLLATE NOCASE LIMIT ?`,
      )
      .all(like, table, limit - rows.length) as { id: string; label: string }[];
    for (const row of found) rows.push({ entity: table, entityId: row.id, entityLabel: auditEntityLabel(table), label: row.label });
  }
  return rows;
}
