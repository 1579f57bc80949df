import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type Database from 'better-sqlite3';
import { AppError } from '../../src-shared/errors';

/**
 * Canopy's encrypted files are SQLCipher 4 databases (SQLite3 Multiple Ciphers' "sqlcipher" cipher at
 * legacy level 4): AES-256-CBC pages with an HMAC-SHA512 each, 4096-byte pages, the key derived from
 * the passphrase by PBKDF2-HMAC-SHA512 with 256,000 iterations and the random 16-byte salt that opens
 * the file. The derivation runs here, in Node's thread pool, rather than inside SQLite: it does not
 * block the process for the half second it takes, and SQLite gets the derived key in SQLCipher's raw
 * form (`x'<key><salt>'`), so the passphrase itself never reaches SQLite, a log or a file. A file made
 * this way opens in any SQLCipher 4 tool with the passphrase. See docs/decisions.md.
 */
export const KDF = { digest: 'sha512', iterations: 256_000, keyBytes: 32, saltBytes: 16 } as const;
export const ENCRYPTED_PAGE_SIZE = 4096;

/** The key of one encrypted file: derived from its passphrase and its salt. Never the passphrase. */
export interface DatabaseKey {
  /** 32 bytes, hex. */
  readonly key: string;
  /** The file's 16-byte salt, hex. */
  readonly salt: string;
}

/**
 * SQLite's page cache for an encrypted file's connection, at most (it fills as pages are read). An
 * unencrypted file's pages come from the OS cache at the cost of a copy, so its 16 MB is plenty; an
 * encrypted page read from there is decrypted and its HMAC checked again each time, which made
 * queries that read much of a 150–300 MB file (the insights KPIs) 3–4× slower with 16 MB. Held
 * decrypted in this cache instead, they run as fast as unencrypted. The pages are plain text in the
 * app's memory only while the file is open, as the data on screen is; locking closes the connection.
 */
export const ENCRYPTED_CACHE_KIB = 256 * 1024;

/** Only new passphrases are held to this; an existing file opens with whatever it was given. */
export const MIN_PASSPHRASE_LENGTH = 8;

const pbkdf2Async = promisify(pbkdf2);

/** NFC, so the same passphrase typed on another keyboard or OS (composed or decomposed accents) gives the same key. */
export async function deriveKey(passphrase: string, salt: Buffer): Promise<DatabaseKey> {
  const key = await pbkdf2Async(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, KDF.iterations, KDF.keyBytes, KDF.digest);
  return { key: key.toString('hex'), salt: salt.toString('hex') };
}

/** A key for a new file: a fresh random salt. */
export const newDatabaseKey = (passphrase: string) => deriveKey(passphrase, randomBytes(KDF.saltBytes));

/** The key a passphrase gives for an existing encrypted file (its salt is the file's first 16 bytes). */
export async function keyForFile(filePath: string, passphrase: string): Promise<DatabaseKey> {
  return deriveKey(passphrase, readSalt(filePath));
}

export function readSalt(filePath: string): Buffer {
  const salt = Buffer.alloc(KDF.saltBytes);
  const fd = fs.openSync(filePath, 'r');
  try {
    fs.readSync(fd, salt, 0, KDF.saltBytes, 0);
  } finally {
    fs.closeSync(fd);
  }
  return salt;
}

export const sameKey = (a: DatabaseKey | null, b: DatabaseKey | null): boolean =>
  a === null || b === null ? a === b : a.salt === b.salt && timingSafeEqual(Buffer.from(a.key, 'hex'), Buffer.from(b.key, 'hex'));

/** SQLCipher's raw key literal: the key and the salt it goes with, so a new file gets this salt. */
export const rawKeyLiteral = (key: DatabaseKey) => `x'${key.key}${key.salt}'`;

/** The cipher settings must come before the key on every connection; nothing else may run before them. */
export function applyKey(db: Database.Database, key: DatabaseKey): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "${rawKeyLiteral(key)}"`);
}

/** Re-encrypts every page of an unencrypted (or empty) database in place; rekey cannot run in WAL mode. */
export function encryptInPlace(db: Database.Database, key: DatabaseKey): void {
  db.pragma('journal_mode = DELETE');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`rekey = "${rawKeyLiteral(key)}"`);
}

/**
 * Could this be a file Canopy encrypted? SQLCipher leaves nothing readable in it, so only its shape
 * can be judged: at least one page, whole pages. Anything else is not a database at all.
 */
export function mayBeEncryptedDatabase(filePath: string): boolean {
  const { size } = fs.statSync(filePath);
  return size >= ENCRYPTED_PAGE_SIZE && size % ENCRYPTED_PAGE_SIZE === 0;
}

/** SQLite's answer when the key does not decrypt the first page (wrong passphrase, another cipher, damage). */
export const isNotADatabase = (error: unknown) => (error as { code?: string })?.code === 'SQLITE_NOTADB';

/** The passphrase did not decrypt the file. Thrown by the store; the session slows down the next attempt. */
export class WrongPassphraseError extends AppError {
  constructor(filePath: string) {
    const message = `The passphrase does not open ${path.basename(filePath)}. Check it and try again (capitals count). If it is right, the file was encrypted by another program or is damaged. The file was left untouched.`;
    super('VALIDATION', message, [{ path: ['passphrase'], field: 'passphrase', message }]);
  }
}

/** An encrypted file was opened without a passphrase: the caller asks for one. */
export class PassphraseNeededError extends AppError {
  constructor(filePath: string) {
    const message = `${path.basename(filePath)} is encrypted (or it is not a database at all). Enter its passphrase to open it.`;
    super('VALIDATION', message, [{ path: ['passphrase'], field: 'passphrase', message }]);
  }
}
