import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseKey } from './encryption';

/**
 * The OS keychain's sealing, as Electron's `safeStorage` offers it (DPAPI on Windows, the Keychain on
 * macOS, libsecret/kwallet on Linux). Passed in by the desktop app; the browser host has none.
 */
export interface SecretBox {
  /** False where the OS offers no real protection (e.g. Linux without a keyring): nothing is remembered then. */
  available(): boolean;
  seal(text: string): Promise<Buffer>;
  open(sealed: Buffer): Promise<string>;
}

interface Stored {
  version: 1;
  /** Database path → its derived key, sealed by the OS, base64. */
  keys: Record<string, string>;
}

/**
 * "Remember on this computer": a file's derived key (never the passphrase), sealed by the OS keychain,
 * in a small file in the app-data folder. Anyone who can use this OS account can open the database
 * without the passphrase; the README says so.
 */
export class RememberedKeys {
  constructor(
    private readonly file: string,
    private readonly box: SecretBox,
  ) {}

  available(): boolean {
    return this.box.available();
  }

  has(databasePath: string): boolean {
    return this.available() && Object.hasOwn(this.read().keys, databasePath);
  }

  async recall(databasePath: string): Promise<DatabaseKey | null> {
    const sealed = this.available() ? this.read().keys[databasePath] : undefined;
    if (!sealed) return null;
    try {
      const { key, salt } = JSON.parse(await this.box.open(Buffer.from(sealed, 'base64'))) as DatabaseKey;
      return /^[0-9a-f]{64}$/.test(key) && /^[0-9a-f]{32}$/.test(salt) ? { key, salt } : null;
    } catch {
      return null; // sealed by another OS account or keychain: as if never remembered
    }
  }

  async remember(databasePath: string, key: DatabaseKey): Promise<void> {
    if (!this.available()) return;
    const sealed = await this.box.seal(JSON.stringify({ key: key.key, salt: key.salt }));
    const stored = this.read();
    stored.keys[databasePath] = sealed.toString('base64');
    this.write(stored);
  }

  forget(databasePath: string): void {
    const stored = this.read();
    if (!Object.hasOwn(stored.keys, databasePath)) return;
    delete stored.keys[databasePath];
    this.write(stored);
  }

  private read(): Stored {
    try {
      const stored = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Stored;
      return stored.version === 1 && stored.keys && typeof stored.keys === 'object' ? stored : { version: 1, keys: {} };
    } catch {
      return { version: 1, keys: {} };
    }
  }

  /** Written aside and renamed, readable by this OS user only. */
  private write(stored: Stored): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const partial = `${this.file}.partial`;
    fs.writeFileSync(partial, JSON.stringify(stored, null, 2), { mode: 0o600 });
    fs.renameSync(partial, this.file);
  }
}
