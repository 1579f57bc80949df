import { api, type ApiEvent } from '../src-shared/api';
import { isLockFreeMethod, type LockFreeMethod, type LockState } from '../src-shared/api/admin-security';
import type { ApiResponse } from '../src-shared/errors';
import { createRouter, toErrorBody, type Router } from './api/router';
import { storeSchema } from './areas';
import { fileSettings, lockFreeHandlers } from './services/admin/encryption';
import { defaultActor, readSetting } from './services/admin/settings';
import type { OpenStoreOptions, Store } from './store/data-source';
import type { RememberedKeys } from './store/remembered-keys';
import { StoreSession } from './store/session';

export interface AppHost {
  /** Every API call from either transport comes through here: while the file is locked only the lock screen's methods are answered. */
  call: Router;
  /** The open store; refused while the file is locked. */
  store(): Store;
  lockState(): LockState;
  /** Locks an encrypted file now (the OS locked the screen or is going to sleep). */
  lock(): Promise<void>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  close(): Promise<void>;
}

export interface AppHostOptions extends Pick<OpenStoreOptions, 'nativeBinding' | 'app' | 'create'> {
  validateOutput?: boolean;
  /** Unlocks the start file, or creates it encrypted: for scripts and tests only (the page asks everyone else). */
  passphrase?: string;
  /**
   * How a new file gets its passphrase: from the page (`ask`: the desktop app and the browser host), or
   * none (`unencrypted`, the default: scripts and tests that are not about encryption).
   */
  newFiles?: 'ask' | 'unencrypted';
  /** "Remember on this computer" (the desktop app with an OS keychain). */
  rememberedKeys?: RememberedKeys;
}

/**
 * The process-independent core: one database file (locked or open), the router over it, and the event
 * fan-out. The file a process starts on is created when missing (`create` defaults to true: the first
 * start, or `--db` naming a new file in an existing folder); switching files creates only when asked.
 */
export async function createAppHost(dbPath: string, options: AppHostOptions = {}): Promise<AppHost> {
  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent) => listeners.forEach((listener) => listener(event));
  const validateOutput = options.validateOutput ?? process.env.NODE_ENV !== 'production';
  const session = await StoreSession.start(dbPath, storeSchema, {
    app: options.app,
    nativeBinding: options.nativeBinding,
    create: options.create ?? true,
    passphrase: options.passphrase,
    newFiles: options.newFiles ?? 'unencrypted',
    rememberedKeys: options.rememberedKeys,
    fileSettings,
    onChange(path, opened) {
      emit({ type: 'database', path });
      if (opened) emit({ type: 'changed', topics: ['*'] });
    },
  });
  const router = createRouter({
    store: () => session.store(),
    session,
    actor: () => readSetting(session.store(), 'actorName') ?? defaultActor(),
    emit,
    validateOutput,
    switchDatabase: (path, create) => session.switchTo(path, { create }),
  });

  /** The lock screen's methods while there is no open store: validated as the router would, answered by the session. */
  async function answerWhileLocked(method: LockFreeMethod, input: unknown): Promise<ApiResponse<unknown>> {
    const def = api[method];
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) {
      // These inputs are flat (a passphrase, a flag): the field's own message says what is wrong.
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message, field: typeof issue.path[0] === 'string' ? issue.path[0] : undefined }));
      return { ok: false, error: { code: 'VALIDATION', message: issues[0]?.message ?? 'Invalid input.', issues } };
    }
    try {
      const data = await (lockFreeHandlers[method] as (input: unknown, s: StoreSession) => Promise<unknown>)(parsed.data, session);
      if (validateOutput) def.output.parse(data);
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: toErrorBody(error) };
    }
  }

  return {
    async call(method, input) {
      try {
        if (!session.isUnlocked() && isLockFreeMethod(method)) return await answerWhileLocked(method, input);
        // Refused (with the error that makes the page show the lock screen) unless the file is open.
        return await session.run(() => router(method, input), { activity: method !== 'admin.getLockState' });
      } catch (error) {
        return { ok: false, error: toErrorBody(error) };
      }
    },
    store: () => session.store(),
    lockState: () => session.describe(),
    lock: () => session.lock(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => session.close(),
  };
}
