import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { AppError } from '../../src-shared/errors';
import { renameLegacyMigrations } from './migrations/legacy-names';
import type { StoreSchema } from './schema';

const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface OpenStoreOptions {
  /** Path to an Electron build of better-sqlite3 (see scripts/ensure-electron-sqlite.mjs). */
  nativeBinding?: string;
}

export interface Store {
  path: string;
  dataSource: DataSource;
  /** The better-sqlite3 connection TypeORM uses: for online backup and hot-path SQL. */
  raw: Database.Database;
  /** The schema version this Canopy writes (the number of migrations). */
  schemaVersion: number;
  /** Where the copy taken before migrating went, when migrations ran on existing data. */
  backupBeforeMigration: string | null;
  close(): Promise<void>;
}

/**
 * Opens (or creates) one organisation's database file: refuses files that are not
 * SQLite, are corrupt, or were written by a newer Canopy, leaving them untouched;
 * copies the file before applying migrations to existing data.
 */
export async function openStore(file: string, schema: StoreSchema, options: OpenStoreOptions = {}): Promise<Store> {
  const filePath = path.resolve(file);
  assertSqliteFile(filePath);
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const backupBeforeMigration = await inspectAndBackUp(filePath, schema.version, options);

  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: filePath,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    enableWAL: true,
    nativeBinding: options.nativeBinding,
    prepareDatabase: (db: Database.Database) => {
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
    },
  });
  await dataSource.initialize();
  try {
    const raw = rawConnection(dataSource);
    renameLegacyMigrations(raw);
    await dataSource.runMigrations({ transaction: 'all' });
    raw.pragma(`user_version = ${schema.version}`);
    return {
      path: filePath,
      dataSource,
      raw,
      schemaVersion: schema.version,
      backupBeforeMigration,
      close: () => dataSource.destroy(),
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

export function rawConnection(dataSource: DataSource): Database.Database {
  return (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
}

function assertSqliteFile(filePath: string): void {
  if (!fs.existsSync(filePath)) return;
  const stat = fs.statSync(filePath);
  if (stat.isDirectory()) throw new AppError('VALIDATION', `${filePath} is a folder, not a database file.`);
  if (stat.size === 0) return;
  const header = Buffer.alloc(16);
  const fd = fs.openSync(filePath, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new AppError('VALIDATION', `${path.basename(filePath)} is not a Canopy database (not an SQLite file). It was left untouched.`);
  }
}

async function inspectAndBackUp(filePath: string, schemaVersion: number, options: OpenStoreOptions): Promise<string | null> {
  if (!fs.existsSync(filePath) || fs.statSync(filePath).size === 0) return null;
  const db = new Database(filePath, { fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    const check = safely(() => db.pragma('quick_check', { simple: true }));
    if (check !== 'ok') {
      throw new AppError('VALIDATION', `${path.basename(filePath)} is damaged (SQLite integrity check failed). It was left untouched; restore a backup.`);
    }
    const fileVersion = db.pragma('user_version', { simple: true }) as number;
    if (fileVersion > schemaVersion) {
      throw new AppError(
        'VALIDATION',
        `${path.basename(filePath)} was written by a newer version of Canopy (schema ${fileVersion}; this version knows ${schemaVersion}). Update Canopy to open it. The file was left untouched.`,
      );
    }
    if (fileVersion === schemaVersion || !hasTables(db)) return null;
    const backupPath = `${filePath}.before-schema-${schemaVersion}-${stamp()}.bak`;
    await db.backup(backupPath);
    return backupPath;
  } finally {
    db.close();
  }
}

function safely<T>(read: () => T): T | string {
  try {
    return read();
  } catch (error) {
    return (error as Error).message;
  }
}

const hasTables = (db: Database.Database) =>
  (db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number }).n > 0;

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
