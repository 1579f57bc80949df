import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Input, Output } from '../../../src-shared/api';
import { IDLE_LOCK_MINUTES, type LockFreeMethod, type LockState } from '../../../src-shared/api/admin-security';
import { AppError } from '../../../src-shared/errors';
import { writeCheckedBackup, writeCheckedCopy } from '../../store/backup';
import type { Store } from '../../store/data-source';
import { classifyDatabaseFile } from '../../store/database-file';
import { newDatabaseKey } from '../../store/encryption';
import type { StoreSession } from '../../store/session';
import type { ServiceContext } from '../context';
import { recordAudit, type AuditChange } from '../shared/audit';
import { assertNewFileTarget, progressReporter } from './files';
import { readSetting, writeSetting } from './settings';

const IDLE_SETTING = 'idleLockMinutes';
const ORIGINAL_SETTING = 'unencryptedOriginal';

export function sessionOf(ctx: ServiceContext): StoreSession {
  if (!ctx.session) throw new AppError('INTERNAL', 'This call needs the app host’s session.');
  return ctx.session;
}

/** What an open file stores about its own protection. */
export function fileSettings(store: Store): { idleLockMinutes: number; unencryptedOriginal: string | null } {
  const minutes = Number(readSetting(store, IDLE_SETTING));
  return {
    idleLockMinutes: Number.isInteger(minutes) && minutes >= IDLE_LOCK_MINUTES.min && minutes <= IDLE_LOCK_MINUTES.max ? minutes : IDLE_LOCK_MINUTES.default,
    unencryptedOriginal: readSetting(store, ORIGINAL_SETTING),
  };
}

type LockFreeHandlers = { [M in LockFreeMethod]: (input: Input<M>, session: StoreSession) => Promise<Output<M>> };

/**
 * The lock screen's methods. While the file is locked (or not created yet) the app host answers them
 * itself, with no store; once it is open they come through the router like every other method.
 */
export const lockFreeHandlers: LockFreeHandlers = {
  'admin.getLockState': async (_input, session) => session.describe(),
  'admin.unlockDatabase': async (input, session) => {
    await session.unlock(input.passphrase, input.remember ?? false);
    return session.describe();
  },
  'admin.createStartDatabase': async (input, session) => {
    await session.createStartFile(input);
    return session.describe();
  },
  'admin.lockDatabase': async (_input, session) => {
    // Locking waits for the calls in flight, this one included, so it is not awaited here.
    session.lock().catch((error) => console.error('[canopy] locking failed:', error));
    return session.describe();
  },
  'admin.reportActivity': async (_input, session) => {
    session.touch();
    return session.describe();
  },
};

export async function setIdleLock(ctx: ServiceContext, minutes: number): Promise<LockState> {
  const before = fileSettings(ctx.store).idleLockMinutes;
  await writeSetting(ctx, IDLE_SETTING, String(minutes));
  await recordAudit(ctx, [{ entity: 'setting', entityId: IDLE_SETTING, action: 'settings', before: { idleLockMinutes: before }, after: { idleLockMinutes: minutes } }]);
  sessionOf(ctx).setIdleMinutes(minutes);
  return sessionOf(ctx).describe();
}

export async function rememberKey(ctx: ServiceContext, remember: boolean): Promise<LockState> {
  await sessionOf(ctx).setRemembered(remember);
  return sessionOf(ctx).describe();
}

/**
 * "Encrypt this file": a checked, encrypted copy (every table's rows counted against the original) is
 * put in the file's place; the unencrypted original stays beside it, under a name that says so, until
 * the user deletes it.
 */
export async function encryptDatabase(ctx: ServiceContext, passphrase: string): Promise<Output<'admin.encryptDatabase'>> {
  const session = sessionOf(ctx);
  const store = ctx.store;
  if (store.key) throw new AppError('VALIDATION', `${path.basename(store.path)} is encrypted already. To use another passphrase, change it.`);
  const key = await newDatabaseKey(passphrase);
  const copy = await writeCheckedCopy({ db: store.raw, file: store.path, key: null }, store.path, {
    userVersion: store.schemaVersion,
    nativeBinding: store.nativeBinding,
    outputKey: key,
    compareRows: true,
    onProgress: progressReporter(ctx, randomUUID(), 'Encrypting the database'),
  });
  const original = unencryptedOriginalName(store.path);
  await session.replaceWithCopy(copy, key, original);
  await recordOnOpenFile(ctx, session, [{ entity: 'database', entityId: store.path, action: 'encrypt', after: { unencryptedOriginal: original } }], { [ORIGINAL_SETTING]: original });
  return { path: store.path, unencryptedOriginal: original };
}

/** A new passphrase (and salt): a re-encrypted, checked copy replaces the file. Backups made before keep the old one. */
export async function changePassphrase(ctx: ServiceContext, current: string, next: string): Promise<Output<'admin.changePassphrase'>> {
  const session = sessionOf(ctx);
  const oldKey = await session.verifyPassphrase(current);
  const store = ctx.store;
  const key = await newDatabaseKey(next);
  const copy = await writeCheckedCopy({ db: store.raw, file: store.path, key: oldKey }, store.path, {
    userVersion: store.schemaVersion,
    nativeBinding: store.nativeBinding,
    outputKey: key,
    compareRows: true,
    onProgress: progressReporter(ctx, randomUUID(), 'Re-encrypting the database'),
  });
  await session.replaceWithCopy(copy, key, null);
  await recordOnOpenFile(ctx, session, [{ entity: 'database', entityId: store.path, action: 'change-passphrase' }]);
  return { path: store.path };
}

/** An unencrypted copy, for another tool: only with the passphrase and an explicit acknowledgement (checked by the contract). */
export async function exportUnencryptedCopy(ctx: ServiceContext, target: string, passphrase: string): Promise<Output<'admin.exportUnencryptedCopy'>> {
  const session = sessionOf(ctx);
  const key = await session.verifyPassphrase(passphrase);
  const destination = assertNewFileTarget(target, ctx.store.path);
  const sizeBytes = await writeCheckedBackup({ db: ctx.store.raw, file: ctx.store.path, key }, destination, {
    userVersion: ctx.store.schemaVersion,
    nativeBinding: ctx.store.nativeBinding,
    outputKey: null,
    onProgress: progressReporter(ctx, randomUUID(), 'Writing an unencrypted copy'),
  });
  await ctx.store.dataSource.transaction((manager) =>
    recordAudit({ ...ctx, manager }, [{ entity: 'database', entityId: ctx.store.path, action: 'export-unencrypted', after: { path: destination } }]),
  );
  return { path: destination, sizeBytes };
}

/** Deletes only the unencrypted original this file recorded when it was encrypted, and only while it is still that file. */
export async function deleteUnencryptedOriginal(ctx: ServiceContext, target: string): Promise<Output<'admin.deleteUnencryptedOriginal'>> {
  const recorded = fileSettings(ctx.store).unencryptedOriginal;
  const file = path.resolve(target);
  if (!recorded || file !== recorded) {
    throw new AppError('VALIDATION', recorded ? `Canopy only deletes the unencrypted original it kept when encrypting this file (${recorded}).` : 'There is no unencrypted original of this file to delete.');
  }
  if (fs.existsSync(file)) {
    let kind: string;
    try {
      kind = classifyDatabaseFile(file, { create: false, nativeBinding: ctx.store.nativeBinding });
    } catch {
      kind = 'other';
    }
    if (kind !== 'canopy' && kind !== 'legacy-canopy') {
      throw new AppError('VALIDATION', `${path.basename(file)} is no longer the unencrypted Canopy file kept when encrypting, so it was not deleted.`);
    }
    for (const name of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(name, { force: true });
  }
  await ctx.store.dataSource.transaction(async (manager) => {
    await manager.query('DELETE FROM setting WHERE key = ?', [ORIGINAL_SETTING]);
    await recordAudit({ ...ctx, manager }, [{ entity: 'database', entityId: ctx.store.path, action: 'delete-unencrypted', before: { path: file } }]);
  });
  return { deleted: file };
}

/** canopy.sqlite → canopy-unencrypted-2026-05-04T10-22-33-123Z.sqlite, beside it. */
function unencryptedOriginalName(file: string): string {
  const { dir, name, ext } = path.parse(file);
  return path.join(dir, `${name}-unencrypted-${new Date().toISOString().replace(/[:.]/g, '-')}${ext}`);
}

/** Audit events (and settings) after the file was replaced: written to the file now open. */
async function recordOnOpenFile(ctx: ServiceContext, session: StoreSession, changes: AuditChange[], settings: Record<string, string> = {}) {
  const store = session.store();
  await store.dataSource.transaction(async (manager) => {
    const here = { ...ctx, store, manager };
    for (const [key, value] of Object.entries(settings)) await writeSetting(here, key, value);
    await recordAudit(here, changes);
  });
}
