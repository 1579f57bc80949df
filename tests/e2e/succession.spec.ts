import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readerText } from '../unit/pdf-text';
import { api, cell, expect, goTo, test, type HostFixture } from './fixtures';

interface Row { id: string; version: number }

/**
 * Ann (CEO) ← Bo Dvořák (VP Sales) ← Cy 王小明 (Sales lead); Dana محمد holds no position.
 * Built through the API; the test then works as a user on the chart.
 */
async function organisation(page: Page) {
  const [department] = (await api<{ rows: Row[] }>(page, 'people.saveDepartments', { rows: [{ values: { name: 'Head office' } }] })).rows;
  const [job] = (await api<{ rows: Row[] }>(page, 'people.saveJobs', { rows: [{ values: { title: 'Leader' } }] })).rows;
  const person = (n: number, firstName: string, lastName: string) => ({
    values: { employeeNumber: `S00${n}`, firstName, lastName, hireDate: '2021-01-04', status: 'active', departmentId: department.id, jobId: job.id },
  });
  const [ann, bo, cy, dana] = (await api<{ rows: Row[] }>(page, 'people.saveEmployees', {
    rows: [person(1, 'Ann', 'Lee'), person(2, 'Bo', 'Dvořáková'), person(3, '小明', '王'), person(4, 'محمد', 'الأحمد')],
  })).rows;
  const [ceo] = (await api<{ rows: Row[] }>(page, 'people.savePositions', { rows: [{ values: { title: 'Chief Executive', jobId: job.id, departmentId: department.id, incumbentId: ann.id } }] })).rows;
  const [vp] = (await api<{ rows: Row[] }>(page, 'people.savePositions', { rows: [{ values: { title: 'VP Sales', jobId: job.id, departmentId: department.id, reportsToId: ceo.id, incumbentId: bo.id } }] })).rows;
  const [lead] = (await api<{ rows: Row[] }>(page, 'people.savePositions', { rows: [{ values: { title: 'Sales Lead', jobId: job.id, departmentId: department.id, reportsToId: vp.id, incumbentId: cy.id } }] })).rows;
  return { ceo, vp, lead, ann, bo, cy, dana, department, job };
}

const card = (page: Page, positionId: string) => page.getByTestId(`chart-node-${positionId}`);
const panel = (page: Page) => page.getByTestId('chart-panel');

/** Picks an option of a Mantine Select by typing part of its label. */
async function choose(select: Locator, page: Page, typed: string, option: string | RegExp) {
  await select.click();
  await select.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

test('mark a key position, nominate a successor on the chart, see the readiness colour and bench strength change, run a vacancy chain', async ({ page, host }) => {
  await page.goto(host.url);
  const o = await organisation(page);
  await goTo(page, '/succession');
  await expect(card(page, o.vp.id)).toBeVisible();
  await expect(card(page, o.vp.id)).not.toHaveAttribute('data-key');

  // Mark VP Sales key from its panel.
  await card(page, o.vp.id).click();
  await expect(panel(page).getByTestId('panel-title')).toHaveText('VP Sales');
  await panel(page).getByTestId('panel-mark-key').click();
  await expect(card(page, o.vp.id)).toHaveAttribute('data-key', 'true');
  await expect(card(page, o.vp.id).getByTestId('chart-bench')).toHaveText('No successors');
  expect(host.query(`SELECT is_key AS isKey FROM position WHERE id = ?`, o.vp.id)).toEqual([{ isKey: 1 }]);

  // Nominate Cy, ready now: a green circle on the card, bench strength 50 (one successor ready now).
  await choose(panel(page).getByTestId('panel-successor-select'), page, '小明', /小明 王/);
  await panel(page).getByTestId('panel-nominate').click();
  const successor = card(page, o.vp.id).locator('.sc-successor').first();
  await expect(successor).toContainText('小明 王');
  await expect(successor.locator('.sc-readiness')).toHaveText('Now');
  await expect(successor.locator('.sc-readiness')).toHaveCSS('color', 'rgb(27, 127, 59)');
  await expect(successor.locator('.sc-marker path')).toHaveAttribute('fill', '#1b7f3b');
  await expect(card(page, o.vp.id).getByTestId('chart-bench')).toHaveText('Bench 50');
  await expect(panel(page).getByTestId('panel-strength')).toHaveText('Bench 50 · Moderate');

  // Rated ready in 1–2 years instead: an amber diamond, bench 25 (weak).
  await panel(page).getByTestId('panel-successor-readiness').click();
  await page.getByRole('option', { name: 'Ready in 1–2 years' }).click();
  await expect(successor.locator('.sc-readiness')).toHaveText('1–2 y');
  await expect(successor.locator('.sc-marker path')).toHaveAttribute('fill', '#f0a202');
  await expect(card(page, o.vp.id).getByTestId('chart-bench')).toHaveText('Bench 25');
  await expect.poll(() => host.query(`SELECT r.label, n.rank FROM succession_nomination n JOIN readiness_level r ON r.id = n.readiness_id WHERE n.archived = 0`))
    .toEqual([{ label: 'Ready in 1–2 years', rank: 1 }]);

  // The CEO is key with Bo ready now. If Ann leaves, Bo moves up; VP Sales then has no one ready now.
  await card(page, o.ceo.id).click();
  await panel(page).getByTestId('panel-mark-key').click();
  await expect(card(page, o.ceo.id)).toHaveAttribute('data-key', 'true');
  await choose(panel(page).getByTestId('panel-successor-select'), page, 'Bo', /Bo Dvořáková/);
  await panel(page).getByTestId('panel-nominate').click();
  await expect(card(page, o.ceo.id).getByTestId('chart-bench')).toHaveText('Bench 50');
  await panel(page).getByTestId('panel-chain').click();
  const steps = panel(page).getByTestId('chain-steps');
  await expect(steps).toContainText('Chief Executive — Ann Lee leaves; Bo Dvořáková moves up (Now)');
  await expect(steps).toContainText('VP Sales — Bo Dvořáková leaves; no ready successor');
  await expect(card(page, o.vp.id)).toHaveClass(/sc-gap/);
  await expect(card(page, o.ceo.id).locator('.sc-step')).toHaveText('1');
  await page.screenshot({ path: 'test-results/succession-chain.png' });

  // Counting the second level as ready, Cy moves up in turn and the chain ends at the Sales Lead.
  await panel(page).getByLabel('Counting as ready').click();
  await page.getByRole('option', { name: /or ready in 1–2 years/ }).click();
  await panel(page).getByTestId('panel-chain').click();
  await expect(steps).toContainText('VP Sales — Bo Dvořáková leaves; 小明 王 moves up (1–2 y)');
  await expect(steps).toContainText('Sales Lead — 小明 王 leaves; no ready successor');

  // Where Bo is nominated: selecting him highlights every position he is a successor for.
  await card(page, o.ceo.id).locator('.sc-successor', { hasText: 'Bo Dvořáková' }).click();
  await expect(page.getByTestId('person-panel')).toContainText('Nominated for 1 position');
  await expect(card(page, o.ceo.id)).toHaveClass(/sc-person-here/);
  await expect(card(page, o.vp.id)).toHaveClass(/sc-person-here/);
});

test('the chart opens two levels deep: a collapsed subtree loads when expanded, counts what it hides, and search opens the way to a position inside one', async ({ page, host }) => {
  await page.goto(host.url);
  const o = await organisation(page);
  // Two more levels under the Sales Lead (third level): an Account Manager, and an Account Executive under them.
  const position = async (title: string, reportsToId: string) =>
    (await api<{ rows: Row[] }>(page, 'people.savePositions', { rows: [{ values: { title, jobId: o.job.id, departmentId: o.department.id, reportsToId } }] })).rows[0];
  const manager = await position('Account Manager', o.lead.id);
  const executive = await position('Account Executive', manager.id);
  const apiCalls: string[] = [];
  page.on('request', (request) => { if (request.url().endsWith('/api')) apiCalls.push(request.postData() ?? ''); });
  await goTo(page, '/succession');
  await expect(card(page, o.lead.id)).toBeVisible();
  await page.getByTestId('chart-fit').click();
  await expect(card(page, manager.id)).toHaveCount(0);
  // The Sales Lead is closed with both positions below it counted, though neither was loaded.
  const lead = page.getByTestId(`chart-toggle-${o.lead.id}`);
  await expect(lead).toHaveText('+2 below');
  await expect(lead).toHaveAttribute('aria-label', 'Show the 2 positions below');
  await page.screenshot({ path: 'test-results/succession-chart-closed-card.png' });
  expect(apiCalls.some((body) => body.includes('succession.getChart"'))).toBe(false);

  // Opening it loads its report, shown closed with the one below it.
  await lead.click();
  await expect(card(page, manager.id)).toBeVisible();
  await expect(lead).toHaveText('−');
  await expect(page.getByTestId(`chart-toggle-${manager.id}`)).toHaveText('+1 below');
  await expect(card(page, executive.id)).toHaveCount(0);
  await page.getByTestId(`chart-toggle-${manager.id}`).click();
  await expect(card(page, executive.id)).toBeVisible();
  await expect(card(page, executive.id).locator('.sc-toggle')).toHaveCount(0);

  // Closing the Sales Lead hides both again.
  await lead.click();
  await expect(card(page, manager.id)).toHaveCount(0);
  await expect(lead).toHaveText('+2 below');

  // Searching for the Account Executive opens the way down to it and selects it.
  await page.getByTestId('chart-search').fill('Account Exec');
  await page.getByRole('option', { name: 'Account Executive · Head office' }).click();
  await expect(panel(page).getByTestId('panel-title')).toHaveText('Account Executive');
  await expect(card(page, executive.id)).toBeVisible();
  await expect(card(page, executive.id)).toHaveClass(/sc-selected/);
  await expect(lead).toHaveText('−');
});

test('bad input: the incumbent as their own successor and a person twice on one plan are refused in the grid; a non-image and a 200 MB photo are refused', async ({ page, host }) => {
  await page.goto(host.url);
  const o = await organisation(page);
  await api(page, 'succession.saveKeyPositions', { rows: [{ values: { positionId: o.vp.id, criticality: 'high', vacancyRisk: 'low' } }] });
  const [readiness] = (await api<{ rows: Row[] }>(page, 'succession.listReadinessLevels', {})).rows;
  await api(page, 'succession.nominateSuccessor', { positionId: o.vp.id, employeeId: o.cy.id, readinessId: readiness.id });
  await goTo(page, '/succession/plans');
  const grid = page.getByTestId('grid-succession-nominations');
  await expect(grid.getByRole('row')).toHaveCount(2);
  const before = host.query(`SELECT count(*) AS n FROM succession_nomination`);

  // A new row: plan, successor (Bo holds VP Sales), rank, readiness.
  await grid.getByTestId('grid-add-row').click();
  for (const [i, value] of ['VP Sales · Head office', 'Bo Dvořáková (S002)', '2', 'Ready now'].entries()) {
    await page.keyboard.type(value);
    await page.keyboard.press(i === 3 ? 'Enter' : 'Tab');
  }
  const draft = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /New/ }) });
  await expect(draft).toContainText('Bo Dvořáková holds "VP Sales"; a successor must be someone else.');
  expect(host.query(`SELECT count(*) AS n FROM succession_nomination`)).toEqual(before);
  // The draft row keeps what was typed; naming Cy, already on the plan, is refused too.
  await page.keyboard.press('Escape');
  await cell(page, 'succession-nominations', 0, 'successorId').click();
  // Characters typed through an input method start no edit on a grid cell: Enter opens the editor first.
  await page.keyboard.press('Enter');
  await page.keyboard.type('小明 王 (S003)');
  await page.keyboard.press('Enter');
  await expect(draft).toContainText('小明 王 is already a successor on this plan.');
  expect(host.query(`SELECT count(*) AS n FROM succession_nomination`)).toEqual(before);

  // Photos: a text file named like a photo, and a 200 MB image, are refused before anything is stored.
  await goTo(page, '/succession/settings');
  const fake = path.join(host.dir, 'S001.png');
  fs.writeFileSync(fake, 'this is not an image');
  await page.getByTestId('photos-input').setInputFiles(fake);
  await expect(page.getByTestId('photos-problems')).toContainText('S001.png is not a PNG or JPEG image.');
  await expect(page.getByTestId('photos-problems')).toContainText('No photos were stored.');
  const huge = path.join(host.dir, 'S002.jpg');
  fs.closeSync(fs.openSync(huge, 'w'));
  fs.truncateSync(huge, 200 * 1024 * 1024);
  await page.getByTestId('photos-input').setInputFiles(huge);
  await expect(page.getByTestId('photos-problems')).toContainText('S002.jpg is 200 MB; a photo is at most 8 MB.');
  expect(host.query(`SELECT count(*) AS n FROM employee_photo`)).toEqual([{ n: 0 }]);
});

/** Exports from the dialog; returns the downloaded file's bytes. */
async function exportAs(page: Page, host: HostFixture, setup: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('chart-export').click();
  await setup();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
  const file = path.join(host.dir, download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByTestId('export-modal')).toBeHidden();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

test('export the chart to every format and the plans to a workbook, and check each file', async ({ page, host }) => {
  await page.goto(host.url);
  const o = await organisation(page);
  await api(page, 'succession.saveKeyPositions', { rows: [{ values: { positionId: o.ceo.id, criticality: 'high', vacancyRisk: 'low' } }] });
  const [now] = (await api<{ rows: Row[] }>(page, 'succession.listReadinessLevels', {})).rows;
  await api(page, 'succession.nominateSuccessor', { positionId: o.ceo.id, employeeId: o.dana.id, readinessId: now.id });
  await goTo(page, '/succession');
  await expect(card(page, o.ceo.id)).toBeVisible();
  const modal = page.getByTestId('export-modal');
  const pick = (name: string) => modal.getByTestId('export-format').getByText(name, { exact: true }).click();

  const svg = await exportAs(page, host, () => pick('SVG'));
  expect(svg.name).toMatch(/^Succession chart \d{4}-\d{2}-\d{2}\.svg$/);
  const svgText = svg.bytes.toString('utf8');
  expect(svgText.match(/<g class="position"/g)).toHaveLength(3);
  for (const name of ['Ann Lee', 'Bo Dvořáková', '小明 王', 'محمد الأحمد']) expect(svgText).toContain(name);
  // The browser parses it: opened as an image it has the chart's size.
  const size = await page.evaluate(async (source) => {
    const image = new Image();
    image.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(source)))}`;
    await image.decode();
    return [image.naturalWidth, image.naturalHeight];
  }, svgText);
  expect(size).toEqual(svgText.match(/<svg[^>]* width="(\d+)" height="(\d+)"/)!.slice(1).map(Number));

  const png = await exportAs(page, host, async () => {
    await pick('PNG');
    await modal.getByTestId('export-png-width').fill('1600');
  });
  expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1600, Math.round((1600 * size[1]) / size[0])]);

  const pdf = await exportAs(page, host, async () => {
    await pick('PDF');
  });
  const pdfText = pdf.bytes.toString('latin1');
  // The three positions fit on one page: an index page and one chart page.
  expect(pdfText.match(/\/Type \/Page\b/g)).toHaveLength(2);
  expect(pdfText).toContain('/FontFile');
  const read = await readerText(pdf.bytes);
  for (const name of ['Ann Lee', 'Bo Dvořáková', 'محمد']) expect(read).toContain(name);
  expect(read).toMatch(/小明\s*王/);

  const pptx = await exportAs(page, host, () => pick('PowerPoint'));
  const zip = await JSZip.loadAsync(pptx.bytes);
  const slide = await zip.file('ppt/slides/slide2.xml')!.async('string');
  expect([...slide.matchAll(/name="Position: ([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(['Chief Executive', 'Sales Lead', 'VP Sales']);
  for (const name of ['Ann Lee', 'Bo Dvořáková', '小明 王', 'محمد الأحمد']) expect(slide).toContain(name);

  await goTo(page, '/succession/plans');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plans-xlsx').click()]);
  const file = path.join(host.dir, download.suggestedFilename());
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows = (workbook.getWorksheet('Succession plans')!.getSheetValues() as unknown[][]).slice(2).map((row) => row.slice(1));
  expect(rows.map((r) => [r[1], r[6], r[9], r[12], r[13]])).toEqual([['Chief Executive · Head office', 'Ann Lee', 'محمد الأحمد', 1, 'Ready now']]);
});

test('paste reasons for two key positions into the grid', async ({ page, host }) => {
  await page.goto(host.url);
  const o = await organisation(page);
  await api(page, 'succession.saveKeyPositions', { rows: [o.ceo, o.vp].map((p) => ({ values: { positionId: p.id, criticality: 'high', vacancyRisk: 'low' } })) });
  await goTo(page, '/succession/key-positions');
  // Rows are in title order: Chief Executive, VP Sales.
  await cell(page, 'key-positions', 0, 'reason').click();
  await cell(page, 'key-positions', 1, 'reason').click({ modifiers: ['Shift'] });
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, 'Sets the strategy\nOwns the revenue plan');
  await expect.poll(() => host.query(`SELECT p.title, k.reason FROM key_position k JOIN position p ON p.id = k.id ORDER BY p.title`)).toEqual([
    { title: 'Chief Executive', reason: 'Sets the strategy' },
    { title: 'VP Sales', reason: 'Owns the revenue plan' },
  ]);
});
