import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../src-shared/errors';
import { CANOPY_APPLICATION_ID, PARTIAL_BACKUP_MARK } from './database-file';
import { isWriteDenied, readOnlyFolder } from './file-access';

/** better-sqlite3's default: the app's other work runs between steps of 100 pages. */
const PAGES_PER_STEP = 100;

export interface BackupOptions {
  /** The schema version the copy must carry (`PRAGMA user_version`). */
  userVersion: number;
  nativeBinding?: string;
  onProgress?(copiedPages: number, totalPages: number): void;
}

/**
 * Copies an open database (SQLite's online backup, so the app keeps working) to `target` such that
 * `target` only ever holds a complete, checked copy: the copy is written to a hidden partial file in
 * the same folder, checked (quick_check, Canopy's application id, the schema version), flushed to disk
 * and only then renamed onto `target`. Interrupted at any point, `target` is untouched or absent, and a
 * partial file is refused by name when someone tries to open it.
 */
export async function writeCheckedBackup(source: Database.Database, target: string, options: BackupOptions): Promise<number> {
  const folder = path.dirname(target);
  const partial = path.join(folder, `.${path.basename(target)}${PARTIAL_BACKUP_MARK}${randomBytes(6).toString('hex')}`);
  try {
    await source.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.(totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    checkCopy(partial, options);
    flushToDisk(partial);
    fs.renameSync(partial, target);
    flushToDisk(folder);
    return fs.statSync(target).size;
  } catch (error) {
    for (const file of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(file, { force: true });
    if (error instanceof AppError) throw error;
    if (isWriteDenied(error) || /unable to open|readonly/i.test((error as Error).message)) throw readOnlyFolder(folder, target, 'write');
    throw new AppError('INTERNAL', `The backup could not be written (${(error as Error).message}). ${path.basename(target)} was not changed.`);
  }
}

function checkCopy(file: string, options: BackupOptions) {
  const copy = new Database(file, { fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    const problems: string[] = [];
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') problems.push(`integrity check: ${String(check)}`);
    const applicationId = copy.pragma('application_id', { simple: true }) as number;
    if (applicationId !== CANOPY_APPLICATION_ID) problems.push(`application id ${applicationId}`);
    const userVersion = copy.pragma('user_version', { simple: true }) as number;
    if (userVersion !== options.userVersion) problems.push(`schema ${userVersion} instead of ${options.userVersion}`);
    if (problems.length) throw new AppError('INTERNAL', `The backup copy failed its check (${problems.join('; ')}), so it was discarded. Nothing was replaced.`);
  } finally {
    copy.close();
  }
}

/** fsync, so the rename never lands before the data; folders cannot be synced on Windows, which is fine. */
function flushToDisk(file: string) {
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
