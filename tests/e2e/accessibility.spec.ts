import AxeBuilder from '@axe-core/playwright';
import { expect, goTo, test } from './fixtures';

/** The main page of every built area, plus the pages people spend their day on. */
const PAGES = [
  '/', '/people/employees', '/people/departments', '/people/jobs', '/people/positions', '/people/org', '/people/import',
  '/skills', '/skills/requirements', '/skills/gaps', '/skills/search',
  '/goals', '/goals/alignment', '/goals/library',
  '/reviews', '/reviews/templates', '/reviews/scales', '/reviews/journal', '/reviews/questionnaires',
  '/succession', '/succession/key-positions', '/succession/plans', '/succession/pools', '/succession/settings',
  '/insights', '/admin', '/admin/audit',
];

test('axe finds no serious or critical violation on the main pages', async ({ page, seededHost }) => {
  test.setTimeout(300_000);
  await page.goto(seededHost.url);
  const found: string[] = [];
  for (const route of PAGES) {
    await goTo(page, route);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const violation of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      found.push(`${route}: ${violation.id} (${violation.impact}) ×${violation.nodes.length} — ${violation.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
    }
  }
  expect(found, found.join('\n')).toEqual([]);
});
