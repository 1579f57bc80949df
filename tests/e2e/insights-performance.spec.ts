import type { Page } from '@playwright/test';
import { api, expect, goTo, test } from './fixtures';

const year = new Date().getUTCFullYear();
const period = { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
const goalBase = { ...period, unit: 'percent', stretch: false, weight: 25 } as const;

interface Saved { id: string; version: number; title: string }

/**
 * Four people with one individual goal each, two of them aligned to an organisation goal:
 * achieved, missed, on track and not started. Worked out by hand: 1 achieved of 2 closed
 * (50.0%), 2 of 4 goals aligned (50.0%).
 */
async function seedGoals(page: Page) {
  const [department] = (await api<{ rows: Saved[] }>(page, 'people.saveDepartments', { rows: [{ values: { name: 'Sales' } }] })).rows;
  const people = (await api<{ rows: Saved[] }>(page, 'people.saveEmployees', {
    rows: ['Ann', 'Ben', 'Cleo', 'Dev'].map((firstName, i) => ({
      values: { employeeNumber: `S${i + 1}`, firstName, lastName: 'Lee', hireDate: '2020-01-01', status: 'active', departmentId: department.id },
    })),
  })).rows;
  const [org] = (await api<{ rows: Saved[] }>(page, 'goals.saveGoals', { rows: [{ values: { ...goalBase, scope: 'organisation', title: 'Grow', status: 'on_track' } }] })).rows;
  const goals: [string, string, boolean][] = [['Close 10 deals', 'achieved', true], ['Open Lisbon', 'missed', false], ['Win Acme', 'on_track', true], ['Train two reps', 'not_started', false]];
  await api(page, 'goals.saveGoals', {
    rows: goals.map(([title, status, aligned], i) => ({
      values: { ...goalBase, scope: 'individual', ownerId: people[i].id, title, status, alignedToId: aligned ? org.id : null },
    })),
  });
}

const gridRow = (page: Page, title: string) =>
  page.getByTestId('grid-goals').getByRole('row').filter({ has: page.locator('[data-col-id="title"]', { hasText: new RegExp(`^${title}$`) }) });

/** Opens the goal's drawer from the goals grid and records a check-in with a new status. */
async function checkIn(page: Page, title: string, progress: string, status: string) {
  await goTo(page, '/goals');
  await gridRow(page, title).getByRole('rowheader').dblclick();
  const drawer = page.getByTestId('goal-drawer');
  await drawer.getByLabel('Progress %').fill(progress);
  await drawer.getByTestId('check-in-status').click();
  await page.getByRole('option', { name: status, exact: true }).click();
  await drawer.getByRole('button', { name: 'Record check-in' }).click();
  await expect(drawer.getByTestId('check-ins')).toContainText(`${progress}%`);
  await page.keyboard.press('Escape');
}

test('Insights shows goal KPIs and refreshes them after a check-in made in another window, without a reload', async ({ page, context, host }) => {
  await page.goto(host.url);
  await seedGoals(page);
  await goTo(page, '/insights');
  const completion = page.getByTestId('kpi-goal-completion-rate');
  await expect(completion).toContainText('50.0%');
  await expect(completion).toContainText('1 achieved of 2 closed');
  await expect(page.getByTestId('kpi-alignment-rate')).toContainText('2 of 4 goals aligned');

  // A second window records a check-in that achieves "Win Acme"; the first refreshes on its own.
  const other = await context.newPage();
  await other.goto(host.url);
  await checkIn(other, 'Win Acme', '100', 'Achieved');
  await expect(completion).toContainText('2 achieved of 3 closed');
  await expect(completion).toContainText('66.7%');
  await page.screenshot({ path: test.info().outputPath('insights-refreshed.png'), fullPage: true });

  // In the same window: a check-in marks "Train two reps" missed; back on Insights the figure is new at once.
  await checkIn(page, 'Train two reps', '20', 'Missed');
  await goTo(page, '/insights');
  await expect(completion).toContainText('2 achieved of 4 closed');
  await expect(completion).toContainText('50.0%');
  expect(host.query(`SELECT title, status FROM goal WHERE scope = 'individual' ORDER BY title`)).toEqual([
    { title: 'Close 10 deals', status: 'achieved' },
    { title: 'Open Lisbon', status: 'missed' },
    { title: 'Train two reps', status: 'missed' },
    { title: 'Win Acme', status: 'achieved' },
  ]);
});

test('a check-in with progress moves a goal that had not started to on track', async ({ page, host }) => {
  await page.goto(host.url);
  await seedGoals(page);
  await goTo(page, '/goals');
  await gridRow(page, 'Train two reps').getByRole('rowheader').dblclick();
  const drawer = page.getByTestId('goal-drawer');
  await drawer.getByLabel('Progress %').fill('30');
  await drawer.getByRole('button', { name: 'Record check-in' }).click();
  await expect(drawer.getByTestId('check-ins')).toContainText('30%');
  await expect.poll(() => host.query(`SELECT status, progress FROM goal WHERE title = 'Train two reps'`)).toEqual([{ status: 'on_track', progress: 30 }]);
});

test('the Insights page lists the demo cycles and Home shows what is in flight', async ({ page, seededHost }) => {
  await page.goto(seededHost.url);
  await goTo(page, '/insights');
  const table = page.getByTestId('cycle-kpis');
  // The demo runs three annual cycles: two closed and the current one.
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator('tbody tr').filter({ hasText: 'closed' })).toHaveCount(2);
  await goTo(page, '/');
  await expect(page.getByTestId('in-flight')).toContainText(`${year} annual review`);
  await expect(page.getByTestId('in-flight')).toContainText(`Pulse check Q4 ${year}`);
});
