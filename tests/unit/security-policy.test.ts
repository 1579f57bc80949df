import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPage, contentSecurityPolicy, isAppPageUrl } from '../../src-main/security-policy';

const indexHtml = path.resolve('/opt/Canopy/resources/app.asar/out/renderer/index.html');
const packaged = appPage(indexHtml, 'http://localhost:5173', true);
const development = appPage(indexHtml, 'http://localhost:5173/', false);

describe('Electron: which page is trusted with the API', () => {
  it("trusts the app's own index.html, with any route or query", () => {
    for (const url of ['file:///opt/Canopy/resources/app.asar/out/renderer/index.html', 'file:///opt/Canopy/resources/app.asar/out/renderer/index.html#/people/employees', 'file:///opt/Canopy/resources/app.asar/out/renderer/index.html?x=1#/admin']) {
      expect(isAppPageUrl(url, packaged)).toBe(true);
    }
  });

  it('trusts no other local file: another HTML file, a file next to it, a folder, or a lookalike path', () => {
    for (const url of [
      'file:///tmp/evil.html',
      'file:///home/me/Downloads/index.html',
      'file:///opt/Canopy/resources/app.asar/out/renderer/other.html',
      'file:///opt/Canopy/resources/app.asar/out/renderer/',
      'file:///opt/Canopy/resources/app.asar/out/renderer/index.html.evil.html',
      'file:///opt/Canopy/resources/app.asar/out/renderer/assets/../../renderer2/index.html',
      'file://evil-host/opt/Canopy/resources/app.asar/out/renderer/index.html',
      'file:///opt/Canopy/resources/app.asar/out/renderer/index.html%00.html',
    ]) {
      expect(isAppPageUrl(url, packaged), url).toBe(false);
    }
  });

  it('matches the page however the path is escaped (spaces, non-ASCII), and only that page', () => {
    const page = appPage('/Users/Zoë Smith/Canopy app/out/renderer/index.html', undefined, false);
    expect(isAppPageUrl('file:///Users/Zo%C3%AB%20Smith/Canopy%20app/out/renderer/index.html#/', page)).toBe(true);
    expect(isAppPageUrl('file:///Users/Zo%C3%AB%20Smith/Canopy%20app/out/renderer/index2.html', page)).toBe(false);
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(packaged.devServerOrigin).toBeUndefined();
    expect(isAppPageUrl('http://localhost:5173/', packaged)).toBe(false);
    expect(contentSecurityPolicy(packaged)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'",
    );
  });

  it('in development trusts only the dev server on this machine, never a remote one', () => {
    expect(development.devServerOrigin).toBe('http://localhost:5173');
    expect(isAppPageUrl('http://localhost:5173/#/people', development)).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', development)).toBe(false);
    expect(isAppPageUrl('https://example.com/', development)).toBe(false);
    expect(contentSecurityPolicy(development)).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173");
    for (const remote of ['http://example.com:5173', 'http://10.0.0.5:5173', 'file:///tmp/evil.html', 'javascript:alert(1)', 'not a url']) {
      expect(appPage(indexHtml, remote, false).devServerOrigin, remote).toBeUndefined();
    }
  });

  it('rejects what is not a URL at all', () => {
    for (const url of ['', 'about:blank', 'javascript:alert(1)', 'data:text/html,<h1>x</h1>', 'chrome://settings', 'devtools://devtools']) {
      expect(isAppPageUrl(url, development), url).toBe(false);
    }
  });

  it('the Electron shell no longer hands links to shell.openExternal and denies permission checks', () => {
    // The shell itself cannot run here (no Electron binary); this pins what it wires up.
    const shell = fs.readFileSync('src-main/security.ts', 'utf8');
    expect(shell).not.toMatch(/openExternal\(/);
    expect(shell).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(shell).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(fs.readFileSync('src-main/index.ts', 'utf8')).toMatch(/app\.requestSingleInstanceLock\(\)/);
  });
});
