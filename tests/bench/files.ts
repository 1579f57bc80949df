// Every bench row runs on an unencrypted file and again on an encrypted one (SQLCipher 4, the
// app's own settings); run.ts then prints the encryption overhead of each row against plain.
import Database from 'better-sqlite3';
import type { AppHostOptions } from '../../src-main/app-host';

export interface BenchFiles {
  encrypted: boolean;
  /** Appended to every row name. */
  label: string;
  /** For the bench's app hosts: the passphrase that creates (and unlocks) an encrypted file. */
  hostOptions: AppHostOptions;
  /** Only for the browser host, which asks in the page. */
  passphrase?: string;
  /** A raw connection for the floors, with the key applied when the file is encrypted. */
  openRaw(file: string, options?: { readonly?: boolean }): Database.Database;
}

const PASSPHRASE = 'bench passphrase for an encrypted file';

export function benchFiles(encrypted: boolean): BenchFiles {
  return {
    encrypted,
    label: encrypted ? ' [encrypted]' : '',
    hostOptions: { validateOutput: false, ...(encrypted ? { passphrase: PASSPHRASE } : {}) },
    passphrase: encrypted ? PASSPHRASE : undefined,
    openRaw(file, options = {}) {
      const db = new Database(file, { readonly: options.readonly ?? false });
      if (encrypted) {
        db.pragma(`cipher = 'sqlcipher'`);
        db.pragma('legacy = 4');
        db.pragma(`key = '${PASSPHRASE}'`);
      }
      return db;
    },
  };
}
