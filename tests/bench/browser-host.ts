import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const hasChromium = () => fs.existsSync(CHROMIUM);

export interface BrowserSession {
  page: Page;
  /** The browser host's own process id (tsx runs it in a child), for its memory. */
  serverPid: number;
  close(): Promise<void>;
}

/**
 * The browser host on a bench file (production build, as users run it) with Chromium open on it;
 * an encrypted file is unlocked in the page with its passphrase.
 */
export async function openInBrowser(dbPath: string, options: { width?: number; height?: number; passphrase?: string } = {}): Promise<BrowserSession> {
  const host = spawn(path.resolve('node_modules/.bin/tsx'), ['src-main/browser-host.ts', '--db', dbPath], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  let serverPid = host.pid!;
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    host.stdout!.on('data', (chunk) => {
      out += chunk;
      serverPid = Number(/\(pid (\d+)\)/.exec(out)?.[1] ?? serverPid);
      const match = /open: (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    host.on('exit', () => reject(new Error(out)));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({ viewport: { width: options.width ?? 1440, height: options.height ?? 900 } });
  await page.goto(url);
  if (options.passphrase) {
    await page.getByTestId('unlock-passphrase').fill(options.passphrase);
    await page.getByTestId('unlock').click();
  }
  return {
    page,
    get serverPid() {
      return serverPid;
    },
    async close() {
      await browser.close();
      host.kill('SIGTERM');
      await new Promise((resolve) => host.once('exit', resolve));
    },
  };
}
