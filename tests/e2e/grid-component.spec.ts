/**
 * The shared grid on its own, in Chromium: the page in tests/grid-harness
 * renders it over 10,000 synthetic rows with an in-memory server (version
 * checks, validation), so keyboard, clipboard, selection, virtualisation,
 * conflicts and column settings are checked without the browser host.
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from '@playwright/test';
import type { RowChange } from '../../src-renderer/grid';
import type {} from '../grid-harness/fakeData';
import { expect, test } from './fixtures';

const GRID = '[data-testid="grid-harness"]';
const MAX_DOM_ROWS = 100;

/** Builds the harness page once and serves it from a temp folder on a free loopback port. */
async function serveHarness(): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canopy-grid-harness-'));
  const { build } = await import('vite');
  await build({ configFile: path.resolve('tests/grid-harness/vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = path.join(outDir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(outDir) || !fs.existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => (fs.rmSync(outDir, { recursive: true, force: true }), resolve()))),
  };
}

function helpers(page: Page) {
  const cell = (row: number, col: string) => page.locator(`${GRID} [data-row-index="${row}"][data-col-id="${col}"]`);
  const h = {
    cell,
    text: (row: number, col: string) => cell(row, col).innerText(),
    async scrollTo(top: number, left = 0) {
      await page.evaluate(([t, l]) => {
        const grid = document.querySelector('[role="grid"]')!;
        grid.scrollTop = t;
        grid.scrollLeft = l;
      }, [top, left]);
      await page.waitForTimeout(150);
    },
    async click(row: number, col: string, options?: { modifiers?: ('Shift' | 'Control')[] }) {
      if ((await cell(row, col).count()) === 0) await h.scrollTo(Math.max(0, row * 32 - 96));
      await cell(row, col).click(options);
    },
    calls: () => page.evaluate(() => window.harness.server.calls.length),
    lastCall: () => page.evaluate(() => window.harness.server.calls.at(-1) as RowChange[]),
    domRows: () => page.locator(`${GRID} [role="row"]`).count(),
    async cursor() {
      const el = page.locator(`${GRID} .cg-cursor`);
      await el.waitFor({ timeout: 2000 });
      return { row: Number(await el.getAttribute('data-row-index')), col: await el.getAttribute('data-col-id') };
    },
    idle: () => page.waitForFunction(() => !document.querySelector('[data-testid="grid-saving"]')),
    clipboard: (type: 'copy' | 'paste', text = '') =>
      page.evaluate(([kind, value]) => {
        const data = new DataTransfer();
        if (value) data.setData('text/plain', value);
        document.querySelector('[role="grid"]')!.dispatchEvent(new ClipboardEvent(kind, { clipboardData: data, bubbles: true, cancelable: true }));
        return data.getData('text/plain');
      }, [type, text] as const),
    dismissReport: () => page.locator('[data-testid="grid-error-report"] button').click(),
    rowCount: () => page.getByTestId('grid-row-count'),
  };
  return h;
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await page.locator(`${GRID} [role="row"][aria-rowindex="2"]`).waitFor();
}

test.describe.configure({ mode: 'serial' });

let harness: { url: string; close(): Promise<void> };
let browserContext: Awaited<ReturnType<Browser['newContext']>>;
let page: Page;
let h: ReturnType<typeof helpers>;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  harness = await serveHarness();
  browserContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await browserContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(harness.url).origin });
  page = await browserContext.newPage();
  h = helpers(page);
  await open(page, harness.url);
});

test.afterAll(async () => {
  await browserContext?.close();
  await harness?.close();
});

test('10,000 rows: the count, and few rows in the DOM while scrolling', async () => {
  await expect(h.rowCount()).toHaveText('10,000 rows');
  expect(await h.domRows()).toBeLessThan(MAX_DOM_ROWS);
  for (const top of [32 * 1000, 32 * 5000, 32 * 9990]) {
    await h.scrollTo(top);
    expect(await h.domRows()).toBeLessThan(MAX_DOM_ROWS);
  }
  await expect(h.cell(9999, 'name')).toHaveCount(1);
  await h.scrollTo(0);
});

test('type-to-edit, Enter commits and moves down; the change carries the version the editor opened', async () => {
  const before = await h.calls();
  await h.click(0, 'name');
  await page.keyboard.type('Alice Test');
  await expect(page.getByTestId('cell-editor')).toHaveValue('Alice Test');
  await page.keyboard.press('Enter');
  await h.idle();
  expect(await h.text(0, 'name')).toBe('Alice Test');
  expect(await h.cursor()).toEqual({ row: 1, col: 'name' });
  expect(await h.calls()).toBe(before + 1);
  expect(await h.lastCall()).toEqual([{ rowKey: 'e1', id: 'e1', version: 1, values: { name: 'Alice Test' } }]);
});

test('a second edit of the same row uses the version the first one saved', async () => {
  await h.click(0, 'email');
  await page.keyboard.type('alice@example.com');
  await page.keyboard.press('Tab');
  await h.idle();
  expect((await h.lastCall())[0].version).toBe(2);
  expect(await h.cursor()).toEqual({ row: 0, col: 'department' });
});

test('F2 edits keeping the content; Escape cancels', async () => {
  await h.click(1, 'salary');
  const original = await h.text(1, 'salary');
  await page.keyboard.press('F2');
  await expect(page.getByTestId('cell-editor')).toHaveValue(original);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await h.idle();
  expect(await h.text(1, 'salary')).toBe(original.slice(0, -1) + '9');
  const calls = await h.calls();
  await h.click(2, 'name');
  const name = await h.text(2, 'name');
  await page.keyboard.type('zzz');
  await page.keyboard.press('Escape');
  expect(await h.text(2, 'name')).toBe(name);
  expect(await h.calls()).toBe(calls);
});

test('navigation keys', async () => {
  await h.click(3, 'name');
  await page.keyboard.press('Home');
  expect(await h.cursor()).toEqual({ row: 3, col: 'employeeNo' });
  await page.keyboard.press('End');
  expect(await h.cursor()).toEqual({ row: 3, col: 'notes' });
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('grid');
  await h.click(3, 'notes');
  await page.keyboard.press('Control+End');
  expect(await h.cursor()).toEqual({ row: 9999, col: 'notes' });
  await page.keyboard.press('Control+Home');
  expect(await h.cursor()).toEqual({ row: 0, col: 'employeeNo' });
  await page.keyboard.press('PageDown');
  expect((await h.cursor()).row).toBeGreaterThan(10);
  await page.keyboard.press('PageUp');
  expect((await h.cursor()).row).toBe(0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  expect(await h.cursor()).toEqual({ row: 1, col: 'name' });
});

test('select editor: type to search, Enter picks', async () => {
  await h.click(0, 'department');
  await page.keyboard.type('sal');
  await page.getByTestId('cell-editor-options').waitFor();
  await page.keyboard.press('Enter');
  await h.idle();
  expect(await h.text(0, 'department')).toBe('Sales');
  expect((await h.lastCall())[0].values).toEqual({ department: 'd7' });
});

test('reference editor searches 10,000 options', async () => {
  await h.click(0, 'manager');
  await page.keyboard.type('Ben Berg 2');
  await page.getByTestId('cell-editor-options').waitFor();
  await page.keyboard.press('Enter');
  await h.idle();
  expect(await h.text(0, 'manager')).toBe('Ben Berg 2');
  expect((await h.lastCall())[0].values).toEqual({ manager: 'e2' });
});

test('pick-lists: Tab takes the highlighted option and moves right', async () => {
  await h.click(1, 'status');
  await page.keyboard.type('on lea');
  await expect(page.getByTestId('cell-editor-options').getByRole('option', { name: 'On leave' })).toBeVisible();
  await page.keyboard.press('Tab');
  await h.idle();
  expect(await h.text(1, 'status')).toBe('On leave');
  expect((await h.lastCall())[0].values).toEqual({ status: 'leave' });
  expect(await h.cursor()).toEqual({ row: 1, col: 'manager' });
  // Text that matches no option is refused and marked, nothing saved.
  const calls = await h.calls();
  await h.click(2, 'status');
  await page.keyboard.type('retired');
  await page.keyboard.press('Tab');
  expect(await h.calls()).toBe(calls);
  await expect(h.cell(2, 'status')).toHaveAttribute('data-testid', 'cell-error');
  await h.dismissReport();
});

test('pick-lists: a name several options share is reported, not guessed; a unique short name is taken', async () => {
  const calls = await h.calls();
  await h.click(3, 'department');
  await page.keyboard.type('field sales');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('grid-error-report')).toContainText(
    '"field sales" matches 2 departments: Europe · Field Sales, Americas · Field Sales. Type or pick the full name.',
  );
  expect(await h.calls()).toBe(calls);
  await h.dismissReport();
  // Chosen with the arrow keys, the highlighted option is taken.
  await h.click(3, 'department');
  await page.keyboard.type('field sales');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await h.idle();
  expect((await h.lastCall())[0].values).toEqual({ department: 'd10' });
  await page.keyboard.press('Control+z');
  await h.idle();
});

test('an open editor survives scrolling away and back', async () => {
  await h.click(0, 'notes');
  await page.keyboard.type('draft text');
  await h.scrollTo(32 * 3000);
  expect(await h.domRows()).toBeLessThan(MAX_DOM_ROWS);
  await h.scrollTo(0);
  await expect(page.getByTestId('cell-editor')).toHaveValue('draft text');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cell-editor')).toHaveCount(0);
});

test('an impossible date is refused before saving, with the reason', async () => {
  const calls = await h.calls();
  await h.click(0, 'startDate');
  await page.keyboard.type('2024-02-30');
  await page.keyboard.press('Enter');
  const error = page.locator(`${GRID} [data-row-index="0"][data-col-id="startDate"][data-testid="cell-error"]`);
  await expect(error).toHaveAttribute('title', '"2024-02-30" is not a valid date (February 2024 has 29 days).');
  expect(await h.calls()).toBe(calls);
  await expect(page.getByTestId('grid-error-report')).toBeVisible();
  await h.dismissReport();
});

test('an Excel date number typed into a date cell is stored as a date', async () => {
  await h.click(0, 'startDate');
  await page.keyboard.type('45291');
  await page.keyboard.press('Enter');
  await h.idle();
  expect((await h.lastCall())[0].values).toEqual({ startDate: '2023-12-31' });
  expect(await h.text(0, 'startDate')).toBe('2023-12-31');
});

const block = Array.from({ length: 20 }, (_, i) => [`Pasted ${i}`, `p${i}@x.com`, i % 2 ? 'Legal' : 'finance']);
const originalNames: string[] = [];

test('a 20×3 block pasted from one cell asks first, then saves in one onSave call', async () => {
  for (let r = 2; r < 22; r++) originalNames.push(await h.text(r, 'name'));
  const calls = await h.calls();
  await h.click(2, 'name');
  await h.clipboard('paste', block.map((cells) => cells.join('\t')).join('\r\n') + '\r\n');
  const question = page.getByTestId('grid-paste-question');
  // 19 people below the selected cell; three of them are in Legal already, so 54 cells change.
  await expect(question).toContainText('This paste changes 19 existing people (54 cells) outside the selected rows.');
  await question.getByRole('button', { name: 'Apply paste' }).click();
  await h.idle();
  expect(await h.calls()).toBe(calls + 1);
  const change = await h.lastCall();
  expect(change).toHaveLength(20);
  expect(change[0].values).toEqual({ name: 'Pasted 0', email: 'p0@x.com', department: 'd2' });
  expect(await h.text(21, 'department')).toBe('Legal');
  await expect(page.locator(`${GRID} [role="gridcell"][aria-selected="true"]`)).toHaveCount(60);
});

test('undo and redo the paste as one batch each', async () => {
  const calls = await h.calls();
  await page.keyboard.press('Control+z');
  await h.idle();
  expect(await h.calls()).toBe(calls + 1);
  expect(await h.lastCall()).toHaveLength(20);
  expect(await h.text(2, 'name')).toBe(originalNames[0]);
  await page.keyboard.press('Control+y');
  await h.idle();
  expect(await h.text(2, 'name')).toBe('Pasted 0');
  await page.getByTestId('grid-undo').click();
  await h.idle();
  expect(await h.text(21, 'name')).toBe(originalNames[19]);
});

test('a paste with cells that cannot be converted is reported and sends nothing', async () => {
  const calls = await h.calls();
  await h.click(5, 'salary');
  await h.clipboard('paste', 'abc\t2024-02-30\n100\t2024-01-01');
  const report = page.getByTestId('grid-error-report');
  await expect(report).toContainText('Row 6, Column Salary:');
  await expect(report).toContainText('Row 6, Column Start date:');
  expect(await h.calls()).toBe(calls);
  await expect(page.locator(`${GRID} [data-testid="cell-error"]`)).toHaveCount(2);
  expect(await h.text(6, 'salary')).not.toBe('100');
  await h.dismissReport();
});

test('server-side errors on a paste keep the grid unchanged', async () => {
  const original = await h.text(7, 'email');
  await h.click(7, 'email');
  await h.clipboard('paste', 'not-an-email');
  await h.idle();
  await expect(page.getByTestId('grid-error-report')).toContainText('Row 8, Column Email: Email must contain @');
  expect(await h.text(7, 'email')).toBe(original);
  await h.dismissReport();
});

test('an edit started before someone else saved the row gets a choice, never an overwrite', async () => {
  await h.click(9, 'name');
  await page.keyboard.type('Overwrite');
  // Someone else saves the row while the editor is open.
  await page.evaluate(() => (window.harness.server.touch('e10', { name: 'Saved elsewhere' }), window.harness.reload!()));
  await page.keyboard.press('Enter');
  await h.idle();
  const conflict = page.getByTestId('grid-conflict');
  await expect(conflict).toContainText('Nothing of yours was saved');
  expect(await h.text(9, 'name')).toBe('Saved elsewhere');
  expect(await page.evaluate(() => window.harness.server.db.get('e10')!.name)).toBe('Saved elsewhere');
  await conflict.getByRole('button', { name: 'Review both' }).click();
  const review = page.getByTestId('grid-conflict-review');
  await expect(review.getByRole('row').nth(1)).toContainText('Row 10 · EMP-00010NameSaved elsewhereOverwrite');
  const theirVersion = await page.evaluate(() => window.harness.server.db.get('e10')!.version);
  const sentVersion = (await h.lastCall())[0].version!;
  expect(theirVersion).toBe(sentVersion + 1);
  await review.getByRole('button', { name: 'Keep mine' }).click();
  await h.idle();
  // Saved again on their version, with only my field.
  expect(await h.lastCall()).toEqual([{ rowKey: 'e10', id: 'e10', version: theirVersion, values: { name: 'Overwrite' } }]);
  expect(await h.text(9, 'name')).toBe('Overwrite');
  await expect(conflict).toHaveCount(0);
});

test('Delete clears a range in one batch; undo restores it', async () => {
  await h.click(3, 'email');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  const originals = [await h.text(3, 'email'), await h.text(5, 'email')];
  await page.keyboard.press('Delete');
  await h.idle();
  expect((await h.lastCall()).map((c) => c.values)).toEqual([{ email: null }, { email: null }, { email: null }]);
  expect(await h.text(4, 'email')).toBe('');
  await page.keyboard.press('Control+z');
  await h.idle();
  expect([await h.text(3, 'email'), await h.text(5, 'email')]).toEqual(originals);
});

test('a mouse drag selects a range; copy gives TSV, also on a real Ctrl+C', async () => {
  const from = (await h.cell(0, 'name').boundingBox())!;
  const to = (await h.cell(1, 'email').boundingBox())!;
  await page.mouse.move(from.x + 10, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(to.x + 10, to.y + 10, { steps: 5 });
  await page.mouse.up();
  const expected = [
    [await h.text(0, 'name'), await h.text(0, 'email')].join('\t'),
    [await h.text(1, 'name'), await h.text(1, 'email')].join('\t'),
  ].join('\n');
  expect(await h.clipboard('copy')).toBe(expected);
  await page.evaluate(() => window.addEventListener('copy', (e) => ((window as unknown as { copied: string }).copied = e.clipboardData!.getData('text/plain')), { once: true }));
  await page.keyboard.press('Control+c');
  expect(await page.evaluate(() => (window as unknown as { copied: string }).copied)).toBe(expected);
});

test('a real Ctrl+V pastes from the system clipboard', async () => {
  await h.click(3, 'name');
  await page.evaluate(() => navigator.clipboard.writeText('Via keyboard\tkb@x.com'));
  await page.keyboard.press('Control+v');
  await h.idle();
  expect([await h.text(3, 'name'), await h.text(3, 'email')]).toEqual(['Via keyboard', 'kb@x.com']);
  await page.keyboard.press('Control+z');
  await h.idle();
});

test('clicking a header sorts ascending, descending, then not at all', async () => {
  const header = page.locator(`${GRID} [role="columnheader"][data-col-id="salary"]`);
  await header.locator('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const asc: number[] = [];
  for (let r = 0; r < 5; r++) asc.push(Number(await h.text(r, 'salary')));
  expect([...asc].sort((a, b) => a - b)).toEqual(asc);
  await header.locator('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  expect(Number(await h.text(0, 'salary'))).toBeGreaterThanOrEqual(asc[4]);
  await header.locator('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'none');
  expect(await h.text(0, 'employeeNo')).toBe('EMP-00001');
});

test('after an edit a sorted grid keeps the row in place, with the cursor on it, until sorted again', async () => {
  const header = page.locator(`${GRID} [role="columnheader"][data-col-id="salary"]`);
  await header.locator('button').click();
  const lowest = await h.text(0, 'employeeNo');
  await h.click(0, 'salary');
  await page.keyboard.type('999999');
  await page.keyboard.press('Tab');
  await h.idle();
  await page.evaluate(() => window.harness.reload!());
  expect(await h.text(0, 'employeeNo')).toBe(lowest);
  expect(await h.text(0, 'salary')).toBe('999999');
  expect(await h.cursor()).toEqual({ row: 0, col: 'startDate' });
  await page.getByTestId('grid-resort').click();
  await expect(page.getByTestId('grid-resort')).toHaveCount(0);
  expect(await h.text(0, 'employeeNo')).not.toBe(lowest);
  // Sorting again lays the rows out anew; as in a spreadsheet the cursor keeps its place.
  expect(await h.cursor()).toEqual({ row: 0, col: 'startDate' });
  await page.keyboard.press('Control+z');
  await h.idle();
  await header.locator('button').click();
  await header.locator('button').click();
  await h.scrollTo(0);
});

test('quick filter', async () => {
  await page.getByTestId('grid-filter').fill('human resources');
  await expect(h.rowCount()).not.toHaveText('10,000 rows');
  const shown = await page.locator(`${GRID} [data-col-id="department"][role="gridcell"]`).allInnerTexts();
  expect(shown.length).toBeGreaterThan(0);
  expect(new Set(shown)).toEqual(new Set(['Human Resources']));
  await page.getByTestId('grid-filter').fill('');
  await expect(h.rowCount()).toHaveText('10,000 rows');
});

test('add row: a rejected draft stays with its error, then becomes a row at the top', async () => {
  await page.getByTestId('grid-add-row').click();
  expect(await h.cursor()).toEqual({ row: 0, col: 'name' });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('new@x.com');
  await page.keyboard.press('Enter');
  await h.idle();
  const rowError = page.locator(`${GRID} [data-testid="row-error"]`);
  await expect(rowError).not.toBeEmpty();
  expect(await h.text(0, 'email')).toBe('new@x.com');
  await h.click(0, 'name');
  await page.keyboard.type('New Person');
  await page.keyboard.press('Enter');
  await h.idle();
  const create = await h.lastCall();
  expect([create.length, create[0].id]).toEqual([1, undefined]);
  expect(create[0].values).toEqual({ name: 'New Person', email: 'new@x.com' });
  await expect(rowError).toHaveCount(0);
  await expect(page.locator(`${GRID} .cg-draft`)).toHaveCount(0);
  expect(await h.text(0, 'name')).toBe('New Person');
  await expect(h.rowCount()).toHaveText('10,001 rows');
});

test('delete selected rows after confirming', async () => {
  await page.locator(`${GRID} [data-row-header="0"]`).click();
  await page.getByTestId('grid-delete').click();
  await page.getByTestId('grid-delete-confirm').click();
  await h.idle();
  await page.evaluate(() => window.harness.reload!());
  await expect(h.rowCount()).toHaveText('10,000 rows');
  expect(await h.text(0, 'employeeNo')).toBe('EMP-00001');
});

test('Ctrl+Shift+V pastes as new rows at the top, changing no existing row', async () => {
  await h.click(4, 'name');
  const calls = await h.calls();
  await page.evaluate(() => navigator.clipboard.writeText('Newcomer One\tone@x.com\nNewcomer Two\ttwo@x.com'));
  await page.keyboard.press('Control+Shift+V');
  await h.idle();
  expect(await h.calls()).toBe(calls + 1);
  const batch = await h.lastCall();
  expect(batch.map((c) => [c.id, c.values])).toEqual([
    [undefined, { name: 'Newcomer One', email: 'one@x.com' }],
    [undefined, { name: 'Newcomer Two', email: 'two@x.com' }],
  ]);
  expect([await h.text(0, 'name'), await h.text(1, 'name')]).toEqual(['Newcomer One', 'Newcomer Two']);
  await expect(h.rowCount()).toHaveText('10,002 rows');
});

test('double-clicking a row header opens the record', async () => {
  await page.locator(`${GRID} [data-row-header="4"]`).dblclick();
  expect(await page.evaluate(() => window.harness.opened.at(-1))).toBe('e3');
});

test('export passes the visible rows and columns', async () => {
  await page.getByTestId('grid-export').click();
  await page.getByRole('menuitem', { name: 'XLSX' }).click();
  const last = await page.evaluate(() => window.harness.exports.at(-1)!);
  expect([last.format, last.rows, last.columns.length]).toEqual(['xlsx', 10002, 9]);
  await page.keyboard.press('Escape');
});

test('Shift+click extends the selection; Ctrl+Shift+Z redoes', async () => {
  await h.click(2, 'name');
  await h.click(4, 'email', { modifiers: ['Shift'] });
  await expect(page.locator(`${GRID} [role="gridcell"][aria-selected="true"]`)).toHaveCount(6);
  const original = await h.text(2, 'name');
  await page.keyboard.type('Redo me');
  await page.keyboard.press('Enter');
  await h.idle();
  await page.keyboard.press('Control+z');
  await h.idle();
  expect(await h.text(2, 'name')).toBe(original);
  await page.keyboard.press('Control+Shift+Z');
  await h.idle();
  expect(await h.text(2, 'name')).toBe('Redo me');
});

test('per-column filter', async () => {
  await page.getByTestId('grid-toggle-filters').click();
  await page.getByTestId('grid-filter-department').fill('sales');
  await expect(h.rowCount()).not.toHaveText('10,002 rows');
  const shown = await page.locator(`${GRID} [data-col-id="department"][role="gridcell"]`).allInnerTexts();
  expect(shown.length).toBeGreaterThan(0);
  expect(new Set(shown)).toEqual(new Set(['Sales']));
  await page.getByTestId('grid-filter-department').fill('');
  await page.getByTestId('grid-toggle-filters').click();
  await expect(h.rowCount()).toHaveText('10,002 rows');
});

test('a paste past the last row creates rows in the same batch, at the bottom', async () => {
  await h.click(2, 'name');
  await page.keyboard.press('Control+ArrowDown');
  expect(await h.cursor()).toEqual({ row: 10001, col: 'name' });
  const calls = await h.calls();
  await h.clipboard('paste', 'Last one\nExtra A\nExtra B');
  await h.idle();
  expect(await h.calls()).toBe(calls + 1);
  const batch = await h.lastCall();
  expect(batch.map((c) => [c.id, c.values.name])).toEqual([['e10000', 'Last one'], [undefined, 'Extra A'], [undefined, 'Extra B']]);
  await expect(h.rowCount()).toHaveText('10,004 rows');
  await h.scrollTo(32 * 10004);
  expect([await h.text(10002, 'name'), await h.text(10003, 'name')]).toEqual(['Extra A', 'Extra B']);
  await h.scrollTo(0);
});

test('column visibility and width persist across a reload', async () => {
  await page.getByTestId('grid-columns').click();
  await page.getByRole('checkbox', { name: 'Email' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(h.cell(0, 'email')).toHaveCount(0);
  const handle = (await page.getByTestId('grid-resize-name').boundingBox())!;
  await page.mouse.move(handle.x + 3, handle.y + 10);
  await page.mouse.down();
  await page.mouse.move(handle.x + 83, handle.y + 10, { steps: 4 });
  await page.mouse.up();
  expect(Math.round((await h.cell(0, 'name').boundingBox())!.width)).toBe(280);
  await open(page, harness.url);
  await expect(h.cell(0, 'email')).toHaveCount(0);
  expect(Math.round((await h.cell(0, 'name').boundingBox())!.width)).toBe(280);
  await page.evaluate(() => localStorage.clear());
});

test('a wide grid virtualises its columns too', async () => {
  await open(page, `${harness.url}?wide=1`);
  const cells = await page.locator(`${GRID} [role="row"][aria-rowindex="2"] [role="gridcell"]`).count();
  expect(cells).toBeLessThan(40);
  await h.scrollTo(0, 5000);
  await expect(h.cell(0, 'extra40')).toHaveCount(1);
  await expect(h.cell(0, 'name')).toHaveCount(0);
  await h.click(0, 'extra40');
  await page.keyboard.press('Home');
  expect(await h.cursor()).toEqual({ row: 0, col: 'employeeNo' });
});

test('50,000 rows: few rows in the DOM, and a pasted edit shows', async () => {
  await open(page, `${harness.url}?rows=50000`);
  await h.click(0, 'name');
  await h.clipboard('paste', 'Quick edit');
  await expect(h.cell(0, 'name')).toHaveText('Quick edit');
  expect(await h.domRows()).toBeLessThan(MAX_DOM_ROWS);
});
