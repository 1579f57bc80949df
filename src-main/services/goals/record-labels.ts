/** How the audit log names this area's records (table → SQL giving `id` and `label`). */
export const goalsRecordLabels: Record<string, string> = {
  goal: `SELECT id, title AS label FROM goal`,
  goal_check_in: `SELECT c.id, g.title || ' – check-in of ' || c.date AS label FROM goal_check_in c JOIN goal g ON g.id = c.goal_id`,
  goal_library_item: `SELECT id, title AS label FROM goal_library_item`,
};
