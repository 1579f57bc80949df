import type { Page } from '@playwright/test';
import { expect, goTo, test } from './fixtures';

/** Adds a row to a grid and types its cells left to right, Tab between them (an empty value skips a cell). */
async function addGridRow(page: Page, grid: string, values: string[]) {
  await page.getByTestId(`grid-${grid}`).getByTestId('grid-add-row').click();
  for (const [i, value] of values.entries()) {
    if (value) await page.keyboard.type(value);
    await page.keyboard.press(i === values.length - 1 ? 'Enter' : 'Tab');
  }
}

const gridRow = (page: Page, title: string) =>
  page.getByTestId('grid-goals').getByRole('row').filter({ has: page.locator('[data-col-id="title"]', { hasText: new RegExp(`^${title}$`) }) });

test('create an organisation goal, align an individual goal to it, check in and see the roll-up', async ({ page, seededHost: host }) => {
  const [person] = host.query<{ id: string; label: string }>(
    `SELECT id, first_name || ' ' || last_name || ' (' || employee_number || ')' AS label FROM employee WHERE archived = 0 ORDER BY employee_number LIMIT 1`,
  );
  await page.goto(host.url);
  await goTo(page, '/goals');
  await expect(page.getByRole('heading', { name: 'Goals' })).toBeVisible();

  await addGridRow(page, 'goals', ['Grow revenue 20%', 'Organisation']);
  await expect.poll(() => host.query(`SELECT title, scope, status, unit FROM goal WHERE title = 'Grow revenue 20%'`)).toEqual([
    { title: 'Grow revenue 20%', scope: 'organisation', status: 'not_started', unit: 'percent' },
  ]);
  const orgId = host.query<{ id: string }>(`SELECT id FROM goal WHERE title = 'Grow revenue 20%'`)[0].id;

  await addGridRow(page, 'goals', ['Close 10 deals', 'Individual', person.label]);
  await expect.poll(() => host.query(`SELECT count(*) AS n FROM goal WHERE title = 'Close 10 deals'`)).toEqual([{ n: 1 }]);
  // The demo data holds other goals: narrow the grid to the row at hand.
  const filterRows = page.getByTestId('grid-goals').getByPlaceholder('Filter rows…');
  await filterRows.fill('Close 10 deals');
  await gridRow(page, 'Close 10 deals').locator('[data-col-id="alignedToId"]').click();
  await page.keyboard.type('Grow revenue 20% · Organisation');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => host.query(`SELECT title, scope, employee_id AS employeeId, aligned_to_id AS alignedToId FROM goal WHERE title = 'Close 10 deals'`))
    .toEqual([{ title: 'Close 10 deals', scope: 'individual', employeeId: person.id, alignedToId: orgId }]);
  await page.screenshot({ path: 'test-results/goals-grid.png' });

  // Bad input: a period that ends before it starts is refused with a message and nothing changes.
  const before = host.query(`SELECT period_end, version FROM goal WHERE id = ?`, orgId);
  await filterRows.fill('Grow revenue 20%');
  await gridRow(page, 'Grow revenue 20%').locator('[data-col-id="periodEnd"]').click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('2020-01-01');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('grid-error-report')).toContainText('The period must end on or after its start.');
  expect(host.query(`SELECT period_end, version FROM goal WHERE id = ?`, orgId)).toEqual(before);
  await page.keyboard.press('Escape');
  await filterRows.fill('Close 10 deals');

  // Record a check-in on the individual goal from its drawer.
  await gridRow(page, 'Close 10 deals').getByRole('rowheader').dblclick();
  const drawer = page.getByTestId('goal-drawer');
  await expect(drawer.getByTestId('goal-alignment')).toContainText('Aligned to Grow revenue 20%');
  await drawer.getByLabel('Progress %').fill('150');
  await drawer.getByRole('button', { name: 'Record check-in' }).click();
  await expect(drawer.getByTestId('check-in-error')).toContainText('Progress runs from 0 to 100.');
  expect(host.query(`SELECT count(*) AS n FROM goal_check_in c JOIN goal g ON g.id = c.goal_id WHERE g.title = 'Close 10 deals'`)).toEqual([{ n: 0 }]);
  await drawer.getByLabel('Progress %').fill('60');
  await drawer.getByLabel('Comment').fill('Six deals closed');
  await drawer.getByRole('button', { name: 'Record check-in' }).click();
  await expect(drawer.getByTestId('check-ins')).toContainText('Six deals closed');
  await expect.poll(() => host.query(`SELECT progress FROM goal WHERE title = 'Close 10 deals'`)).toEqual([{ progress: 60 }]);
  await page.screenshot({ path: 'test-results/goals-drawer.png' });
  await page.keyboard.press('Escape');

  // The alignment tree rolls the individual progress up to the organisation goal.
  await goTo(page, `/goals/alignment?root=${orgId}`);
  const tree = page.getByTestId('alignment-tree');
  await expect(tree.getByTestId('alignment-node').filter({ hasText: 'Grow revenue 20%' }).getByTestId('rolled-up')).toHaveText('60%');
  await expect(tree.getByTestId('alignment-node').filter({ hasText: 'Close 10 deals' })).toContainText('60%');
  await page.screenshot({ path: 'test-results/goals-tree.png' });

  // The person's page lists the goal with its progress and what it is aligned to.
  await goTo(page, `/people/employees/${person.id}`);
  const onProfile = page.getByTestId('employee-goals').getByRole('row', { name: /Close 10 deals/ });
  await expect(onProfile).toContainText('60%');
  await expect(onProfile).toContainText('Grow revenue 20%');

  // Assign the organisation goal to a department: one aligned individual goal each.
  await goTo(page, '/goals');
  await page.getByRole('button', { name: 'Assign to team' }).click();
  const modal = page.getByRole('dialog', { name: 'Assign to team' });
  await modal.getByRole('textbox', { name: 'Goal' }).click();
  await page.getByRole('option', { name: 'Grow revenue 20% · Organisation' }).click();
  const [dept] = host.query<{ id: string; name: string; n: number }>(
    `SELECT d.id, d.name, count(e.id) AS n FROM department d JOIN employee e ON e.department_id = d.id AND e.archived = 0 WHERE (SELECT count(*) FROM department d2 WHERE d2.name = d.name) = 1 GROUP BY d.id HAVING n BETWEEN 1 AND 40 ORDER BY n LIMIT 1`,
  );
  await modal.getByRole('textbox', { name: 'Department' }).click();
  await page.getByRole('option', { name: new RegExp(`^${dept.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( · |$)`) }).first().click();
  await page.screenshot({ path: 'test-results/goals-assign.png' });
  await modal.getByRole('button', { name: 'Assign' }).click();
  await expect.poll(() => host.query<{ n: number }>(`SELECT count(*) AS n FROM goal WHERE aligned_to_id = ? AND scope = 'individual'`, orgId)[0].n).toBe(1 + dept.n);
});
