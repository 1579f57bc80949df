import { expect, goTo, test } from './fixtures';

/**
 * People pickers search the main process (people.searchEmployees) as the user types; none loads
 * the organisation. Here: the Manager field of the employee form, searched by employee number.
 */
test('employee form: a manager found by employee number is saved, and the form never lists everyone', async ({ page, seededHost: host }) => {
  // Someone with a manager and no reports of their own (so any other person can manage them).
  const [person] = host.query<{ id: string; managerLabel: string }>(`
    SELECT e.id, m.first_name || ' ' || m.last_name || ' (' || m.employee_number || ')' AS managerLabel
      FROM employee e JOIN employee m ON m.id = e.manager_id
     WHERE e.archived = 0 AND e.status = 'active' AND NOT EXISTS (SELECT 1 FROM employee r WHERE r.manager_id = e.id)
     ORDER BY e.employee_number LIMIT 1`);
  const [next] = host.query<{ id: string; number: string; label: string }>(`
    SELECT id, employee_number AS number, first_name || ' ' || last_name || ' (' || employee_number || ')' AS label FROM employee
     WHERE archived = 0 AND status = 'active' AND id <> ? AND id <> (SELECT manager_id FROM employee WHERE id = ?)
     ORDER BY employee_number DESC LIMIT 1`, person.id, person.id);

  await page.goto(host.url);
  await goTo(page, `/people/employees/${person.id}`);
  await expect(page.getByTestId('employee-name')).toBeVisible();
  const listed: unknown[] = [];
  page.on('request', (request) => {
    const body = request.method() === 'POST' && request.url().endsWith('/api') ? request.postDataJSON() : null;
    if (body?.method === 'people.listEmployees') listed.push(body.input);
  });
  await page.getByRole('button', { name: 'Edit', exact: true }).first().click();
  const form = page.getByTestId('employee-form');
  const manager = form.getByRole('textbox', { name: 'Manager' });
  // The current manager is named from their id alone.
  await expect(manager).toHaveValue(person.managerLabel);

  await manager.click();
  await manager.fill(next.number);
  // The exact employee number ranks first.
  const first = page.getByRole('option').first();
  await expect(first).toHaveText(new RegExp(`^${next.label.replace(/[()]/g, '\\$&')}`));
  await page.screenshot({ path: 'test-results/employee-picker-search.png' });
  await first.click();
  await expect(manager).toHaveValue(next.label);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await expect.poll(() => host.query(`SELECT manager_id AS managerId FROM employee WHERE id = ?`, person.id)).toEqual([{ managerId: next.id }]);
  expect(listed).toEqual([]);
});
