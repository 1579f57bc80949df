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
  await page.screenshot({ path: test.info().outputPath('insights-performance.png'), fullPage: true });
});
