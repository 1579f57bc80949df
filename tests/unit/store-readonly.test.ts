import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeSchema } from '../../src-main/areas';
import { openStore } from '../../src-main/store/data-source';
import { lockFileFor } from '../../src-main/store/lock';
import { tempDir } from './helpers';

// Permission bits do not stop root, so as root the opening is done by a child process running as
// `nobody` (uid 65534); otherwise by a child running as the current user. Windows has no chmod bits.
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const onWindows = process.platform === 'win32';
if (isRoot) console.log('store-readonly: running as root, where chmod does not stop writes; the files are opened by a child process running as uid 65534 (nobody).');

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Opens each file (`create:` prefix to create) in one child process; one result per file. */
function openInChild(...specs: string[]): { ok: boolean; message?: string }[] {
  const ids = isRoot ? { uid: NOBODY, gid: NOBODY } : {};
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'tests/unit/store-child.ts', 'open', ...specs], {
    encoding: 'utf8',
    env: { ...process.env, HOME: os.tmpdir() },
    ...ids,
  });
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
  return result.stdout.trim().split('\n').map((line) => JSON.parse(line));
}

/** A healthy Canopy database, closed, as if copied there: no lock file, no -wal/-shm; owned by whoever opens it. */
async function healthyDatabase(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'canopy.sqlite');
  const store = await openStore(file, storeSchema, { create: true });
  store.raw.exec(`INSERT INTO department (id, name, created_at, updated_at) VALUES ('d1', 'Finance', 'now', 'now')`);
  await store.close();
  fs.rmSync(lockFileFor(file), { force: true });
  if (isRoot) for (const target of [dir, file]) fs.chownSync(target, NOBODY, NOBODY);
  return { dir, file };
}

describe.skipIf(onWindows)('store: read-only folders and files', () => {
  it('says exactly what is read-only (the folder, or the file), writes nothing, and opens the file once it is writable', async () => {
    const inFolder = await healthyDatabase();
    const readOnly = await healthyDatabase();
    const writable = await healthyDatabase();
    fs.chmodSync(inFolder.dir, 0o555);
    fs.chmodSync(readOnly.file, 0o444);
    const before = [inFolder, readOnly].map(({ dir, file }) => ({ hash: sha256(file), files: fs.readdirSync(dir) }));
    let results: { ok: boolean; message?: string }[];
    try {
      results = openInChild(inFolder.file, `create:${inFolder.file}`, readOnly.file, `create:${readOnly.file}`, writable.file);
    } finally {
      fs.chmodSync(inFolder.dir, 0o755);
    }
    const folderMessage = `The folder ${inFolder.dir} is read-only, so Canopy cannot open canopy.sqlite there (SQLite keeps its journal next to the file). Copy the file to a folder you can write to and open it there. Nothing was changed.`;
    const fileMessage = `The file ${readOnly.file} is read-only. Canopy saves every change into the file, so it must be writable: make it writable, or copy it to a folder of your own and open the copy. Nothing was changed.`;
    expect(results).toEqual([
      { ok: false, message: folderMessage },
      { ok: false, message: folderMessage },
      { ok: false, message: fileMessage },
      { ok: false, message: fileMessage },
      { ok: true },
    ]);
    [inFolder, readOnly].forEach(({ dir, file }, i) => {
      expect(fs.readdirSync(dir)).toEqual(before[i].files); // no -wal, -shm or lock file
      expect(sha256(file)).toBe(before[i].hash);
    });
  });
});
