import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { api, expect, goTo, test } from './fixtures';

const year = new Date().getFullYear();
const RATING = '4 · Exceeds expectations';

/** Picks an option of a Mantine select (its dropdown lives in a portal at the page root). */
async function choose(page: Page, select: Locator, option: string | RegExp) {
  await select.click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Rates every rating item of one respondent's form and answers every text item. */
async function fillAnswers(page: Page, form: Locator, comment: string) {
  const items = form.getByTestId('review-item');
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    const rating = item.getByRole('textbox', { name: 'Rating' });
    if (await rating.count()) await choose(page, rating, RATING);
    else await item.getByRole('textbox', { name: 'Answer' }).fill(comment);
  }
}

test('run a review from template through self and manager review to complete, see the computed rating, print the PDF', async ({ page, seededHost: host }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  // A leaf department whose people all have a manager: one of them is reviewed end to end.
  const [dept] = host.query<{ id: string; name: string; n: number }>(
    `SELECT d.id, d.name, count(e.id) AS n FROM department d JOIN employee e ON e.department_id = d.id AND e.archived = 0 AND e.status = 'active'
     WHERE NOT EXISTS (SELECT 1 FROM department c WHERE c.parent_id = d.id) AND (SELECT count(*) FROM department d2 WHERE d2.name = d.name) = 1
     GROUP BY d.id HAVING n BETWEEN 2 AND 12 AND count(e.manager_id) = n ORDER BY n LIMIT 1`,
  );
  await page.goto(host.url);

  // Rating scale: the editor starts from five sensible levels.
  await goTo(page, '/reviews/scales');
  await page.getByRole('button', { name: 'New scale' }).click();
  const scaleEditor = page.getByTestId('scale-editor');
  await scaleEditor.getByLabel('Name').fill('E2E five-point scale');
  await expect(scaleEditor.getByLabel('Level 4 label')).toHaveValue('Exceeds expectations');
  await scaleEditor.getByRole('button', { name: 'Save scale' }).click();
  await expect(page.getByTestId('scale-list')).toContainText('E2E five-point scale');
  await shot('reviews-scales');

  // Template: first with weights that do not add up (refused, nothing stored), then right.
  await goTo(page, '/reviews/templates');
  await page.getByRole('button', { name: 'New template' }).click();
  const templateEditor = page.getByTestId('template-editor');
  await templateEditor.getByLabel('Name').fill('E2E annual template');
  await templateEditor.getByRole('button', { name: 'Add section' }).click();
  await templateEditor.getByLabel('Section 3 title').fill('Reflection');
  await templateEditor.getByLabel('Section 3 weight').fill('20');
  await templateEditor.getByLabel('Section 3 question 1', { exact: true }).fill('How did the year go overall?');
  await templateEditor.getByRole('button', { name: 'Add question' }).click();
  await templateEditor.getByLabel('Section 3 question 2', { exact: true }).fill('What are your strengths?');
  await templateEditor.getByRole('radiogroup', { name: 'Section 3 question 2 answer' }).getByText('Text').click();
  await expect(templateEditor.getByTestId('weights-total')).toHaveText('Weights add up to 120 of 100');
  await templateEditor.getByRole('button', { name: 'Save template' }).click();
  await expect(templateEditor.getByTestId('template-error')).toContainText('Section weights must add up to 100; they add up to 120.');
  expect(host.query(`SELECT count(*) AS n FROM review_template WHERE name = 'E2E annual template'`)).toEqual([{ n: 0 }]);
  await templateEditor.getByLabel('Section 1 weight').fill('40');
  await templateEditor.getByLabel('Section 2 weight').fill('40');
  await expect(templateEditor.getByTestId('weights-total')).toHaveText('Weights add up to 100 of 100');
  await shot('reviews-template-editor');
  await templateEditor.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByTestId('template-list')).toContainText('E2E annual template');
  const [template] = host.query<{ sections: string; steps: string }>(`SELECT sections, steps FROM review_template WHERE name = 'E2E annual template'`);
  expect(JSON.parse(template.sections).map((s: { kind: string; weight: number }) => [s.kind, s.weight])).toEqual([['goals', 40], ['competencies', 40], ['questions', 20]]);

  // Cycle for one department: saved as a draft, then launched.
  await goTo(page, '/reviews');
  await page.getByRole('button', { name: 'New cycle' }).click();
  const form = page.getByTestId('cycle-form');
  await form.getByLabel('Name').fill(`E2E review ${year}`);
  await form.getByLabel(/^Reviews due/).fill(`${year + 1}-01-31`);
  await choose(page, form.getByRole('textbox', { name: 'Rating scale' }), 'E2E five-point scale');
  await choose(page, form.getByRole('textbox', { name: 'Template' }), 'E2E annual template');
  await form.getByRole('textbox', { name: 'Departments' }).fill(dept.name);
  await page.getByRole('option', { name: new RegExp(`^${dept.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( · |$)`) }).first().click();
  await form.getByText('Who is reviewed').click(); // closes the department list
  await shot('reviews-cycle-form');
  await form.getByRole('button', { name: 'Save draft' }).click();
  const row = page.getByTestId('cycle-row').filter({ hasText: `E2E review ${year}` });
  await expect(row).toContainText('Draft');
  await row.getByRole('button', { name: 'Launch' }).click();
  await page.getByTestId('confirm-cycle-action').click();
  await expect(page.getByText(`${dept.n} review${dept.n === 1 ? '' : 's'} created.`)).toBeVisible();
  await expect(row).toContainText('Active');
  await expect(row).toContainText(`0 of ${dept.n}`);
  await shot('reviews-cycles');

  // Cycle page: progress, distribution, reviews; open the first review.
  await row.getByRole('link', { name: `E2E review ${year}` }).click();
  await expect(page.getByTestId('cycle-progress')).toContainText(dept.name);
  await expect(page.getByTestId('review-count')).toHaveText(`${dept.n} review${dept.n === 1 ? '' : 's'}`);
  await shot('reviews-cycle-page');
  const [reviewee] = host.query<{ id: string; name: string; number: string }>(
    `SELECT r.id, e.first_name || ' ' || e.last_name AS name, e.employee_number AS number FROM review r JOIN review_cycle c ON c.id = r.cycle_id JOIN employee e ON e.id = r.employee_id
     WHERE c.name = ? ORDER BY e.employee_number LIMIT 1`, `E2E review ${year}`,
  );
  await page.getByTestId('cycle-reviews').getByLabel('Search').fill(reviewee.number);
  await expect(page.getByTestId('review-count')).toHaveText('1 review');
  await page.getByTestId('grid-cycle-reviews').getByRole('rowheader').first().dblclick();
  await expect(page.getByRole('heading', { name: reviewee.name })).toBeVisible();
  await expect(page.getByTestId('review-status')).toHaveText('Not started');

  // Self review.
  const self = page.getByTestId('answers-self');
  await fillAnswers(page, self, 'Shipped the new onboarding flow.');
  await self.getByRole('button', { name: 'Submit self-review' }).click();
  await expect(page.getByRole('tab', { name: /Self review/ })).toContainText('submitted');
  await shot('reviews-review-self');

  // Manager review: rating everything "4" computes an overall 4 whatever the section weights.
  await page.getByRole('tab', { name: /Manager review/ }).click();
  const manager = page.getByTestId('answers-manager');
  await expect(manager.getByTestId('other-answer').first()).toContainText(`Self: ${RATING}`);
  await fillAnswers(page, manager, 'Clear, steady delivery.');
  await manager.getByRole('button', { name: 'Submit manager review' }).click();
  await expect(page.getByTestId('review-status')).toHaveText('Final review');
  await expect(page.getByTestId('computed-rating')).toHaveText(RATING);
  await expect(page.getByTestId('final-rating')).toHaveText(RATING);

  // Sign-off by both completes the review and snapshots the goals.
  await page.getByRole('button', { name: 'Sign off as employee' }).click();
  await expect(page.getByTestId('employee_signoff-done')).toBeVisible();
  await page.getByRole('button', { name: 'Sign off as manager' }).click();
  await expect(page.getByTestId('review-status')).toHaveText('Complete');
  await expect(page.getByTestId('snapshot-note')).toContainText('goals as they were at completion');
  await shot('reviews-review-complete');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-pdf').click()]);
  const file = path.join(host.dir, download.suggestedFilename());
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  expect(host.query(`SELECT status, computed_rating AS computed, final_rating AS final, snapshot IS NOT NULL AS snapshotted FROM review WHERE id = ?`, reviewee.id)).toEqual([
    { status: 'complete', computed: 4, final: 4, snapshotted: 1 },
  ]);

  // Reopening needs a reason (refused without one, nothing changes) and is audited.
  await page.getByRole('button', { name: 'Reopen review' }).click();
  await expect(page.getByTestId('reopen-error')).toContainText('Reason is required.');
  expect(host.query(`SELECT status FROM review WHERE id = ?`, reviewee.id)).toEqual([{ status: 'complete' }]);
  await page.getByLabel('Reason for reopening').fill('Rating agreed before the calibration meeting.');
  await page.getByRole('button', { name: 'Reopen review' }).click();
  await expect(page.getByTestId('review-status')).toHaveText('Final review');
  await expect(page.getByRole('button', { name: 'Sign off as employee' })).toBeEnabled();
  await expect
    .poll(() => host.query<{ after: string }>(`SELECT after FROM audit_event WHERE entity_id = ? AND action = 'reopen'`, reviewee.id).length)
    .toBe(1);

  // Calibration moved the rating: an override needs a reason (refused without, nothing stored), then replaces the final rating.
  const override = page.getByTestId('override-form');
  await choose(page, override.getByRole('textbox', { name: 'Override rating' }), '3 · Meets expectations');
  await override.getByRole('button', { name: 'Override' }).click();
  await expect(page.getByTestId('override-error')).toContainText('reason');
  expect(host.query(`SELECT override_rating AS o FROM review WHERE id = ?`, reviewee.id)).toEqual([{ o: null }]);
  await override.getByLabel('Reason').fill('Calibrated against the department.');
  await override.getByRole('button', { name: 'Override' }).click();
  await expect(page.getByTestId('final-rating')).toHaveText('3 · Meets expectations');
  await expect(page.getByTestId('computed-rating')).toHaveText(RATING);
  await page.getByRole('button', { name: 'Sign off as employee' }).click();
  await expect(page.getByTestId('employee_signoff-done')).toBeVisible();
  await page.getByRole('button', { name: 'Sign off as manager' }).click();
  await expect(page.getByTestId('review-status')).toHaveText('Complete');
  expect(host.query(`SELECT status, computed_rating AS computed, override_rating AS override, final_rating AS final, override_reason AS reason FROM review WHERE id = ?`, reviewee.id)).toEqual([
    { status: 'complete', computed: 4, override: 3, final: 3, reason: 'Calibrated against the department.' },
  ]);

  // The employee page lists the review with its final rating.
  await page.getByRole('link', { name: 'Profile' }).click();
  const onProfile = page.getByTestId('employee-reviews').getByRole('row', { name: new RegExp(`E2E review ${year}`) });
  await expect(onProfile).toContainText('Complete');
  await expect(onProfile).toContainText('3 · Meets expectations (override)');
  await onProfile.getByRole('link').click();
  await expect(page.getByRole('heading', { name: reviewee.name })).toBeVisible();

  // The cycle page counts it: one complete, rated at level 3.
  await page.getByRole('link', { name: `← E2E review ${year}` }).click();
  await expect(page.getByTestId('rating-distribution')).toContainText('1 rated');
  await expect(page.getByTestId('progress-by-department')).toContainText(dept.name);
  await shot('reviews-cycle-progress');
});

test('ask a colleague for peer feedback, export the cycle to XLSX, add a late joiner and close the cycle', async ({ page, seededHost: host }) => {
  const [dept] = host.query<{ id: string; name: string }>(
    `SELECT d.id, d.name FROM department d JOIN employee e ON e.department_id = d.id AND e.archived = 0 AND e.status = 'active'
     WHERE NOT EXISTS (SELECT 1 FROM department c WHERE c.parent_id = d.id) GROUP BY d.id HAVING count(*) BETWEEN 3 AND 12 ORDER BY d.name LIMIT 1`,
  );
  await page.goto(host.url);
  await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible();
  const scale = await api<{ id: string }>(page, 'reviews.saveRatingScale', { name: 'Three levels', levels: [{ value: 1, label: 'Low' }, { value: 2, label: 'Solid' }, { value: 3, label: 'High' }] });
  const template = await api<{ id: string }>(page, 'reviews.saveTemplate', {
    name: 'With peers', steps: { selfReview: true, peerFeedback: true },
    sections: [{ kind: 'questions', title: 'Collaboration', weight: 100, questions: [{ text: 'Works well with others', kind: 'rating', required: true }] }],
  });
  const draft = await api<{ id: string; version: number }>(page, 'reviews.saveCycle', {
    name: 'E2E peers', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, dueDate: `${year + 1}-01-31`,
    ratingScaleId: scale.id, templateId: template.id, population: { departmentIds: [dept.id], jobIds: [], employeeIds: [] },
  });
  await api(page, 'reviews.launchCycle', { id: draft.id, version: draft.version });
  const [reviewee, peer] = host.query<{ reviewId: string; id: string; name: string }>(
    `SELECT r.id AS reviewId, e.id, e.first_name || ' ' || e.last_name AS name FROM review r JOIN employee e ON e.id = r.employee_id WHERE r.cycle_id = ? ORDER BY e.employee_number LIMIT 2`, draft.id,
  );

  // Request feedback from a colleague; their form appears and their answers are stored under their name.
  await goTo(page, `/reviews/review/${reviewee.reviewId}`);
  await page.getByRole('tab', { name: /Peer feedback/ }).click();
  await page.getByRole('textbox', { name: 'Ask colleagues for feedback' }).fill(peer.name);
  await page.getByRole('option', { name: new RegExp(peer.name) }).first().click();
  await page.getByRole('button', { name: 'Request feedback' }).click();
  const peerForm = page.getByTestId('answers-peer');
  await choose(page, peerForm.getByRole('textbox', { name: 'Rating' }), '3 · High');
  await peerForm.getByRole('button', { name: 'Submit peer feedback' }).click();
  await expect
    .poll(() => host.query(`SELECT status, submitted_at IS NOT NULL AS submitted FROM review_step WHERE review_id = ? AND step = ?`, reviewee.reviewId, `peer:${peer.id}`))
    .toEqual([{ status: 'submitted', submitted: 1 }]);
  expect(host.query(`SELECT rating FROM review_answer WHERE review_id = ? AND respondent = ?`, reviewee.reviewId, `peer:${peer.id}`)).toEqual([{ rating: 3 }]);
  // Peer feedback moves no status.
  await expect(page.getByTestId('review-status')).toHaveText('Not started');

  // The cycle workbook lists every review of the cycle.
  await goTo(page, `/reviews/cycles/${draft.id}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cycle-xlsx').click()]);
  const file = path.join(host.dir, download.suggestedFilename());
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Reviews', 'Progress by department', 'Rating distribution']);
  const reviewsSheet = workbook.getWorksheet('Reviews')!;
  const total = host.query<{ n: number }>(`SELECT count(*) AS n FROM review WHERE cycle_id = ?`, draft.id)[0].n;
  expect(reviewsSheet.actualRowCount).toBe(total + 1);
  expect(JSON.stringify(reviewsSheet.getSheetValues())).toContain(reviewee.name);

  // A late joiner from another department gets a review in the running cycle.
  const [joiner] = host.query<{ id: string; name: string }>(
    `SELECT e.id, e.first_name || ' ' || e.last_name AS name FROM employee e WHERE e.archived = 0 AND e.status = 'active' AND e.department_id <> ?
     AND NOT EXISTS (SELECT 1 FROM employee o WHERE o.id <> e.id AND o.first_name = e.first_name AND o.last_name = e.last_name) ORDER BY e.employee_number LIMIT 1`, dept.id,
  );
  await page.getByRole('button', { name: 'Add people' }).click();
  const addDialog = page.getByRole('dialog', { name: /Add people to/ });
  await addDialog.getByRole('textbox', { name: 'People' }).fill(joiner.name);
  await page.getByRole('option', { name: new RegExp(joiner.name) }).first().click();
  await addDialog.getByRole('heading').click(); // closes the list that covers the buttons
  await addDialog.getByTestId('confirm-add-people').click();
  await expect(addDialog).toBeHidden();
  await expect(page.getByTestId('review-count')).toHaveText(`${total + 1} reviews`);
  expect(host.query(`SELECT status FROM review WHERE cycle_id = ? AND employee_id = ?`, draft.id, joiner.id)).toEqual([{ status: 'not_started' }]);

  // Closing the cycle: confirmed, stored, and its reviews take no more answers.
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByTestId('confirm-cycle-action').click();
  await expect(page.getByTestId('cycle-status')).toHaveText('Closed');
  expect(host.query(`SELECT status, closed_at IS NOT NULL AS closed FROM review_cycle WHERE id = ?`, draft.id)).toEqual([{ status: 'closed', closed: 1 }]);
  const itemKey = host.query<{ key: string }>(`SELECT item_key AS key FROM review_answer WHERE review_id = ?`, reviewee.reviewId)[0].key;
  await expect(api(page, 'reviews.saveAnswers', { reviewId: reviewee.reviewId, respondent: 'self', answers: [{ itemKey, rating: 2 }] })).rejects.toThrow('is closed; its reviews can no longer change');
  expect(host.query(`SELECT count(*) AS n FROM review_answer WHERE review_id = ? AND respondent = 'self'`, reviewee.reviewId)).toEqual([{ n: 0 }]);
});
