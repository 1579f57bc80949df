import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RememberedKeys, type SecretBox } from '../../src-main/store/remembered-keys';
import { startHttpTransport } from '../../src-main/transports/http';
import { closeHost, isPlainSqlite, listing, openHost, PASSPHRASE } from './encryption-helpers';
import { employeeValues, tempDir } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

/** Stands in for the OS keychain: reversible, and visibly not the plain text. */
const keychain: SecretBox = {
  available: () => true,
  seal: async (text) => Buffer.from(`sealed:${Buffer.from(text).toString('base64').split('').reverse().join('')}`),
  open: async (sealed) => Buffer.from(sealed.toString().slice(7).split('').reverse().join(''), 'base64').toString(),
};

async function encryptedFile(dir: string): Promise<string> {
  const file = path.join(dir, 'canopy.sqlite');
  const app = await openHost(file, { passphrase: PASSPHRASE });
  await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(1, { firstName: 'Ada', lastName: 'Lovelace' }) }] });
  await closeHost(app);
  return file;
}

describe('store: the first start, locking and unlocking', () => {
  it('a first start creates nothing until the page chooses a passphrase; then the file is encrypted', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'canopy.sqlite');
    const app = await openHost(file, { newFiles: 'ask' });
    expect(app.lockState()).toMatchObject({ state: 'new', fileName: 'canopy.sqlite', encrypted: false });
    expect(fs.existsSync(file)).toBe(false);
    expect(await app.fail('people.listEmployees', {})).toMatchObject({ code: 'FORBIDDEN', message: 'canopy.sqlite has not been created yet: choose its passphrase first.' });
    expect(await app.fail('admin.createStartDatabase', { passphrase: 'short' })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/at least 8 characters/) });
    expect(await app.fail('admin.createStartDatabase', {})).toMatchObject({ code: 'VALIDATION', message: 'Choose a passphrase, or create the file unencrypted.' });
    expect(fs.existsSync(file)).toBe(false);
    expect(await app.ok('admin.createStartDatabase', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked', encrypted: true });
    expect(isPlainSqlite(file)).toBe(false);
    expect(await app.ok('people.listEmployees', {})).toMatchObject({ total: 0 });
    expect(await app.fail('admin.createStartDatabase', { passphrase: PASSPHRASE })).toMatchObject({ code: 'CONFLICT' });
  });

  it('a first start may choose no encryption, said explicitly', async () => {
    const file = path.join(tempDir(), 'canopy.sqlite');
    const app = await openHost(file, { newFiles: 'ask' });
    expect(await app.ok('admin.createStartDatabase', { unencrypted: true })).toMatchObject({ state: 'unlocked', encrypted: false });
    expect(isPlainSqlite(file)).toBe(true);
  });

  it('locked, every method but the lock screen’s is refused, over HTTP as well; unlocking lets them through', async () => {
    const dir = tempDir();
    const file = await encryptedFile(dir);
    const app = await openHost(file, { newFiles: 'ask' });
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Canopy</title>');
    const http = await startHttpTransport(app, rendererDir);
    const post = async (method: string, input: unknown) =>
      (await fetch(`http://127.0.0.1:${http.port}/api`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-canopy-token': http.token }, body: JSON.stringify({ method, input }) })).json();
    try {
      const locked = { ok: false, error: { code: 'FORBIDDEN', message: 'canopy.sqlite is locked. Enter its passphrase to go on.', issues: [{ path: ['locked'], message: 'canopy.sqlite is locked. Enter its passphrase to go on.' }] } };
      for (const method of ['people.listEmployees', 'admin.getDatabaseStatus', 'admin.backupDatabase', 'admin.exportUnencryptedCopy', 'admin.openDatabase', 'admin.changePassphrase']) {
        expect(await post(method, { path: path.join(dir, 'x.sqlite'), passphrase: PASSPHRASE, current: PASSPHRASE, next: 'new passphrase!', understood: true }), method).toEqual(locked);
      }
      expect(await post('admin.getLockState', {})).toMatchObject({ ok: true, data: { state: 'locked', encrypted: true } });
      expect(await post('admin.unlockDatabase', { passphrase: PASSPHRASE, extra: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(await post('admin.unlockDatabase', { passphrase: 'wrong wrong' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^The passphrase does not open/) } });
      expect(await post('admin.unlockDatabase', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, data: { state: 'unlocked' } });
      expect(await post('people.listEmployees', {})).toMatchObject({ ok: true, data: { total: 1, rows: [{ lastName: 'Lovelace' }] } });
      expect(await post('admin.lockDatabase', {})).toMatchObject({ ok: true, data: { state: 'locked' } });
      await expect.poll(async () => (await post('people.listEmployees', {})).error?.code).toBe('FORBIDDEN');
      expect(() => app.store()).toThrow(/is locked/);
    } finally {
      await http.close();
    }
  });

  it('locks itself after the idle time stored in the file, and not while it is being used; an unencrypted file never locks', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const dir = tempDir();
    const file = await encryptedFile(dir);
    const app = await openHost(file, { passphrase: PASSPHRASE });
    const events: string[] = [];
    app.subscribe((event) => event.type === 'database' && events.push(event.path));
    expect(app.lockState().idleLockMinutes).toBe(15);
    expect(await app.ok('admin.setIdleLock', { minutes: 5 })).toMatchObject({ idleLockMinutes: 5 });
    vi.advanceTimersByTime(4 * 60_000);
    await app.ok('admin.reportActivity', {}); // someone is using the page
    vi.advanceTimersByTime(4 * 60_000);
    expect(app.lockState().state).toBe('unlocked');
    vi.advanceTimersByTime(61_000);
    expect(app.lockState().state).toBe('locked');
    await vi.waitFor(() => expect(events).toEqual([file])); // the store is closed once the calls in flight are done
    expect(await app.fail('people.listEmployees', {})).toMatchObject({ code: 'FORBIDDEN' });
    // Unlocking again reads the setting back from the file.
    expect(await app.ok('admin.unlockDatabase', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked', idleLockMinutes: 5 });

    const plain = await openHost(path.join(dir, 'plain.sqlite'));
    vi.advanceTimersByTime(60 * 60_000);
    expect(plain.lockState()).toMatchObject({ state: 'unlocked', encrypted: false });
    expect(await plain.ok('admin.lockDatabase', {})).toMatchObject({ state: 'unlocked' });
  });

  it('"remember on this computer" keeps the derived key sealed by the OS keychain, never the passphrase; forgetting it asks again', async () => {
    const dir = tempDir();
    const file = await encryptedFile(dir);
    const keysFile = path.join(dir, 'remembered-keys.json');
    const remembered = new RememberedKeys(keysFile, keychain);
    const first = await openHost(file, { newFiles: 'ask', rememberedKeys: remembered });
    expect(first.lockState()).toMatchObject({ state: 'locked', canRemember: true, remembered: false });
    expect(await first.ok('admin.unlockDatabase', { passphrase: PASSPHRASE, remember: true })).toMatchObject({ state: 'unlocked', remembered: true });
    const stored = fs.readFileSync(keysFile, 'utf8');
    const key = first.store().key!;
    expect(stored).not.toContain(PASSPHRASE);
    expect(stored).not.toContain(key.key);
    expect(JSON.parse(stored)).toEqual({ version: 1, keys: { [file]: expect.any(String) } });
    await closeHost(first);

    // The next start opens it without asking; a changed passphrase is remembered in its place.
    const second = await openHost(file, { newFiles: 'ask', rememberedKeys: remembered });
    expect(second.lockState()).toMatchObject({ state: 'unlocked', remembered: true });
    await second.ok('admin.changePassphrase', { current: PASSPHRASE, next: 'another long passphrase' });
    await closeHost(second);
    const third = await openHost(file, { newFiles: 'ask', rememberedKeys: remembered });
    expect(third.lockState().state).toBe('unlocked');
    expect(await third.ok('admin.rememberKey', { remember: false })).toMatchObject({ remembered: false });
    await closeHost(third);
    expect((await openHost(file, { newFiles: 'ask', rememberedKeys: remembered })).lockState().state).toBe('locked');

    // Without an OS keychain (the browser host) nothing can be remembered.
    const browser = await openHost(path.join(dir, 'other.sqlite'), { passphrase: PASSPHRASE });
    expect(browser.lockState().canRemember).toBe(false);
    expect(await browser.fail('admin.rememberKey', { remember: true })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/no protected storage/) });
  });

  it('Admin opens an encrypted file only with its passphrase, and creates new files encrypted unless told otherwise', async () => {
    const dir = tempDir();
    const encrypted = await encryptedFile(dir);
    const app = await openHost(path.join(dir, 'start.sqlite'), { newFiles: 'ask', passphrase: PASSPHRASE });
    const needed = await app.fail('admin.openDatabase', { path: encrypted });
    expect(needed).toMatchObject({ code: 'VALIDATION', message: 'canopy.sqlite is encrypted (or it is not a database at all). Enter its passphrase to open it.' });
    expect(needed.issues?.[0]?.field).toBe('passphrase');
    expect((await app.fail('admin.openDatabase', { path: encrypted, passphrase: 'nope nope' })).message).toMatch(/^The passphrase does not open canopy\.sqlite/);
    expect(listing(dir)).toEqual(['canopy.sqlite', 'canopy.sqlite.canopy-lock', 'start.sqlite', 'start.sqlite-shm', 'start.sqlite-wal', 'start.sqlite.canopy-lock']);
    expect(await app.ok('admin.openDatabase', { path: encrypted, passphrase: PASSPHRASE })).toMatchObject({ path: encrypted, counts: { employees: 1 } });
    expect(app.lockState()).toMatchObject({ state: 'unlocked', path: encrypted, encrypted: true });

    const fresh = path.join(dir, 'fresh.sqlite');
    expect(await app.fail('admin.openDatabase', { path: fresh, create: true })).toMatchObject({ message: 'Choose a passphrase for fresh.sqlite (new files are encrypted), or create it unencrypted.' });
    expect(await app.fail('admin.openDatabase', { path: fresh, create: true, passphrase: 'short' })).toMatchObject({ message: expect.stringMatching(/at least 8 characters/) });
    expect(fs.existsSync(fresh)).toBe(false);
    await app.ok('admin.openDatabase', { path: fresh, create: true, passphrase: 'a new file passphrase' });
    expect(isPlainSqlite(fresh)).toBe(false);
    const open = path.join(dir, 'open.sqlite');
    await app.ok('admin.openDatabase', { path: open, create: true, unencrypted: true });
    expect(isPlainSqlite(open)).toBe(true);
    expect(app.lockState()).toMatchObject({ path: open, encrypted: false });
  });
});
