import type { Page } from '@playwright/test';
import { localDateIso } from '../../src-shared/domain/journal';
import { expect, goTo, test } from './fixtures';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function chooseOption(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string | RegExp) {
  await scope.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

test('keep a journal note about an employee: refused in the future, then seen on the employee page and in the journal', async ({ page, seededHost: host }) => {
  const [person] = host.query<{ id: string; name: string }>(
    `SELECT id, first_name || ' ' || last_name AS name FROM employee WHERE archived = 0 AND status = 'active' ORDER BY employee_number LIMIT 1`,
  );
  const before = host.query<{ n: number }>(`SELECT count(*) AS n FROM journal_entry WHERE employee_id = ?`, person.id)[0].n;
  await page.goto(host.url);
  await goTo(page, `/people/employees/${person.id}`);
  const panel = page.getByTestId('journal-panel');
  await expect(panel.getByRole('heading', { name: 'Feedback journal' })).toBeVisible();
  await panel.getByTestId('journal-add').click();

  const drawer = page.getByTestId('journal-drawer');
  await drawer.getByText('Praise', { exact: true }).click();
  await drawer.getByLabel('Shared with the employee').check();
  await drawer.getByRole('textbox', { name: 'Text' }).fill('Led the quarterly demo with great calm.');
  // Bad input: a date in the future is refused with a clear message, and nothing is stored.
  const tomorrow = localDateIso(new Date(Date.now() + 2 * 86_400_000));
  await drawer.getByLabel('Date').fill(tomorrow);
  await drawer.getByTestId('journal-save').click();
  await expect(drawer.getByTestId('journal-error')).toContainText('The date cannot be in the future');
  expect(host.query<{ n: number }>(`SELECT count(*) AS n FROM journal_entry WHERE employee_id = ?`, person.id)[0].n).toBe(before);

  await drawer.getByLabel('Date').fill('2025-02-14');
  await page.screenshot({ path: 'test-results/journal-drawer.png' });
  await drawer.getByTestId('journal-save').click();
  await expect(drawer.getByTestId('journal-form')).toBeHidden();
  const entry = panel.getByTestId('journal-entry').filter({ hasText: 'Led the quarterly demo with great calm.' });
  await expect(entry).toContainText('2025-02-14');
  await expect(entry).toContainText('Praise');
  await expect(entry.getByTestId('journal-visibility')).toHaveText('Shared');
  await entry.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/journal-employee-panel.png' });
  const [stored] = host.query<{ kind: string; shared: number; date: string; author: string; archived: number }>(
    `SELECT kind, shared, date, author, archived FROM journal_entry WHERE employee_id = ? AND text = 'Led the quarterly demo with great calm.'`, person.id,
  );
  expect(stored).toMatchObject({ kind: 'praise', shared: 1, date: '2025-02-14', archived: 0 });
  expect(stored.author.length).toBeGreaterThan(0);
  await expect(entry).toContainText(`by ${stored.author}`);

  // The journal page lists it; the text filter narrows the list to it.
  await goTo(page, '/reviews/journal');
  await expect(page.getByRole('heading', { name: 'Feedback journal' })).toBeVisible();
  await page.getByTestId('journal-search').fill('quarterly demo with great');
  const grid = page.getByTestId('grid-journal');
  await expect(grid.locator('[data-col-id="text"]', { hasText: 'Led the quarterly demo with great calm.' })).toBeVisible();
  await expect(grid.locator('[data-row-index="0"][data-col-id="employeeId"]')).toContainText(person.name);
  await expect(grid.locator('[data-row-index="1"]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/journal-page.png' });

  // Open it from the list and edit it in the drawer.
  await grid.getByRole('rowheader').first().dblclick();
  const editor = page.getByTestId('journal-drawer');
  await expect(editor.getByRole('textbox', { name: 'Text' })).toHaveValue('Led the quarterly demo with great calm.');
  await editor.getByText('Development', { exact: true }).click();
  await editor.getByTestId('journal-save').click();
  await expect(editor.getByTestId('journal-form')).toBeHidden();
  await expect.poll(() => host.query(`SELECT kind, version FROM journal_entry WHERE text = 'Led the quarterly demo with great calm.'`)).toEqual([{ kind: 'development', version: 2 }]);
  await expect(grid.locator('[data-row-index="0"][data-col-id="kind"]')).toHaveText('Development');
});

test('add a goal library item, refuse a period outside the aligned goal, then copy it to a team', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  await goTo(page, '/goals/library');
  await expect(page.getByRole('heading', { name: 'Goal library' })).toBeVisible();
  const grid = page.getByTestId('grid-goal-library');
  await grid.getByTestId('grid-add-row').click();
  for (const [i, value] of ['Halve onboarding time', 'People', 'Percent', '50'].entries()) {
    await page.keyboard.type(value);
    await page.keyboard.press(i === 3 ? 'Enter' : 'Tab');
  }
  await expect.poll(() => host.query(`SELECT title, category, unit, target_value AS target, archived FROM goal_library_item WHERE title = 'Halve onboarding time'`))
    .toEqual([{ title: 'Halve onboarding time', category: 'People', unit: 'percent', target: 50, archived: 0 }]);
  const [item] = host.query<{ id: string }>(`SELECT id FROM goal_library_item WHERE title = 'Halve onboarding time'`);
  await page.screenshot({ path: 'test-results/goal-library.png' });

  const [dept] = host.query<{ id: string; name: string; n: number }>(
    `SELECT d.id, d.name, count(e.id) AS n FROM department d JOIN employee e ON e.department_id = d.id AND e.archived = 0
     WHERE (SELECT count(*) FROM department d2 WHERE d2.name = d.name) = 1 GROUP BY d.id HAVING n BETWEEN 1 AND 40 ORDER BY n LIMIT 1`,
  );
  const [orgGoal] = host.query<{ title: string; periodStart: string }>(`SELECT title, period_start AS periodStart FROM goal WHERE scope = 'organisation' ORDER BY title LIMIT 1`);
  const nextYear = Number(orgGoal.periodStart.slice(0, 4)) + 1;

  await page.getByTestId('use-library-goal-open').click();
  const modal = page.getByRole('dialog', { name: 'Use a library goal' });
  await chooseOption(page, modal, 'Library goal', 'Halve onboarding time · People');
  await modal.getByText('Everyone in a department').click();
  await chooseOption(page, modal, 'Department', new RegExp(`^${escape(dept.name)}( · |$)`));
  await chooseOption(page, modal, 'Align to', new RegExp(`^${escape(orgGoal.title)}`));
  // Bad input: a period running past the aligned goal's period is refused and nothing is created.
  await modal.getByLabel('Period end').fill(`${nextYear}-06-30`);
  await modal.getByRole('button', { name: 'Create goals' }).click();
  await expect(modal.getByTestId('use-library-error')).toContainText('outside the period of the goal it aligns to');
  expect(host.query(`SELECT count(*) AS n FROM goal WHERE library_item_id = ?`, item.id)).toEqual([{ n: 0 }]);
  await page.screenshot({ path: 'test-results/goal-library-use.png' });

  await modal.getByLabel('Period end').fill(`${nextYear - 1}-12-31`);
  await modal.getByRole('button', { name: 'Create goals' }).click();
  await expect(modal).toBeHidden();
  await expect.poll(() => host.query<{ n: number }>(`SELECT count(*) AS n FROM goal WHERE library_item_id = ? AND scope = 'individual'`, item.id)[0].n).toBe(dept.n);
  expect(host.query(`SELECT DISTINCT title, unit, target_value AS target, status FROM goal WHERE library_item_id = ?`, item.id))
    .toEqual([{ title: 'Halve onboarding time', unit: 'percent', target: 50, status: 'not_started' }]);
  // The grid keeps the copy it saved this session; a fresh load shows the new use count.
  await page.reload();
  const row = grid.getByRole('row').filter({ has: page.locator('[data-col-id="title"]', { hasText: /^Halve onboarding time$/ }) });
  await expect(row.locator('[data-col-id="timesUsed"]')).toHaveText(String(dept.n));

  // "Save to library" from a goal keeps a copy of it in the library.
  await goTo(page, '/goals');
  await page.getByTestId('grid-goals').getByPlaceholder('Filter rows…').fill('Halve onboarding time');
  await page.getByTestId('grid-goals').getByRole('rowheader').first().dblclick();
  await page.getByTestId('goal-drawer').getByTestId('save-to-library').click();
  await expect.poll(() => host.query(`SELECT count(*) AS n FROM goal_library_item WHERE title = 'Halve onboarding time'`)).toEqual([{ n: 2 }]);
  await page.screenshot({ path: 'test-results/goal-save-to-library.png' });
});
