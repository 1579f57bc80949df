import fs from 'node:fs';
import path from 'node:path';
import { IDLE_LOCK_MINUTES, lockedError, type LockState } from '../../src-shared/api/admin-security';
import { AppError } from '../../src-shared/errors';
import { flushToDisk } from './backup';
import { assertKeyOpens, openStore, prepareToOpen, type OpenStoreOptions, type Store } from './data-source';
import { PARTIAL_BACKUP_MARK } from './database-file';
import { keyForFile, MIN_PASSPHRASE_LENGTH, newDatabaseKey, PassphraseNeededError, sameKey, WrongPassphraseError, type DatabaseKey } from './encryption';
import { acquireDatabaseLock, type DatabaseLock } from './lock';
import type { RememberedKeys } from './remembered-keys';
import type { StoreSchema } from './schema';

export interface SessionOptions extends Pick<OpenStoreOptions, 'nativeBinding' | 'app'> {
  /**
   * A new file waits for its passphrase from the page (`ask`: the desktop app and the browser host), or
   * is created unencrypted (`unencrypted`: scripts and tests that are not about encryption).
   */
  newFiles: 'ask' | 'unencrypted';
  /** Keys the user asked to remember on this computer (the desktop app with an OS keychain). */
  rememberedKeys?: RememberedKeys;
  /** Told when the file is locked (`opened` false), or unlocked, created or replaced (true). */
  onChange(path: string, opened: boolean): void;
  /** What an open file stores about its own protection (in its settings table). */
  fileSettings(store: Store): { idleLockMinutes: number; unencryptedOriginal: string | null };
}

/** How a file is opened from Admin: created or not, and with which passphrase. */
export interface OpenRequest {
  create?: boolean;
  passphrase?: string;
  unencrypted?: boolean;
}

/** After this many wrong passphrases in a row, each further try waits twice as long as the last (2 s … 60 s). */
const FREE_TRIES = 2;
const MAX_WAIT_SECONDS = 60;
const IDLE_CHECK_MS = 5_000;

/**
 * The database file a process has open, and whether it is unlocked. Owns the file's lock for as long as
 * the file is in use — also while it is locked, so no other Canopy takes it meanwhile — and, while it is
 * unlocked, the open store and with it the derived key. Locking closes the store, which drops the key.
 * An encrypted file locks after the idle time stored in it; wrong passphrases slow down further tries.
 */
export class StoreSession {
  private current: Store | null = null;
  private phase: 'unlocked' | 'locked' | 'new' | 'locking' = 'locked';
  private inFlight = 0;
  private settled: (() => void)[] = [];
  private switching: Promise<unknown> | null = null;
  private failures = 0;
  private retryAt = 0;
  private tryingKey = false;
  private idleMinutes: number = IDLE_LOCK_MINUTES.default;
  private lastActivity = Date.now();
  private idleTimer: NodeJS.Timeout | null = null;
  /** Set once this process has checked the file's integrity under its lock: unlocking again skips the check. */
  private checked = false;

  private constructor(
    private filePath: string,
    private fileLock: DatabaseLock,
    private readonly schema: StoreSchema,
    private readonly options: SessionOptions,
  ) {}

  /**
   * Takes the file's lock and opens it: an unencrypted file at once, an encrypted one with `passphrase`
   * (scripts and tests) or a key remembered on this computer, else it waits locked for the page. A new
   * file is created with `passphrase`, or as `newFiles` says.
   */
  static async start(file: string, schema: StoreSchema, options: SessionOptions & { create: boolean; passphrase?: string }): Promise<StoreSession> {
    const { filePath, kind } = prepareToOpen(file, { create: options.create, nativeBinding: options.nativeBinding });
    // A key that will be used is checked before the lock is taken: a wrong one leaves nothing behind.
    let key: DatabaseKey | null = null;
    if (kind === 'new' && options.passphrase !== undefined) key = await newDatabaseKey(checkedNewPassphrase(options.passphrase));
    if (kind === 'encrypted') {
      if (options.passphrase !== undefined) {
        key = await keyForFile(filePath, options.passphrase);
        assertKeyOpens(filePath, key, options.nativeBinding);
      } else {
        key = await rememberedKeyFor(filePath, options);
      }
    }
    const lock = await acquireDatabaseLock(filePath, options.app ?? 'Canopy', options.nativeBinding);
    const session = new StoreSession(filePath, lock, schema, options);
    try {
      if (kind === 'new' && key === null && options.newFiles === 'ask') session.phase = 'new';
      else if (kind === 'encrypted' && key === null) session.phase = 'locked';
      else await session.open(key, { create: kind === 'new' });
      return session;
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  get path(): string {
    return this.filePath;
  }

  isUnlocked(): boolean {
    return this.phase === 'unlocked' && this.current !== null;
  }

  /** The open store; refused (with the error the page recognises) while locked. */
  store(): Store {
    if (!this.isUnlocked()) throw lockedError(path.basename(this.filePath), this.phase === 'new' ? 'new' : 'locked');
    return this.current!;
  }

  describe(): LockState {
    const encrypted = this.current ? this.current.key !== null : this.phase !== 'new';
    return {
      state: this.isUnlocked() ? 'unlocked' : this.phase === 'new' ? 'new' : 'locked',
      path: this.filePath,
      fileName: path.basename(this.filePath),
      encrypted,
      canRemember: this.options.rememberedKeys?.available() ?? false,
      remembered: this.options.rememberedKeys?.has(this.filePath) ?? false,
      retryInSeconds: Math.max(0, Math.ceil((this.retryAt - Date.now()) / 1000)),
      idleLockMinutes: this.idleMinutes,
      unencryptedOriginal: this.isUnlocked() ? this.options.fileSettings(this.current!).unencryptedOriginal : null,
    };
  }

  /**
   * Runs one API call against the open file. Calls made while the file is being replaced wait for it;
   * while it is locked they are refused. Locking waits for the calls in flight.
   */
  async run<T>(call: () => Promise<T>, options: { activity: boolean }): Promise<T> {
    while (this.switching) await this.switching.catch(() => undefined);
    this.store();
    if (options.activity) this.touch();
    this.inFlight++;
    try {
      return await call();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) this.settled.splice(0).forEach((resolve) => resolve());
    }
  }

  touch(): void {
    this.lastActivity = Date.now();
  }

  /**
   * Locks an encrypted file: no new call is let in, and once the calls in flight are done the store is
   * closed (the key goes with it). The file's lock stays held. An unencrypted file has nothing to lock.
   */
  lock(): Promise<void> {
    if (!this.isUnlocked() || this.current!.key === null) return Promise.resolve();
    this.phase = 'locking';
    this.stopIdleTimer();
    return (async () => {
      if (this.inFlight > 0) await new Promise<void>((resolve) => this.settled.push(resolve));
      const store = this.current!;
      this.current = null;
      this.phase = 'locked';
      await store.close();
      this.options.onChange(this.filePath, false);
    })();
  }

  async unlock(passphrase: string, remember: boolean): Promise<void> {
    if (this.isUnlocked()) return;
    if (this.phase !== 'locked') throw new AppError('CONFLICT', this.phase === 'new' ? `${path.basename(this.filePath)} has not been created yet.` : 'Canopy is locking the file. Try again in a moment.');
    await this.tryPassphrase(async () => {
      const key = await keyForFile(this.filePath, passphrase);
      await this.open(key, { trusted: this.checked });
      if (remember) await this.options.rememberedKeys?.remember(this.filePath, key);
    });
  }

  /** The first start's file: encrypted with the passphrase the page chose, or unencrypted when asked to be. */
  async createStartFile(choice: { passphrase?: string; unencrypted?: true }): Promise<void> {
    if (this.phase !== 'new' || this.tryingKey) throw new AppError('CONFLICT', `${path.basename(this.filePath)} already exists.`);
    this.tryingKey = true;
    try {
      await this.open(choice.passphrase !== undefined ? await newDatabaseKey(choice.passphrase) : null, { create: true });
    } finally {
      this.tryingKey = false;
    }
  }

  /** Checks a passphrase against the open file's key (for changing it, or writing an unencrypted copy); slowed like unlocking. */
  async verifyPassphrase(passphrase: string): Promise<DatabaseKey> {
    const key = this.store().key;
    if (!key) throw new AppError('VALIDATION', `${path.basename(this.filePath)} is not encrypted.`);
    await this.tryPassphrase(async () => {
      if (!sameKey(await keyForFile(this.filePath, passphrase), key)) throw new WrongPassphraseError(this.filePath);
    });
    return key;
  }

  setIdleMinutes(minutes: number): void {
    this.idleMinutes = minutes;
  }

  async setRemembered(remember: boolean): Promise<void> {
    const { rememberedKeys } = this.options;
    const key = this.store().key;
    if (!remember) return rememberedKeys?.forget(this.filePath);
    if (!rememberedKeys?.available()) throw new AppError('VALIDATION', 'This computer offers no protected storage for the key (only the desktop app with an OS keychain does).');
    if (!key) throw new AppError('VALIDATION', `${path.basename(this.filePath)} is not encrypted: there is no key to remember.`);
    await rememberedKeys.remember(this.filePath, key);
  }

  /** Admin's "open another database": the other file is opened (and so checked) before this one is let go. */
  async switchTo(file: string, request: OpenRequest): Promise<Store> {
    const { filePath, kind } = prepareToOpen(file, { create: request.create ?? false, nativeBinding: this.options.nativeBinding });
    let key: DatabaseKey | null = null;
    if (kind === 'new') key = await this.keyForNewFile(filePath, request);
    if (kind === 'encrypted') {
      key = request.passphrase === undefined ? await rememberedKeyFor(filePath, this.options) : await this.keyFromPassphrase(filePath, request.passphrase);
      if (!key) throw new PassphraseNeededError(filePath);
    }
    const lock = await acquireDatabaseLock(filePath, this.options.app ?? 'Canopy', this.options.nativeBinding);
    let next: Store;
    try {
      next = await openStore(filePath, this.schema, { ...this.storeOptions(lock), key, create: kind === 'new' });
    } catch (error) {
      lock.release();
      throw error;
    }
    await this.replaceStore(async () => {
      const previous = this.current!;
      const previousLock = this.fileLock;
      await previous.close();
      previousLock.release();
      this.filePath = filePath;
      this.fileLock = lock;
      this.failures = 0;
      this.retryAt = 0;
      this.checked = true;
      this.opened(next);
    });
    return next;
  }

  /**
   * Puts a checked copy of the open file in its place and opens it with `key`: the open store is closed,
   * the file kept under another name (`keepAs`: the unencrypted original after encrypting; otherwise a
   * hidden name, removed once the new file opens), the copy renamed over it and opened. If the copy does
   * not open, the original is put back. At every moment a complete file is at the path.
   */
  async replaceWithCopy(copy: string, key: DatabaseKey | null, keepAs: string | null): Promise<void> {
    const folder = path.dirname(this.filePath);
    const aside = keepAs ?? path.join(folder, `.${path.basename(this.filePath)}${PARTIAL_BACKUP_MARK}previous-${Date.now()}`);
    await this.replaceStore(async () => {
      const previous = this.current!;
      const previousKey = previous.key;
      const wasRemembered = this.options.rememberedKeys?.has(this.filePath) ?? false;
      await previous.close();
      this.current = null;
      try {
        keepCopy(this.filePath, aside);
        fs.renameSync(copy, this.filePath);
        flushToDisk(folder);
      } catch (error) {
        fs.rmSync(copy, { force: true });
        if (keepAs) fs.rmSync(aside, { force: true });
        await this.open(previousKey, { trusted: true });
        throw new AppError('INTERNAL', `The file could not be replaced (${(error as Error).message}). It was left as it was.`);
      }
      try {
        await this.open(key, {});
      } catch (error) {
        fs.renameSync(aside, this.filePath);
        await this.open(previousKey, { trusted: true });
        throw error;
      }
      if (!keepAs) fs.rmSync(aside, { force: true });
      if (wasRemembered && key) await this.options.rememberedKeys?.remember(this.filePath, key);
      else if (!key) this.options.rememberedKeys?.forget(this.filePath);
    });
  }

  async close(): Promise<void> {
    this.stopIdleTimer();
    const store = this.current;
    this.current = null;
    this.phase = 'locked';
    try {
      await store?.close();
    } finally {
      this.fileLock.release();
    }
  }

  private async open(key: DatabaseKey | null, how: { create?: boolean; trusted?: boolean }): Promise<void> {
    const store = await openStore(this.filePath, this.schema, { ...this.storeOptions(this.fileLock), key, create: how.create ?? false, trusted: how.trusted });
    this.checked = true;
    this.opened(store);
  }

  private opened(store: Store): void {
    this.current = store;
    this.phase = 'unlocked';
    this.idleMinutes = this.options.fileSettings(store).idleLockMinutes;
    this.touch();
    this.stopIdleTimer();
    if (store.key) {
      this.idleTimer = setInterval(() => this.lockIfIdle(), IDLE_CHECK_MS);
      this.idleTimer.unref();
    }
    this.options.onChange(this.filePath, true);
  }

  private lockIfIdle(): void {
    if (this.inFlight === 0 && Date.now() - this.lastActivity >= this.idleMinutes * 60_000) void this.lock();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = null;
  }

  /** The key a passphrase gives for an encrypted file, checked against it (slowed like unlocking). */
  private keyFromPassphrase(filePath: string, passphrase: string): Promise<DatabaseKey> {
    return this.tryPassphrase(async () => {
      const key = await keyForFile(filePath, passphrase);
      assertKeyOpens(filePath, key, this.options.nativeBinding);
      return key;
    });
  }

  private async keyForNewFile(filePath: string, request: OpenRequest): Promise<DatabaseKey | null> {
    if (request.passphrase !== undefined) return newDatabaseKey(checkedNewPassphrase(request.passphrase));
    if (request.unencrypted || this.options.newFiles === 'unencrypted') return null;
    const message = `Choose a passphrase for ${path.basename(filePath)} (new files are encrypted), or create it unencrypted.`;
    throw new AppError('VALIDATION', message, [{ path: ['passphrase'], field: 'passphrase', message }]);
  }

  /** One try at a time; after a few wrong passphrases in a row, each further try waits longer. */
  private async tryPassphrase<T>(attempt: () => Promise<T>): Promise<T> {
    const wait = Math.ceil((this.retryAt - Date.now()) / 1000);
    if (wait > 0) throw waitBeforeRetrying(wait);
    if (this.tryingKey) throw new AppError('CONFLICT', 'A passphrase is being checked already. Try again in a moment.');
    this.tryingKey = true;
    try {
      const result = await attempt();
      this.failures = 0;
      return result;
    } catch (error) {
      if (!(error instanceof WrongPassphraseError)) throw error;
      this.failures++;
      const seconds = this.failures <= FREE_TRIES ? 0 : Math.min(MAX_WAIT_SECONDS, 2 ** (this.failures - FREE_TRIES));
      this.retryAt = Date.now() + seconds * 1000;
      if (seconds === 0) throw error;
      const message = `${error.message} After ${this.failures} wrong tries, wait ${seconds} seconds before the next.`;
      throw new AppError('VALIDATION', message, [{ path: ['passphrase'], field: 'passphrase', message }]);
    } finally {
      this.tryingKey = false;
    }
  }

  private async replaceStore(replace: () => Promise<void>): Promise<void> {
    const done = replace();
    this.switching = done;
    try {
      await done;
    } finally {
      this.switching = null;
    }
  }

  private storeOptions(lock: DatabaseLock): OpenStoreOptions {
    return { nativeBinding: this.options.nativeBinding, app: this.options.app, lock };
  }
}

function checkedNewPassphrase(passphrase: string): string {
  if (passphrase.length >= MIN_PASSPHRASE_LENGTH) return passphrase;
  const message = `Use at least ${MIN_PASSPHRASE_LENGTH} characters for the passphrase: a few unrelated words are easy to remember and hard to guess.`;
  throw new AppError('VALIDATION', message, [{ path: ['passphrase'], field: 'passphrase', message }]);
}

function waitBeforeRetrying(seconds: number): AppError {
  const message = `Too many wrong passphrases: wait ${seconds} seconds before trying again.`;
  return new AppError('VALIDATION', message, [{ path: ['passphrase'], field: 'passphrase', message }]);
}

/** A key remembered on this computer that still opens the file; one that no longer does is forgotten. */
async function rememberedKeyFor(filePath: string, options: SessionOptions): Promise<DatabaseKey | null> {
  const key = (await options.rememberedKeys?.recall(filePath)) ?? null;
  if (!key) return null;
  try {
    assertKeyOpens(filePath, key, options.nativeBinding);
    return key;
  } catch (error) {
    if (!(error instanceof WrongPassphraseError)) throw error;
    await options.rememberedKeys?.forget(filePath);
    return null;
  }
}

/** A second name for the file (a hard link: instant, no space), or a copy where links are not possible. */
function keepCopy(file: string, aside: string): void {
  try {
    fs.linkSync(file, aside);
  } catch {
    fs.copyFileSync(file, aside, fs.constants.COPYFILE_EXCL);
    flushToDisk(aside);
  }
}
