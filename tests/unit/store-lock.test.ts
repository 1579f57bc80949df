import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { toErrorBody } from '../../src-main/api/router';
import { storeSchema } from '../../src-main/areas';
import { openStore } from '../../src-main/store/data-source';
import { openTestApp, tempDir } from './helpers';

/** The real browser host (`src-main/browser-host.ts`) on `dbPath` (created unencrypted when new), serving a stand-in page. */
function startBrowserHost(dbPath: string): { child: ChildProcess; started: Promise<{ pid: number; output: string }>; exited: Promise<{ code: number | null; output: string }> } {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Canopy</title>');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/browser-host.ts', '--db', dbPath, '--unencrypted'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CANOPY_RENDERER_DIR: rendererDir, NODE_ENV: 'test' },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => child.on('exit', (code) => resolve({ code, output })));
  const started = new Promise<{ pid: number; output: string }>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /pid (\d+)\)[\s\S]*open: /.exec(output);
      if (match) (clearInterval(timer), resolve({ pid: Number(match[1]), output }));
    }, 20);
    void exited.then(() => (clearInterval(timer), reject(new Error(`the browser host exited:\n${output}`))));
  });
  started.catch(() => undefined); // awaited by the tests that expect a start
  return { child, started, exited };
}

describe('store: one Canopy per database file', () => {
  it('refuses a second process with a message naming the browser host that has the file, and takes over once it is killed', async () => {
    const file = path.join(tempDir(), 'canopy.sqlite');
    const host = startBrowserHost(file);
    try {
      const { pid } = await host.started;
      await expect(openStore(file, storeSchema)).rejects.toThrow(new RegExp(`canopy\\.sqlite is already open in browser host \\(process id ${pid}\\)`));

      const app = await openTestApp();
      const error = await app.fail('admin.openDatabase', { path: file });
      expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(new RegExp(`already open in browser host \\(process id ${pid}\\)`)) });

      const second = startBrowserHost(file);
      const { code, output } = await second.exited;
      expect(code).toBe(1);
      expect(output).toMatch(new RegExp(`Canopy could not start: canopy\\.sqlite is already open in browser host \\(process id ${pid}\\)`));

      host.child.kill('SIGKILL'); // no chance to clean up: the OS releases the lock
      await host.exited;
      const store = await openStore(file, storeSchema);
      await store.close();
    } finally {
      host.child.kill('SIGKILL');
    }
  });

  it('refuses a second open of one file in the same process, and frees it on close', async () => {
    const file = path.join(tempDir(), 'canopy.sqlite');
    const first = await openStore(file, storeSchema, { create: true, app: 'Canopy desktop' });
    await expect(openStore(file, storeSchema)).rejects.toThrow(/already open in Canopy desktop \(this process\)/);
    await first.close();
    const again = await openStore(file, storeSchema);
    await again.close();
  });

  it('answers every kind of SQLite contention with a clear, retryable CONFLICT', async () => {
    const file = path.join(tempDir(), 'canopy.sqlite');
    const app = await openTestApp(file);
    app.store().raw.pragma('busy_timeout = 50');
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const busy = await app.fail('people.saveDepartments', { rows: [{ values: { name: 'Legal' } }] });
    other.exec('ROLLBACK');
    expect(busy).toEqual({ code: 'CONFLICT', message: expect.stringMatching(/busy with another change.*not saved.*Try again/) });
    expect(app.count('department')).toBe(0);

    // A stale read snapshot, as two writers on one WAL file produce: SQLITE_BUSY_SNAPSHOT.
    const reader = new Database(file);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM department').get();
    other.exec(`INSERT INTO setting (key, value) VALUES ('k', 'v')`);
    const snapshot = catchError(() => reader.exec(`INSERT INTO setting (key, value) VALUES ('k2', 'v')`));
    reader.exec('ROLLBACK');
    reader.close();
    other.close();
    expect(snapshot).toMatchObject({ code: 'SQLITE_BUSY_SNAPSHOT' });

    const variants = ['SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED', 'SQLITE_LOCKED_SHAREDCACHE', 'SQLITE_LOCKED_VTAB'];
    const errors = [snapshot, ...variants.map((code) => new Database.SqliteError('database is locked', code))];
    for (const error of errors) {
      for (const thrown of [error, new QueryFailedError('INSERT …', [], error as Error)]) {
        expect(toErrorBody(thrown)).toEqual({ code: 'CONFLICT', message: expect.stringMatching(/busy with another change.*Try again/) });
      }
    }
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
