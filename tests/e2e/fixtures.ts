import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test as base, expect, type Page } from '@playwright/test';

export interface HostFixture {
  url: string;
  dbPath: string;
  dir: string;
  /** Reads the database file the host writes (a second, read-only connection). */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
}

/**
 * Starts the browser host (`src-main/browser-host.ts`) on a fresh temp database: unencrypted, for the
 * tests that are not about encryption; with `askForPassphrase` the page creates it, as on a first start.
 */
export async function startHost(options: { seedEmployees?: number; askForPassphrase?: boolean } = {}): Promise<HostFixture & { stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canopy-e2e-'));
  const dbPath = path.join(dir, 'canopy.sqlite');
  const tsx = path.resolve('node_modules/.bin/tsx');
  const newFile = options.askForPassphrase ? [] : ['--unencrypted'];
  if (options.seedEmployees) {
    await run(spawn(tsx, ['scripts/seed.ts', '--employees', String(options.seedEmployees), '--db', dbPath, ...newFile], { stdio: 'pipe' }));
  }
  const child = spawn(tsx, ['src-main/browser-host.ts', '--db', dbPath, ...newFile], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open: (\S+)/.exec(output);
      if (match) (clearTimeout(timer), resolve(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`browser host exited (${code}):\n${output}`)));
  });
  let reader: Database.Database | null = null;
  return {
    url,
    dbPath,
    dir,
    query<T>(sql: string, ...params: unknown[]) {
      reader ??= new Database(dbPath, { readonly: true, fileMustExist: true });
      return reader.prepare(sql).all(...params) as T[];
    },
    async stop() {
      reader?.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve).once('error', resolve) && setTimeout(resolve, 3000));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function run(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (c) => (output += c));
    child.stderr?.on('data', (c) => (output += c));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(output))));
  });
}

export const test = base.extend<{ host: HostFixture; seededHost: HostFixture }>({
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
  seededHost: async ({}, use) => {
    const host = await startHost({ seedEmployees: 300 });
    await use(host);
    await host.stop();
  },
});
export { expect };

/** Navigate inside the app without losing the launch token (kept in sessionStorage). */
export async function goTo(page: Page, route: string) {
  await page.evaluate((r) => (window.location.hash = r), route);
}

/** Calls the app's API the way the page does (the launch token is in sessionStorage): for setting up what another test already drives through the UI. */
export async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  const response = await page.evaluate(
    async ([m, i]) => {
      const res = await fetch('/api', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-canopy-token': sessionStorage.getItem('canopy.token') ?? '' },
        body: JSON.stringify({ method: m, input: i }),
      });
      return res.json();
    },
    [method, input] as const,
  );
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.data as T;
}

/** Pastes text the way Ctrl+V does: a paste event with the text on the focused element (the grid, when it has focus). */
export async function pasteInto(page: Page, tsv: string) {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, tsv);
}

export function cell(page: Page, grid: string, rowIndex: number, colId: string) {
  return page.getByTestId(`grid-${grid}`).locator(`[data-row-index="${rowIndex}"][data-col-id="${colId}"]`);
}
