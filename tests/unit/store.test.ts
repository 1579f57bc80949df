import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/data-source';
import { CANOPY_APPLICATION_ID } from '../../src-main/store/database-file';
import { storeSchema } from '../../src-main/areas';
import { databasePathFromArgs } from '../../src-main/store/data-source-path';
import { tempDir } from './helpers';

/** The indexes of a file made by the first migration alone, by name, with their SQL. */
async function indexesAtVersionOne(): Promise<Map<string, string>> {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: path.join(tempDir(), 'v1-only.sqlite'), entities: [], migrations: storeSchema.migrations.slice(0, 1), migrationsTableName: 'migrations' });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  const rows: { name: string; sql: string }[] = await dataSource.query(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`);
  await dataSource.destroy();
  return new Map(rows.map((row) => [row.name, row.sql]));
}

describe('store', () => {
  it('creates the schema from empty with WAL and foreign keys on', async () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const store = await openStore(file, storeSchema, { create: true });
    const tables = store.raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['employee', 'department', 'job', 'position', 'audit_event', 'setting', 'migrations']));
    expect(store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.raw.pragma('user_version', { simple: true })).toBe(storeSchema.version);
    expect(store.backupBeforeMigration).toBeNull();
    await store.close();
    const again = await openStore(file, storeSchema, { create: true });
    expect(again.backupBeforeMigration).toBeNull();
    await again.close();
  });

  it('upgrades a schema-1 database from before the Canopy mark to the current schema, marking it and keeping its data and a checked copy', async () => {
    const file = path.join(tempDir(), 'v1.sqlite');
    const store = await openStore(file, storeSchema, { create: true });
    store.raw.exec(`INSERT INTO department (id, name, created_at, updated_at) VALUES ('d1', 'Finance', 'now', 'now')`);
    // Back to schema 1: drop every table later migrations added (foreign keys off so the order does not matter).
    const schemaOne = new Set(['setting', 'audit_event', 'department', 'job', 'position', 'employee', 'migrations']);
    const later = (store.raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[])
      .map((t) => t.name).filter((name) => !schemaOne.has(name));
    store.raw.pragma('foreign_keys = OFF');
    // IF EXISTS: dropping a full-text table drops its shadow tables with it.
    for (const table of later) store.raw.exec(`DROP TABLE IF EXISTS ${table}`);
    // Triggers and indexes later migrations put on schema-1 tables go too; indexes they redefined get schema 1's definition back.
    const schemaOneIndexes = await indexesAtVersionOne();
    const objects = store.raw.prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') AND sql IS NOT NULL`).all() as { type: string; name: string; sql: string }[];
    for (const object of objects) {
      if (object.type === 'trigger') store.raw.exec(`DROP TRIGGER ${object.name}`);
      else if (schemaOneIndexes.get(object.name) !== object.sql) {
        store.raw.exec(`DROP INDEX ${object.name}`);
        if (schemaOneIndexes.has(object.name)) store.raw.exec(schemaOneIndexes.get(object.name)!);
      }
    }
    store.raw.exec(`ALTER TABLE employee DROP COLUMN termination_date; DELETE FROM migrations WHERE name NOT LIKE 'Initial%'`);
    store.raw.pragma('user_version = 1');
    store.raw.pragma('application_id = 0');
    await store.close();
    const upgraded = await openStore(file, storeSchema);
    expect(upgraded.backupBeforeMigration).toMatch(new RegExp(`before-schema-${storeSchema.version}-`));
    expect(upgraded.raw.pragma('application_id', { simple: true })).toBe(CANOPY_APPLICATION_ID);
    const copy = new Database(upgraded.backupBeforeMigration!, { readonly: true });
    expect(copy.prepare(`SELECT name FROM department`).all()).toEqual([{ name: 'Finance' }]);
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.pragma('application_id', { simple: true })).toBe(CANOPY_APPLICATION_ID);
    copy.close();
    expect(upgraded.raw.prepare(`SELECT name FROM department`).all()).toEqual([{ name: 'Finance' }]);
    expect(upgraded.raw.prepare(`SELECT count(*) AS n FROM skill`).get()).toEqual({ n: 0 });
    expect(upgraded.raw.pragma('user_version', { simple: true })).toBe(storeSchema.version);
    await upgraded.close();
  });

  it('refuses a database written by a newer Canopy and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const store = await openStore(file, storeSchema, { create: true });
    store.raw.pragma('user_version = 99');
    await store.close();
    const before = fs.readFileSync(file);
    await expect(openStore(file, storeSchema, { create: true })).rejects.toThrow(/newer version of Canopy/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, 'employee_number,first_name\nE1,Ann\n');
    await expect(openStore(file, storeSchema, { create: true })).rejects.toThrow(/not a Canopy database/);
    expect(fs.readFileSync(file, 'utf8')).toBe('employee_number,first_name\nE1,Ann\n');
  });

  it('refuses a damaged SQLite file', async () => {
    const file = path.join(tempDir(), 'damaged.sqlite');
    const store = await openStore(file, storeSchema, { create: true });
    await store.close();
    const bytes = fs.readFileSync(file);
    for (let i = 100; i < bytes.length; i += 7) bytes[i] = 0xff;
    fs.writeFileSync(file, bytes);
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    await expect(openStore(file, storeSchema, { create: true })).rejects.toThrow(/damaged|not a Canopy database/);
  });

  it('takes the database path from --db, then CANOPY_DB, then the app-data folder', () => {
    expect(databasePathFromArgs(['--db', '/tmp/a.sqlite'], {})).toBe('/tmp/a.sqlite');
    expect(databasePathFromArgs(['--db=/tmp/b.sqlite'], {})).toBe('/tmp/b.sqlite');
    expect(databasePathFromArgs([], { CANOPY_DB: '/tmp/c.sqlite' })).toBe('/tmp/c.sqlite');
    expect(databasePathFromArgs([], {})).toMatch(/Canopy[\\/]canopy\.sqlite$/);
  });
});
