import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../src-shared/errors';
import { isWriteDenied, readOnlyFolder } from './file-access';

/**
 * One Canopy process per database file. The lock is an SQLite write reservation (`BEGIN IMMEDIATE`)
 * held on a small side file, `<database>.canopy-lock`, for as long as the database is open: the OS
 * releases it when the process ends in any way (even `kill -9`), so there is no stale lock to judge,
 * and SQLite's own file locking works on Linux, macOS and Windows with no extra native code. Readers
 * are not blocked, so the side file also says who holds the lock (pid, computer, which Canopy).
 * See docs/decisions.md.
 */
export interface DatabaseLock {
  release(): void;
}

interface Holder {
  token: string;
  pid: number;
  host: string;
  app: string;
  since: string;
}

export const lockFileFor = (databasePath: string) => `${databasePath}.canopy-lock`;

/** Locks held by this process: SQLite would refuse a second one too, but could not tell it was us. */
const heldHere = new Map<string, string>();

export async function acquireDatabaseLock(databasePath: string, app: string, nativeBinding?: string): Promise<DatabaseLock> {
  const lockPath = lockFileFor(databasePath);
  const name = path.basename(databasePath);
  const ours = heldHere.get(lockPath);
  if (ours) throw inUse(name, { app: ours, pid: process.pid, host: os.hostname() });
  let db: Database.Database;
  try {
    db = new Database(lockPath, { timeout: 100, nativeBinding });
  } catch (error) {
    if (isWriteDenied(error) || /readonly|unable to open/i.test((error as Error).message)) throw readOnlyFolder(path.dirname(databasePath), databasePath, 'open');
    throw error;
  }
  const me: Holder = { token: randomUUID(), pid: process.pid, host: os.hostname(), app, since: new Date().toISOString() };
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      if (tryReserve(db)) {
        writeHolder(db, me);
        if (tryReserve(db)) {
          heldHere.set(lockPath, app);
          return {
            release() {
              heldHere.delete(lockPath);
              db.close(); // ends the reservation; the side file stays (deleting it could let two processes lock two different files)
            },
          };
        }
      }
      const holder = readHolder(db);
      if (holder && holder.token !== me.token) throw inUse(name, holder);
      await new Promise((resolve) => setTimeout(resolve, 20)); // between another process's two steps; look again
    }
    throw new AppError('CONFLICT', `${name} is being opened by another program at this moment. Try again.`);
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION', `${path.basename(lockPath)} next to ${name} is not a Canopy lock file (${(error as Error).message}). Move it away and try again.`);
  }
}

function tryReserve(db: Database.Database): boolean {
  try {
    db.exec('BEGIN IMMEDIATE');
    return true;
  } catch (error) {
    if (String((error as { code?: string }).code).startsWith('SQLITE_BUSY')) return false;
    throw error;
  }
}

/** Written and committed (so other processes can read it), then the reservation is taken again. */
function writeHolder(db: Database.Database, me: Holder) {
  db.exec('CREATE TABLE IF NOT EXISTS holder (token TEXT, pid INTEGER, host TEXT, app TEXT, since TEXT)');
  db.exec('DELETE FROM holder');
  db.prepare('INSERT INTO holder (token, pid, host, app, since) VALUES (?, ?, ?, ?, ?)').run(me.token, me.pid, me.host, me.app, me.since);
  db.exec('COMMIT');
}

function readHolder(db: Database.Database): Holder | null {
  try {
    return (db.prepare('SELECT token, pid, host, app, since FROM holder').get() as Holder | undefined) ?? null;
  } catch {
    return null; // no holder table yet, or the holder is committing it right now
  }
}

function inUse(name: string, holder: Pick<Holder, 'app' | 'pid' | 'host'> & { since?: string }): AppError {
  const where = holder.host === os.hostname() ? '' : ` on the computer ${holder.host}`;
  const when = holder.since ? ` since ${holder.since.slice(0, 16).replace('T', ' ')} UTC` : '';
  const self = holder.pid === process.pid && holder.host === os.hostname() ? ' (this process)' : '';
  return new AppError(
    'CONFLICT',
    `${name} is already open in ${holder.app}${self} (process id ${holder.pid}${where})${when}. Close it there first: one database file is used by one Canopy at a time.`,
  );
}
