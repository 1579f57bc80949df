import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { api, cell, expect, goTo, startHost, test, type HostFixture } from './fixtures';

/*
 * The feedback journal over a windowed row source. The 300-person demo has a couple of hundred
 * entries; 2,200 more added through the API take it past the 2,000 rows the grid loads whole, so
 * the grid asks the main process for the rows in view, and the export is made there.
 */

const BULK = 2200;

interface EntryRow {
  id: string;
  date: string;
  createdAt: string;
  text: string;
  employeeId: string;
  label: string;
}

/** Every entry not archived, in the page's order (newest date, then newest written, then id, all descending), worked out here. */
function entriesInOrder(host: HostFixture): EntryRow[] {
  const rows = host.query<EntryRow>(`SELECT j.id, j.date, j.created_at AS createdAt, j.text, j.employee_id AS employeeId,
      e.first_name || ' ' || e.last_name || ' (' || e.employee_number || ')' AS label
    FROM journal_entry j JOIN employee e ON e.id = j.employee_id WHERE j.archived = 0`);
  const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return rows.sort((a, b) => desc(a.date, b.date) || desc(a.createdAt, b.createdAt) || desc(a.id, b.id));
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
  host = await startHost({ seedEmployees: 300 });
});
test.afterAll(async () => host?.stop());

test('more than 2,000 journal entries: counted, scrolled to the last, found by a person, one far down edited, exported whole', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  const people = host.query<{ id: string }>(`SELECT id FROM employee WHERE archived = 0 ORDER BY employee_number LIMIT 200`).map((p) => p.id);
  const kinds = ['praise', 'development', 'note'] as const;
  const day = (k: number) => new Date(Date.now() - (1 + (k % 300)) * 86_400_000).toISOString().slice(0, 10);
  await api(page, 'reviews.saveJournalEntries', {
    rows: Array.from({ length: BULK }, (_, i) => ({
      values: { employeeId: people[i % people.length], date: day(i * 7), kind: kinds[i % 3], shared: i % 2 === 0, author: 'Bulk Author', text: `Bulk note ${i + 1}` },
    })),
  });
  const entries = entriesInOrder(host);
  expect(entries.length).toBeGreaterThan(2000);
  const total = entries.length;

  await goTo(page, '/reviews/journal');
  const grid = page.getByTestId('grid-journal');
  await expect(page.getByTestId('journal-count')).toHaveText(`${total.toLocaleString('en-US')} entries.`);
  await expect(grid.getByTestId('grid-row-count')).toHaveText(`${total.toLocaleString('en-US')} rows`);
  await expect(cell(page, 'journal', 0, 'text')).toHaveText(entries[0].text);
  await expect(cell(page, 'journal', 0, 'employeeId')).toHaveText(entries[0].label);
  // Only the rows in view are in the page.
  expect(await grid.getByRole('row').count()).toBeLessThan(80);

  // Scrolled to the end, the oldest entry shows, its employee labelled.
  const scroller = grid.locator('.cg-scroller');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(cell(page, 'journal', total - 1, 'text')).toHaveText(entries[total - 1].text);
  await expect(cell(page, 'journal', total - 1, 'employeeId')).toHaveText(entries[total - 1].label);

  // An edit far down is stored and shown in place.
  const farIndex = total - 10;
  const far = entries[farIndex];
  await cell(page, 'journal', farIndex, 'text').click();
  await page.keyboard.type('Edited far down the journal');
  await page.keyboard.press('Enter');
  await expect.poll(() => host.query(`SELECT text, version FROM journal_entry WHERE id = ?`, far.id)).toEqual([{ text: 'Edited far down the journal', version: 2 }]);
  await expect(cell(page, 'journal', farIndex, 'text')).toHaveText('Edited far down the journal');
  await expect(cell(page, 'journal', farIndex + 1, 'text')).toHaveText(entries[farIndex + 1].text);

  // The quick filter runs in the main process on the text shown: a person's label finds their entries.
  const person = far.label;
  const theirs = entries.filter((e) => e.label === person);
  await grid.getByTestId('grid-filter').fill(person);
  await expect(grid.getByTestId('grid-row-count')).toHaveText(`${theirs.length} ${theirs.length === 1 ? 'row' : 'rows'}`);
  await expect(cell(page, 'journal', 0, 'employeeId')).toHaveText(person);
  await expect(grid.getByRole('row').filter({ hasText: 'Edited far down the journal' })).toHaveCount(1);

  // Export with no filter: every entry, in the page's order, as the grid shows it.
  await grid.getByTestId('grid-filter').fill('');
  await expect(grid.getByTestId('grid-row-count')).toHaveText(`${total.toLocaleString('en-US')} rows`);
  const file = await exportCsv(page);
  expect(file[0]).toEqual(['Date', 'Employee', 'Kind', 'Visibility', 'Author', 'Text', 'Goal', 'Review']);
  expect(file).toHaveLength(total + 1);
  const texts = entries.map((e) => (e.id === far.id ? 'Edited far down the journal' : e.text));
  expect(file.slice(1).map((line) => line[5])).toEqual(texts);
  expect(file.slice(1).map((line) => line[1])).toEqual(entries.map((e) => e.label));
  expect(new Set(file.slice(1).map((line) => line[3]))).toEqual(new Set(['Shared', 'Private']));
  await page.screenshot({ path: 'test-results/journal-window.png' });
});
