import path from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { AppError } from '../../src-shared/errors';
import { writeCheckedBackup } from './backup';
import { CANOPY_APPLICATION_ID, classifyDatabaseFile, type DatabaseFileKind } from './database-file';
import { assertFolderExists, assertUsablePath, assertWritable } from './file-access';
import { acquireDatabaseLock } from './lock';
import { renameLegacyMigrations } from './migrations/legacy-names';
import type { StoreSchema } from './schema';

export interface OpenStoreOptions {
  /** Path to an Electron build of better-sqlite3 (see scripts/ensure-electron-sqlite.mjs). */
  nativeBinding?: string;
  /** Make a new database when the path is missing or empty; otherwise only existing Canopy files open. */
  create?: boolean;
  /** Who holds the file open, as other processes are told: "Canopy desktop", "browser host"… */
  app?: string;
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
  /** The Electron build of better-sqlite3, when there is one (for backups' check connection). */
  nativeBinding?: string;
  close(): Promise<void>;
}

/**
 * Opens one organisation's database file, or creates it when `create` is set. Refuses, leaving them
 * exactly as they were: files that are not SQLite, other applications' SQLite files, damaged files,
 * files written by a newer Canopy, files in read-only folders or read-only files, and files another
 * Canopy process has open. Copies the file before applying migrations to existing data.
 */
export async function openStore(file: string, schema: StoreSchema, options: OpenStoreOptions = {}): Promise<Store> {
  assertUsablePath(file);
  const filePath = path.resolve(file);
  assertFolderExists(path.dirname(filePath));
  const kind = classifyDatabaseFile(filePath, { create: options.create ?? false, nativeBinding: options.nativeBinding });
  assertWritable(filePath);
  const lock = await acquireDatabaseLock(filePath, options.app ?? defaultAppName(), options.nativeBinding);
  try {
    const backupBeforeMigration = kind === 'new' ? null : await checkAndBackUp(filePath, kind, schema.version, options);
    const store = await initialise(filePath, kind, schema, options, backupBeforeMigration);
    return { ...store, close: () => store.close().finally(() => lock.release()) };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function initialise(filePath: string, kind: DatabaseFileKind, schema: StoreSchema, options: OpenStoreOptions, backupBeforeMigration: string | null): Promise<Store> {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: filePath,
    fileMustExist: kind !== 'new',
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    enableWAL: true,
    nativeBinding: options.nativeBinding,
    prepareDatabase: (db: Database.Database) => {
      // A new file's first write is its Canopy mark (before WAL mode, the schema or anything else).
      if (db.pragma('application_id', { simple: true }) !== CANOPY_APPLICATION_ID) db.pragma(`application_id = ${CANOPY_APPLICATION_ID}`);
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
      nativeBinding: options.nativeBinding,
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

/** Integrity, version and the Canopy mark, under the lock; then a checked copy if migrations will change existing data. */
async function checkAndBackUp(filePath: string, kind: Exclude<DatabaseFileKind, 'new'>, schemaVersion: number, options: OpenStoreOptions): Promise<string | null> {
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
    // A Canopy file from before the application id: recognised by its migrations, marked now.
    if (kind === 'legacy-canopy') db.pragma(`application_id = ${CANOPY_APPLICATION_ID}`);
    if (fileVersion === schemaVersion || !hasTables(db)) return null;
    const backupPath = `${filePath}.before-schema-${schemaVersion}-${stamp()}.bak`;
    await writeCheckedBackup(db, backupPath, { userVersion: fileVersion, nativeBinding: options.nativeBinding });
    return backupPath;
  } finally {
    db.close();
  }
}

/** "browser host" and "Canopy desktop" say so; scripts (seed, bench, tests) are named by their file. */
const defaultAppName = () => `a Canopy script (${path.basename(process.argv[1] ?? 'node')})`;

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
