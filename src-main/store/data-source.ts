import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { AppError } from '../../src-shared/errors';
import { writeCheckedBackup } from './backup';
import { quickCheck } from './copy-worker';
import { CANOPY_APPLICATION_ID, classifyDatabaseFile, type DatabaseFileKind } from './database-file';
import { applyKey, ENCRYPTED_CACHE_KIB, encryptInPlace, isNotADatabase, PassphraseNeededError, rawKeyLiteral, WrongPassphraseError, type DatabaseKey } from './encryption';
import { assertFolderExists, assertUsablePath, assertWritable } from './file-access';
import { acquireDatabaseLock, type DatabaseLock } from './lock';
import { renameLegacyMigrations } from './migrations/legacy-names';
import type { StoreSchema } from './schema';

export interface OpenStoreOptions {
  /** Path to an Electron build of better-sqlite3 (see scripts/ensure-electron-sqlite.mjs). */
  nativeBinding?: string;
  /** Make a new database when the path is missing or empty; otherwise only existing Canopy files open. */
  create?: boolean;
  /** Who holds the file open, as other processes are told: "Canopy desktop", "browser host"… */
  app?: string;
  /**
   * The key of an encrypted file; for a new file, create it encrypted with this key. Without one a new
   * file is created unencrypted and an encrypted file is refused, asking for its passphrase. A plain
   * file opens as it is whatever this says.
   */
  key?: DatabaseKey | null;
  /** The file's lock, when the caller holds it already (a session keeps it while locked); it stays held when the store closes. */
  lock?: DatabaseLock;
  /** Skip the integrity check: only when this process has held the file's lock since it last checked it (unlocking again). */
  trusted?: boolean;
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
  /** The key the file is encrypted with, or null for an unencrypted file. */
  key: DatabaseKey | null;
  close(): Promise<void>;
}

/**
 * Opens one organisation's database file, or creates it when `create` is set. Refuses, leaving them
 * exactly as they were: files that are not SQLite, other applications' SQLite files, damaged files,
 * files written by a newer Canopy, files in read-only folders or read-only files, files another
 * Canopy process has open, and encrypted files without their passphrase (or with a wrong one).
 * Copies the file before applying migrations to existing data.
 */
export async function openStore(file: string, schema: StoreSchema, options: OpenStoreOptions = {}): Promise<Store> {
  const { filePath, kind } = prepareToOpen(file, { create: options.create ?? false, nativeBinding: options.nativeBinding });
  if (kind === 'encrypted' && !options.key) throw new PassphraseNeededError(filePath);
  const lock = options.lock ?? (await acquireDatabaseLock(filePath, options.app ?? defaultAppName(), options.nativeBinding));
  const release = () => options.lock === undefined && lock.release();
  // A key given for a plain file is not used: it opens as it is (Admin offers to encrypt it).
  const key = kind === 'new' || kind === 'encrypted' ? options.key ?? null : null;
  try {
    if (kind === 'new' && key) encryptEmptyFile(filePath, key, options.nativeBinding);
    const backupBeforeMigration = kind === 'new' ? null : await checkAndBackUp(filePath, kind, schema.version, key, options);
    const store = await initialise(filePath, kind, schema, key, options, backupBeforeMigration);
    return { ...store, close: () => store.close().finally(release) };
  } catch (error) {
    release();
    throw error;
  }
}

/** The checks made before a file is locked and opened, none of which changes anything: what the file is, and that it may be written. */
export function prepareToOpen(file: string, options: { create: boolean; nativeBinding?: string }): { filePath: string; kind: DatabaseFileKind } {
  assertUsablePath(file);
  const filePath = path.resolve(file);
  assertFolderExists(path.dirname(filePath));
  const kind = classifyDatabaseFile(filePath, options);
  assertWritable(filePath);
  return { filePath, kind };
}

async function initialise(filePath: string, kind: DatabaseFileKind, schema: StoreSchema, key: DatabaseKey | null, options: OpenStoreOptions, backupBeforeMigration: string | null): Promise<Store> {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    // The same module TypeORM would load, named: package.json maps better-sqlite3 to its encrypting build.
    driver: Database,
    database: filePath,
    fileMustExist: kind !== 'new',
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    enableWAL: true,
    nativeBinding: options.nativeBinding,
    prepareDatabase: (db: Database.Database) => {
      // The key comes before anything else touches the file (TypeORM's own `key` option would send it before the cipher is chosen).
      if (key) applyKey(db, key);
      if (key) db.pragma(`cache_size = -${ENCRYPTED_CACHE_KIB}`);
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
      key,
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

/**
 * The key (an encrypted file's first page must decrypt, nothing written if not), integrity, version
 * and the Canopy mark, under the lock; then a checked copy if migrations will change existing data.
 */
async function checkAndBackUp(filePath: string, kind: Exclude<DatabaseFileKind, 'new'>, schemaVersion: number, key: DatabaseKey | null, options: OpenStoreOptions): Promise<string | null> {
  const db = new Database(filePath, { fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    if (key) assertEncryptedCanopyFile(db, filePath, key);
    // On a worker thread: seconds for a large (encrypted) file, during which the app keeps answering.
    const check = options.trusted ? 'ok' : await quickCheck(filePath, key ? rawKeyLiteral(key) : null, options.nativeBinding);
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
    await writeCheckedBackup({ db, file: filePath, key }, backupPath, { userVersion: fileVersion, nativeBinding: options.nativeBinding });
    return backupPath;
  } finally {
    db.close();
  }
}

/** An SQLite file without tables becomes a new encrypted database: it is encrypted in place before anything is written. */
function encryptEmptyFile(filePath: string, key: DatabaseKey, nativeBinding?: string) {
  if (!fs.existsSync(filePath) || fs.statSync(filePath).size === 0) return;
  const db = new Database(filePath, { fileMustExist: true, nativeBinding });
  try {
    encryptInPlace(db, key);
  } finally {
    db.close();
  }
}

/** Checks, before the file is locked or anything is written, that the key opens this encrypted Canopy file. */
export function assertKeyOpens(filePath: string, key: DatabaseKey, nativeBinding?: string): void {
  const db = new Database(filePath, { fileMustExist: true, nativeBinding });
  try {
    assertEncryptedCanopyFile(db, filePath, key);
  } finally {
    db.close();
  }
}

/**
 * The first read decrypts page 1: a wrong key (or another cipher, or a damaged first page) fails it
 * with SQLITE_NOTADB before SQLite writes anything. A file that decrypts but is not marked as Canopy's
 * is another application's encrypted database.
 */
function assertEncryptedCanopyFile(db: Database.Database, filePath: string, key: DatabaseKey) {
  let applicationId: number;
  try {
    applyKey(db, key);
    applicationId = db.pragma('application_id', { simple: true }) as number;
  } catch (error) {
    if (isNotADatabase(error)) throw new WrongPassphraseError(filePath);
    throw error;
  }
  if (applicationId !== CANOPY_APPLICATION_ID) {
    throw new AppError('VALIDATION', `${path.basename(filePath)} is an encrypted database of another application, not a Canopy database. It was left untouched.`);
  }
}

/** "browser host" and "Canopy desktop" say so; scripts (seed, bench, tests) are named by their file. */
const defaultAppName = () => `a Canopy script (${path.basename(process.argv[1] ?? 'node')})`;

const hasTables = (db: Database.Database) =>
  (db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number }).n > 0;

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
