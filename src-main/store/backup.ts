import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../src-shared/errors';
import { runCopyJob, type CopyJob, type CopyResult } from './copy-worker';
import { CANOPY_APPLICATION_ID, PARTIAL_BACKUP_MARK } from './database-file';
import { rawKeyLiteral, sameKey, type DatabaseKey } from './encryption';
import { isWriteDenied, readOnlyFolder } from './file-access';

/** better-sqlite3's default: the app's other work runs between steps of 100 pages. */
const PAGES_PER_STEP = 100;

/** The database being copied: its open connection, its file and its key (null: not encrypted). */
export interface CopySource {
  db: Database.Database;
  file: string;
  key: DatabaseKey | null;
}

export interface BackupOptions {
  /** The schema version the copy must carry (`PRAGMA user_version`). */
  userVersion: number;
  nativeBinding?: string;
  onProgress?(copiedPages: number, totalPages: number): void;
  /**
   * The copy's key. Left out, the source's: a backup of an encrypted file is encrypted with the same
   * key. Another key re-encrypts the copy (encrypting a plain file, changing the passphrase); null
   * writes an unencrypted copy.
   */
  outputKey?: DatabaseKey | null;
  /** Also compare every table's row count with the source: for copies made while nothing can write. */
  compareRows?: boolean;
}

/**
 * Copies an open database (the app keeps working) to `target` such that `target` only ever holds a
 * complete, checked copy: the copy is written to a hidden partial file in the same folder, checked
 * (quick_check, Canopy's application id, the schema version, with the key it will be opened with),
 * flushed to disk and only then renamed onto `target`. Interrupted at any point, `target` is untouched
 * or absent, and a partial file is refused by name when someone tries to open it.
 */
export async function writeCheckedBackup(source: CopySource, target: string, options: BackupOptions): Promise<number> {
  const partial = await writeCheckedCopy(source, target, options);
  try {
    fs.renameSync(partial, target);
    flushToDisk(path.dirname(target));
    return fs.statSync(target).size;
  } catch (error) {
    removePartial(partial);
    throw copyFailed(error, target);
  }
}

/**
 * Writes the checked copy under a partial name next to `target` and returns that name, for the caller
 * to rename into place (or remove). A plain source is copied by SQLite's online backup through its own
 * connection (so the app's writes meanwhile never restart it); an encrypted one by `VACUUM INTO` on a
 * worker thread, since the online backup cannot write an encrypted copy.
 */
export async function writeCheckedCopy(source: CopySource, target: string, options: BackupOptions): Promise<string> {
  const partial = path.join(path.dirname(target), `.${path.basename(target)}${PARTIAL_BACKUP_MARK}${randomBytes(6).toString('hex')}`);
  const outputKey = options.outputKey === undefined ? source.key : options.outputKey;
  const literal = (key: DatabaseKey | null) => (key ? rawKeyLiteral(key) : null);
  const job: CopyJob = {
    nativeBinding: options.nativeBinding,
    partial,
    partialKey: literal(source.key),
    rekeyTo: sameKey(source.key, outputKey) ? undefined : literal(outputKey),
    expect: { applicationId: CANOPY_APPLICATION_ID, userVersion: options.userVersion },
    compareWith: options.compareRows ? { file: source.file, key: literal(source.key) } : undefined,
  };
  try {
    let result: CopyResult;
    if (source.key) {
      options.onProgress?.(0, 1);
      result = await runCopyJob({ ...job, vacuumFrom: { file: source.file, key: literal(source.key) } });
    } else {
      await source.db.backup(partial, {
        progress: ({ totalPages, remainingPages }) => {
          options.onProgress?.(totalPages - remainingPages, totalPages);
          return PAGES_PER_STEP;
        },
      });
      result = await runCopyJob(job);
    }
    if (!result.ok) {
      if (result.problems) throw new AppError('INTERNAL', `The copy failed its check (${result.problems.join('; ')}), so it was discarded. Nothing was replaced.`);
      throw Object.assign(new Error(result.message), { code: result.code });
    }
    if (source.key) options.onProgress?.(1, 1);
    return partial;
  } catch (error) {
    removePartial(partial);
    throw copyFailed(error, target);
  }
}

function removePartial(partial: string) {
  for (const file of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(file, { force: true });
}

function copyFailed(error: unknown, target: string): AppError {
  if (error instanceof AppError) return error;
  const folder = path.dirname(target);
  if (isWriteDenied(error) || /unable to open|readonly/i.test((error as Error).message)) return readOnlyFolder(folder, target, 'write');
  return new AppError('INTERNAL', `The copy could not be written (${(error as Error).message}). ${path.basename(target)} was not changed.`);
}

/** fsync, so the rename never lands before the data; folders cannot be synced on Windows, which is fine. */
export function flushToDisk(file: string) {
  const isFolder = fs.statSync(file).isDirectory();
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, isFolder ? 'r' : 'r+');
    fs.fsyncSync(fd);
  } catch (error) {
    if (!isFolder) throw error;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
