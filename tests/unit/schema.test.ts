import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeSchema } from '../../src-main/areas';
import { openStore } from '../../src-main/store/data-source';
import { migrationName } from '../../src-main/store/migrations/kit';
import { createAppHost } from '../../src-main/app-host';
import { tempDir } from './helpers';

/** Every schema object of a file, one per line, in a stable order: what the snapshot holds. */
function schemaOf(db: Database.Database): string {
  const rows = db
    .prepare(`SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY tbl_name, type DESC, name`)
    .all() as { type: string; name: string; tableName: string; sql: string | null }[];
  return rows.map((row) => `-- ${row.type} ${row.name} on ${row.tableName}\n${(row.sql ?? '').replace(/\s+/g, ' ').trim()};`).join('\n') + '\n';
}

/** Tables that hold data of their own: not a full-text index or its shadow tables (triggers fill those). */
const tablesOf = (db: Database.Database, schema = 'main') => {
  const tables = db.prepare(`SELECT name, sql FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations' ORDER BY name`).all() as { name: string; sql: string }[];
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  return tables.map((t) => t.name).filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
};
const columnsOf = (db: Database.Database, table: string, schema = 'main') =>
  (db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as { name: string }[]).map((c) => c.name);

/** A file at schema version `version`: the first `version` migrations, as TypeORM runs them. */
async function fileAtVersion(file: string, version: number): Promise<void> {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], migrations: storeSchema.migrations.slice(0, version), migrationsTableName: 'migrations' });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  await dataSource.destroy();
  const db = new Database(file);
  db.pragma(`user_version = ${version}`);
  db.close();
}

/** The rows of every table a file had before upgrading, over the columns it had then. */
function contents(db: Database.Database, tables: string[], columnsByTable: Map<string, string[]>) {
  return Object.fromEntries(
    tables.map((table) => {
      const columns = columnsByTable.get(table)!.map((c) => `"${c}"`).join(', ');
      return [table, db.prepare(`SELECT ${columns} FROM "${table}" ORDER BY ${columns}`).all()];
    }),
  );
}

describe('the schema', () => {
  it('migrating an empty file gives exactly the committed snapshot', async () => {
    const store = await openStore(path.join(tempDir(), 'fresh.sqlite'), storeSchema, { create: true });
    await expect(schemaOf(store.raw)).toMatchFileSnapshot('./schema/schema.snapshot.sql');
    await store.close();
  });

  it('numbers migrations 1, 2, 3… by their name, across areas', () => {
    expect(storeSchema.migrations.map((m) => new m().name!.slice(-13))).toEqual(storeSchema.migrations.map((_, i) => String(i + 1).padStart(13, '0')));
  });

  it('every entity matches its table: the same columns, with their types and nullability', async () => {
    const store = await openStore(path.join(tempDir(), 'entities.sqlite'), storeSchema, { create: true });
    for (const metadata of store.dataSource.entityMetadatas) {
      const table = store.raw.prepare(`SELECT name, type, "notnull" AS required, dflt_value AS dflt, pk FROM pragma_table_info(?)`).all(metadata.tableName) as {
        name: string; type: string; required: number; dflt: string | null; pk: number;
      }[];
      expect(table.length, `${metadata.tableName} exists`).toBeGreaterThan(0);
      const byName = new Map(table.map((column) => [column.name, column]));
      for (const column of metadata.columns) {
        const stored = byName.get(column.databaseName);
        expect(stored, `${metadata.tableName}.${column.databaseName} exists`).toBeDefined();
        const affinity = { text: 'TEXT', integer: 'INTEGER', boolean: 'INTEGER', real: 'REAL' }[String(column.type)];
        expect(stored!.type, `${metadata.tableName}.${column.databaseName} type`).toBe(affinity);
        if (!stored!.pk) expect(stored!.required === 0, `${metadata.tableName}.${column.databaseName} nullable`).toBe(column.isNullable);
      }
      expect(metadata.columns.map((column) => column.databaseName).sort(), `${metadata.tableName}: the entity lists every column`).toEqual(table.map((c) => c.name).sort());
    }
    await store.close();
  });
});

describe('each migration keeps the data of the version before it', () => {
  // Outside tempDir(): that folder goes after each test, and this file serves them all.
  const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canopy-demo-'));
  const demoFile = path.join(demoDir, 'demo.sqlite');
  afterAll(() => fs.rmSync(demoDir, { recursive: true, force: true }));
  beforeAll(async () => {
    const app = await createAppHost(demoFile);
    expect(await app.call('admin.loadDemoOrganisation', { employees: 60, seed: 7 })).toMatchObject({ ok: true });
    await app.close();
  }, 60_000);

  for (let version = 1; version < storeSchema.migrations.length; version++) {
    const next = new storeSchema.migrations[version]().name;
    it(`upgrades a file at version ${version} holding data through ${next}`, async () => {
      const file = path.join(tempDir(), `v${version}.sqlite`);
      await fileAtVersion(file, version);
      const db = new Database(file);
      db.pragma('foreign_keys = OFF');
      db.prepare(`ATTACH DATABASE ? AS demo`).run(demoFile);
      const tables = tablesOf(db);
      const columnsByTable = new Map(tables.map((table) => [table, columnsOf(db, table)]));
      for (const table of tables) {
        const columns = columnsByTable.get(table)!.map((c) => `"${c}"`).join(', ');
        // OR IGNORE: triggers fill some tables (the latest skill levels) while others are copied.
        db.exec(`INSERT OR IGNORE INTO main."${table}" (${columns}) SELECT ${columns} FROM demo."${table}"`);
      }
      db.exec('DETACH DATABASE demo');
      const before = contents(db, tables, columnsByTable);
      expect(Object.values(before).some((rows) => rows.length > 0)).toBe(true);
      db.close();

      const store = await openStore(file, storeSchema);
      expect(store.backupBeforeMigration).not.toBeNull();
      expect(store.raw.pragma('user_version', { simple: true })).toBe(storeSchema.version);
      expect(contents(store.raw, tables, columnsByTable)).toEqual(before);
      await store.close();
    });
  }

  it('renames the audit vocabulary to table names (migration 8)', async () => {
    const file = path.join(tempDir(), 'v7.sqlite');
    await fileAtVersion(file, 7);
    const db = new Database(file);
    const insert = db.prepare(`INSERT INTO audit_event (id, at, actor, entity, entity_id, action) VALUES (?, '2026-01-01T00:00:00Z', 'Ann', ?, 'x', ?)`);
    insert.run('a', 'Rating scale', 'archive');
    insert.run('b', 'rating_scale', 'update');
    insert.run('c', 'settings', 'settings');
    insert.run('d', 'Goal library item', 'restore');
    db.close();
    const store = await openStore(file, storeSchema);
    expect(store.raw.prepare(`SELECT id, entity FROM audit_event ORDER BY id`).all()).toEqual([
      { id: 'a', entity: 'rating_scale' },
      { id: 'b', entity: 'rating_scale' },
      { id: 'c', entity: 'setting' },
      { id: 'd', entity: 'goal_library_item' },
    ]);
    await store.close();
  });

  it('opens a file whose migrations carry the old timestamp names, keeping its data', async () => {
    const file = path.join(tempDir(), 'legacy.sqlite');
    await fileAtVersion(file, 7);
    const db = new Database(file);
    db.exec(`INSERT INTO department (id, name, created_at, updated_at) VALUES ('d1', 'Finance', 'now', 'now')`);
    db.exec(`DELETE FROM migrations`);
    const legacy = ['Initial1795651200000', 'Skills1795737600000', 'Goals1795824000000', 'Reviews1795910400000', 'Journal1795996800000', 'Questionnaires1796083200000'];
    for (const name of legacy) db.prepare(`INSERT INTO migrations (timestamp, name) VALUES (?, ?)`).run(Number(name.slice(-13)), name);
    db.pragma('user_version = 6');
    db.close();
    const store = await openStore(file, storeSchema);
    expect(store.raw.prepare(`SELECT name FROM migrations ORDER BY timestamp`).all()).toEqual(
      storeSchema.migrations.map((_, i) => ({ name: new storeSchema.migrations[i]().name })),
    );
    expect(store.raw.prepare(`SELECT name FROM department`).all()).toEqual([{ name: 'Finance' }]);
    expect(migrationName('GoalLibrary', 6)).toBe('GoalLibrary0000000000006');
    await store.close();
    expect(fs.existsSync(store.backupBeforeMigration!)).toBe(true);
  });
});
