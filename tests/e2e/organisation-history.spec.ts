import { cell, expect, goTo, test } from './fixtures';

test('a job change recorded with an effective date shows the old job as of the day before', async ({ page, seededHost: host }) => {
  const [person] = host.query<{ id: string; number: string; jobId: string; job: string; level: string }>(
    `SELECT e.id, e.employee_number AS number, e.job_id AS jobId, j.title AS job, j.level FROM employee e JOIN job j ON j.id = e.job_id
      WHERE e.status = 'active' AND e.hire_date < '2024-01-01' AND j.title = 'Software Engineer' AND j.level = 'L2'
        AND NOT EXISTS (SELECT 1 FROM employee r WHERE r.manager_id = e.id) LIMIT 1`,
  );
  const [promotion] = host.query<{ id: string }>(`SELECT id FROM job WHERE title = 'Software Engineer' AND level = 'L3'`);
  await page.goto(host.url);
  await goTo(page, `/people/employees/${person.id}`);
  await page.getByTestId('employee-edit').click();
  const form = page.getByTestId('employee-form');
  await form.getByRole('textbox', { name: 'Job' }).fill('Software Engineer (L3)');
  await page.getByRole('option', { name: 'Software Engineer (L3)', exact: true }).click();
  await form.getByLabel('Changes take effect').fill('2025-03-01');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();

  // Stored: today's job on the employee, the change dated in the history.
  expect(host.query(`SELECT job_id AS jobId FROM employee WHERE id = ?`, person.id)).toEqual([{ jobId: promotion.id }]);
  const history = page.getByTestId('organisation-history');
  await expect(history.locator('tbody tr').first()).toContainText('2025-03-01');
  await expect(history.locator('tbody tr').first()).toContainText('Software Engineer (L3)');
  await expect(history.locator('tbody tr').first().getByRole('cell').nth(1)).toHaveText('Job');

  // The people list as of the day before shows the old job, as of that day the new one.
  await goTo(page, '/people/employees');
  await page.getByTestId('employees-as-of').fill('2025-02-28');
  await expect(page.getByText(/employed on 2025-02-28, where they were then/)).toBeVisible();
  await page.getByTestId('grid-filter').fill(person.number);
  await expect(cell(page, 'employees', 0, 'employeeNumber')).toHaveText(person.number);
  await expect(cell(page, 'employees', 0, 'jobId')).toHaveText('Software Engineer (L2)');
  await page.getByTestId('employees-as-of').fill('2025-03-01');
  await expect(cell(page, 'employees', 0, 'jobId')).toHaveText('Software Engineer (L3)');
  // An as-of view is read only: no adding rows.
  await expect(page.getByTestId('grid-add-row')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/organisation-history-employees.png' });
  await page.getByTestId('employees-as-of').fill('');
  await expect(page.getByTestId('grid-add-row')).toBeVisible();

  await goTo(page, `/people/employees/${person.id}`);
  await history.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/organisation-history-employee.png', fullPage: true });
});

test('"terminated" needs a termination date; the form says so, then stores it and the grid shows it', async ({ page, seededHost: host }) => {
  const [person] = host.query<{ id: string; number: string; hireDate: string }>(
    // Someone who manages no one: the grid's quick filter also matches the manager column.
    `SELECT id, employee_number AS number, hire_date AS hireDate FROM employee e WHERE status = 'active' AND hire_date < '2024-01-01'
        AND NOT EXISTS (SELECT 1 FROM employee r WHERE r.manager_id = e.id) LIMIT 1`,
  );
  await page.goto(host.url);
  await goTo(page, `/people/employees/${person.id}`);
  await page.getByTestId('employee-edit').click();
  const form = page.getByTestId('employee-form');
  await form.getByRole('textbox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Terminated' }).click();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('form-error')).toContainText('Termination date is required when the status is Terminated.');
  expect(host.query(`SELECT status FROM employee WHERE id = ?`, person.id)).toEqual([{ status: 'active' }]);

  await form.getByLabel('Termination date').fill('2025-06-30');
  await page.screenshot({ path: 'test-results/employee-form-termination.png' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  expect(host.query(`SELECT status, termination_date AS date FROM employee WHERE id = ?`, person.id)).toEqual([{ status: 'terminated', date: '2025-06-30' }]);
  await expect(page.getByText('Termination date', { exact: true }).locator('..')).toContainText('2025-06-30');

  await goTo(page, '/people/employees');
  await page.getByTestId('grid-filter').fill(person.number);
  await expect(cell(page, 'employees', 0, 'employeeNumber')).toHaveText(person.number);
  await expect(page.getByTestId('grid-row-count')).toHaveText('1 row');
  await expect(cell(page, 'employees', 0, 'terminationDate')).toHaveText('2025-06-30');
  await expect(cell(page, 'employees', 0, 'status')).toHaveText('Terminated');
  // As of their last day they were still there; the day after, they are not.
  await page.getByTestId('employees-as-of').fill('2025-06-30');
  await expect(cell(page, 'employees', 0, 'status')).toHaveText('Active');
  await page.getByTestId('employees-as-of').fill('2025-07-01');
  await expect(page.getByTestId('grid-row-count')).toContainText('0');
});

test('the org tree names a head from the top position and answers as of a date', async ({ page, seededHost: host }) => {
  const [vp] = host.query<{ name: string }>(
    `SELECT e.first_name || ' ' || e.last_name AS name FROM employee e JOIN position p ON p.id = e.position_id WHERE p.title = 'VP Engineering'`,
  );
  await page.goto(host.url);
  await goTo(page, '/people/org');
  const tree = page.getByTestId('org-tree');
  await expect(tree.getByText(`· ${vp.name} (VP Engineering)`)).toBeVisible();
  // Everyone hired by then and not yet gone.
  const [{ n }] = host.query<{ n: number }>(`SELECT count(*) AS n FROM employee WHERE hire_date <= '2014-01-01' AND (termination_date IS NULL OR termination_date >= '2014-01-01')`);
  await page.getByTestId('org-as-of').fill('2014-01-01');
  const root = tree.getByText('Canopy Group', { exact: true }).locator('..');
  await expect(root.getByTitle('Including sub-departments')).toHaveText(`${n} total`);
  await page.screenshot({ path: 'test-results/org-tree-as-of.png' });
});
