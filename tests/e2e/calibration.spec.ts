import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { pdfText } from '../unit/pdf-text';
import { api, cell, expect, goTo, test } from './fixtures';

type Row = { id: string; version: number };
const LEVELS = [
  { value: 1, label: 'Unsatisfactory' }, { value: 2, label: 'Needs improvement' }, { value: 3, label: 'Meets' }, { value: 4, label: 'Exceeds' }, { value: 5, label: 'Outstanding' },
];

/**
 * Sales: Ana 4 (Exceeds), Ben 3 (Meets), Cleo 3, Dev 2, Eli 5 (Outstanding), Fay not rated; Gus in
 * Finance 3. A running cycle over both departments, the ratings set on the reviews as overrides,
 * and an advisory guideline: Outstanding at most 20 %.
 */
async function setUp(page: Page) {
  const api_ = <T>(method: string, input: unknown) => api<T>(page, method, input);
  const { rows: [sales, finance] } = await api_<{ rows: Row[] }>('people.saveDepartments', { rows: [{ values: { name: 'Sales' } }, { values: { name: 'Finance' } }] });
  const person = (n: number, first: string, departmentId: string) => ({ values: { employeeNumber: `C${n}`, firstName: first, lastName: 'Test', hireDate: '2020-01-01', status: 'active', departmentId } });
  const { rows: people } = await api_<{ rows: (Row & { firstName: string })[] }>('people.saveEmployees', {
    rows: [person(1, 'Ana', sales.id), person(2, 'Ben', sales.id), person(3, 'Cleo', sales.id), person(4, 'Dev', sales.id), person(5, 'Eli', sales.id), person(6, 'Fay', sales.id), person(7, 'Gus', finance.id)],
  });
  const scale = await api_<Row>('reviews.saveRatingScale', { name: 'Five', levels: LEVELS });
  const template = await api_<Row>('reviews.saveTemplate', { name: 'Annual', sections: [{ kind: 'goals', title: 'Goals', weight: 100 }], steps: { selfReview: false, peerFeedback: false } });
  const draft = await api_<Row>('reviews.saveCycle', {
    name: '2026 annual review', periodStart: '2026-01-01', periodEnd: '2026-12-31', dueDate: '2027-01-31', ratingScaleId: scale.id, templateId: template.id,
    population: { departmentIds: [sales.id, finance.id], jobIds: [], employeeIds: [] },
  });
  const { cycle } = await api_<{ cycle: Row }>('reviews.launchCycle', { id: draft.id, version: draft.version });
  const { rows: reviews } = await api_<{ rows: (Row & { employeeName: string })[] }>('reviews.listReviews', { cycleId: cycle.id });
  const rating: Record<string, number> = { Ana: 4, Ben: 3, Cleo: 3, Dev: 2, Eli: 5, Gus: 3 };
  for (const review of reviews) {
    const value = rating[review.employeeName.split(' ')[0]];
    if (value) await api_('reviews.overrideRating', { id: review.id, version: review.version, rating: value, reason: 'Set for the test' });
  }
  await api_('calibration.saveGuidelineSet', { name: 'Top share', ratingScaleId: scale.id, mode: 'advisory', rules: [{ fromLevel: 5, toLevel: 5, operator: 'le', percent: 20 }] });
  return { sales, people, reviews };
}

async function choose(page: Page, select: Locator, option: string | RegExp) {
  await select.click();
  await page.getByRole('option', { name: option }).first().click();
}

const card = (page: Page, name: string) => page.locator(`[data-testid="person-card"][data-name="${name}"]`);

/** A mouse drag as a person does it: press, move a little (dnd-kit starts after 6 px), move over the target, release. */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 4, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

async function giveReason(page: Page, comment: string) {
  const dialog = page.getByTestId('move-dialog');
  await choose(page, dialog.getByTestId('move-reason'), /^EVIDENCE/);
  await dialog.getByTestId('move-comment').fill(comment);
  await dialog.getByTestId('confirm-move').click();
  await expect(dialog.getByTestId('confirm-move')).toBeHidden();
}

test('prepare a session from a cycle, move people with the mouse and the keyboard, finalise outside an advisory guideline into the reviews', async ({ page, host }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  await page.goto(host.url);
  await expect(page.getByText('Canopy').first()).toBeVisible();
  await setUp(page);

  // A new session from the running cycle: the Sales department, the advisory guidelines.
  await goTo(page, '/calibration');
  await page.getByTestId('new-session').click();
  const form = page.getByTestId('session-form');
  await form.getByTestId('session-name').fill('Sales calibration');
  await choose(page, form.getByTestId('session-cycle'), '2026 annual review');
  await choose(page, form.getByTestId('session-guidelines'), 'Top share (advisory)');
  await form.getByRole('tab', { name: 'People' }).click();
  await choose(page, form.getByTestId('population-departments'), 'Sales');
  await page.keyboard.press('Escape');
  await form.getByRole('tab', { name: 'Nine-box and reasons' }).click();
  await shot('calibration-session-form');
  await form.getByTestId('save-session').click();
  await expect(page.getByTestId('session-page')).toBeVisible();
  await expect(page.getByTestId('session-status')).toHaveText('Draft');
  await page.getByTestId('start-session').click();
  await expect(page.getByTestId('session-status')).toHaveText('In session');

  // Nobody has a potential yet, so all six wait in the holding area; five have a rating.
  await expect(page.getByTestId('holding-count')).toHaveText('6');
  const top = page.getByTestId('guideline-chip').first();
  await expect(top).toHaveText('Outstanding ≤ 20 %: 1 (20 %) ✓');
  await expect(top).toHaveAttribute('data-status', 'within');
  await shot('calibration-nine-box-start');

  // Mouse: Ben (Meets) into Consistent star; the prompt offers the column's levels and wants a reason.
  await drag(page, card(page, 'Ben Test'), page.getByTestId('box-8'));
  const dialog = page.getByTestId('move-dialog');
  await expect(dialog.getByTestId('confirm-move')).toBeVisible();
  await expect(dialog.getByTestId('move-performance')).toHaveValue('4 · Exceeds');
  await choose(page, dialog.getByTestId('move-performance'), '5 · Outstanding');
  await dialog.getByTestId('confirm-move').click();
  await expect(dialog.getByTestId('move-error')).toHaveText('Every move needs a reason and a comment.');
  await expect(dialog.getByTestId('move-preview')).toContainText('Outstanding ≤ 20 %: 2 (over by 1)');
  await shot('calibration-reason-prompt');
  await giveReason(page, 'Won the two largest accounts.');
  await expect(page.getByTestId('box-8').getByTestId('person-card')).toHaveCount(1);
  await expect(card(page, 'Ben Test')).toContainText('Outstanding');
  // The indicator on the nine-box turns: 2 of 5 are Outstanding, at most 1 allowed.
  await expect(top).toHaveText('Outstanding ≤ 20 %: 2 (40 %) · over by 1');
  await expect(top).toHaveAttribute('data-status', 'over');

  // Keyboard: focus Ana's card, Enter, pick Core player with Tab and Enter, then the reason.
  await card(page, 'Ana Test').focus();
  await page.keyboard.press('Enter');
  const picker = page.getByTestId('move-picker');
  await expect(picker.getByTestId('pick-box-6')).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await expect(picker.getByTestId('pick-box-4')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('move-performance')).toHaveValue('3 · Meets');
  await giveReason(page, 'Strong, but not beyond the role this year.');
  await expect(page.getByTestId('box-4').getByTestId('person-card')).toHaveText(/Ana Test/);
  // Keyboard with the arrows: lift Cleo with Space, carry her right into a box, drop with Space.
  // Each key waits for what the previous one did: the lifted card's overlay, then a box under it.
  await card(page, 'Cleo Test').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('.cal-overlay')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('[data-over="true"]')).toHaveCount(1);
  await page.keyboard.press('Space');
  await expect(dialog.getByTestId('confirm-move')).toBeVisible();
  await giveReason(page, 'Potential agreed by the room.');
  await expect(page.getByTestId('holding-count')).toHaveText('3');
  await shot('calibration-nine-box-moved');

  // Fay has no rating: in the bins she waits in the holding area until dragged onto a level.
  await page.getByTestId('tab-bins').click();
  await expect(page.getByTestId('rating-bins').getByTestId('holding-area').getByTestId('person-card')).toHaveCount(1);
  await drag(page, card(page, 'Fay Test'), page.getByTestId('bin-2'));
  await expect(dialog.getByTestId('move-performance')).toHaveValue('3 · Meets');
  await giveReason(page, 'Rated by the room; the review was never finished.');
  await expect(page.getByTestId('bin-2').getByTestId('bin-count')).toHaveText('2 · 33.3 %');
  await expect(top).toHaveText('Outstanding ≤ 20 %: 2 (33.3 %) · over by 1');
  await shot('calibration-rating-bins');

  // The person card: the original struck through beside the new value, and the move.
  await card(page, 'Ben Test').click();
  const drawer = page.getByTestId('person-drawer');
  await expect(drawer.getByTestId('original-struck')).toHaveText('3 · Meets');
  await expect(drawer.getByTestId('person-rating')).toContainText('Outstanding');
  await expect(drawer.getByTestId('person-history')).toContainText('Meets → Outstanding, potential not set → High — Evidence not reflected in the review: Won the two largest accounts.');
  await shot('calibration-person-card');
  await page.keyboard.press('Escape');

  // Finalise outside the advisory guideline: refused without an acknowledgement, then with one.
  await page.getByTestId('finalise-session').click();
  const finalise = page.getByTestId('finalise-dialog');
  await expect(finalise).toContainText('Outstanding ≤ 20 %: 2 of 6 (at most 1)');
  await finalise.getByTestId('confirm-finalise').click();
  await expect(finalise.getByTestId('finalise-error')).toHaveText('The distribution is outside the advisory guidelines: Outstanding ≤ 20 % (2 of 6, at most 1). To finalise anyway, acknowledge it with a reason.');
  expect(host.query(`SELECT count(*) AS n FROM review WHERE calibration_session_id IS NOT NULL`)).toEqual([{ n: 0 }]);
  await finalise.getByTestId('acknowledgement').fill('Two exceptional performers this year.');
  await finalise.getByTestId('confirm-finalise').click();
  await expect(finalise.getByTestId('finalise-summary')).toContainText('6 people: 2 moved up, 1 moved down, 1 given a first rating, 2 unchanged. 4 reviews updated.');
  await shot('calibration-finalised-summary');
  await finalise.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('session-status')).toHaveText('Finalised');

  // Ben's review: rated Outstanding, the Meets from before calibration kept beside it.
  const [ben] = host.query<{ id: string; finalRating: number; before: number }>(`SELECT r.id, r.final_rating AS finalRating, r.rating_before_calibration AS before FROM review r JOIN employee e ON e.id = r.employee_id WHERE e.first_name = 'Ben'`);
  expect(ben).toMatchObject({ finalRating: 5, before: 3 });
  await goTo(page, `/reviews/review/${ben.id}`);
  await expect(page.getByTestId('final-rating')).toHaveText('5 · Outstanding');
  await expect(page.getByTestId('rating-before-calibration')).toHaveText('3 · Meets');
  await expect(page.getByTestId('override-form')).toHaveCount(0);
  await shot('calibration-review-written-back');
});

test('a move without a reason, and a card moved in another window meanwhile, store nothing', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByText('Canopy').first()).toBeVisible();
  const { sales } = await setUp(page);
  const set = (await api<{ rows: Row[] }>(page, 'calibration.listGuidelineSets', {})).rows[0];
  const cycle = (await api<{ rows: Row[] }>(page, 'reviews.listCycles', {})).rows[0];
  const draft = await api<Row>(page, 'calibration.saveSession', {
    name: 'Window test', cycleId: cycle.id, date: '2027-01-10', reviewerIds: [], guidelineSetId: set.id,
    population: { departmentIds: [sales.id], managerIds: [], jobIds: [], jobLevels: [], employeeIds: [], excludedEmployeeIds: [] },
    settings: {
      potentialLevels: [{ value: 1, label: 'Low' }, { value: 2, label: 'Medium' }, { value: 3, label: 'High' }], columns: 3, rows: 3, performanceBands: [2, 1, 2], potentialBands: [1, 1, 1],
      boxes: Array.from({ length: 9 }, (_, i) => ({ name: `Box ${i + 1}`, colour: '#e9ecef' })), reasonCodes: [{ code: 'EVIDENCE', label: 'Evidence' }],
    },
  });
  const session = await api<Row>(page, 'calibration.startSession', { id: draft.id, version: draft.version });
  await goTo(page, `/calibration/sessions/${session.id}`);
  await page.getByTestId('tab-bins').click();
  await drag(page, card(page, 'Dev Test'), page.getByTestId('bin-3'));
  const dialog = page.getByTestId('move-dialog');
  await dialog.getByTestId('move-comment').fill('No reason code chosen');
  await dialog.getByTestId('confirm-move').click();
  await expect(dialog.getByTestId('move-error')).toHaveText('Every move needs a reason and a comment.');
  expect(host.query(`SELECT count(*) AS n FROM calibration_change`)).toEqual([{ n: 0 }]);

  // Meanwhile another window moves Dev to Meets; this window's move started from the old version.
  const { rows } = await api<{ rows: (Row & { employeeName: string })[] }>(page, 'calibration.listMembers', { sessionId: session.id });
  const dev = rows.find((m) => m.employeeName === 'Dev Test')!;
  await api(page, 'calibration.movePerson', { sessionId: session.id, memberId: dev.id, version: dev.version, performance: 3, reasonCode: 'EVIDENCE', comment: 'From the other window' });
  await choose(page, dialog.getByTestId('move-reason'), /^EVIDENCE/);
  await dialog.getByTestId('confirm-move').click();
  await expect(dialog.getByTestId('move-error')).toContainText('was changed elsewhere since you opened it. Nothing was saved');
  expect(host.query<{ n: number }>(`SELECT count(*) AS n FROM calibration_change`)).toEqual([{ n: 1 }]);
  expect(host.query(`SELECT m.performance FROM calibration_member m JOIN employee e ON e.id = m.employee_id WHERE e.first_name = 'Dev'`)).toEqual([{ performance: 3 }]);
});

test('export the session as PDF, PPTX and XLSX and read them back', async ({ page, host }, testInfo) => {
  await page.goto(host.url);
  await expect(page.getByText('Canopy').first()).toBeVisible();
  const { sales } = await setUp(page);
  const set = (await api<{ rows: Row[] }>(page, 'calibration.listGuidelineSets', {})).rows[0];
  const cycle = (await api<{ rows: Row[] }>(page, 'reviews.listCycles', {})).rows[0];
  const draft = await api<Row>(page, 'calibration.saveSession', {
    name: 'Export test', cycleId: cycle.id, date: '2027-01-12', reviewerIds: [], guidelineSetId: set.id,
    population: { departmentIds: [sales.id], managerIds: [], jobIds: [], jobLevels: [], employeeIds: [], excludedEmployeeIds: [] },
    settings: {
      potentialLevels: [{ value: 1, label: 'Low' }, { value: 2, label: 'Medium' }, { value: 3, label: 'High' }], columns: 3, rows: 3, performanceBands: [2, 1, 2], potentialBands: [1, 1, 1],
      boxes: ['Risk', 'Solid low', 'Pro', 'Puzzle', 'Core', 'High performer', 'Diamond', 'Future star', 'Star'].map((name) => ({ name, colour: '#e9ecef' })), reasonCodes: [{ code: 'EVIDENCE', label: 'Evidence' }],
    },
  });
  const session = await api<Row>(page, 'calibration.startSession', { id: draft.id, version: draft.version });
  const { rows } = await api<{ rows: (Row & { employeeName: string })[] }>(page, 'calibration.listMembers', { sessionId: session.id });
  const eli = rows.find((m) => m.employeeName === 'Eli Test')!;
  await api(page, 'calibration.movePerson', { sessionId: session.id, memberId: eli.id, version: eli.version, potential: 3, reasonCode: 'EVIDENCE', comment: 'Ready for more' });
  await goTo(page, `/calibration/sessions/${session.id}`);
  await expect(page.getByTestId('box-8').getByTestId('person-card')).toHaveCount(1);

  // The grid edits the same people: a comment needs no reason, a potential does (asked once for the batch).
  await page.getByTestId('tab-grid').click();
  const row = async (name: string) => {
    for (let i = 0; i < 6; i++) if ((await cell(page, 'calibration-members', i, 'employeeName').textContent()) === name) return i;
    throw new Error(`no row for ${name}`);
  };
  const dev = await row('Dev Test');
  await cell(page, 'calibration-members', dev, 'comment').click();
  await page.keyboard.type('Strong second half');
  await page.keyboard.press('Enter');
  await expect.poll(() => host.query(`SELECT m.comment FROM calibration_member m JOIN employee e ON e.id = m.employee_id WHERE e.first_name = 'Dev'`)).toEqual([{ comment: 'Strong second half' }]);
  await cell(page, 'calibration-members', dev, 'potential').click();
  await page.keyboard.type('2 · Medium');
  await page.keyboard.press('Enter');
  const reason = page.getByTestId('grid-reason');
  await choose(page, reason.getByRole('textbox', { name: 'Reason' }), /^EVIDENCE/);
  await reason.getByRole('textbox', { name: 'Comment' }).fill('Agreed in the grid');
  await reason.getByRole('button', { name: 'Save the changes' }).click();
  await expect.poll(() => host.query(`SELECT ch.potential_to AS potential, ch.comment FROM calibration_change ch JOIN calibration_member m ON m.id = ch.member_id JOIN employee e ON e.id = m.employee_id WHERE e.first_name = 'Dev'`))
    .toEqual([{ potential: 2, comment: 'Agreed in the grid' }]);
  await page.screenshot({ path: testInfo.outputPath('calibration-grid.png') });

  // The dashboard counts the same data; presenter mode shows the board large, without comments or the person drawer.
  await page.getByTestId('tab-dashboard').click();
  await expect(page.getByTestId('tile-people')).toContainText('6');
  await expect(page.getByTestId('box-counts')).toContainText('Star');
  await page.screenshot({ path: testInfo.outputPath('calibration-dashboard.png') });
  await page.getByTestId('tab-nine-box').click();
  await page.getByTestId('present').click();
  const presenter = page.getByTestId('presenter');
  await expect(presenter.getByTestId('guideline-chip')).toHaveText('Outstanding ≤ 20 %: 1 (20 %) ✓');
  await presenter.locator('[data-testid="person-card"][data-name="Eli Test"]').click();
  await expect(page.getByTestId('person-details')).toHaveCount(0);
  await expect(presenter).not.toContainText('Strong second half');
  await page.screenshot({ path: testInfo.outputPath('calibration-presenter.png') });
  await presenter.getByTestId('exit-presenter').click();
  await expect(presenter).toHaveCount(0);

  const download = async (item: string) => {
    await page.getByTestId('export-menu').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
    const target = testInfo.outputPath(file.suggestedFilename());
    await file.saveAs(target);
    return { name: file.suggestedFilename(), bytes: fs.readFileSync(target) };
  };
  const pdf = await download('export-pdf');
  expect(pdf.name).toBe('Calibration Export test 2027-01-12.pdf');
  const text = pdfText(pdf.bytes);
  for (const expected of ['Calibration: Export test', 'Star', '1 person · 20 %', 'Eli Test', 'Outstanding ≤ 20 %: 1 (20 %), at most 1 of 5 · within', 'Distribution of calibrated ratings']) expect(text).toContain(expected);

  const pptx = await download('export-pptx');
  const zip = await JSZip.loadAsync(pptx.bytes);
  const slide1 = await zip.file('ppt/slides/slide1.xml')!.async('string');
  expect(slide1).toContain('name="Box: Star"');
  expect(slide1).toContain('<a:t>Eli Test</a:t>');
  expect(slide1).not.toContain('<p:pic>');
  expect(await zip.file('ppt/slides/slide3.xml')!.async('string')).toContain('name="Bar: Outstanding"');

  const xlsx = await download('export-xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['Results', 'Change history', 'Distribution']);
  const results = workbook.getWorksheet('Results')!;
  const eliRow = results.getRows(2, results.rowCount - 1)!.find((r) => r.getCell(2).value === 'Eli Test')!;
  expect((eliRow.values as unknown[]).slice(8, 15)).toEqual([5, 'Outstanding', 5, 'Outstanding', 'Unchanged', 'High', 'Star']);
  expect(workbook.getWorksheet('Change history')!.getRow(2).getCell(3).value).toBe('Eli Test');
});
