import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { api, cell, expect, goTo, startHost, test, type HostFixture } from './fixtures';

/*
 * The goals grid over a windowed row source and the alignment tree read a level at a time. The
 * 300-person demo has a few hundred goals; seven team assignments of 300 goals each take it past
 * the 2,000 rows the grid loads whole, so it asks the main process for the rows in view.
 */

const BULK = 7;

interface GoalRow {
  id: string;
  title: string;
  scope: 'organisation' | 'department' | 'individual';
  periodStart: string;
}

/** Every active goal in the grid's default order (scope, start of period, title ignoring case, id), worked out here. */
function goalsInOrder(host: HostFixture): GoalRow[] {
  const rows = host.query<GoalRow>(`SELECT id, title, scope, period_start AS periodStart FROM goal WHERE archived = 0`);
  const rank = { organisation: 0, department: 1, individual: 2 };
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort((a, b) => rank[a.scope] - rank[b.scope] || cmp(a.periodStart, b.periodStart) || cmp(a.title.toLowerCase(), b.title.toLowerCase()) || cmp(a.id, b.id));
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

test('more than 2,000 goals: scroll to the last, edit one far down, filter and export in the main process', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  const people = host.query<{ id: string }>(`SELECT id FROM employee WHERE archived = 0 LIMIT 300`).map((p) => p.id);
  const template = { description: null, periodStart: '2026-01-01', periodEnd: '2026-12-31', category: null, unit: 'percent', startValue: null, targetValue: null, actualValue: null, stretch: false, weight: 0, status: 'not_started' };
  for (let k = 1; k <= BULK; k++) await api(page, 'goals.assignToTeam', { template: { ...template, title: `Bulk goal ${k}` }, employeeIds: people });
  const goals = goalsInOrder(host);
  expect(goals.length).toBeGreaterThan(2000);
  const total = goals.length;

  await goTo(page, '/goals');
  const grid = page.getByTestId('grid-goals');
  await expect(grid.getByTestId('grid-row-count')).toHaveText(`${total.toLocaleString('en-US')} rows`);
  await expect(cell(page, 'goals', 0, 'title')).toHaveText(goals[0].title);
  // Only the rows in view are in the page.
  expect(await grid.getByRole('row').count()).toBeLessThan(80);

  // Scrolled to the end, the last goal shows, with its owner's label looked up.
  const scroller = grid.locator('.cg-scroller');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = goals[total - 1];
  await expect(cell(page, 'goals', total - 1, 'title')).toHaveText(last.title);
  const [owner] = host.query<{ label: string }>(`SELECT e.first_name || ' ' || e.last_name || ' (' || e.employee_number || ')' AS label FROM goal g JOIN employee e ON e.id = g.employee_id WHERE g.id = ?`, last.id);
  await expect(cell(page, 'goals', total - 1, 'employeeId')).toHaveText(owner.label);

  // An edit far down is stored and the row stays where it is, although "Aardvark" would now sort first among its peers.
  const farIndex = total - 10;
  const far = goals[farIndex];
  await cell(page, 'goals', farIndex, 'title').click();
  await page.keyboard.type('Aardvark goal');
  await page.keyboard.press('Enter');
  await expect.poll(() => host.query(`SELECT title, version FROM goal WHERE id = ?`, far.id)).toEqual([{ title: 'Aardvark goal', version: 2 }]);
  await expect(cell(page, 'goals', farIndex, 'title')).toHaveText('Aardvark goal');
  await expect(cell(page, 'goals', farIndex + 1, 'title')).toHaveText(goals[farIndex + 1].title);

  // The quick filter runs in the main process: it finds the edited goal among all of them.
  await grid.getByTestId('grid-filter').fill('aardvark');
  await expect(grid.getByTestId('grid-row-count')).toHaveText('1 row');
  await expect(cell(page, 'goals', 0, 'title')).toHaveText('Aardvark goal');

  // Filter "Bulk goal 3", then export: the file has those 300 goals, each aligned to nothing, with the owner's label.
  await grid.getByTestId('grid-filter').fill('Bulk goal 3');
  await expect(grid.getByTestId('grid-row-count')).toHaveText('300 rows');
  const file = await exportCsv(page);
  expect(file[0].slice(0, 5)).toEqual(['Title', 'Scope', 'Employee (individual)', 'Department (department)', 'Aligned to']);
  expect(file).toHaveLength(301);
  expect(new Set(file.slice(1).map((line) => `${line[0]}|${line[1]}|${line[4]}`))).toEqual(new Set(['Bulk goal 3|Individual|']));
  const labels = host.query<{ label: string }>(
    `SELECT e.first_name || ' ' || e.last_name || ' (' || e.employee_number || ')' AS label FROM goal g JOIN employee e ON e.id = g.employee_id WHERE g.title = 'Bulk goal 3' AND g.archived = 0`,
  ).map((r) => r.label);
  expect(file.slice(1).map((line) => line[2]).sort()).toEqual(labels.sort());
});

test('the alignment tree opens at the top level with counts and reads a goal\'s aligned goals when it is opened', async ({ page }) => {
  await page.goto(host.url);
  // The organisation goal with the most department goals aligned to it, and its busiest department goal.
  const [root] = host.query<{ id: string; title: string; n: number }>(
    `SELECT p.id, p.title, count(*) AS n FROM goal p JOIN goal c ON c.aligned_to_id = p.id AND c.archived = 0 WHERE p.scope = 'organisation' AND p.archived = 0 GROUP BY p.id ORDER BY n DESC, p.id LIMIT 1`,
  );
  const direct = host.query<{ id: string; title: string; n: number }>(
    `SELECT c.id, c.title, (SELECT count(*) FROM goal k WHERE k.aligned_to_id = c.id AND k.archived = 0) AS n FROM goal c WHERE c.aligned_to_id = ? AND c.archived = 0`,
    root.id,
  );
  const busiest = [...direct].sort((a, b) => b.n - a.n)[0];
  expect(busiest.n).toBeGreaterThan(0);
  const below = host.query<{ title: string }>(`SELECT title FROM goal WHERE aligned_to_id = ? AND archived = 0`, busiest.id).map((r) => r.title);

  await goTo(page, `/goals/alignment?root=${root.id}`);
  const tree = page.getByTestId('alignment-tree');
  const nodes = tree.getByTestId('alignment-node');
  // The root and the goals aligned directly to it, nothing deeper.
  await expect(nodes).toHaveCount(1 + direct.length);
  await expect(nodes.first()).toContainText(root.title);
  await expect(nodes.first().getByTestId('child-count')).toHaveText(`${direct.length} aligned`);
  const busiestNode = nodes.filter({ hasText: busiest.title }).first();
  await expect(busiestNode.getByTestId('child-count')).toHaveText(`${busiest.n.toLocaleString('en-US')} aligned`);
  await expect(busiestNode).toHaveAttribute('aria-expanded', 'false');

  // Opening it reads its aligned goals: they appear below it, one level deeper.
  await busiestNode.click();
  await expect(busiestNode).toHaveAttribute('aria-expanded', 'true');
  const deeper = tree.locator('[data-testid="alignment-node"][aria-level="3"]');
  await expect(deeper.first()).toContainText(below.sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))[0]);
  // Only the lines in view are drawn, however many goals the level has.
  expect(await deeper.count()).toBeLessThanOrEqual(below.length);
  expect(await tree.getByTestId('alignment-node').count()).toBeLessThan(1 + direct.length + below.length + 1);

  // Closing it again (keyboard) leaves the top level only.
  await busiestNode.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tree.locator('[data-testid="alignment-node"][aria-level="3"]')).toHaveCount(0);
  await expect(nodes).toHaveCount(1 + direct.length);
});
