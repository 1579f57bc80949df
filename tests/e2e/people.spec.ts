import { cell, expect, goTo, pasteInto, test } from './fixtures';

test('an empty database offers three ways to start, and unbuilt areas say so', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(page.getByText('Start empty')).toBeVisible();
  await expect(page.getByText('Load the demo organisation')).toBeVisible();
  await expect(page.getByText('Import a file').first()).toBeVisible();
  await page.getByRole('link', { name: /Learning/ }).click();
  await expect(page.getByTestId('not-built')).toContainText('Learning is not available in this version');
});

test('create a department, a job and an employee in the UI; it is all stored and survives a reload', async ({ page, host }) => {
  await page.goto(host.url);
  await goTo(page, '/people/departments');
  await page.getByTestId('grid-add-row').click();
  await page.keyboard.type('Research');
  await page.keyboard.press('Enter');
  await expect.poll(() => host.query(`SELECT name FROM department`)).toEqual([{ name: 'Research' }]);

  await goTo(page, '/people/jobs');
  await page.getByTestId('grid-add-row').click();
  await page.keyboard.type('Data Scientist');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Research');
  await page.keyboard.press('Tab');
  await page.keyboard.type('L2');
  await page.keyboard.press('Enter');
  await expect.poll(() => host.query(`SELECT title, family, level FROM job`)).toEqual([{ title: 'Data Scientist', family: 'Research', level: 'L2' }]);

  await goTo(page, '/people/employees');
  await page.getByTestId('new-employee').click();
  const form = page.getByTestId('employee-form');
  await form.getByLabel('Employee number').fill('R-001');
  await form.getByLabel('First name').fill('Marie');
  await form.getByLabel('Last name').fill('Curie');
  await form.getByLabel('Email').fill('marie@example.com');
  // Typed in the browser's own order (en-US here); the field shows and stores it as ISO.
  await form.getByLabel('Hire date').fill('6/1/2021');
  await form.getByLabel('Hire date').blur();
  await expect(form.getByLabel('Hire date')).toHaveValue('2021-06-01');
  await form.getByRole('textbox', { name: 'Department' }).fill('Research');
  await page.getByRole('option', { name: 'Research' }).click();
  await form.getByRole('textbox', { name: 'Job' }).fill('Data');
  await page.getByRole('option', { name: 'Data Scientist (L2)' }).click();
  await form.getByRole('button', { name: 'Create employee' }).click();
  await expect(page.getByTestId('employee-name')).toHaveText('Marie Curie');
  const [stored] = host.query<{ first_name: string; hire_date: string; department: string; job: string }>(
    `SELECT e.first_name, e.hire_date, d.name AS department, j.title AS job FROM employee e JOIN department d ON d.id = e.department_id JOIN job j ON j.id = e.job_id`,
  );
  expect(stored).toEqual({ first_name: 'Marie', hire_date: '2021-06-01', department: 'Research', job: 'Data Scientist' });

  await page.reload();
  await goTo(page, '/people/employees');
  await expect(cell(page, 'employees', 0, 'lastName')).toHaveText('Curie');
  await expect(cell(page, 'employees', 0, 'departmentId')).toHaveText('Research');
});

test('a bad form entry shows a clear message and stores nothing', async ({ page, host }) => {
  await page.goto(host.url);
  await goTo(page, '/people/employees');
  await page.getByTestId('new-employee').click();
  const form = page.getByTestId('employee-form');
  await form.getByLabel('Employee number').fill('X1');
  await form.getByLabel('First name').fill('No');
  await form.getByLabel('Last name').fill('Date');
  await form.getByRole('button', { name: 'Create employee' }).click();
  await expect(page.getByTestId('form-error')).toContainText('Hire date: Enter a date');
  expect(host.query(`SELECT count(*) AS n FROM employee`)).toEqual([{ n: 0 }]);
});

test('edit a cell by keyboard, paste a 20×3 block, undo, and see it persisted after reload', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  await goTo(page, '/people/employees');
  const first = cell(page, 'employees', 0, 'firstName');
  await expect(first).not.toBeEmpty();
  const firstRowNumber = (await cell(page, 'employees', 0, 'employeeNumber').textContent())!;

  await first.click();
  await page.keyboard.type('Zelda');
  await page.keyboard.press('Enter');
  await expect.poll(() => host.query(`SELECT first_name AS f FROM employee WHERE employee_number = ?`, firstRowNumber)).toEqual([{ f: 'Zelda' }]);

  const numbers: string[] = [];
  for (let i = 0; i < 20; i++) numbers.push((await cell(page, 'employees', i, 'employeeNumber').textContent())!);
  await cell(page, 'employees', 0, 'firstName').click();
  const block = Array.from({ length: 20 }, (_, i) => `Pasted${i}\tSurname${i}\tpasted${i}@example.com`).join('\n');
  await pasteInto(page, block);
  // The block runs past the selected cell over 19 more people: the grid asks first.
  await expect(page.getByTestId('grid-paste-question')).toContainText('changes 19 existing employees (57 cells) outside the selected rows');
  await page.getByRole('button', { name: 'Apply paste' }).click();
  await expect.poll(() => host.query(`SELECT count(*) AS n FROM employee WHERE first_name LIKE 'Pasted%' AND email LIKE 'pasted%@example.com'`)).toEqual([{ n: 20 }]);
  const stored = host.query<{ employee_number: string; last_name: string }>(`SELECT employee_number, last_name FROM employee WHERE first_name LIKE 'Pasted%' ORDER BY CAST(substr(first_name, 7) AS INTEGER)`);
  expect(stored.map((r) => r.employee_number)).toEqual(numbers);
  expect(stored.map((r) => r.last_name)).toEqual(Array.from({ length: 20 }, (_, i) => `Surname${i}`));

  // Undo takes the whole pasted block back as one batch; redo applies it again.
  await page.getByTestId('grid-undo').click();
  await expect.poll(() => host.query(`SELECT count(*) AS n FROM employee WHERE first_name LIKE 'Pasted%'`)).toEqual([{ n: 0 }]);
  await expect.poll(() => host.query(`SELECT first_name AS f FROM employee WHERE employee_number = ?`, firstRowNumber)).toEqual([{ f: 'Zelda' }]);
  await page.getByTestId('grid-redo').click();
  await expect.poll(() => host.query(`SELECT count(*) AS n FROM employee WHERE first_name LIKE 'Pasted%'`)).toEqual([{ n: 20 }]);

  await page.reload();
  await goTo(page, '/people/employees');
  await page.getByTestId('grid-filter').fill('pasted7@example.com');
  await expect(cell(page, 'employees', 0, 'firstName')).toHaveText('Pasted7');
  await expect(cell(page, 'employees', 0, 'lastName')).toHaveText('Surname7');

  // Scrolled all the way right, the pinned number and name columns stay in view beside the row numbers.
  const scroller = page.getByTestId('grid-employees').locator('.cg-scroller');
  await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const box = (await scroller.boundingBox())!;
  const name = (await cell(page, 'employees', 0, 'lastName').boundingBox())!;
  expect(name.x).toBeGreaterThan(box.x);
  expect(name.x + name.width).toBeLessThan(box.x + 500);

  // Ctrl+Enter on a cell opens the row's employee page, without the mouse.
  await cell(page, 'employees', 0, 'email').click();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('employee-name')).toHaveText('Pasted7 Surname7');
});

test('a pasted block with a bad cell is reported and nothing is saved', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  await goTo(page, '/people/employees');
  await cell(page, 'employees', 0, 'hireDate').click();
  const before = host.query(`SELECT id, hire_date, version FROM employee ORDER BY id`);
  await pasteInto(page, '2020-01-01\n2021-02-30\n2022-03-03');
  await expect(page.getByTestId('grid-error-report')).toContainText(/Row 2.*Hire date/);
  expect(host.query(`SELECT id, hire_date, version FROM employee ORDER BY id`)).toEqual(before);
});

test('a reporting loop typed into the grid is refused with a clear message', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  await goTo(page, '/people/employees');
  const [boss] = host.query<{ number: string; email: string }>(
    `SELECT m.employee_number AS number, m.email FROM employee m WHERE m.manager_id IS NULL`,
  );
  const [report] = host.query<{ label: string }>(
    `SELECT e.first_name || ' ' || e.last_name || ' (' || e.employee_number || ')' AS label FROM employee e JOIN employee m ON e.manager_id = m.id WHERE m.employee_number = ? LIMIT 1`,
    boss.number,
  );
  await page.getByTestId('grid-filter').fill(boss.email);
  await expect(cell(page, 'employees', 0, 'employeeNumber')).toHaveText(boss.number);
  await expect(cell(page, 'employees', 1, 'employeeNumber')).toHaveCount(0);
  await cell(page, 'employees', 0, 'managerId').click();
  await page.keyboard.press('Enter');
  await page.getByTestId('cell-editor').fill(report.label);
  await expect(page.getByRole('option', { name: report.label })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/reporting loop/).first()).toBeVisible();
  expect(host.query(`SELECT manager_id FROM employee WHERE employee_number = ?`, boss.number)).toEqual([{ manager_id: null }]);
});
