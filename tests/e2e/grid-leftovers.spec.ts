import { api, cell, expect, goTo, test } from './fixtures';

test('employees grid: the archive confirm names the records, a filtered export says so, a read-only view offers no undo', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  await goTo(page, '/people/employees');
  const grid = page.getByTestId('grid-employees');
  await expect(cell(page, 'employees', 0, 'lastName')).not.toBeEmpty();

  // Three rows selected: the button archives, and the confirm says how many employees and what happens.
  await cell(page, 'employees', 0, 'lastName').click();
  await cell(page, 'employees', 2, 'lastName').click({ modifiers: ['Shift'] });
  await expect(grid.getByTestId('grid-delete')).toHaveText('Archive');
  await grid.getByTestId('grid-delete').click();
  await expect(page.getByTestId('grid-delete-message')).toHaveText('Archive 3 employees?');
  await expect(page.getByTestId('grid-delete-consequence')).toContainText('nothing is erased');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(host.query(`SELECT count(*) AS n FROM employee WHERE archived = 1`)).toEqual([{ n: 0 }]);

  // A quick filter: Export says it writes only the rows shown.
  const [{ total }] = host.query<{ total: number }>(`SELECT count(*) AS total FROM employee WHERE archived = 0`);
  const [sample] = host.query<{ lastName: string; n: number }>(
    `SELECT last_name AS lastName, count(*) AS n FROM employee WHERE archived = 0 GROUP BY last_name ORDER BY n DESC, last_name LIMIT 1`);
  await grid.getByTestId('grid-filter').fill(sample.lastName);
  await expect(grid.getByTestId('grid-row-count')).not.toHaveText(`${total} rows`);
  const shown = Number((await grid.getByTestId('grid-row-count').textContent())!.replace(/\D/g, ''));
  await grid.getByTestId('grid-export').click();
  await expect(page.getByTestId('grid-export-scope')).toContainText(`Exports the ${shown} ${shown === 1 ? 'row' : 'rows'} shown (filtered; ${total} in all)`);
  await page.screenshot({ path: 'test-results/grid-export-filtered.png' });
  await page.keyboard.press('Escape');

  // The organisation as of a past day is read only: no undo or redo buttons, and Ctrl+Z changes nothing.
  await expect(grid.getByTestId('grid-undo')).toBeVisible();
  await goTo(page, '/people/employees?asOf=2025-01-01');
  await expect(page.getByText(/read only/)).toBeVisible();
  await expect(grid.getByTestId('grid-undo')).toHaveCount(0);
  await expect(grid.getByTestId('grid-redo')).toHaveCount(0);
});

test('a 100-character name is cut with an ellipsis in the breadcrumb and heading, with the full name on hover', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  const [manager] = host.query<{ id: string }>(`SELECT id FROM employee WHERE archived = 0 AND status = 'active' ORDER BY employee_number LIMIT 1`);
  const first = 'Maximiliana-Wilhelmina-Augustina';
  // "First Last" is exactly 100 characters.
  const lastLength = 100 - first.length - 1;
  const last = 'Oppenheimer-Vanderbilt-Rothschild-Montgomery-Fitzgerald-Kensington-Abernathy'.padEnd(lastLength, 'x').slice(0, lastLength);
  const { rows } = await api<{ rows: { id: string }[] }>(page, 'people.saveEmployees', {
    rows: [{ values: { employeeNumber: 'LONG-1', firstName: first, lastName: last, hireDate: '2024-01-02', status: 'active', managerId: manager.id } }],
  });
  // A report under them, so the long name is also a link in the middle of a breadcrumb.
  const { rows: [report] } = await api<{ rows: { id: string }[] }>(page, 'people.saveEmployees', {
    rows: [{ values: { employeeNumber: 'LONG-2', firstName: 'Ann', lastName: 'Report', hireDate: '2024-01-02', status: 'active', managerId: rows[0].id } }],
  });
  const [stored] = host.query<{ name: string }>(`SELECT first_name || ' ' || last_name AS name FROM employee WHERE id = ?`, rows[0].id);
  expect(stored.name).toHaveLength(100);

  for (const id of [rows[0].id, report.id]) {
    await goTo(page, `/people/employees/${id}`);
    await expect(page.getByTestId('employee-breadcrumbs')).toContainText('Employees');
    const overflow = await page.evaluate(() => ({ page: document.documentElement.scrollWidth - document.documentElement.clientWidth, main: document.querySelector('main') ? document.querySelector('main')!.scrollWidth - document.querySelector('main')!.clientWidth : 0 }));
    expect(overflow).toEqual({ page: 0, main: 0 });
    await expect(page.getByTestId('employee-breadcrumbs').locator(`[title="${stored.name}"]`)).toBeVisible();
    const crumbs = await page.getByTestId('employee-breadcrumbs').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(crumbs.scroll).toBeLessThanOrEqual(crumbs.client);
  }
  const heading = page.getByTestId('employee-name');
  await expect(heading).toHaveText('Ann Report');
  await goTo(page, `/people/employees/${rows[0].id}`);
  await expect(heading).toHaveAttribute('title', stored.name);
  const cut = await heading.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(cut).toBe(true);
  await page.screenshot({ path: 'test-results/employee-long-name.png' });
});
