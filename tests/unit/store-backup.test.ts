import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/data-source';
import { CANOPY_APPLICATION_ID } from '../../src-main/store/database-file';
import { storeSchema } from '../../src-main/areas';
import { openTestApp, tempDir } from './helpers';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Runs a backup of a database of about `megabytes` MB in another process and kills it (SIGKILL) halfway. */
async function killMidBackup(dir: string, target: string, megabytes: number): Promise<{ halfway: string; leftovers: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/store-child.ts', 'backup', path.join(dir, 'source.sqlite'), target, String(megabytes)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const halfway = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = /halfway (\d+\/\d+)/.exec(output);
      if (line) resolve(line[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => reject(new Error(`the backup process ended before halfway:\n${output}`)));
  });
  const leftovers = fs.readdirSync(dir).filter((name) => name.includes('canopy-partial'));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  return { halfway, leftovers };
}

describe('store: backups', () => {
  it('writes a checked copy: Canopy mark, schema version, same data, and no partial file left', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 40 });
    const dir = tempDir();
    const target = path.join(dir, 'backup.sqlite');
    const events: unknown[] = [];
    app.subscribe((event) => event.type === 'progress' && events.push(event));
    const result = await app.ok('admin.backupDatabase', { path: target });
    expect(result).toEqual({ path: target, sizeBytes: fs.statSync(target).size });
    expect(fs.readdirSync(dir)).toEqual(['backup.sqlite']);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('application_id', { simple: true })).toBe(CANOPY_APPLICATION_ID);
    expect(copy.pragma('user_version', { simple: true })).toBe(storeSchema.version);
    expect(copy.prepare('SELECT count(*) AS n FROM employee').get()).toEqual({ n: 40 });
    copy.close();
    expect(events.at(-1)).toMatchObject({ type: 'progress', label: 'Backing up the database' });
  });

  it('a backup killed halfway leaves no file at the target, and its partial file is never opened', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'backup.sqlite');
    const { halfway, leftovers } = await killMidBackup(dir, target, 40);
    expect(halfway).toMatch(/^\d+\/\d+$/);
    expect(fs.existsSync(target)).toBe(false);
    expect(leftovers.length).toBeGreaterThan(0); // the copy was being written under another name
    await expect(openStore(target, storeSchema)).rejects.toThrow(/does not exist/);
    for (const partial of leftovers.filter((name) => !/-(journal|wal|shm)$/.test(name))) {
      await expect(openStore(path.join(dir, partial), storeSchema)).rejects.toThrow(/unfinished backup/);
      await expect(openStore(path.join(dir, partial), storeSchema, { create: true })).rejects.toThrow(/unfinished backup/);
    }
    const app = await openTestApp();
    expect(await app.fail('admin.openDatabase', { path: target })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a backup killed while replacing an earlier backup leaves the earlier one intact', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'backup.sqlite');
    const earlier = await openTestApp();
    await earlier.ok('people.saveDepartments', { rows: [{ values: { name: 'Yesterday' } }] });
    await earlier.ok('admin.backupDatabase', { path: target });
    const before = sha256(target);
    await killMidBackup(dir, target, 40);
    expect(sha256(target)).toBe(before);
    const store = await openStore(target, storeSchema);
    expect(store.raw.prepare('SELECT name FROM department').all()).toEqual([{ name: 'Yesterday' }]);
    await store.close();
  });

  it('refuses a target that is not an earlier Canopy backup, leaving it untouched', async () => {
    const app = await openTestApp();
    const dir = tempDir();
    const csv = path.join(dir, 'people.csv');
    fs.writeFileSync(csv, 'employee_number,first_name\nE1,Ann\n');
    const foreign = path.join(dir, 'notes.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE notes (body TEXT)');
    db.close();
    const hashes = [sha256(csv), sha256(foreign)];
    expect(await app.fail('admin.backupDatabase', { path: csv })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/people\.csv already exists and is not a Canopy database, so Canopy will not replace it\. Choose another file name\./),
    });
    expect((await app.fail('admin.backupDatabase', { path: foreign })).message).toMatch(/notes\.sqlite already exists and is not a Canopy database/);
    expect([sha256(csv), sha256(foreign)]).toEqual(hashes);
    expect((await app.fail('admin.backupDatabase', { path: dir })).message).toMatch(/is a folder/);
    expect((await app.fail('admin.backupDatabase', { path: app.store().path })).message).toMatch(/different file than the open database/);
    expect((await app.fail('admin.backupDatabase', { path: path.join(dir, 'no-such', 'b.sqlite') })).message).toMatch(/does not exist/);
    expect(fs.readdirSync(dir).sort()).toEqual(['notes.sqlite', 'people.csv']);
  });

  it('refuses a path with a NUL byte as a clear input error, not an internal one', async () => {
    const app = await openTestApp();
    const error = await app.fail('admin.backupDatabase', { path: `${tempDir()}/backup\u0000.sqlite` });
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/invalid character \(NUL\)/) });
  });

  it('replaces an earlier backup, but not a database another Canopy has open', async () => {
    const app = await openTestApp();
    const dir = tempDir();
    const target = path.join(dir, 'backup.sqlite');
    await app.ok('admin.backupDatabase', { path: target });
    await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Later' } }] });
    await app.ok('admin.backupDatabase', { path: target });
    const check = await openStore(target, storeSchema);
    expect(check.raw.prepare('SELECT name FROM department').all()).toEqual([{ name: 'Later' }]);
    const error = await app.fail('admin.backupDatabase', { path: target });
    expect(error.message).toMatch(/backup\.sqlite is already open in a Canopy script .*process id/);
    await check.close();
    await app.ok('admin.backupDatabase', { path: target });
  });
});
