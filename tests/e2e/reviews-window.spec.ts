import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { cell, expect, goTo, startHost, test, type HostFixture } from './fixtures';

/*
 * The running cycle of a 3,000-person demo: more reviews than the grid loads whole (2,000), so the
 * grid asks the main process for the rows in view; the export is made there from the same query.
 */

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
  host = await startHost({ seedEmployees: 3000 });
});
test.afterAll(async () => host?.stop());

test('a cycle of more than 2,000 reviews: counted, in name order, scrolled to the last, exported whole; departments found by name', async ({ page }) => {
  test.setTimeout(180_000);
  const [cycle] = host.query<{ id: string }>(`SELECT id FROM review_cycle WHERE status = 'active' AND archived = 0 ORDER BY period_start DESC LIMIT 1`);
  // Every review of the cycle in the grid's default order (last name, first name ignoring case, then the person's id), worked out here.
  const reviews = host.query<{ number: string; first: string; last: string; employeeId: string; department: string | null }>(`
    SELECT e.employee_number AS number, e.first_name AS first, e.last_name AS last, e.id AS employeeId, d.name AS department
      FROM review r JOIN employee e ON e.id = r.employee_id LEFT JOIN department d ON d.id = r.department_id WHERE r.cycle_id = ?`, cycle.id);
  const key = (s: string) => s.toLowerCase();
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  reviews.sort((a, b) => cmp(key(a.last), key(b.last)) || cmp(key(a.first), key(b.first)) || cmp(a.employeeId, b.employeeId));
  expect(reviews.length).toBeGreaterThan(2000);

  await page.goto(host.url);
  await goTo(page, `/reviews/cycles/${cycle.id}`);
  await expect(page.getByTestId('review-count')).toHaveText(`${reviews.length} reviews`);
  await expect(cell(page, 'cycle-reviews', 0, 'employeeNumber')).toHaveText(reviews[0].number);
  const grid = page.getByTestId('grid-cycle-reviews');
  expect(await grid.getByRole('row').count()).toBeLessThan(80);
  await grid.locator('.cg-scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(cell(page, 'cycle-reviews', reviews.length - 1, 'employeeNumber')).toHaveText(reviews.at(-1)!.number);

  const file = await exportCsv(page);
  expect(file).toHaveLength(reviews.length + 1);
  expect(file[0].slice(0, 3)).toEqual(['Employee', 'No.', 'Department']);
  expect(file.slice(1).map((row) => row[1])).toEqual(reviews.map((r) => r.number));

  // Progress by department shows a page of departments; the filter finds one by name.
  const department = reviews.map((r) => r.department).filter((d): d is string => d !== null).sort().at(-1)!;
  await page.getByTestId('progress-pages-filter').fill(department);
  await expect(page.getByTestId('progress-by-department')).toContainText(department);
});
