import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../src-shared/errors';
import { applyKey, mayBeEncryptedDatabase, type DatabaseKey } from './encryption';
import { migrationName } from './migrations/kit';

/** `PRAGMA application_id` of every Canopy database: "CNPY" in ASCII (see docs/decisions.md). */
export const CANOPY_APPLICATION_ID = 0x434e5059;

/** The name of the first migration, which every Canopy file made before the application id has in `migrations`. */
/** The first migration, as files from before numbered migrations name it and as they are named now. */
const FIRST_MIGRATION_NAMES = ['Initial1795651200000', migrationName('Initial', 1)];

/** Files without the Canopy mark are read into memory to be inspected untouched; past this size they are refused instead. */
const MAX_UNMARKED_FILE_BYTES = 1024 * 1024 * 1024;

/**
 * `new`: nothing worth keeping is there (missing, zero bytes, or an SQLite file without tables) and the caller asked to create.
 * `encrypted`: no readable SQLite header, but whole pages: a file Canopy encrypted, or one it cannot read at all; only
 * the passphrase tells (see store/encryption.ts).
 */
export type DatabaseFileKind = 'new' | 'canopy' | 'legacy-canopy' | 'encrypted';

export interface SqliteHeader {
  applicationId: number;
  userVersion: number;
  walMode: boolean;
}

/** The fixed fields of an SQLite file's 100-byte header, or null when the file is not SQLite. */
export function readSqliteHeader(filePath: string): SqliteHeader | null {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(filePath, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return null;
  return {
    userVersion: header.readInt32BE(60),
    applicationId: header.readUInt32BE(68),
    walMode: header[18] === 2 && header[19] === 2,
  };
}

/** Backups are written under this name first and renamed when checked; such a file is never opened. */
export const PARTIAL_BACKUP_MARK = '.canopy-partial-';
export const isPartialBackup = (filePath: string) => path.basename(filePath).includes(PARTIAL_BACKUP_MARK);

/**
 * Decides, without changing a byte or leaving a file behind, whether a path may be opened as a Canopy
 * database: refuses other applications' SQLite files, files that are not SQLite, and (unless the caller
 * asked to create a database) missing or empty files.
 */
export function classifyDatabaseFile(filePath: string, options: { create: boolean; nativeBinding?: string }): DatabaseFileKind {
  const name = path.basename(filePath);
  if (isPartialBackup(filePath)) {
    throw new AppError('VALIDATION', `${name} is an unfinished backup (Canopy was stopped while writing it), not a database. It was left untouched.`);
  }
  if (!fs.existsSync(filePath)) {
    if (options.create) return 'new';
    throw new AppError('NOT_FOUND', `${filePath} does not exist. To start a new organisation there, create a new database.`);
  }
  const stat = fs.statSync(filePath);
  if (stat.isDirectory()) throw new AppError('VALIDATION', `${filePath} is a folder, not a database file.`);
  if (stat.size === 0) {
    if (options.create) return 'new';
    throw new AppError('VALIDATION', `${name} is an empty file (0 bytes), not a Canopy database. It was left untouched; create a new database to use it.`);
  }
  const header = readSqliteHeader(filePath);
  if (!header && mayBeEncryptedDatabase(filePath)) return 'encrypted';
  if (!header) throw new AppError('VALIDATION', `${name} is not a Canopy database (not an SQLite file). It was left untouched.`);
  if (header.applicationId === CANOPY_APPLICATION_ID) return 'canopy';
  if (header.applicationId !== 0) {
    throw foreignDatabase(name, `it is marked as belonging to another application (application id 0x${header.applicationId.toString(16)})`);
  }
  const schema = readSchemaUntouched(filePath, header, options.nativeBinding);
  if (schema.tables.includes('migrations') && schema.tables.includes('employee') && FIRST_MIGRATION_NAMES.some((name) => schema.migrations.includes(name))) {
    return 'legacy-canopy';
  }
  if (schema.tables.length > 0) throw foreignDatabase(name, `its tables (${describeTables(schema.tables)}) are not Canopy's`);
  if (fs.existsSync(`${filePath}-wal`) && fs.statSync(`${filePath}-wal`).size > 0) {
    throw new AppError('VALIDATION', `${name} has changes another program has not finished writing (${name}-wal), so Canopy cannot tell what it is. It was left untouched.`);
  }
  if (options.create) return 'new';
  throw new AppError('VALIDATION', `${name} is an empty SQLite database, not a Canopy database. It was left untouched; create a new database to use it.`);
}

function foreignDatabase(name: string, why: string): AppError {
  return new AppError('VALIDATION', `${name} is an SQLite database of another application, not a Canopy database: ${why}. It was left untouched.`);
}

const describeTables = (tables: string[]) => (tables.length > 5 ? `${tables.slice(0, 5).join(', ')} and ${tables.length - 5} more` : tables.join(', '));

interface Schema {
  tables: string[];
  migrations: string[];
}

/**
 * Lists tables and applied Canopy migrations without side effects. A read-only connection leaves
 * `-wal`/`-shm` files behind on a WAL-mode database, so those are read from an in-memory copy of the
 * file (its header switched to rollback mode, which an in-memory database needs).
 */
function readSchemaUntouched(filePath: string, header: SqliteHeader, nativeBinding?: string): Schema {
  const name = path.basename(filePath);
  let db: Database.Database;
  try {
    if (header.walMode) {
      if (fs.statSync(filePath).size > MAX_UNMARKED_FILE_BYTES) {
        throw new AppError('VALIDATION', `${name} is an SQLite database without the Canopy mark, too large to inspect safely (over 1 GB). It was left untouched.`);
      }
      const copy = fs.readFileSync(filePath);
      copy[18] = 1;
      copy[19] = 1;
      db = new Database(copy, { nativeBinding });
    } else {
      db = new Database(filePath, { readonly: true, fileMustExist: true, nativeBinding });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION', `${name} could not be read as a database (${(error as Error).message}). It was left untouched.`);
  }
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    const migrations = tables.includes('migrations') ? readMigrationNames(db) : [];
    return { tables, migrations };
  } catch (error) {
    throw new AppError('VALIDATION', `${name} is damaged or not a database (${(error as Error).message}). It was left untouched.`);
  } finally {
    db.close();
  }
}

function readMigrationNames(db: Database.Database): string[] {
  try {
    return (db.prepare('SELECT name FROM migrations').all() as { name: unknown }[]).map((row) => String(row.name));
  } catch {
    return []; // a table named `migrations` without a name column is not Canopy's
  }
}

/**
 * Whether an encrypted file is a Canopy database this key opens. A wrong key fails on the first page
 * before SQLite writes anything; a right one leaves nothing behind once closed.
 */
export function opensWithKey(filePath: string, key: DatabaseKey, nativeBinding?: string): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(filePath, { fileMustExist: true, nativeBinding });
    applyKey(db, key);
    return db.pragma('application_id', { simple: true }) === CANOPY_APPLICATION_ID;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
