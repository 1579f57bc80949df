import { api, cell, expect, goTo, pasteInto, test } from './fixtures';

interface StoredEmployee {
  id: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  hireDate: string;
  status: string;
  version: number;
}

const EXISTING = 499;
const pad = (n: number) => String(n).padStart(4, '0');

test('a 500-row paste into a new row asks first; "paste as new rows" creates 500 and changes no one', async ({ page, host }) => {
  await page.goto(host.url);
  // 499 people who are all active and hired on 2020-01-01: a pasted row differs from them in number, names and email only.
  await api(page, 'people.saveEmployees', {
    rows: Array.from({ length: EXISTING }, (_, i) => ({
      values: { employeeNumber: `E${pad(i)}`, firstName: `First${i}`, lastName: `Last${i}`, email: `e${i}@example.com`, hireDate: '2020-01-01', status: 'active' },
    })),
  });
  const before = (await api<{ rows: StoredEmployee[] }>(page, 'people.listEmployees', { limit: 100_000 })).rows;
  expect(before).toHaveLength(EXISTING);

  await goTo(page, '/people/employees');
  await expect(page.getByTestId('grid-row-count')).toHaveText('499 rows');
  const block = Array.from({ length: 500 }, (_, i) => [`P${pad(i)}`, `Pasted${i}`, `Person${i}`, `p${i}@example.com`, '2020-01-01', 'Active'].join('\t')).join('\n');

  // Cancel: nothing happens.
  await page.getByTestId('grid-add-row').click();
  await pasteInto(page, block);
  const question = page.getByTestId('grid-paste-question');
  // 499 existing rows under the new one, 4 of their 6 cells differ (hire date and status are the same).
  await expect(question).toContainText('changes 499 existing employees (1,996 cells)');
  await expect(question).toContainText('adds 1 new employee');
  await page.screenshot({ path: 'test-results/grid-paste-question.png' });
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  expect((await api<{ rows: StoredEmployee[] }>(page, 'people.listEmployees', { limit: 100_000 })).rows).toEqual(before);

  // Paste as new rows: 500 new employees, every existing one untouched.
  await pasteInto(page, block);
  await question.getByRole('button', { name: 'Paste as new rows' }).click();
  await expect.poll(async () => (await api<{ total: number }>(page, 'people.listEmployees', { limit: 1 })).total, { timeout: 30_000 }).toBe(999);
  const after = (await api<{ rows: StoredEmployee[] }>(page, 'people.listEmployees', { limit: 100_000 })).rows;
  const byId = new Map(after.map((row) => [row.id, row]));
  for (const row of before) expect(byId.get(row.id)).toEqual(row);
  const created = after.filter((row) => row.employeeNumber.startsWith('P')).sort((a, b) => a.employeeNumber.localeCompare(b.employeeNumber));
  expect(created).toHaveLength(500);
  expect(created[0]).toMatchObject({ employeeNumber: 'P0000', firstName: 'Pasted0', lastName: 'Person0', email: 'p0@example.com', hireDate: '2020-01-01', status: 'active' });
  expect(created[499]).toMatchObject({ employeeNumber: 'P0499', firstName: 'Pasted499', lastName: 'Person499' });
  // The new rows stay at the top, where they were added, in the pasted order.
  await expect(cell(page, 'employees', 0, 'employeeNumber')).toHaveText('P0000');
  await expect(cell(page, 'employees', 1, 'employeeNumber')).toHaveText('P0001');
});

test('Ctrl+Shift+V pastes as new rows without asking', async ({ page, host }) => {
  await page.goto(host.url);
  await api(page, 'people.saveEmployees', {
    rows: [0, 1, 2].map((i) => ({ values: { employeeNumber: `E${i}`, firstName: `F${i}`, lastName: `L${i}`, hireDate: '2021-05-01', status: 'active' } })),
  });
  await goTo(page, '/people/employees');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await cell(page, 'employees', 0, 'employeeNumber').click();
  await page.evaluate(() => navigator.clipboard.writeText('N1\tNew\tOne\t\t2024-02-01\tActive\nN2\tNew\tTwo\t\t2024-02-02\tActive'));
  await page.keyboard.press('Control+Shift+V');
  await expect.poll(() => host.query(`SELECT employee_number AS n FROM employee ORDER BY employee_number`)).toEqual([{ n: 'E0' }, { n: 'E1' }, { n: 'E2' }, { n: 'N1' }, { n: 'N2' }]);
  expect(host.query(`SELECT version FROM employee WHERE employee_number LIKE 'E%'`)).toEqual([{ version: 1 }, { version: 1 }, { version: 1 }]);
});

test('an edit in a sorted grid leaves the row where it is and the cursor on it until the user sorts again', async ({ page, host }) => {
  await page.goto(host.url);
  const names = ['Adams', 'Baker', 'Clark', 'Davis', 'Evans', 'Foster'];
  await api(page, 'people.saveEmployees', {
    rows: names.map((lastName, i) => ({ values: { employeeNumber: `S${i}`, firstName: 'Sam', lastName, hireDate: '2022-01-01', status: 'active' } })),
  });
  await goTo(page, '/people/employees');
  const grid = page.getByTestId('grid-employees');
  await grid.locator('[role="columnheader"][data-col-id="lastName"] button').click();
  await expect(cell(page, 'employees', 1, 'lastName')).toHaveText('Baker');

  // Baker becomes Young: sorted again it would be last. It stays on row 2 while the list reloads.
  const reloaded = page.waitForResponse((response) => response.url().endsWith('/api') && (response.request().postData() ?? '').includes('people.listEmployeeWindow'));
  await cell(page, 'employees', 1, 'lastName').click();
  await page.keyboard.type('Young');
  await page.keyboard.press('Tab');
  await reloaded;
  await expect.poll(() => host.query(`SELECT last_name AS n FROM employee WHERE employee_number = 'S1'`)).toEqual([{ n: 'Young' }]);
  await expect(cell(page, 'employees', 1, 'lastName')).toHaveText('Young');
  await expect(cell(page, 'employees', 2, 'lastName')).toHaveText('Clark');
  await expect(grid.locator('.cg-cursor')).toHaveAttribute('data-row-index', '1');
  await expect(grid.locator('.cg-cursor')).toHaveAttribute('data-col-id', 'email');

  // The next keystrokes go into the same person's cells.
  await page.keyboard.type('young@example.com');
  await page.keyboard.press('Enter');
  await expect.poll(() => host.query(`SELECT email FROM employee WHERE employee_number = 'S1'`)).toEqual([{ email: 'young@example.com' }]);

  // Sorting again puts the row in its place.
  await grid.getByTestId('grid-resort').click();
  await expect(cell(page, 'employees', 5, 'lastName')).toHaveText('Young');
  await expect(cell(page, 'employees', 1, 'lastName')).toHaveText('Clark');
});
