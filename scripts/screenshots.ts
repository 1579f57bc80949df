/**
 * Takes the README's screenshots from a 500-person demo organisation through the browser host:
 * `npx tsx scripts/screenshots.ts` (after `npm run build:renderer`). Writes docs/screenshots/*.png.
 */
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startHost } from '../tests/e2e/fixtures';

const OUT = path.resolve('docs/screenshots');

async function main() {
  const host = await startHost({ seedEmployees: 500 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
    await page.goto(host.url);
    const shoot = async (route: string, name: string, ready: (p: typeof page) => Promise<unknown>) => {
      await page.evaluate((hash) => (window.location.hash = hash), `#${route}`);
      await ready(page);
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(OUT, `${name}.png`) });
      console.log(`${name}.png`);
    };
    await shoot('/people/employees', 'employees', (p) => p.getByRole('gridcell').first().waitFor());
    await shoot('/skills/gaps', 'skill-gaps', (p) => p.getByRole('heading', { level: 1 }).waitFor());
    await shoot('/succession', 'succession-chart', (p) => p.getByText('Chief Executive Officer').first().waitFor());
    const session = host.query<{ id: string }>(`SELECT id FROM calibration_session WHERE status <> 'finalised' ORDER BY date DESC LIMIT 1`)[0];
    if (session) await shoot(`/calibration/sessions/${session.id}`, 'calibration-nine-box', (p) => p.getByRole('heading', { level: 1 }).waitFor());
    await shoot('/insights', 'insights', (p) => p.getByRole('heading', { level: 1 }).waitFor());
  } finally {
    await browser.close();
    await host.stop();
  }
}

void main();
