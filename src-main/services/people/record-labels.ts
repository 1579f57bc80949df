/** How the audit log names this area's records (table → SQL giving `id` and `label`). */
export const peopleRecordLabels: Record<string, string> = {
  employee: `SELECT id, first_name || ' ' || last_name || ' (' || employee_number || ')' AS label FROM employee`,
  department: `SELECT id, name AS label FROM department`,
  job: `SELECT id, CASE WHEN level IS NOT NULL AND level <> '' THEN title || ' (' || level || ')' ELSE title END AS label FROM job`,
  position: `SELECT p.id, p.title || ' · ' || coalesce(d.name, '?') AS label FROM position p LEFT JOIN department d ON d.id = p.department_id`,
};
