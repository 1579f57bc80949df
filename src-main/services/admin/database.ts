import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseStatus, Input } from '../../../src-shared/api';
import { AppError } from '../../../src-shared/errors';
import { writeCheckedBackup } from '../../store/backup';
import { classifyDatabaseFile, opensWithKey, type DatabaseFileKind } from '../../store/database-file';
import type { DatabaseKey } from '../../store/encryption';
import { assertFolderExists, assertFolderWritable, assertUsablePath } from '../../store/file-access';
import { acquireDatabaseLock, lockFileFor, type DatabaseLock } from '../../store/lock';
import { APP_VERSION } from '../../version';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { sessionOf } from './encryption';
import { progressReporter, sameFile } from './files';

export async function getDatabaseStatus(ctx: ServiceContext): Promise<DatabaseStatus> {
  const count = (table: string) => (ctx.store.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const counts = { departments: count('department'), jobs: count('job'), positions: count('position'), employees: count('employee') };
  return {
    path: ctx.store.path,
    schemaVersion: ctx.store.schemaVersion,
    appVersion: APP_VERSION,
    isEmpty: Object.values(counts).every((n) => n === 0),
    sizeBytes: fileSize(ctx.store.path) + fileSize(`${ctx.store.path}-wal`),
    counts,
  };
}

const fileSize = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

/**
 * A consistent copy even while the app keeps working, written so that the target only ever holds a
 * complete, checked copy; a backup of an encrypted file is encrypted with the same key. Overwrites only
 * an earlier Canopy database that no Canopy has open (an encrypted one only if this key opens it);
 * never another kind of file.
 */
export async function backupDatabase(ctx: ServiceContext, target: string): Promise<{ path: string; sizeBytes: number }> {
  assertUsablePath(target);
  const destination = path.resolve(target);
  if (sameFile(destination, ctx.store.path)) throw new AppError('VALIDATION', 'Choose a different file than the open database.');
  assertFolderExists(path.dirname(destination));
  assertFolderWritable(path.dirname(destination), destination, 'write'); // an earlier backup there is replaced, not written, so it may be read-only
  const lock = await lockIfReplacing(destination, ctx.store.key, ctx.store.nativeBinding);
  let sizeBytes: number;
  try {
    sizeBytes = await writeCheckedBackup({ db: ctx.store.raw, file: ctx.store.path, key: ctx.store.key }, destination, {
      userVersion: ctx.store.schemaVersion,
      nativeBinding: ctx.store.nativeBinding,
      onProgress: progressReporter(ctx, randomUUID(), 'Backing up the database'),
    });
  } finally {
    lock?.release();
  }
  await ctx.store.dataSource.transaction((manager) =>
    recordAudit({ ...ctx, manager }, [{ entity: 'database', entityId: ctx.store.path, action: 'backup', after: { path: destination, encrypted: ctx.store.key !== null } }]),
  );
  return { path: destination, sizeBytes };
}

/**
 * An existing file at the target may only be an earlier backup: a Canopy database with no unfinished
 * journal (an encrypted one only if the open file's key opens it). If a Canopy ever opened it, its
 * lock is held until the copy is in place (and refused, naming who, when a Canopy has it open now).
 */
async function lockIfReplacing(destination: string, key: DatabaseKey | null, nativeBinding?: string): Promise<DatabaseLock | null> {
  if (!fs.existsSync(destination)) return null;
  const name = path.basename(destination);
  if (fs.statSync(destination).isDirectory()) throw new AppError('VALIDATION', `${destination} is a folder; name a file.`);
  if (fs.statSync(destination).size === 0) return null;
  const kind = databaseKind(destination);
  if (kind === null || kind === 'new') {
    throw new AppError('VALIDATION', `${name} already exists and is not a Canopy database, so Canopy will not replace it. Choose another file name.`);
  }
  // First who has it open (if a Canopy ever did, it has a lock file), then an unfinished journal of anyone else.
  const lock = fs.existsSync(lockFileFor(destination)) ? await acquireDatabaseLock(destination, 'a backup being written') : null;
  if (fs.existsSync(`${destination}-wal`) || fs.existsSync(`${destination}-journal`)) {
    lock?.release();
    throw new AppError('VALIDATION', `${name} is open in another program or was not closed properly, so Canopy will not replace it. Choose another file name.`);
  }
  if (kind === 'encrypted' && !(key && opensWithKey(destination, key, nativeBinding))) {
    lock?.release();
    throw new AppError('VALIDATION', `${name} already exists and this file's passphrase does not open it (another passphrase, or not a Canopy database), so Canopy will not replace it. Choose another file name.`);
  }
  return lock;
}

function databaseKind(file: string): DatabaseFileKind | null {
  try {
    return classifyDatabaseFile(file, { create: false });
  } catch {
    return null;
  }
}

/** Opens (or creates) another file: an encrypted one with its passphrase, a new one encrypted unless asked otherwise. */
export async function openDatabase(ctx: ServiceContext, input: Input<'admin.openDatabase'>): Promise<DatabaseStatus> {
  assertUsablePath(input.path);
  const file = path.resolve(input.path);
  if (sameFile(file, ctx.store.path)) return getDatabaseStatus(ctx);
  const store = await sessionOf(ctx).switchTo(file, { create: input.create, passphrase: input.passphrase, unencrypted: input.unencrypted });
  return getDatabaseStatus({ ...ctx, store, manager: store.dataSource.manager });
}
