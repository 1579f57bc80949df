import type { Browser, Page } from '@playwright/test';
import { api, cell, expect, goTo, test, type HostFixture } from './fixtures';

/** A second window on the same browser host: its own browser context, so its own tab, cache and events. */
async function secondWindow(browser: Browser, host: HostFixture): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(host.url);
  return page;
}

interface StoredEmployee {
  id: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  location: string | null;
  version: number;
}

async function storedEmployee(page: Page, employeeNumber: string): Promise<StoredEmployee> {
  const { rows } = await api<{ rows: StoredEmployee[] }>(page, 'people.listEmployees', { search: employeeNumber, limit: 10 });
  return rows.find((row) => row.employeeNumber === employeeNumber)!;
}

test('grid: an edit started before another window saved the cell gets a conflict choice, never a silent overwrite', async ({ page: windowB, browser, seededHost: host }) => {
  const windowA = await secondWindow(browser, host);
  await windowB.goto(host.url);
  for (const page of [windowA, windowB]) await goTo(page, '/people/employees');
  const number = (await cell(windowB, 'employees', 0, 'employeeNumber').textContent())!;
  await expect(cell(windowA, 'employees', 0, 'employeeNumber')).toHaveText(number);
  const before = await storedEmployee(windowB, number);

  // B opens the editor on the location cell and types, but has not pressed Enter yet.
  await cell(windowB, 'employees', 0, 'location').click();
  await windowB.keyboard.type('Lisbon (B)');
  await expect(windowB.getByTestId('cell-editor')).toHaveValue('Lisbon (B)');

  // Meanwhile A saves the same cell.
  await cell(windowA, 'employees', 0, 'location').click();
  await windowA.keyboard.type('Oslo (A)');
  await windowA.keyboard.press('Enter');
  await expect.poll(async () => (await storedEmployee(windowA, number)).location).toBe('Oslo (A)');

  // B presses Enter: the save carries the version B started from, so it is refused and B chooses.
  await windowB.keyboard.press('Enter');
  const conflict = windowB.getByTestId('grid-conflict');
  await expect(conflict).toContainText('changed elsewhere');
  await expect(conflict).toContainText('Nothing of yours was saved');
  const afterA = await storedEmployee(windowB, number);
  expect(afterA).toMatchObject({ location: 'Oslo (A)', version: before.version + 1 });

  await conflict.getByRole('button', { name: 'Review both' }).click();
  const review = windowB.getByTestId('grid-conflict-review');
  await expect(review.getByRole('row').nth(1)).toContainText('Location');
  await expect(review.getByRole('row').nth(1)).toContainText('Oslo (A)');
  await expect(review.getByRole('row').nth(1)).toContainText('Lisbon (B)');
  await windowB.screenshot({ path: 'test-results/grid-conflict-review.png' });
  await review.getByRole('button', { name: 'Keep mine' }).click();
  await expect.poll(async () => (await storedEmployee(windowB, number)).location).toBe('Lisbon (B)');
  expect((await storedEmployee(windowB, number)).version).toBe(before.version + 2);
  await expect(conflict).toHaveCount(0);
  await expect(cell(windowB, 'employees', 0, 'location')).toHaveText('Lisbon (B)');

  // The other way out: A changes it again while B edits; B reloads theirs and A's value stays.
  await expect(cell(windowA, 'employees', 0, 'location')).toHaveText('Lisbon (B)');
  await cell(windowB, 'employees', 0, 'location').click();
  await windowB.keyboard.type('Madrid (B)');
  await cell(windowA, 'employees', 0, 'location').click();
  await windowA.keyboard.type('Bergen (A)');
  await windowA.keyboard.press('Enter');
  await expect.poll(async () => (await storedEmployee(windowA, number)).location).toBe('Bergen (A)');
  await windowB.keyboard.press('Enter');
  await conflict.getByRole('button', { name: /Reload theirs/ }).click();
  await expect(conflict).toHaveCount(0);
  await expect(cell(windowB, 'employees', 0, 'location')).toHaveText('Bergen (A)');
  expect((await storedEmployee(windowB, number)).location).toBe('Bergen (A)');
  await windowA.context().close();
});

test('grid: undo of an edit another window has since changed asks instead of overwriting', async ({ page: windowB, browser, seededHost: host }) => {
  const windowA = await secondWindow(browser, host);
  await windowB.goto(host.url);
  for (const page of [windowA, windowB]) await goTo(page, '/people/employees');
  const number = (await cell(windowB, 'employees', 0, 'employeeNumber').textContent())!;
  await cell(windowB, 'employees', 0, 'location').click();
  await windowB.keyboard.type('Tromsø');
  await windowB.keyboard.press('Enter');
  await expect.poll(async () => (await storedEmployee(windowB, number)).location).toBe('Tromsø');

  await expect(cell(windowA, 'employees', 0, 'location')).toHaveText('Tromsø');
  await cell(windowA, 'employees', 0, 'location').click();
  await windowA.keyboard.type('Narvik');
  await windowA.keyboard.press('Enter');
  await expect.poll(async () => (await storedEmployee(windowA, number)).location).toBe('Narvik');

  await windowB.getByTestId('grid-undo').click();
  await expect(windowB.getByTestId('grid-conflict')).toBeVisible();
  expect((await storedEmployee(windowB, number)).location).toBe('Narvik');
  await windowA.context().close();
});

test('form: Edit employee opened before another window saved keeps what was typed and asks; "Save mine" keeps their other changes', async ({ page: windowB, browser, seededHost: host }) => {
  const windowA = await secondWindow(browser, host);
  await windowB.goto(host.url);
  const [person] = host.query<{ id: string; email: string | null; location: string | null }>(
    `SELECT id, email, location FROM employee WHERE archived = 0 ORDER BY employee_number LIMIT 1`,
  );
  for (const page of [windowA, windowB]) {
    await goTo(page, `/people/employees/${person.id}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).first().click();
  }
  const formB = windowB.getByTestId('employee-form');
  const formA = windowA.getByTestId('employee-form');
  await formB.getByLabel('Email').fill('b.changed@example.com');

  await formA.getByLabel('Location').fill('Reykjavik');
  await formA.getByRole('button', { name: 'Save' }).click();
  await expect(formA).toHaveCount(0);
  await expect.poll(() => host.query(`SELECT location FROM employee WHERE id = ?`, person.id)).toEqual([{ location: 'Reykjavik' }]);

  // B's open form did not reload under B's hands.
  await expect(formB.getByLabel('Email')).toHaveValue('b.changed@example.com');
  await formB.getByRole('button', { name: 'Save' }).click();
  const notice = windowB.getByTestId('conflict-notice');
  await expect(notice).toContainText('changed elsewhere');
  expect(host.query(`SELECT email, location FROM employee WHERE id = ?`, person.id)).toEqual([{ email: person.email, location: 'Reykjavik' }]);

  await notice.getByRole('button', { name: 'Review both' }).click();
  const table = notice.getByTestId('conflict-table');
  await expect(table.getByRole('row', { name: /Email/ })).toContainText('b.changed@example.com');
  await expect(table.getByRole('row', { name: /Location/ })).toContainText('Reykjavik');
  await windowB.screenshot({ path: 'test-results/form-conflict-review.png' });
  await notice.getByRole('button', { name: 'Save mine' }).click();
  await expect(formB).toHaveCount(0);
  // Only the fields B changed are B's: A's location stays.
  await expect.poll(() => host.query(`SELECT email, location FROM employee WHERE id = ?`, person.id)).toEqual([{ email: 'b.changed@example.com', location: 'Reykjavik' }]);
  await windowA.context().close();
});

test('form: "Reload theirs" discards my typing for their values and saves nothing', async ({ page: windowB, browser, seededHost: host }) => {
  const windowA = await secondWindow(browser, host);
  await windowB.goto(host.url);
  const [person] = host.query<{ id: string; first_name: string }>(`SELECT id, first_name FROM employee WHERE archived = 0 ORDER BY employee_number LIMIT 1 OFFSET 3`);
  for (const page of [windowA, windowB]) {
    await goTo(page, `/people/employees/${person.id}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).first().click();
  }
  const formB = windowB.getByTestId('employee-form');
  await formB.getByLabel('Location').fill('Mine');
  const formA = windowA.getByTestId('employee-form');
  await formA.getByLabel('Location').fill('Theirs');
  await formA.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => host.query(`SELECT location FROM employee WHERE id = ?`, person.id)).toEqual([{ location: 'Theirs' }]);

  await formB.getByRole('button', { name: 'Save' }).click();
  await windowB.getByTestId('conflict-notice').getByRole('button', { name: /Reload theirs/ }).click();
  await expect(formB.getByLabel('Location')).toHaveValue('Theirs');
  await expect(windowB.getByTestId('conflict-notice')).toHaveCount(0);
  expect(host.query(`SELECT location FROM employee WHERE id = ?`, person.id)).toEqual([{ location: 'Theirs' }]);
  await windowA.context().close();
});

test('form: a rating scale saved elsewhere while I type keeps my typing, warns at once, and "Save mine" keeps their other change', async ({ page: windowB, browser, host }) => {
  await windowB.goto(host.url);
  const levels = [1, 2, 3].map((value) => ({ value, label: `Level ${value}`, description: null }));
  const scale = await api<{ id: string; version: number }>(windowB, 'reviews.saveRatingScale', { name: 'Five point', description: null, levels });
  await goTo(windowB, '/reviews/scales');
  await windowB.getByTestId('scale-list').getByText('Five point').click();
  const editor = windowB.getByTestId('scale-editor');
  await editor.getByLabel('Name').fill('Three point');

  // Another window changes the description; B's page refetches the list.
  const windowA = await secondWindow(browser, host);
  await api(windowA, 'reviews.saveRatingScale', { id: scale.id, version: scale.version, name: 'Five point', description: 'Used for 2025', levels });
  const notice = windowB.getByTestId('conflict-notice');
  await expect(notice).toContainText('changed elsewhere while you were editing');
  await expect(editor.getByLabel('Name')).toHaveValue('Three point');

  await notice.getByRole('button', { name: 'Review both' }).click();
  await expect(notice.getByRole('row', { name: /Name/ })).toContainText('Three point');
  await expect(notice.getByRole('row', { name: /Description/ })).toContainText('Used for 2025');
  await notice.getByRole('button', { name: 'Save mine' }).click();
  await expect.poll(() => host.query(`SELECT name, description, version FROM rating_scale WHERE id = ?`, scale.id)).toEqual([{ name: 'Three point', description: 'Used for 2025', version: 3 }]);
  await expect(notice).toHaveCount(0);
  await windowA.context().close();
});
