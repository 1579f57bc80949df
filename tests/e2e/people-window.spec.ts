import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { api, cell, expect, goTo, pasteInto, startHost, test, type HostFixture } from './fixtures';

/*
 * The people grid over a windowed row source: 3,000 employees are more than the grid loads
 * whole (2,000), so it asks the main process for the rows in view, sorted and filtered there.
 */

const EMPLOYEES = 3000;
const HEADERS = ['Number', 'First name', 'Last name', 'Email', 'Hire date', 'Status', 'Termination date', 'Department', 'Job', 'Manager', 'Location'];

interface Person {
  id: string;
  number: string;
  first: string;
  last: string;
  location: string | null;
}

/** Every employee in the grid's default order (last name, first name, ignoring case; then id), worked out here. */
function peopleByName(host: HostFixture): Person[] {
  const rows = host.query<Person>(`SELECT id, employee_number AS number, first_name AS first, last_name AS last, location FROM employee WHERE archived = 0`);
  const key = (s: string) => s.toLowerCase();
  return rows.sort((a, b) => (key(a.last) < key(b.last) ? -1 : key(a.last) > key(b.last) ? 1 : key(a.first) < key(b.first) ? -1 : key(a.first) > key(b.first) ? 1 : a.id < b.id ? -1 : 1));
}

async function exportCsv(page: Page): Promise<string[][]> {
  await page.getByTestId('grid-export').click();
  const download: Promise<Download> = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'CSV' }).click();
  const text = fs.readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text.trim()).data;
}

let host: HostFixture & { stop(): Promise<void> };
test.beforeAll(async () => {
  test.setTimeout(180_000);
  host = await startHost({ seedEmployees: EMPLOYEES });
});
test.afterAll(async () => host?.stop());

test('3,000 employees: scroll to the last, edit and paste far down, paste past the loaded rows, export all and filtered', async ({ page }) => {
  test.setTimeout(180_000);
  const people = peopleByName(host);
  expect(people).toHaveLength(EMPLOYEES);
  await page.goto(host.url);
  await goTo(page, '/people/employees');
  const grid = page.getByTestId('grid-employees');
  await expect(grid.getByTestId('grid-row-count')).toHaveText('3,000 rows');
  await expect(cell(page, 'employees', 0, 'employeeNumber')).toHaveText(people[0].number);
  // Only the rows in view are in the page.
  expect(await grid.getByRole('row').count()).toBeLessThan(80);

  // Scrolled to the end, the last employee shows.
  const scroller = grid.locator('.cg-scroller');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = people[EMPLOYEES - 1];
  await expect(cell(page, 'employees', EMPLOYEES - 1, 'employeeNumber')).toHaveText(last.number);
  await expect(cell(page, 'employees', EMPLOYEES - 1, 'lastName')).toHaveText(last.last);

  // An edit far down is stored and the row stays where it is, although "Aardvark" now sorts first.
  const far = people[EMPLOYEES - 10];
  await cell(page, 'employees', EMPLOYEES - 10, 'lastName').click();
  await page.keyboard.type('Aardvark');
  await page.keyboard.press('Enter');
  await expect.poll(() => host.query(`SELECT last_name AS l FROM employee WHERE id = ?`, far.id)).toEqual([{ l: 'Aardvark' }]);
  await expect(cell(page, 'employees', EMPLOYEES - 10, 'employeeNumber')).toHaveText(far.number);
  await expect(cell(page, 'employees', EMPLOYEES - 10, 'lastName')).toHaveText('Aardvark');

  // A two-line paste onto it runs over the row below: the grid asks, then saves both.
  await cell(page, 'employees', EMPLOYEES - 10, 'location').click();
  await pasteInto(page, 'Farbay\nFarport');
  await expect(page.getByTestId('grid-paste-question')).toContainText('changes 1 existing employee');
  await page.getByRole('button', { name: 'Apply paste' }).click();
  await expect.poll(() => host.query(`SELECT location FROM employee WHERE id IN (?, ?) ORDER BY location`, far.id, people[EMPLOYEES - 9].id)).toEqual([{ location: 'Farbay' }, { location: 'Farport' }]);

  // Undo takes the paste back.
  await grid.getByTestId('grid-undo').click();
  await expect.poll(() => host.query(`SELECT location FROM employee WHERE id = ?`, far.id)).toEqual([{ location: far.location }]);
  await grid.getByTestId('grid-redo').click();
  await expect.poll(() => host.query(`SELECT location FROM employee WHERE id = ?`, far.id)).toEqual([{ location: 'Farbay' }]);

  // A 700-line paste at the top reaches rows not loaded yet: they are loaded, then the grid asks as usual.
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await cell(page, 'employees', 0, 'location').click();
  await pasteInto(page, Array.from({ length: 700 }, (_, i) => `Block${i}`).join('\n'));
  await expect(page.getByTestId('grid-paste-question')).toContainText('changes 699 existing employees');
  await page.getByRole('button', { name: 'Apply paste' }).click();
  await expect.poll(() => host.query(`SELECT count(*) AS n FROM employee WHERE location LIKE 'Block%'`)).toEqual([{ n: 700 }]);
  const block = host.query<{ id: string; location: string }>(`SELECT id, location FROM employee WHERE location LIKE 'Block%'`);
  const placed = new Map(block.map((r) => [r.id, r.location]));
  expect(people.slice(0, 700).map((p) => placed.get(p.id))).toEqual(Array.from({ length: 700 }, (_, i) => `Block${i}`));

  // Export all rows: the file has every employee, sorted as the view sorts now ("Aardvark" first), with the edits.
  const all = await exportCsv(page);
  expect(all[0]).toEqual(HEADERS);
  expect(all).toHaveLength(EMPLOYEES + 1);
  expect(all.slice(1).map((line) => line[0]).sort()).toEqual(people.map((p) => p.number).sort());
  expect([all[1][0], all[1][2], all[1][10]]).toEqual([far.number, 'Aardvark', 'Farbay']);
  expect(all[2][10]).toBe('Block0');

  // Filter, then export: the file has the filtered rows only.
  await grid.getByTestId('grid-filter').fill('block1');
  const matching = block.filter((r) => r.location.toLowerCase().includes('block1')).length;
  expect(matching).toBe(111); // Block1, Block10–19, Block100–199
  await expect(grid.getByTestId('grid-row-count')).toHaveText(`${matching} rows`);
  await expect(grid.locator('.cg-count')).toContainText('of 3,000');
  const filtered = await exportCsv(page);
  expect(filtered).toHaveLength(matching + 1);
  expect(new Set(filtered.slice(1).map((line) => line[10]))).toEqual(new Set(block.filter((r) => r.location.toLowerCase().includes('block1')).map((r) => r.location)));
});

test('3,000 employees: a header click sorts all 3,000 in the main process, down to the last row; a copy of the whole column has them all', async ({ page }) => {
  await page.goto(host.url);
  await goTo(page, '/people/employees');
  const grid = page.getByTestId('grid-employees');
  await expect(grid.getByTestId('grid-row-count')).toHaveText('3,000 rows');
  const header = grid.locator('[role="columnheader"][data-col-id="employeeNumber"]');
  await header.locator('button').click();
  await header.locator('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const numbers = host.query<{ n: string }>(`SELECT employee_number AS n FROM employee WHERE archived = 0`).map((r) => r.n.toLowerCase()).sort().reverse();
  await expect(cell(page, 'employees', 0, 'employeeNumber')).toHaveText(new RegExp(`^${numbers[0]}$`, 'i'));
  const scroller = grid.locator('.cg-scroller');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(cell(page, 'employees', EMPLOYEES - 1, 'employeeNumber')).toHaveText(new RegExp(`^${numbers[EMPLOYEES - 1]}$`, 'i'));

  // Copy of a selection over rows not loaded yet: they are loaded, then copied through the clipboard API.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await cell(page, 'employees', 0, 'employeeNumber').click();
  await page.keyboard.press('Control+Shift+ArrowDown');
  await page.keyboard.press('Control+c');
  await expect.poll(async () => (await page.evaluate(() => navigator.clipboard.readText())).split(/\r?\n/).filter(Boolean).length).toBe(EMPLOYEES);
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).split(/\r?\n/).filter(Boolean);
  expect(copied.map((n) => n.toLowerCase())).toEqual(numbers);
});

test('3,000 employees: an edit far down started before another window saved the row gets the conflict choice', async ({ page }) => {
  const people = peopleByName(host);
  await page.goto(host.url);
  await goTo(page, '/people/employees');
  const grid = page.getByTestId('grid-employees');
  await expect(grid.getByTestId('grid-row-count')).toHaveText('3,000 rows');
  const index = 2_500;
  await grid.locator('.cg-scroller').evaluate((el, top) => (el.scrollTop = top), index * 32 - 200);
  const person = people[index];
  await expect(cell(page, 'employees', index, 'employeeNumber')).toHaveText(person.number);

  await cell(page, 'employees', index, 'location').click();
  await page.keyboard.type('Lisbon (B)');
  const [{ version }] = host.query<{ version: number }>(`SELECT version FROM employee WHERE id = ?`, person.id);
  await api(page, 'people.saveEmployees', { rows: [{ id: person.id, version, values: { location: 'Oslo (A)' } }] });
  await page.keyboard.press('Enter');
  const conflict = page.getByTestId('grid-conflict');
  await expect(conflict).toContainText('Nothing of yours was saved');
  expect(host.query(`SELECT location, version FROM employee WHERE id = ?`, person.id)).toEqual([{ location: 'Oslo (A)', version: version + 1 }]);
  await conflict.getByRole('button', { name: 'Review both' }).click();
  const review = page.getByTestId('grid-conflict-review');
  await expect(review.getByRole('row').nth(1)).toContainText('Oslo (A)');
  await review.getByRole('button', { name: 'Keep mine' }).click();
  await expect.poll(() => host.query(`SELECT location, version FROM employee WHERE id = ?`, person.id)).toEqual([{ location: 'Lisbon (B)', version: version + 2 }]);
  await expect(cell(page, 'employees', index, 'location')).toHaveText('Lisbon (B)');
});

test('3,000 employees: managers are searched and resolved where they are, never listed; typed by number, pasted by label, number or name; a shared name is refused', async ({ page }) => {
  test.setTimeout(120_000);
  const listed: unknown[] = [];
  page.on('request', (request) => {
    const body = request.url().endsWith('/api') ? (request.postDataJSON() as { method?: string; input?: unknown } | null) : null;
    if (body?.method === 'people.listEmployees') listed.push(body.input);
  });
  const people = peopleByName(host);
  const byId = new Map(people.map((p) => [p.id, p]));
  const label = (p: Person) => `${p.first} ${p.last} (${p.number})`;
  await page.goto(host.url);
  await goTo(page, '/people/employees');
  const grid = page.getByTestId('grid-employees');
  await expect(grid.getByTestId('grid-row-count')).toHaveText('3,000 rows');

  // The first rows show their managers' labels, fetched for the rows, not for the organisation.
  const [firstManager] = host.query<{ managerId: string | null }>(`SELECT manager_id AS managerId FROM employee WHERE id = ?`, people[0].id);
  await expect(cell(page, 'employees', 0, 'managerId')).toHaveText(firstManager.managerId ? label(byId.get(firstManager.managerId)!) : '');

  // Typed by employee number into the cell, picked from the type-ahead with Enter.
  const boss = people[2500];
  await cell(page, 'employees', 3, 'managerId').click();
  await page.keyboard.press('Enter');
  await page.keyboard.type(boss.number);
  await expect(page.getByRole('option', { name: label(boss) })).toBeVisible();
  await page.screenshot({ path: 'test-results/grid-manager-lookup.png' });
  await page.keyboard.press('Enter');
  await expect.poll(() => host.query(`SELECT manager_id AS m FROM employee WHERE id = ?`, people[3].id)).toEqual([{ m: boss.id }]);
  await expect(cell(page, 'employees', 3, 'managerId')).toHaveText(label(boss));

  // Pasted down the column far from the top: a label, a number in lower case, a plain name that one person has.
  const unique = people.filter((p) => people.filter((q) => q.first === p.first && q.last === p.last).length === 1);
  const [a, b, c] = [people[2900], people[2901], unique[Math.floor(unique.length / 2)]];
  const scroller = grid.locator('.cg-scroller');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await cell(page, 'employees', EMPLOYEES - 3, 'managerId').click();
  await pasteInto(page, `${label(a)}\n${b.number.toLowerCase()}\n${c.first} ${c.last}`);
  await expect(page.getByTestId('grid-paste-question')).toContainText('changes 2 existing employees');
  await page.getByRole('button', { name: 'Apply paste' }).click();
  const lastThree = people.slice(EMPLOYEES - 3).map((p) => p.id);
  await expect.poll(() => lastThree.map((id) => host.query<{ m: string }>(`SELECT manager_id AS m FROM employee WHERE id = ?`, id)[0].m)).toEqual([a.id, b.id, c.id]);
  await expect(cell(page, 'employees', EMPLOYEES - 1, 'managerId')).toHaveText(label(c));

  // A name two people share is not guessed: the paste is refused whole and names both.
  const shared = people.find((p) => people.filter((q) => q.first === p.first && q.last === p.last).length >= 2);
  expect(shared, 'the seeded organisation has two people of one name').toBeDefined();
  const before = host.query(`SELECT id, manager_id FROM employee ORDER BY id`);
  await cell(page, 'employees', EMPLOYEES - 2, 'managerId').click();
  await pasteInto(page, `${shared!.first} ${shared!.last}\n${a.number}`);
  await expect(page.getByTestId('grid-error-report')).toContainText(`"${shared!.first} ${shared!.last}" matches`);
  expect(host.query(`SELECT id, manager_id FROM employee ORDER BY id`)).toEqual(before);

  expect(listed).toEqual([]);
});

test('3,000 positions: the positions grid reads windows; "Reports to" typed as a label is resolved; the employee form searches positions', async ({ page }) => {
  test.setTimeout(120_000);
  const listed: string[] = [];
  page.on('request', (request) => {
    const body = request.url().endsWith('/api') ? (request.postDataJSON() as { method?: string } | null) : null;
    if (body?.method === 'people.listPositions' || body?.method === 'people.listEmployees') listed.push(body.method);
  });
  interface Seat { id: string; title: string; department: string | null }
  const seats = host.query<Seat>(`SELECT p.id, p.title, d.name AS department FROM position p LEFT JOIN department d ON d.id = p.department_id AND d.archived = 0 WHERE p.archived = 0`);
  expect(seats.length).toBeGreaterThan(2000);
  const byTitle = [...seats].sort((a, b) => (a.title.toLowerCase() < b.title.toLowerCase() ? -1 : a.title.toLowerCase() > b.title.toLowerCase() ? 1 : a.id < b.id ? -1 : 1));
  const label = (s: Seat) => `${s.title} · ${s.department ?? '?'}`;
  const labelCount = new Map<string, number>();
  for (const s of seats) labelCount.set(label(s), (labelCount.get(label(s)) ?? 0) + 1);

  await page.goto(host.url);
  await goTo(page, '/people/positions');
  const grid = page.getByTestId('grid-positions');
  await expect(grid.getByTestId('grid-row-count')).toHaveText(`${seats.length.toLocaleString('en')} rows`);
  await expect(cell(page, 'positions', 0, 'title')).toHaveText(byTitle[0].title);
  expect(await grid.getByRole('row').count()).toBeLessThan(80);

  // "Reports to" typed as a whole label (a seat no other seat shares a label with), committed before any search answers.
  const boss = byTitle.find((s, i) => i > 100 && labelCount.get(label(s)) === 1)!;
  await cell(page, 'positions', 0, 'reportsToId').click();
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(label(boss));
  await page.keyboard.press('Enter');
  await expect.poll(() => host.query(`SELECT reports_to_id AS r FROM position WHERE id = ?`, byTitle[0].id)).toEqual([{ r: boss.id }]);
  await expect(cell(page, 'positions', 0, 'reportsToId')).toHaveText(label(boss));

  // The employee form's Position is a type-ahead too: an employee moves to a vacant seat.
  const [person] = host.query<{ id: string }>(`SELECT id FROM employee WHERE archived = 0 AND status = 'active' ORDER BY employee_number LIMIT 1`);
  const free = byTitle.find((s) => labelCount.get(label(s)) === 1 && host.query(`SELECT 1 FROM employee WHERE position_id = ?`, s.id).length === 0)!;
  await goTo(page, `/people/employees/${person.id}`);
  await page.getByRole('button', { name: 'Edit', exact: true }).first().click();
  const form = page.getByTestId('employee-form');
  const position = form.getByRole('textbox', { name: 'Position' });
  await position.click();
  await position.fill(free.title);
  await page.getByRole('option', { name: label(free), exact: true }).click();
  await expect(position).toHaveValue(label(free));
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await expect.poll(() => host.query(`SELECT position_id AS p FROM employee WHERE id = ?`, person.id)).toEqual([{ p: free.id }]);
  expect(listed).toEqual([]);
});
