import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import type { Input, Method, Output } from '../../src-shared/api';
import { createAppHost, type AppHost, type AppHostOptions } from '../../src-main/app-host';

/** Shared by the encryption tests: hosts closed after each test, files read as bytes, tables read whole. */
export const PASSPHRASE = 'correct horse battery staple';

const hosts: AppHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
});

export type Host = AppHost & {
  ok<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  fail<M extends Method>(method: M, input: unknown): Promise<{ code: string; message: string; issues?: { path: (string | number)[]; field?: string; message: string }[] }>;
};

export async function openHost(file: string, options: AppHostOptions = {}): Promise<Host> {
  const app = await createAppHost(file, { validateOutput: true, ...options });
  hosts.push(app);
  return Object.assign(app, {
    async ok<M extends Method>(method: M, input: Input<M>) {
      const response = await app.call(method, input);
      if (!response.ok) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
      return response.data as Output<M>;
    },
    async fail<M extends Method>(method: M, input: unknown) {
      const response = await app.call(method, input);
      if (response.ok) throw new Error(`${method} unexpectedly succeeded`);
      return response.error;
    },
  });
}

export async function closeHost(host: AppHost): Promise<void> {
  hosts.splice(hosts.indexOf(host), 1);
  await host.close();
}

export const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
export const listing = (dir: string) => fs.readdirSync(dir).sort();
export const isPlainSqlite = (file: string) => fs.readFileSync(file).subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000';

/** The raw bytes of the file and of its -wal (what a copied laptop disk or backup holds), searched for text. */
export function bytesContain(file: string, text: string): boolean {
  const needle = Buffer.from(text, 'utf8');
  return [file, `${file}-wal`].some((name) => fs.existsSync(name) && fs.readFileSync(name).includes(needle));
}

/** Every row of every table, as sorted JSON per table: what "every row kept" compares. */
export function allRows(db: Database.Database): Record<string, string[]> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort()]));
}

/** A refused open changes nothing: same bytes, and no file appears or disappears next to it. */
export async function expectUntouched(file: string, attempt: () => Promise<unknown>) {
  const before = { hash: sha256(file), files: listing(path.dirname(file)) };
  await attempt();
  expect(sha256(file)).toBe(before.hash);
  expect(listing(path.dirname(file))).toEqual(before.files);
}
