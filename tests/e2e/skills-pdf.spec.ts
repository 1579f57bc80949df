import fs from 'node:fs';
import path from 'node:path';
import { expect, goTo, test } from './fixtures';

test('the organisation gap summary downloads as a PDF', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  await goTo(page, '/skills/gaps');
  await expect(page.getByTestId('org-coverage')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('org-gap-pdf').click()]);
  expect(download.suggestedFilename()).toMatch(/^Skill gap summary \d{4}-\d{2}-\d{2}\.pdf$/);
  const file = path.join(host.dir, download.suggestedFilename());
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
