import type { TestApp } from './helpers';

/** A three-level scale. */
export const LEVELS = [
  { value: 1, label: 'Low', description: null },
  { value: 2, label: 'Solid', description: null },
  { value: 3, label: 'High', description: null },
];

export const CYCLE_ID = '00000000-0000-4000-8000-00000000c1c1';
export const SALES_ID = '00000000-0000-4000-8000-0000000000a1';

/** A cycle due 2026-01-31 over two departments, written straight into the tables. */
export function seedCycle(app: TestApp) {
  const db = app.store().raw;
  const now = '2025-11-01T09:00:00.000Z';
  const tracked = `created_at, updated_at, version`;
  db.prepare(`INSERT INTO department (id, name, archived, ${tracked}) VALUES (?, ?, 0, '${now}', '${now}', 1)`).run(SALES_ID, 'Sales');
  db.prepare(`INSERT INTO department (id, name, archived, ${tracked}) VALUES (?, ?, 0, '${now}', '${now}', 1)`).run('00000000-0000-4000-8000-0000000000e1', 'Engineering');
  db.prepare(`INSERT INTO job (id, title, archived, ${tracked}) VALUES ('j1', 'Account Executive', 0, '${now}', '${now}', 1)`).run();
  const employee = db.prepare(`INSERT INTO employee (id, employee_number, first_name, last_name, hire_date, status, department_id, job_id, archived, ${tracked})
    VALUES (@id, @id, @first, 'Tester', '2020-01-01', 'active', @department, 'j1', 0, '${now}', '${now}', 1)`);
  db.prepare(`INSERT INTO rating_scale (id, name, levels, archived, ${tracked}) VALUES ('s1', 'Three', ?, 0, '${now}', '${now}', 1)`).run(JSON.stringify(LEVELS));
  db.prepare(`INSERT INTO review_template (id, name, sections, steps, archived, ${tracked}) VALUES ('t1', 'Annual', '[]', '{}', 0, '${now}', '${now}', 1)`).run();
  db.prepare(`INSERT INTO review_cycle (id, name, period_start, period_end, rating_scale_id, template_id, population, due_date, status, launched_at, levels_snapshot, sections_snapshot, steps_snapshot, archived, ${tracked})
    VALUES ('${CYCLE_ID}', '2025 annual review', '2025-01-01', '2025-12-31', 's1', 't1', '{}', '2026-01-31', 'active', '${now}', ?, '[]', '{}', 0, '${now}', '${now}', 1)`).run(JSON.stringify(LEVELS));
  const review = db.prepare(`INSERT INTO review (id, cycle_id, employee_id, department_id, job_id, status, completed_at, computed_rating, override_rating, override_reason, final_rating, ${tracked})
    VALUES (@id, '${CYCLE_ID}', @id, @department, 'j1', @status, @completedAt, @computed, @override, @reason, coalesce(@override, @computed), '${now}', '${now}', 1)`);
  const rows = [
    // department, status, completed at, computed, override
    [SALES_ID, 'complete', '2026-01-20T10:00:00.000Z', 2.4, null],
    [SALES_ID, 'complete', '2026-02-03T10:00:00.000Z', 2.6, 1],
    [SALES_ID, 'final_review', null, 3, null],
    [SALES_ID, 'not_started', null, null, null],
    ['00000000-0000-4000-8000-0000000000e1', 'complete', '2026-01-31T23:30:00.000Z', 1.2, null],
    ['00000000-0000-4000-8000-0000000000e1', 'in_progress', null, null, null],
  ] as const;
  rows.forEach(([department, status, completedAt, computed, override], i) => {
    const id = `e${i + 1}`;
    employee.run({ id, first: `Person${i + 1}`, department });
    review.run({ id, department, status, completedAt, computed, override, reason: override === null ? null : 'Calibrated' });
  });
}

