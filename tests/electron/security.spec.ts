import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/** Where the electron package keeps its binary, without triggering its download. */
function electronBinary(): string | null {
  const pkg = path.resolve('node_modules/electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8'));
  return fs.existsSync(binary) ? binary : null;
}

test('the window stays on the app page: other local pages, new windows and middle-clicks are refused', async () => {
  const binary = electronBinary();
  if (!binary) console.log('Skipping the Electron security test: the Electron binary is not present (no internet to download it); the URL rules are unit-tested in tests/unit/security-policy.test.ts.');
  test.skip(!binary, 'Electron binary not present; the URL rules are unit-tested in tests/unit/security-policy.test.ts.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canopy-electron-'));
  const evil = path.join(dir, 'evil.html');
  fs.writeFileSync(evil, '<!doctype html><title>evil</title><p>evil</p>');
  try {
    execFileSync('node', ['scripts/ensure-electron-sqlite.mjs'], { stdio: 'inherit' });
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
    const app = await electron.launch({ executablePath: binary!, args: ['.', '--db', path.join(dir, 'canopy.sqlite'), '--no-sandbox'] });
    const page = await app.firstWindow();
    const appUrl = page.url();
    expect(appUrl).toMatch(/^file:.*\/renderer\/index\.html/);
    expect(await page.evaluate(() => typeof (window as unknown as { canopy?: unknown }).canopy)).toBe('object');

    await page.evaluate((url) => (window.location.href = url), `file://${evil}`);
    await page.waitForTimeout(500);
    expect(page.url()).toBe(appUrl);

    expect(await page.evaluate(() => window.open('file:///etc/hostname') === null)).toBe(true);
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://example.com/';
      link.textContent = 'outside';
      link.id = 'outside-link';
      document.body.append(link);
    });
    await page.locator('#outside-link').click({ button: 'middle' });
    await page.locator('#outside-link').click({ modifiers: ['Shift'] });
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    await app.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
