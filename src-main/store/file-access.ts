import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';

/** A path Node refuses to pass to the OS (a NUL byte) is a user's typing mistake, not an internal error. */
export function assertUsablePath(filePath: string): void {
  if (filePath.includes('\u0000')) throw new AppError('VALIDATION', 'The file path contains an invalid character (NUL). Check the path and try again.');
}

export function assertFolderExists(folder: string): void {
  if (!fs.existsSync(folder)) throw new AppError('VALIDATION', `The folder ${folder} does not exist.`);
  if (!fs.statSync(folder).isDirectory()) throw new AppError('VALIDATION', `${folder} is a file, not a folder.`);
}

/**
 * SQLite writes its `-wal` and `-shm` files next to the database and Canopy its lock file, so both the
 * folder and the file must be writable. Checked before anything is opened, so nothing is left behind.
 * (The OS answers for the user running Canopy: for root, permission bits do not stop writes and are
 * not reported; a read-only mount still is.)
 */
export function assertWritable(filePath: string): void {
  assertFolderWritable(path.dirname(filePath), filePath, 'open');
  if (fs.existsSync(filePath) && !canWrite(filePath)) {
    throw new AppError(
      'VALIDATION',
      `The file ${filePath} is read-only. Canopy saves every change into the file, so it must be writable: make it writable, or copy it to a folder of your own and open the copy. Nothing was changed.`,
    );
  }
}

export function assertFolderWritable(folder: string, filePath: string, purpose: 'open' | 'write'): void {
  if (!canWrite(folder)) throw readOnlyFolder(folder, filePath, purpose);
}

export function readOnlyFolder(folder: string, filePath: string, purpose: 'open' | 'write'): AppError {
  const name = path.basename(filePath);
  return new AppError(
    'VALIDATION',
    purpose === 'open'
      ? `The folder ${folder} is read-only, so Canopy cannot open ${name} there (SQLite keeps its journal next to the file). Copy the file to a folder you can write to and open it there. Nothing was changed.`
      : `The folder ${folder} is read-only, so ${name} cannot be written there. Choose a folder you can write to. Nothing was changed.`,
  );
}

/** Errors that mean "this folder cannot be written", e.g. folder permissions on Windows that fs.access does not see. */
export const isWriteDenied = (error: unknown) => ['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException)?.code ?? '');

function canWrite(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
