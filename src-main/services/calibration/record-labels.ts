import { personName } from '../shared/registry';

/** How the audit log names calibration records (table → SQL giving `id` and `label`). */
export const calibrationRecordLabels: Record<string, string> = {
  calibration_session: `SELECT id, name AS label FROM calibration_session`,
  calibration_guideline_set: `SELECT id, name AS label FROM calibration_guideline_set`,
  calibration_member: `SELECT m.id, s.name || ' – ' || ${personName('e')} AS label FROM calibration_member m
      JOIN calibration_session s ON s.id = m.session_id JOIN employee e ON e.id = m.employee_id`,
};
