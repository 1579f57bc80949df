import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The slow, synchronous part of writing a copy of a database — `VACUUM INTO` from an encrypted file,
 * re-encrypting the copy (`PRAGMA rekey`), its integrity check and fsync — runs on a worker thread with
 * its own connections, so the app keeps answering while a large file is copied (seconds for a few
 * hundred MB). The worker is given as source text rather than a file so that it runs unchanged under
 * tsx, Vitest and electron-vite's bundle; it loads the same better-sqlite3 build as the app.
 */
export interface CopyJob {
  nativeBinding?: string;
  /** Make the copy with `VACUUM INTO` from this file (the only way to copy an encrypted database). */
  vacuumFrom?: { file: string; key: string | null };
  /** The copy being written; its key after the copy step (the source's). */
  partial: string;
  partialKey: string | null;
  /** Re-encrypt the copy with this key literal, or decrypt it (null); left out, the copy keeps the source's key. */
  rekeyTo?: string | null;
  /** What the finished copy must hold. */
  expect: { applicationId: number; userVersion: number };
  /** Also compare every table's row count with this file (when nothing can write in between). */
  compareWith?: { file: string; key: string | null };
}

export type CopyResult = { ok: true } | { ok: false; problems?: string[]; message?: string; code?: string };

/** Only SQLite's quick check of a file (seconds for a large encrypted one), answered as its text. */
interface IntegrityJob {
  nativeBinding?: string;
  integrityOf: { file: string; key: string | null };
}

const WORKER_SOURCE = `
const { parentPort, workerData: job } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(job.modulePath);

function open(file, key, options) {
  const db = new Database(file, { fileMustExist: true, nativeBinding: job.nativeBinding, ...options });
  if (key) {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma('key = "' + key + '"');
  }
  return db;
}

function tableCounts(db) {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare('SELECT count(*) AS n FROM "' + name.replace(/"/g, '""') + '"').get().n]));
}

function run() {
  if (job.integrityOf) {
    const db = open(job.integrityOf.file, job.integrityOf.key);
    try {
      return { ok: true, check: String(db.pragma('quick_check', { simple: true })) };
    } finally {
      db.close();
    }
  }
  if (job.vacuumFrom) {
    const source = open(job.vacuumFrom.file, job.vacuumFrom.key);
    try {
      source.prepare('VACUUM INTO ?').run(job.partial);
    } finally {
      source.close();
    }
  }
  let finalKey = job.partialKey;
  if (job.rekeyTo !== undefined) {
    const copy = open(job.partial, job.partialKey);
    try {
      copy.pragma('journal_mode = DELETE'); // rekey rewrites every page and cannot run in WAL mode
      copy.pragma("cipher = 'sqlcipher'");
      copy.pragma('legacy = 4');
      copy.pragma(job.rekeyTo ? 'rekey = "' + job.rekeyTo + '"' : "rekey = ''");
    } finally {
      copy.close();
    }
    finalKey = job.rekeyTo;
  }
  const problems = [];
  const copy = open(job.partial, finalKey);
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') problems.push('integrity check: ' + String(check));
    const applicationId = copy.pragma('application_id', { simple: true });
    if (applicationId !== job.expect.applicationId) problems.push('application id ' + applicationId);
    const userVersion = copy.pragma('user_version', { simple: true });
    if (userVersion !== job.expect.userVersion) problems.push('schema ' + userVersion + ' instead of ' + job.expect.userVersion);
    if (job.compareWith && problems.length === 0) {
      const source = open(job.compareWith.file, job.compareWith.key, { readonly: true });
      let expected;
      try {
        expected = tableCounts(source);
      } finally {
        source.close();
      }
      const actual = tableCounts(copy);
      for (const [table, n] of Object.entries(expected)) {
        if (actual[table] !== n) problems.push(table + ': ' + (actual[table] ?? 'missing') + ' rows instead of ' + n);
      }
    }
  } finally {
    copy.close();
  }
  if (problems.length) return { ok: false, problems };
  const fd = fs.openSync(job.partial, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { ok: true };
}

try {
  parentPort.postMessage(run());
} catch (error) {
  parentPort.postMessage({ ok: false, message: error.message, code: error.code });
}
`;

const sqliteModulePath = () => createRequire(import.meta.url).resolve('better-sqlite3');

export function runCopyJob(job: CopyJob): Promise<CopyResult> {
  return runWorker(job);
}

/**
 * SQLite's quick check on a connection of its own, off the main thread: "ok", the problems it found,
 * or the error that stopped it (a damaged file can fail to read at all).
 */
export async function quickCheck(file: string, key: string | null, nativeBinding?: string): Promise<string> {
  const job: IntegrityJob = { nativeBinding, integrityOf: { file, key } };
  const result = await runWorker<{ ok: true; check: string } | { ok: false; message?: string }>(job);
  return result.ok ? result.check : (result.message ?? 'the check could not run');
}

function runWorker<T = CopyResult>(job: CopyJob | IntegrityJob): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...job, modulePath: sqliteModulePath() } });
    let answered = false;
    worker.once('message', (result: T) => {
      answered = true;
      resolve(result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the copy worker stopped (exit code ${code})`));
    });
  });
}
