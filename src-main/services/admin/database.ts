import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseStatus } from '../../../src-shared/api';
import { AppError } from '../../../src-shared/errors';
import { APP_VERSION } from '../../version';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';

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

/** SQLite's online backup: a consistent copy even while the app keeps working. */
export async function backupDatabase(ctx: ServiceContext, target: string): Promise<{ path: string; sizeBytes: number }> {
  const destination = path.resolve(target);
  if (destination === ctx.store.path) throw new AppError('VALIDATION', 'Choose a different file than the open database.');
  if (!fs.existsSync(path.dirname(destination))) throw new AppError('VALIDATION', `The folder ${path.dirname(destination)} does not exist.`);
  if (fs.existsSync(destination) && fs.statSync(destination).isDirectory()) throw new AppError('VALIDATION', `${destination} is a folder; name a file.`);
  await ctx.store.raw.backup(destination);
  await ctx.store.dataSource.transaction((manager) =>
    recordAudit({ ...ctx, manager }, [{ entity: 'database', entityId: ctx.store.path, action: 'backup', after: { path: destination } }]),
  );
  return { path: destination, sizeBytes: fileSize(destination) };
}

export async function openDatabase(ctx: ServiceContext, target: string, create: boolean): Promise<DatabaseStatus> {
  const file = path.resolve(target);
  if (!create && !fs.existsSync(file)) throw new AppError('NOT_FOUND', `${file} does not exist.`);
  const store = await ctx.switchDatabase(file, create);
  return getDatabaseStatus({ ...ctx, store, manager: store.dataSource.manager });
}
