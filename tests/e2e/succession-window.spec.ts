import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { api, cell, expect, goTo, startHost, test, type HostFixture } from './fixtures';

/*
 * The plans and key positions grids over windowed row sources: 2,100 key positions (each with its
 * plan) and a job's plan are more than the grid loads whole (2,000), so it asks the main process
 * for the rows in view, sorted and filtered there, bench figures included; a successor's plan is
 * found by type-ahead among them rather than listed.
 */

const SEATS = 2100;
const seat = (n: number) => `Seat ${String(n).padStart(4, '0')}`;
const department = (n: number) => (n % 2 ? 'Field' : 'Head office');

interface Row { id: string; version: number }

async function exportCsv(page: Page, grid: string): Promise<string[][]> {
  await page.getByTestId(`grid-${grid}`).getByTestId('grid-export').click();
  const download: Promise<Download> = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'CSV' }).click();
  const text = fs.readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text.trim()).data;
}

let host: HostFixture & { stop(): Promise<void> };
/** Plan id by seat number. */
const planOf = (n: number) => host.query<{ id: string }>(`SELECT sp.id FROM succession_plan sp JOIN position p ON p.id = sp.position_id WHERE p.title = ?`, seat(n))[0].id;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  host = await startHost();
  const page = await browser.newPage();
  await page.goto(host.url);
  const [head, field] = (await api<{ rows: Row[] }>(page, 'people.saveDepartments', { rows: [{ values: { name: 'Head office' } }, { values: { name: 'Field' } }] })).rows;
  const [seatJob, analyst] = (await api<{ rows: Row[] }>(page, 'people.saveJobs', { rows: [{ values: { title: 'Seat holder' } }, { values: { title: 'Analyst', level: 'L2' } }] })).rows;
  const person = (n: number, firstName: string, lastName: string) => ({
    values: { employeeNumber: `S00${n}`, firstName, lastName, hireDate: '2021-01-04', status: 'active', departmentId: head.id, jobId: analyst.id },
  });
  const [ann] = (await api<{ rows: Row[] }>(page, 'people.saveEmployees', { rows: [person(1, 'Ann', 'Lee'), person(2, 'Bo', 'Chan'), person(3, 'Cy', 'Diaz')] })).rows;
  const positions = (await api<{ rows: Row[] }>(page, 'people.savePositions', {
    rows: Array.from({ length: SEATS }, (_, i) => ({ values: { title: seat(i + 1), jobId: seatJob.id, departmentId: (i + 1) % 2 ? field.id : head.id, ...(i === 1 ? { incumbentId: ann.id } : {}) } })),
  })).rows;
  // Marking a position key makes its plan: 2,100 plans, and one for the Analyst job.
  await api(page, 'succession.saveKeyPositions', { rows: positions.map((p) => ({ values: { positionId: p.id, criticality: 'high', vacancyRisk: 'low' } })) });
  await api(page, 'succession.savePlans', { rows: [{ values: { jobId: analyst.id } }] });
  const [now] = (await api<{ rows: Row[] }>(page, 'succession.listReadinessLevels', {})).rows;
  const bo = host.query<{ id: string }>(`SELECT id FROM employee WHERE first_name = 'Bo'`)[0];
  await api(page, 'succession.nominateSuccessor', { positionId: positions[2049].id, employeeId: bo.id, readinessId: now.id });
  await page.close();
});
test.afterAll(async () => host?.stop());

test('2,101 plans: windowed, scrolled to the last, filtered, sorted by bench strength, edited far down, exported whole', async ({ page }) => {
  test.setTimeout(180_000);
  const total = SEATS + 1;
  await page.goto(host.url);
  await goTo(page, '/succession/plans');
  const grid = page.getByTestId('grid-succession-plans');
  await expect(grid.getByTestId('grid-row-count')).toHaveText(`${total.toLocaleString('en-US')} rows`);
  // Key positions' plans by label, then the job's; the position's label as its plan names it.
  await expect(cell(page, 'succession-plans', 0, 'positionId')).toHaveText(`${seat(1)} · Field`);
  await expect(cell(page, 'succession-plans', 1, 'incumbentName')).toHaveText('Ann Lee');
  expect(await grid.getByRole('row').count()).toBeLessThan(80);

  const scroller = grid.locator('.cg-scroller');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(cell(page, 'succession-plans', total - 1, 'jobId')).toHaveText('Analyst (L2)');
  await expect(cell(page, 'succession-plans', total - 2, 'positionId')).toHaveText(`${seat(SEATS)} · ${department(SEATS)}`);

  // An edit far down is stored, from the version it started at.
  const farIndex = SEATS - 10;
  await cell(page, 'succession-plans', farIndex, 'notes').click();
  await page.keyboard.type('Far down note');
  await page.keyboard.press('Enter');
  await expect.poll(() => host.query(`SELECT notes, version FROM succession_plan WHERE id = ?`, planOf(farIndex + 1))).toEqual([{ notes: 'Far down note', version: 2 }]);
  await expect(cell(page, 'succession-plans', farIndex, 'notes')).toHaveText('Far down note');

  // The quick filter runs in the main process over every column shown.
  await grid.getByTestId('grid-filter').fill('seat 205');
  await expect(grid.getByTestId('grid-row-count')).toHaveText('10 rows');
  await expect(grid.locator('.cg-count')).toContainText(`of ${total.toLocaleString('en-US')}`);
  await grid.getByTestId('grid-filter').fill('');
  await expect(grid.getByTestId('grid-row-count')).toHaveText(`${total.toLocaleString('en-US')} rows`);

  // Sorted by bench strength (computed in SQL), strongest first: the one plan with someone ready now.
  const header = grid.locator('[role="columnheader"][data-col-id="strength"]');
  await header.locator('button').click();
  await header.locator('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(cell(page, 'succession-plans', 0, 'positionId')).toHaveText(`${seat(2050)} · ${department(2050)}`);
  await expect(cell(page, 'succession-plans', 0, 'strength')).toHaveText('50');
  await expect(cell(page, 'succession-plans', 0, 'band')).toHaveText('Moderate');
  await page.screenshot({ path: 'test-results/succession-plans-windowed.png' });

  // Export all rows: every plan, in the order the view sorts now, as the grid shows them.
  const all = await exportCsv(page, 'succession-plans');
  expect(all[0].slice(0, 3)).toEqual(['Key position', 'or job', 'Incumbent']);
  expect(all).toHaveLength(total + 1);
  expect(all[1].slice(0, 3)).toEqual([`${seat(2050)} · ${department(2050)}`, '', '']);
  const strengthAt = all[0].indexOf('Bench strength');
  expect([all[1][strengthAt], all[2][strengthAt]]).toEqual(['50', '0']);
  expect(all.filter((line) => line.includes('Far down note'))).toHaveLength(1);
  expect(new Set(all.slice(1).map((line) => line[0] || line[1])).size).toBe(total);
});

test('2,101 plans: a successor\'s plan is picked by type-ahead, and the Plan filter finds one by typing', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await goTo(page, '/succession/plans');
  const grid = page.getByTestId('grid-succession-nominations');
  await expect(grid.getByRole('row')).toHaveCount(2);

  // A new successor: the plan found by part of its name, picked from the list.
  await grid.getByTestId('grid-add-row').click();
  await page.keyboard.type('2077');
  await expect(page.getByTestId('cell-editor-options').getByRole('option', { name: `${seat(2077)} · ${department(2077)}` })).toBeVisible();
  await page.keyboard.press('Tab');
  for (const [i, value] of ['Cy Diaz (S003)', '2', 'Ready now'].entries()) {
    await page.keyboard.type(value);
    await page.keyboard.press(i === 2 ? 'Enter' : 'Tab');
  }
  await expect.poll(() => host.query(`SELECT n.plan_id AS planId, n.rank FROM succession_nomination n JOIN employee e ON e.id = n.employee_id WHERE e.first_name = 'Cy'`))
    .toEqual([{ planId: planOf(2077), rank: 2 }]);
  await expect(grid.getByRole('row')).toHaveCount(3);
  await expect(grid.getByText(`${seat(2077)} · ${department(2077)}`)).toBeVisible();

  // The plan filter above the successors: typed, picked, only that plan's successors.
  const filter = page.getByTestId('nominations-plan-filter');
  await filter.click();
  await filter.fill('seat 2050');
  await page.getByRole('option', { name: `${seat(2050)} · ${department(2050)}` }).click();
  await expect(grid.getByRole('row')).toHaveCount(2);
  await expect(grid.getByText('Bo Chan (S002)')).toBeVisible();
  await page.screenshot({ path: 'test-results/succession-plans-successor-pick.png' });
});

test('2,100 key positions: windowed, sorted by successors in SQL, exported whole', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await goTo(page, '/succession/key-positions');
  const grid = page.getByTestId('grid-key-positions');
  await expect(grid.getByTestId('grid-row-count')).toHaveText(`${SEATS.toLocaleString('en-US')} rows`);
  await expect(cell(page, 'key-positions', 0, 'positionId')).toHaveText(`${seat(1)} · Field`);
  expect(await grid.getByRole('row').count()).toBeLessThan(80);
  const header = grid.locator('[role="columnheader"][data-col-id="successors"]');
  await header.locator('button').click();
  await header.locator('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  // Seat 2050 has a successor ready now (and Seat 2077 one more, when the test above ran first).
  const top = `${seat(2050)} · ${department(2050)}`;
  await expect(cell(page, 'key-positions', 0, 'positionId')).toHaveText(top);
  await expect(cell(page, 'key-positions', 0, 'readyNow')).toHaveText('1');
  await page.screenshot({ path: 'test-results/succession-key-positions-windowed.png' });
  const all = await exportCsv(page, 'key-positions');
  expect(all).toHaveLength(SEATS + 1);
  expect(all[1][0]).toBe(top);
  expect(new Set(all.slice(1).map((line) => line[0])).size).toBe(SEATS);
});
