// Manual browser check of the shared grid: builds the harness, serves it and
// drives it in Chromium. Run: node tests/grid-harness/check.mjs  (screenshots in /tmp/grid-*.png)
import { chromium } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const configFile = fileURLToPath(new URL('./vite.config.ts', import.meta.url));
const GRID = '[data-testid="grid-harness"]';
const FIRST_RENDER_BUDGET_MS = 500;
const MAX_DOM_ROWS = 100;

let failures = 0;
async function check(name, fn) {
  try {
    const note = await fn();
    console.log(`ok   ${name}${note ? ` — ${note}` : ''}`);
  } catch (error) {
    failures += 1;
    console.log(`FAIL ${name}\n     ${String(error?.message ?? error).split('\n').join('\n     ')}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

const cellSelector = (row, col) => `${GRID} [data-row-index="${row}"][data-col-id="${col}"]`;

function helpers(page) {
  const cell = (row, col) => page.locator(cellSelector(row, col));
  return {
    cell,
    text: (row, col) => cell(row, col).innerText(),
    async click(row, col, options) {
      if ((await cell(row, col).count()) === 0) await this.scrollTo(Math.max(0, row * 32 - 96));
      await cell(row, col).click(options);
    },
    calls: () => page.evaluate(() => window.harness.server.calls.length),
    lastCall: () => page.evaluate(() => window.harness.server.calls.at(-1)),
    domRows: () => page.locator(`${GRID} [role="row"]`).count(),
    // The cursor cell renders once the grid has scrolled to it.
    async cursor() {
      const el = await page.waitForSelector(`${GRID} .cg-cursor`, { timeout: 2000 }).catch(() => null);
      if (!el) return null;
      return { row: Number(await el.getAttribute('data-row-index')), col: await el.getAttribute('data-col-id') };
    },
    async idle() {
      await page.waitForFunction(() => !document.querySelector('[data-testid="grid-saving"]'));
    },
    async clipboard(type, text = '') {
      return page.evaluate(
        ([kind, value]) => {
          const grid = document.querySelector('[role="grid"]');
          const data = new DataTransfer();
          if (value) data.setData('text/plain', value);
          grid.dispatchEvent(new ClipboardEvent(kind, { clipboardData: data, bubbles: true, cancelable: true }));
          return data.getData('text/plain');
        },
        [type, text],
      );
    },
    async scrollTo(top, left = 0) {
      await page.evaluate(
        ([t, l]) => {
          const grid = document.querySelector('[role="grid"]');
          grid.scrollTop = t;
          grid.scrollLeft = l;
        },
        [top, left],
      );
      await page.waitForTimeout(150);
    },
    dismissReport: () => page.locator('[data-testid="grid-error-report"] button').click(),
  };
}

async function runMainChecks(page, url) {
  const h = helpers(page);
  await page.goto(url);
  await page.waitForSelector(`${GRID} [role="row"][aria-rowindex="2"]`);
  await page.waitForTimeout(300);

  await check('first render of 10,000 rows is fast', async () => {
    const cold = await page.evaluate(() => window.harness);
    assert(cold.firstRenderMs < FIRST_RENDER_BUDGET_MS, `first render took ${cold.firstRenderMs} ms`);
    await page.reload();
    await page.waitForSelector(`${GRID} [role="row"][aria-rowindex="2"]`);
    await page.waitForTimeout(300);
    const warm = await page.evaluate(() => window.harness);
    const ms = (h) => `${h.firstRenderMs.toFixed(0)} ms (first frame ${h.firstPaintMs.toFixed(0)} ms)`;
    return `cold page ${ms(cold)}, reloaded ${ms(warm)}`;
  });

  await check('row count and DOM virtualisation', async () => {
    assertEqual(await page.getByTestId('grid-row-count').innerText(), '10,000 rows', 'row count');
    const rows = await h.domRows();
    assert(rows < MAX_DOM_ROWS, `${rows} rows in the DOM`);
    await page.screenshot({ path: '/tmp/grid-initial.png' });
    return `${rows} [role=row] elements at the top`;
  });

  await check('scrolling keeps the DOM small', async () => {
    let most = 0;
    for (const top of [32 * 1000, 32 * 5000, 32 * 9990]) {
      await h.scrollTo(top);
      most = Math.max(most, await h.domRows());
    }
    assert(most < MAX_DOM_ROWS, `${most} rows in the DOM while scrolling`);
    assert((await h.cell(9999, 'name').count()) === 1, 'last row is rendered at the bottom');
    await page.screenshot({ path: '/tmp/grid-scrolled.png' });
    await h.scrollTo(0);
    return `at most ${most} [role=row] elements`;
  });

  await check('type-to-edit, Enter commits and moves down', async () => {
    const before = await h.calls();
    await h.click(0, 'name');
    await page.keyboard.type('Alice Test');
    assertEqual(await page.getByTestId('cell-editor').inputValue(), 'Alice Test', 'editor value');
    await page.keyboard.press('Enter');
    await h.idle();
    assertEqual(await h.text(0, 'name'), 'Alice Test', 'cell text');
    assertEqual(await h.cursor(), { row: 1, col: 'name' }, 'cursor');
    assertEqual(await h.calls(), before + 1, 'onSave calls');
    assertEqual(await h.lastCall(), [{ rowKey: 'e1', id: 'e1', version: 1, values: { name: 'Alice Test' } }], 'change');
  });

  await check('a second edit of the same row uses the new version', async () => {
    await h.click(0, 'email');
    await page.keyboard.type('alice@example.com');
    await page.keyboard.press('Tab');
    await h.idle();
    assertEqual((await h.lastCall())[0].version, 2, 'version sent');
    assertEqual(await h.cursor(), { row: 0, col: 'department' }, 'Tab moves right');
  });

  await check('F2 edits keeping content; Escape cancels', async () => {
    await h.click(1, 'salary');
    const original = await h.text(1, 'salary');
    await page.keyboard.press('F2');
    assertEqual(await page.getByTestId('cell-editor').inputValue(), original, 'F2 keeps content');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    await h.idle();
    assertEqual(await h.text(1, 'salary'), original.slice(0, -1) + '9', 'edited number');
    const calls = await h.calls();
    await h.click(2, 'name');
    const name = await h.text(2, 'name');
    await page.keyboard.type('zzz');
    await page.keyboard.press('Escape');
    assertEqual(await h.text(2, 'name'), name, 'value after Escape');
    assertEqual(await h.calls(), calls, 'no save after Escape');
  });

  await check('navigation keys', async () => {
    await h.click(3, 'name');
    await page.keyboard.press('Home');
    assertEqual(await h.cursor(), { row: 3, col: 'employeeNo' }, 'Home');
    await page.keyboard.press('End');
    assertEqual(await h.cursor(), { row: 3, col: 'notes' }, 'End');
    await page.keyboard.press('Tab');
    assert(await page.evaluate(() => document.activeElement?.getAttribute('role') !== 'grid'), 'Tab at the last column leaves the grid');
    await h.click(3, 'notes');
    await page.keyboard.press('Control+End');
    assertEqual(await h.cursor(), { row: 9999, col: 'notes' }, 'Ctrl+End');
    await page.keyboard.press('Control+Home');
    assertEqual(await h.cursor(), { row: 0, col: 'employeeNo' }, 'Ctrl+Home');
    await page.keyboard.press('PageDown');
    const paged = await h.cursor();
    assert(paged.row > 10, `PageDown moved to row ${paged.row}`);
    await page.keyboard.press('PageUp');
    assertEqual((await h.cursor()).row, 0, 'PageUp');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    assertEqual(await h.cursor(), { row: 1, col: 'name' }, 'arrows');
  });

  await check('select editor: type to search, Enter picks', async () => {
    await h.click(0, 'department');
    await page.keyboard.type('sal');
    await page.waitForSelector('[data-testid="cell-editor-options"]');
    await page.screenshot({ path: '/tmp/grid-select-editor.png' });
    await page.keyboard.press('Enter');
    await h.idle();
    assertEqual(await h.text(0, 'department'), 'Sales', 'department');
    assertEqual((await h.lastCall())[0].values, { department: 'd7' }, 'saved option value');
  });

  await check('reference editor searches 10k options', async () => {
    await h.click(0, 'manager');
    await page.keyboard.type('Ben Berg 2');
    await page.waitForSelector('[data-testid="cell-editor-options"]');
    await page.screenshot({ path: '/tmp/grid-reference-editor.png' });
    await page.keyboard.press('Enter');
    await h.idle();
    assertEqual(await h.text(0, 'manager'), 'Ben Berg 2', 'manager label');
    assertEqual((await h.lastCall())[0].values, { manager: 'e2' }, 'saved reference id');
  });

  await check('select editor: an exactly typed label + Tab saves, other text is refused', async () => {
    await h.click(1, 'status');
    await page.keyboard.type('on leave');
    await page.keyboard.press('Tab');
    await h.idle();
    assertEqual(await h.text(1, 'status'), 'On leave', 'status');
    assertEqual((await h.lastCall())[0].values, { status: 'leave' }, 'saved value');
    const calls = await h.calls();
    await h.click(2, 'status');
    await page.keyboard.type('on lea');
    await page.keyboard.press('Tab');
    assertEqual(await h.calls(), calls, 'nothing saved');
    assert((await h.cell(2, 'status').getAttribute('data-testid')) === 'cell-error', 'cell marked');
    await h.dismissReport();
  });

  await check('an open editor survives scrolling away and back', async () => {
    await h.click(0, 'notes');
    await page.keyboard.type('draft text');
    await h.scrollTo(32 * 3000);
    assert((await h.domRows()) < MAX_DOM_ROWS, 'DOM rows');
    await h.scrollTo(0);
    assertEqual(await page.getByTestId('cell-editor').inputValue(), 'draft text', 'editor value');
    await page.keyboard.press('Escape');
    assertEqual(await page.getByTestId('cell-editor').count(), 0, 'editor closed');
  });

  await check('an impossible date is refused before saving', async () => {
    const calls = await h.calls();
    await h.click(0, 'startDate');
    await page.keyboard.type('2024-02-30');
    await page.keyboard.press('Enter');
    const error = page.locator(`${cellSelector(0, 'startDate')}[data-testid="cell-error"]`);
    assert((await error.count()) === 1, 'cell marked as error');
    assert((await error.getAttribute('title')).includes('not a valid date'), 'message in title');
    assertEqual(await h.calls(), calls, 'onSave calls');
    assert(await page.getByTestId('grid-error-report').isVisible(), 'report visible');
    await h.dismissReport();
  });

  const block = Array.from({ length: 20 }, (_, i) => [`Pasted ${i}`, `p${i}@x.com`, i % 2 ? 'Legal' : 'finance']);
  const originalNames = [];
  await check('paste a 20x3 block = one onSave call', async () => {
    for (let r = 2; r < 22; r++) originalNames.push(await h.text(r, 'name'));
    const calls = await h.calls();
    await h.click(2, 'name');
    await h.clipboard('paste', block.map((cells) => cells.join('\t')).join('\r\n') + '\r\n');
    await h.idle();
    assertEqual(await h.calls(), calls + 1, 'onSave calls');
    const change = await h.lastCall();
    assertEqual(change.length, 20, 'changes in the batch');
    assertEqual(change[0].values, { name: 'Pasted 0', email: 'p0@x.com', department: 'd2' }, 'first change');
    assertEqual(await h.text(21, 'department'), 'Legal', 'last pasted cell');
    const selected = await page.locator(`${GRID} [role="gridcell"][aria-selected="true"]`).count();
    assertEqual(selected, 60, 'pasted block is selected');
    await page.screenshot({ path: '/tmp/grid-pasted.png' });
  });

  await check('undo and redo the paste batch', async () => {
    const calls = await h.calls();
    await page.keyboard.press('Control+z');
    await h.idle();
    assertEqual(await h.calls(), calls + 1, 'undo is one onSave call');
    assertEqual((await h.lastCall()).length, 20, 'undo batch size');
    assertEqual(await h.text(2, 'name'), originalNames[0], 'name after undo');
    await page.keyboard.press('Control+y');
    await h.idle();
    assertEqual(await h.text(2, 'name'), 'Pasted 0', 'name after redo');
    await page.getByTestId('grid-undo').click();
    await h.idle();
    assertEqual(await h.text(21, 'name'), originalNames[19], 'name after undo button');
  });

  await check('unconvertible paste shows a report and sends nothing', async () => {
    const calls = await h.calls();
    await h.click(5, 'salary');
    await h.clipboard('paste', 'abc\t2024-02-30\n100\t2024-01-01');
    const report = page.getByTestId('grid-error-report');
    await report.waitFor();
    const text = await report.innerText();
    assert(text.includes('Row 6, Column Salary:'), `report: ${text}`);
    assert(text.includes('Row 6, Column Start date:'), `report: ${text}`);
    assertEqual(await h.calls(), calls, 'onSave calls');
    assertEqual(await page.locator(`${GRID} [data-testid="cell-error"]`).count(), 2, 'cells outlined');
    assert((await h.text(6, 'salary')) !== '100', 'nothing applied');
    await page.screenshot({ path: '/tmp/grid-paste-errors.png' });
    await h.dismissReport();
  });

  await check('server-side errors on paste keep the grid unchanged', async () => {
    const original = await h.text(7, 'email');
    await h.click(7, 'email');
    await h.clipboard('paste', 'not-an-email');
    await h.idle();
    const text = await page.getByTestId('grid-error-report').innerText();
    assert(text.includes('Row 8, Column Email: Email must contain @'), `report: ${text}`);
    assertEqual(await h.text(7, 'email'), original, 'cell reverted');
    await h.dismissReport();
  });

  await check('conflict is reported, never overwritten', async () => {
    await page.evaluate(() => window.harness.server.touch('e10'));
    const original = await h.text(9, 'name');
    await h.click(9, 'name');
    await page.keyboard.type('Overwrite');
    await page.keyboard.press('Enter');
    await h.idle();
    const report = await page.getByTestId('grid-error-report').innerText();
    assert(report.includes('changed elsewhere'), `report: ${report}`);
    assertEqual(await h.text(9, 'name'), original, 'value reverted');
    const error = page.locator(`${cellSelector(9, 'name')}[data-testid="cell-error"]`);
    assert((await error.count()) === 1, 'cell marked');
    await page.screenshot({ path: '/tmp/grid-conflict.png' });
    await h.dismissReport();
  });

  await check('Delete clears a range in one batch; undo restores', async () => {
    await h.click(3, 'email');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    const originals = [await h.text(3, 'email'), await h.text(5, 'email')];
    await page.keyboard.press('Delete');
    await h.idle();
    const change = await h.lastCall();
    assertEqual(change.map((c) => c.values), [{ email: null }, { email: null }, { email: null }], 'batch');
    assertEqual(await h.text(4, 'email'), '', 'cleared');
    await page.keyboard.press('Control+z');
    await h.idle();
    assertEqual([await h.text(3, 'email'), await h.text(5, 'email')], originals, 'restored');
  });

  await check('mouse drag selects a range; copy gives TSV', async () => {
    const from = await h.cell(0, 'name').boundingBox();
    const to = await h.cell(1, 'email').boundingBox();
    await page.mouse.move(from.x + 10, from.y + 10);
    await page.mouse.down();
    await page.mouse.move(to.x + 10, to.y + 10, { steps: 5 });
    await page.mouse.up();
    const copied = await h.clipboard('copy');
    const expected = [
      [await h.text(0, 'name'), await h.text(0, 'email')].join('\t'),
      [await h.text(1, 'name'), await h.text(1, 'email')].join('\t'),
    ].join('\n');
    assertEqual(copied, expected, 'copied text');
    // A real Ctrl+C, wherever Chromium sends the event, must be served by the grid too.
    await page.evaluate(() =>
      window.addEventListener('copy', (e) => (window.copiedText = e.clipboardData.getData('text/plain')), { once: true }),
    );
    await page.keyboard.press('Control+c');
    assertEqual(await page.evaluate(() => window.copiedText), expected, 'text copied by Ctrl+C');
  });

  await check('a real Ctrl+V pastes from the system clipboard', async () => {
    await h.click(3, 'name');
    await page.evaluate(() => navigator.clipboard.writeText('Via keyboard\tkb@x.com'));
    await page.keyboard.press('Control+v');
    await h.idle();
    assertEqual([await h.text(3, 'name'), await h.text(3, 'email')], ['Via keyboard', 'kb@x.com'], 'pasted cells');
    await page.keyboard.press('Control+z');
    await h.idle();
  });

  await check('click header to sort asc / desc / none', async () => {
    const header = page.locator(`${GRID} [role="columnheader"][data-col-id="salary"]`);
    await header.locator('button').click();
    assertEqual(await header.getAttribute('aria-sort'), 'ascending', 'aria-sort');
    const asc = [];
    for (let r = 0; r < 5; r++) asc.push(Number(await h.text(r, 'salary')));
    assertEqual([...asc].sort((a, b) => a - b), asc, 'ascending values');
    await page.screenshot({ path: '/tmp/grid-sorted.png' });
    await header.locator('button').click();
    assertEqual(await header.getAttribute('aria-sort'), 'descending', 'aria-sort');
    const top = Number(await h.text(0, 'salary'));
    assert(top >= asc[4], 'descending starts high');
    await header.locator('button').click();
    assertEqual(await header.getAttribute('aria-sort'), 'none', 'aria-sort');
    assertEqual(await h.text(0, 'employeeNo'), 'EMP-00001', 'original order');
  });

  await check('quick filter', async () => {
    await page.getByTestId('grid-filter').fill('human resources');
    await page.waitForFunction(() => document.querySelector('[data-testid="grid-row-count"]').textContent !== '10,000 rows');
    const count = await page.getByTestId('grid-row-count').innerText();
    const shown = await page.locator(`${GRID} [data-col-id="department"][role="gridcell"]`).allInnerTexts();
    assert(shown.length > 0 && shown.every((t) => t === 'Human Resources'), `filtered departments: ${shown.slice(0, 5)}`);
    await page.screenshot({ path: '/tmp/grid-filtered.png' });
    await page.getByTestId('grid-filter').fill('');
    await page.waitForFunction(() => document.querySelector('[data-testid="grid-row-count"]').textContent === '10,000 rows');
    return count;
  });

  await check('add row: rejected draft stays with its error, then becomes a row', async () => {
    await page.getByTestId('grid-add-row').click();
    assertEqual(await h.cursor(), { row: 0, col: 'name' }, 'cursor on the draft');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('new@x.com');
    await page.keyboard.press('Enter');
    await h.idle();
    const rowError = page.locator(`${GRID} [data-testid="row-error"]`);
    await rowError.waitFor();
    assert((await rowError.innerText()).length > 0, 'row error text');
    assertEqual(await h.text(0, 'email'), 'new@x.com', 'draft keeps its value');
    await page.screenshot({ path: '/tmp/grid-draft-error.png' });
    await h.click(0, 'name');
    await page.keyboard.type('New Person');
    await page.keyboard.press('Enter');
    await h.idle();
    const create = await h.lastCall();
    assertEqual([create.length, create[0].id], [1, undefined], 'one create request');
    assertEqual(create[0].values, { name: 'New Person', email: 'new@x.com' }, 'create values');
    assertEqual(await rowError.count(), 0, 'row error gone');
    assertEqual(await page.locator(`${GRID} .cg-draft`).count(), 0, 'no draft left');
    assertEqual(await h.text(0, 'name'), 'New Person', 'created row shown');
    assertEqual(await page.getByTestId('grid-row-count').innerText(), '10,001 rows', 'row count');
  });

  await check('delete selected rows after confirm', async () => {
    await page.locator(`${GRID} [data-row-header="0"]`).click();
    await page.getByTestId('grid-delete').click();
    await page.getByTestId('grid-delete-confirm').click();
    await h.idle();
    await page.waitForFunction(() => document.querySelector('[data-testid="grid-row-count"]').textContent === '10,000 rows');
    assertEqual(await h.text(0, 'employeeNo'), 'EMP-00001', 'first row');
  });

  await check('double-click row header opens the record', async () => {
    await page.locator(`${GRID} [data-row-header="2"]`).dblclick();
    assertEqual(await page.evaluate(() => window.harness.opened.at(-1)), 'e3', 'opened id');
  });

  await check('export passes visible rows and columns', async () => {
    await page.getByTestId('grid-export').click();
    await page.getByRole('menuitem', { name: 'XLSX' }).click();
    const last = await page.evaluate(() => window.harness.exports.at(-1));
    assertEqual([last.format, last.rows, last.columns.length], ['xlsx', 10000, 9], 'export');
    await page.keyboard.press('Escape');
  });

  await check('Shift+click extends the selection; Ctrl+Shift+Z redoes', async () => {
    await h.click(0, 'name');
    await h.click(2, 'email', { modifiers: ['Shift'] });
    assertEqual(await page.locator(`${GRID} [role="gridcell"][aria-selected="true"]`).count(), 6, 'selected cells');
    const original = await h.text(0, 'name');
    await page.keyboard.type('Redo me');
    await page.keyboard.press('Enter');
    await h.idle();
    await page.keyboard.press('Control+z');
    await h.idle();
    assertEqual(await h.text(0, 'name'), original, 'after undo');
    await page.keyboard.press('Control+Shift+Z');
    await h.idle();
    assertEqual(await h.text(0, 'name'), 'Redo me', 'after Ctrl+Shift+Z');
  });

  await check('per-column filter', async () => {
    await page.getByTestId('grid-toggle-filters').click();
    await page.getByTestId('grid-filter-department').fill('sales');
    await page.waitForFunction(() => document.querySelector('[data-testid="grid-row-count"]').textContent !== '10,000 rows');
    const shown = await page.locator(`${GRID} [data-col-id="department"][role="gridcell"]`).allInnerTexts();
    assert(shown.length > 0 && shown.every((t) => t === 'Sales'), `departments: ${shown.slice(0, 5)}`);
    await page.screenshot({ path: '/tmp/grid-column-filter.png' });
    await page.getByTestId('grid-filter-department').fill('');
    await page.getByTestId('grid-toggle-filters').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="grid-row-count"]').textContent === '10,000 rows');
  });

  await check('paste past the last row creates rows in the same batch', async () => {
    await h.click(0, 'name');
    await page.keyboard.press('Control+ArrowDown');
    assertEqual(await h.cursor(), { row: 9999, col: 'name' }, 'cursor on the last row');
    const calls = await h.calls();
    await h.clipboard('paste', 'Last one\nExtra A\nExtra B');
    await h.idle();
    assertEqual(await h.calls(), calls + 1, 'one onSave call');
    const batch = await h.lastCall();
    assertEqual(batch.map((c) => [c.id, c.values.name]), [['e10000', 'Last one'], [undefined, 'Extra A'], [undefined, 'Extra B']], 'batch');
    assertEqual(await page.getByTestId('grid-row-count').innerText(), '10,002 rows', 'row count');
    await h.scrollTo(32 * 10002);
    assertEqual([await h.text(10000, 'name'), await h.text(10001, 'name')], ['Extra A', 'Extra B'], 'new rows at the bottom');
    await h.scrollTo(0);
  });

  await check('column visibility and width persist', async () => {
    await page.getByTestId('grid-columns').click();
    await page.getByRole('checkbox', { name: 'Email' }).uncheck();
    await page.keyboard.press('Escape');
    assertEqual(await h.cell(0, 'email').count(), 0, 'email hidden');
    const handle = await page.getByTestId('grid-resize-name').boundingBox();
    await page.mouse.move(handle.x + 3, handle.y + 10);
    await page.mouse.down();
    await page.mouse.move(handle.x + 83, handle.y + 10, { steps: 4 });
    await page.mouse.up();
    const width = (await h.cell(0, 'name').boundingBox()).width;
    assertEqual(Math.round(width), 280, 'resized width');
    await page.reload();
    await page.waitForSelector(`${GRID} [role="row"][aria-rowindex="2"]`);
    assertEqual(await h.cell(0, 'email').count(), 0, 'still hidden after reload');
    assertEqual(Math.round((await h.cell(0, 'name').boundingBox()).width), 280, 'width after reload');
    await page.evaluate(() => localStorage.clear());
  });

  await check('moving the cursor is cheap', async () => {
    await page.reload();
    await page.waitForSelector(`${GRID} [role="row"][aria-rowindex="2"]`);
    await h.click(0, 'name');
    const perMove = await page.evaluate(async () => {
      const grid = document.querySelector('[role="grid"]');
      const start = performance.now();
      for (let i = 0; i < 200; i++) {
        grid.dispatchEvent(new KeyboardEvent('keydown', { key: i % 40 < 20 ? 'ArrowDown' : 'ArrowUp', bubbles: true }));
        // React renders discrete updates in a microtask queued during the dispatch.
        await null;
      }
      return (performance.now() - start) / 200;
    });
    assertEqual(await h.cursor(), { row: 0, col: 'name' }, 'cursor back at the start');
    assert(perMove < 8, `${perMove.toFixed(2)} ms per move`);
    return `${perMove.toFixed(2)} ms per cursor move`;
  });
}

async function runLargeChecks(page, url) {
  await check('50,000 rows: first render and time to show an edit', async () => {
    await page.goto(`${url}?rows=50000`);
    await page.waitForSelector(`${GRID} [role="row"][aria-rowindex="2"]`);
    await page.waitForTimeout(300);
    const { firstRenderMs } = await page.evaluate(() => window.harness);
    await helpers(page).click(0, 'name');
    const editMs = await page.evaluate(async () => {
      const grid = document.querySelector('[role="grid"]');
      const data = new DataTransfer();
      data.setData('text/plain', 'Quick edit');
      const start = performance.now();
      grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - start;
    });
    assertEqual(await helpers(page).text(0, 'name'), 'Quick edit', 'edit shown');
    assert((await helpers(page).domRows()) < MAX_DOM_ROWS, 'DOM rows');
    return `first render ${firstRenderMs.toFixed(0)} ms, edit visible after ${editMs.toFixed(0)} ms`;
  });
}

async function runWideChecks(page, url) {
  const h = helpers(page);
  await check('wide grid virtualises columns', async () => {
    await page.goto(`${url}?wide=1`);
    await page.waitForSelector(`${GRID} [role="row"][aria-rowindex="2"]`);
    const cells = await page.locator(`${GRID} [role="row"][aria-rowindex="2"] [role="gridcell"]`).count();
    assert(cells < 40, `${cells} cells rendered in a 58-column row`);
    await h.scrollTo(0, 5000);
    assert((await h.cell(0, 'extra40').count()) === 1, 'far column rendered after scrolling right');
    assert((await h.cell(0, 'name').count()) === 0, 'first columns dropped');
    await page.screenshot({ path: '/tmp/grid-wide.png' });
    await h.click(0, 'extra40');
    await page.keyboard.press('Home');
    assertEqual(await h.cursor(), { row: 0, col: 'employeeNo' }, 'Home scrolls back');
    return `${cells} cells per row of 58 columns`;
  });
}

const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

await build({ configFile, logLevel: 'warn' });
const server = await preview({ configFile, logLevel: 'warn', preview: { port: 4179, host: '127.0.0.1' } });
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: launchArgs });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log('page error:', error.message));
  page.on('console', (msg) => msg.type() === 'error' && console.log('console error:', msg.text()));
  await runMainChecks(page, url);
  await runWideChecks(page, url);
  await runLargeChecks(page, url);
} finally {
  await browser.close();
  await server.close();
}
console.log(failures === 0 ? '\nAll grid checks passed.' : `\n${failures} grid check(s) failed.`);
process.exit(failures === 0 ? 0 : 1);
