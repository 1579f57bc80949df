import { expect, goTo, test } from './fixtures';

test('the Insights page shows goal and review KPIs of the demo organisation', async ({ page, seededHost }) => {
  await page.goto(seededHost.url);
  await goTo(page, '/insights');
  const section = page.getByTestId('performance-kpis');
  await expect(section.getByText('Goal completion rate')).toBeVisible();
  await expect(section.getByText('Alignment rate')).toBeVisible();
  const cycles = seededHost.query<{ name: string }>(`SELECT name FROM review_cycle ORDER BY period_start`);
  const table = page.getByTestId('cycle-kpis');
  for (const cycle of cycles) await expect(table.getByText(cycle.name)).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(3);
  // The alignment rate shown is what the database holds.
  const [goals] = seededHost.query<{ total: number; aligned: number }>(
    `SELECT count(*) AS total, sum(aligned_to_id IS NOT NULL) AS aligned FROM goal WHERE scope = 'individual' AND archived = 0 AND status <> 'cancelled'`);
  await expect(page.getByTestId('kpi-alignment-rate')).toContainText(`${goals.aligned} of ${goals.total} goals aligned`);
  // Goal completion counts the closed goals (the demo's first-half objectives ended achieved or missed).
  const [closed] = seededHost.query<{ achieved: number; missed: number }>(
    `SELECT sum(status = 'achieved') AS achieved, sum(status = 'missed') AS missed FROM goal WHERE scope = 'individual' AND archived = 0`);
  expect(closed.missed).toBeGreaterThan(0);
  await expect(page.getByTestId('kpi-goal-completion-rate')).toContainText(`${closed.achieved} achieved of ${closed.achieved + closed.missed} closed`);
  await page.screenshot({ path: test.info().outputPath('insights-performance.png'), fullPage: true });

  // Home shows what is in flight: the running cycle and the open survey, with how far along they are.
  await goTo(page, '/');
  const [cycle] = seededHost.query<{ name: string; done: number; total: number }>(
    `SELECT c.name, sum(r.status = 'complete') AS done, count(*) AS total FROM review_cycle c JOIN review r ON r.cycle_id = c.id WHERE c.status = 'active' GROUP BY c.id`);
  await expect(page.getByTestId('in-flight')).toContainText(cycle.name);
  await expect(page.getByTestId('in-flight')).toContainText(`${cycle.done} of ${cycle.total} complete`);
  await expect(page.getByTestId('in-flight')).toContainText('Engagement survey');
});
