import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storeSchema } from '../../src-main/areas';
import { openStore } from '../../src-main/store/data-source';
import { ensureDataFolder } from '../../src-main/store/data-source-path';
import { CANOPY_APPLICATION_ID } from '../../src-main/store/database-file';
import { openTestApp, tempDir } from './helpers';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const listing = (dir: string) => fs.readdirSync(dir).sort();

/** Opening must change nothing: same bytes, and no -wal, -shm, -journal or lock file next to it. */
async function expectRefusedUntouched(file: string, open: () => Promise<unknown>, message: RegExp) {
  const before = { hash: sha256(file), files: listing(path.dirname(file)) };
  await expect(open()).rejects.toThrow(message);
  expect(sha256(file)).toBe(before.hash);
  expect(listing(path.dirname(file))).toEqual(before.files);
}

function sqliteFile(file: string, sql: string, options: { wal?: boolean; applicationId?: number } = {}) {
  const db = new Database(file);
  if (options.wal) db.pragma('journal_mode = WAL');
  if (options.applicationId) db.pragma(`application_id = ${options.applicationId}`);
  db.exec(sql);
  db.close();
  return file;
}

describe('store: which files Canopy opens', () => {
  it('marks a new database with the Canopy application id', async () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const store = await openStore(file, storeSchema, { create: true });
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(0x434e5059);
    expect(CANOPY_APPLICATION_ID).toBe(0x434e5059); // "CNPY"
    db.close();
  });

  it("refuses another application's SQLite file with one table, untouched, even when asked to create", async () => {
    const file = sqliteFile(path.join(tempDir(), 'notes.sqlite'), `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');`);
    await expectRefusedUntouched(file, () => openStore(file, storeSchema), /SQLite database of another application.*tables \(notes\).*left untouched/);
    await expectRefusedUntouched(file, () => openStore(file, storeSchema, { create: true }), /another application/);
  });

  it("refuses a WAL-mode file with its own employee table, untouched, and leaves no -wal or -shm", async () => {
    const file = sqliteFile(path.join(tempDir(), 'crm.db'), `CREATE TABLE employee (name TEXT); CREATE TABLE invoice (n INTEGER); INSERT INTO employee VALUES ('Zoe');`, { wal: true });
    expect(fs.readFileSync(file)[18]).toBe(2); // really in WAL mode on disk
    await expectRefusedUntouched(file, () => openStore(file, storeSchema, { create: true }), /another application.*employee, invoice/);
  });

  it('refuses a file marked with another application id without opening it', async () => {
    const geoPackage = 0x47504b47;
    const file = sqliteFile(path.join(tempDir(), 'map.gpkg'), `CREATE TABLE gpkg_contents (table_name TEXT)`, { applicationId: geoPackage });
    await expectRefusedUntouched(file, () => openStore(file, storeSchema, { create: true }), /application id 0x47504b47/);
  });

  it('refuses the same files through admin.openDatabase and keeps the current database', async () => {
    const app = await openTestApp();
    const current = app.store().path;
    const file = sqliteFile(path.join(tempDir(), 'notes.sqlite'), `CREATE TABLE notes (body TEXT)`);
    const before = sha256(file);
    for (const create of [false, true]) {
      const error = await app.fail('admin.openDatabase', { path: file, create });
      expect(error).toMatchObject({ code: 'VALIDATION' });
      expect(error.message).toMatch(/notes\.sqlite is an SQLite database of another application/);
    }
    expect(sha256(file)).toBe(before);
    expect(listing(path.dirname(file))).toEqual(['notes.sqlite']);
    expect(app.store().path).toBe(current);
  });

  it('recognises a Canopy file from before the mark by its migrations table, and marks it', async () => {
    const file = path.join(tempDir(), 'older.sqlite');
    const store = await openStore(file, storeSchema, { create: true });
    store.raw.exec(`INSERT INTO department (id, name, created_at, updated_at) VALUES ('d1', 'Finance', 'now', 'now')`);
    store.raw.pragma('application_id = 0');
    await store.close();
    const reopened = await openStore(file, storeSchema);
    expect(reopened.raw.pragma('application_id', { simple: true })).toBe(CANOPY_APPLICATION_ID);
    expect(reopened.raw.prepare('SELECT name FROM department').all()).toEqual([{ name: 'Finance' }]);
    expect(reopened.backupBeforeMigration).toBeNull(); // same schema: nothing to migrate, no copy
    await reopened.close();
  });

  it('creates a database in a zero-byte file or at a missing path only when asked to', async () => {
    const dir = tempDir();
    const empty = path.join(dir, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    await expectRefusedUntouched(empty, () => openStore(empty, storeSchema), /empty file \(0 bytes\)/);
    const missing = path.join(dir, 'missing.sqlite');
    await expect(openStore(missing, storeSchema)).rejects.toThrow(/does not exist/);
    expect(fs.existsSync(missing)).toBe(false);

    const app = await openTestApp();
    expect(await app.fail('admin.openDatabase', { path: missing })).toMatchObject({ code: 'NOT_FOUND' });
    expect(fs.existsSync(missing)).toBe(false);
    expect(await app.fail('admin.openDatabase', { path: empty })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/empty file/) });
    expect(fs.statSync(empty).size).toBe(0);
    expect(await app.ok('admin.openDatabase', { path: empty, create: true })).toMatchObject({ path: empty, isEmpty: true });
    expect(readApplicationId(empty)).toBe(CANOPY_APPLICATION_ID);
  });

  it('treats an SQLite file without tables like an empty file', async () => {
    const file = sqliteFile(path.join(tempDir(), 'blank.sqlite'), 'PRAGMA user_version = 0; CREATE TABLE t (x); DROP TABLE t;');
    await expectRefusedUntouched(file, () => openStore(file, storeSchema), /empty SQLite database/);
    const store = await openStore(file, storeSchema, { create: true });
    expect(store.raw.pragma('application_id', { simple: true })).toBe(CANOPY_APPLICATION_ID);
    await store.close();
  });

  it('does not create a missing folder, except the default data folder', async () => {
    const dir = tempDir();
    const inMissingFolder = path.join(dir, 'no-such-folder', 'canopy.sqlite');
    await expect(openStore(inMissingFolder, storeSchema, { create: true })).rejects.toThrow(/The folder .*no-such-folder does not exist/);
    expect(fs.existsSync(path.dirname(inMissingFolder))).toBe(false);
    const app = await openTestApp();
    expect((await app.fail('admin.openDatabase', { path: inMissingFolder, create: true })).message).toMatch(/folder .* does not exist/);
    expect(fs.existsSync(path.dirname(inMissingFolder))).toBe(false);

    const env = { XDG_CONFIG_HOME: path.join(dir, 'config'), APPDATA: path.join(dir, 'config') };
    ensureDataFolder(inMissingFolder, env);
    expect(fs.existsSync(path.dirname(inMissingFolder))).toBe(false);
    const defaultFile = path.join(dir, 'config', 'Canopy', 'canopy.sqlite');
    ensureDataFolder(defaultFile, env);
    expect(fs.statSync(path.dirname(defaultFile)).isDirectory()).toBe(true);
  });

  it('refuses a path with a NUL byte as a clear input error', async () => {
    const app = await openTestApp();
    const error = await app.fail('admin.openDatabase', { path: `${tempDir()}/a\u0000b.sqlite`, create: true });
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/invalid character \(NUL\)/) });
  });

  it('opening the file that is already open changes nothing', async () => {
    const app = await openTestApp();
    await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Legal' } }] });
    const status = await app.ok('admin.openDatabase', { path: app.store().path });
    expect(status.counts.departments).toBe(1);
    expect(app.count('department')).toBe(1);
  });
});

function readApplicationId(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('application_id', { simple: true }) as number;
  } finally {
    db.close();
  }
}
