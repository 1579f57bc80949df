import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storeSchema } from '../../src-main/areas';
import { openStore } from '../../src-main/store/data-source';
import { CANOPY_APPLICATION_ID } from '../../src-main/store/database-file';
import { keyForFile } from '../../src-main/store/encryption';
import { allRows, bytesContain, closeHost, expectUntouched, isPlainSqlite, listing, openHost, PASSPHRASE, type Host } from './encryption-helpers';
import { employeeValues, tempDir } from './helpers';

const PERSON = { firstName: 'Zebedee', lastName: 'Quartermaine', email: 'zebedee.quartermaine@example.org' };

/** An encrypted organisation: the demo (40 people) plus one person whose name the tests look for in the bytes. */
async function encryptedOrganisation(file: string, passphrase = PASSPHRASE): Promise<Host> {
  const app = await openHost(file, { passphrase });
  await app.ok('admin.loadDemoOrganisation', { employees: 40 });
  await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(9001, PERSON) }] });
  return app;
}

/** The seeded person with the longest email: a string too long to turn up in random bytes by chance. */
function seededPerson(app: Host): { lastName: string; email: string } {
  return app.store().raw.prepare(`SELECT last_name AS lastName, email FROM employee WHERE email IS NOT NULL AND employee_number <> 'T9001' ORDER BY length(email) DESC LIMIT 1`).get() as { lastName: string; email: string };
}

describe('store: encrypted files', () => {
  it('a new encrypted file holds no readable table, schema or employee name, in the file or its WAL; the same data unencrypted does', async () => {
    const dir = tempDir();
    const encrypted = path.join(dir, 'canopy.sqlite');
    const app = await encryptedOrganisation(encrypted);
    const seeded = seededPerson(app);
    expect(seeded.email.length).toBeGreaterThan(15);
    const secrets = ['SQLite format 3', 'CREATE TABLE', 'employee_number', 'audit_event', PERSON.lastName, PERSON.email, seeded.email];
    for (const text of secrets) expect(bytesContain(encrypted, text), `${text} while open`).toBe(false);
    await closeHost(app);
    for (const text of secrets) expect(bytesContain(encrypted, text), `${text} after closing`).toBe(false);
    expect(listing(dir)).toEqual(['canopy.sqlite', 'canopy.sqlite.canopy-lock']);

    // The same search finds all of it in an unencrypted file: it would see a leak.
    const plain = path.join(dir, 'plain.sqlite');
    const control = await openHost(plain);
    await control.ok('admin.loadDemoOrganisation', { employees: 40 });
    await control.ok('people.saveEmployees', { rows: [{ values: employeeValues(9001, PERSON) }] });
    await closeHost(control);
    for (const text of secrets.slice(0, 6)) expect(bytesContain(plain, text), text).toBe(true);
  });

  it('opens in any SQLCipher 4 tool with the passphrase (PBKDF2-SHA512, 256,000 iterations, 4096-byte pages)', async () => {
    const file = path.join(tempDir(), 'canopy.sqlite');
    await closeHost(await encryptedOrganisation(file));
    const db = new Database(file, { readonly: true });
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = '${PASSPHRASE}'`);
    expect(db.pragma('application_id', { simple: true })).toBe(CANOPY_APPLICATION_ID);
    expect(db.prepare(`SELECT first_name || ' ' || last_name AS name FROM employee WHERE employee_number = 'T9001'`).get()).toEqual({ name: 'Zebedee Quartermaine' });
    expect(Number(db.pragma('kdf_iter', { simple: true }))).toBe(256000);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    db.close();
  });

  it('a wrong passphrase is refused with a clear message, the file stays byte-for-byte the same and nothing appears beside it; further tries slow down', async () => {
    const file = path.join(tempDir(), 'canopy.sqlite');
    await closeHost(await encryptedOrganisation(file));
    await expectUntouched(file, () => expect(openStore(file, storeSchema)).rejects.toThrow('canopy.sqlite is encrypted (or it is not a database at all). Enter its passphrase to open it.'));
    await expectUntouched(file, () => expect(openStore(file, storeSchema, { create: true })).rejects.toThrow(/is encrypted/));
    const wrongKey = await keyForFile(file, 'Correct horse battery staple');
    await expectUntouched(file, () => expect(openStore(file, storeSchema, { key: wrongKey })).rejects.toThrow(/^The passphrase does not open canopy\.sqlite/));

    const app = await openHost(file, { newFiles: 'ask' });
    expect(app.lockState()).toMatchObject({ state: 'locked', encrypted: true, retryInSeconds: 0 });
    await expectUntouched(file, async () => {
      const wrong = await app.fail('admin.unlockDatabase', { passphrase: 'correct horse battery' });
      expect(wrong).toMatchObject({
        code: 'VALIDATION',
        message: 'The passphrase does not open canopy.sqlite. Check it and try again (capitals count). If it is right, the file was encrypted by another program or is damaged. The file was left untouched.',
      });
      expect(wrong.issues?.[0]).toMatchObject({ field: 'passphrase' });
      await app.fail('admin.unlockDatabase', { passphrase: 'correct horse' });
      // The third wrong try in a row makes the next one wait 2 s; a try before then is not even made.
      expect((await app.fail('admin.unlockDatabase', { passphrase: 'horse' })).message).toMatch(/After 3 wrong tries, wait 2 seconds before the next\.$/);
      expect((await app.fail('admin.unlockDatabase', { passphrase: PASSPHRASE })).message).toMatch(/^Too many wrong passphrases: wait [12] seconds before trying again\.$/);
      expect(app.lockState().retryInSeconds).toBeGreaterThan(0);
    });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await app.ok('admin.unlockDatabase', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked', retryInSeconds: 0 });
    expect((await app.ok('people.listEmployees', { search: 'Quartermaine' })).rows.map((e) => e.lastName)).toEqual(['Quartermaine']);
  });

  it('a file encrypted by another program, or damaged, is refused and left untouched', async () => {
    const dir = tempDir();
    // SQLite3 Multiple Ciphers' own default (ChaCha20-Poly1305), with the very passphrase given to Canopy.
    const chacha = path.join(dir, 'chacha.sqlite');
    const other = new Database(chacha);
    other.pragma(`key = '${PASSPHRASE}'`);
    other.exec(`CREATE TABLE employee (name TEXT); INSERT INTO employee VALUES ('Zebedee Quartermaine')`);
    other.close();
    const damaged = path.join(dir, 'damaged.sqlite');
    await closeHost(await encryptedOrganisation(damaged));
    const bytes = fs.readFileSync(damaged);
    for (let i = 5 * 4096; i < bytes.length; i += 4096) bytes[i + 100] ^= 0xff; // a byte in every page after the fifth
    fs.writeFileSync(damaged, bytes);
    const noise = path.join(dir, 'noise.sqlite');
    fs.writeFileSync(noise, Buffer.alloc(8192, 0x5a));

    for (const file of [chacha, noise]) {
      const app = await openHost(file, { newFiles: 'ask' });
      await expectUntouched(file, async () => expect((await app.fail('admin.unlockDatabase', { passphrase: PASSPHRASE })).message).toMatch(/does not open .*encrypted by another program or is damaged\. The file was left untouched\./));
      await closeHost(app);
    }
    const app = await openHost(damaged, { newFiles: 'ask' });
    await expectUntouched(damaged, async () =>
      expect((await app.fail('admin.unlockDatabase', { passphrase: PASSPHRASE })).message).toBe('damaged.sqlite is damaged (SQLite integrity check failed). It was left untouched; restore a backup.'),
    );
  });

  it('a backup of an encrypted file is encrypted with the same key: it opens only with the passphrase, and holds every row', async () => {
    const dir = tempDir();
    const app = await encryptedOrganisation(path.join(dir, 'canopy.sqlite'));
    const rows = allRows(app.store().raw);
    const events: { done: number; total: number }[] = [];
    app.subscribe((event) => event.type === 'progress' && events.push(event));
    const backup = path.join(dir, 'backup.sqlite');
    await app.ok('admin.backupDatabase', { path: backup });
    expect(events.at(-1)).toMatchObject({ label: 'Backing up the database', done: 1, total: 1 });
    expect(listing(dir)).toEqual(['backup.sqlite', 'canopy.sqlite', 'canopy.sqlite-shm', 'canopy.sqlite-wal', 'canopy.sqlite.canopy-lock']);
    for (const text of ['SQLite format 3', PERSON.lastName, PERSON.email]) expect(bytesContain(backup, text), text).toBe(false);
    await expectUntouched(backup, () => expect(openStore(backup, storeSchema)).rejects.toThrow(/backup\.sqlite is encrypted/));
    await expectUntouched(backup, () => expect(openHost(backup, { passphrase: 'not the passphrase' })).rejects.toThrow(/^The passphrase does not open backup\.sqlite/));
    const restored = await openHost(backup, { passphrase: PASSPHRASE });
    expect(allRows(restored.store().raw)).toEqual(rows);
    await closeHost(restored);

    // Replacing it with a newer backup is fine; a file another passphrase encrypted is not replaced.
    await app.ok('admin.backupDatabase', { path: backup });
    const stranger = path.join(dir, 'stranger.sqlite');
    await closeHost(await openHost(stranger, { passphrase: 'another passphrase entirely' }));
    await expectUntouched(stranger, async () =>
      expect((await app.fail('admin.backupDatabase', { path: stranger })).message).toBe(
        "stranger.sqlite already exists and this file's passphrase does not open it (another passphrase, or not a Canopy database), so Canopy will not replace it. Choose another file name.",
      ),
    );
  });

  it('"encrypt this file" keeps every row, keeps the unencrypted original beside it until it is deleted, and the result opens only with the passphrase', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'canopy.sqlite');
    const app = await openHost(file);
    await app.ok('admin.loadDemoOrganisation', { employees: 40 });
    await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(9001, PERSON) }] });
    const rows = allRows(app.store().raw);
    expect(app.lockState()).toMatchObject({ state: 'unlocked', encrypted: false });
    expect((await app.fail('admin.encryptDatabase', { passphrase: 'short' })).message).toMatch(/at least 8 characters/);

    const result = await app.ok('admin.encryptDatabase', { passphrase: PASSPHRASE });
    expect(result.path).toBe(file);
    expect(path.dirname(result.unencryptedOriginal)).toBe(dir);
    expect(path.basename(result.unencryptedOriginal)).toMatch(/^canopy-unencrypted-\d{4}-\d\d-\d\dT[\d-]+Z\.sqlite$/);
    expect(isPlainSqlite(result.unencryptedOriginal)).toBe(true);
    expect(isPlainSqlite(file)).toBe(false);
    expect(bytesContain(file, PERSON.email)).toBe(false);
    expect(app.lockState()).toMatchObject({ state: 'unlocked', encrypted: true, unencryptedOriginal: result.unencryptedOriginal });
    const after = withoutAudit(allRows(app.store().raw));
    expect(after.rest).toEqual({ ...withoutAudit(rows).rest, setting: [JSON.stringify({ key: 'unencryptedOriginal', value: result.unencryptedOriginal })] });
    expect(after.audit.filter((row) => !withoutAudit(rows).audit.includes(row)).map((row) => JSON.parse(row).action)).toEqual(['encrypt']);
    expect(listing(dir).filter((name) => name.includes('partial'))).toEqual([]);

    // The original is deleted only when asked, and only that file.
    expect((await app.fail('admin.deleteUnencryptedOriginal', { path: path.join(dir, 'other.sqlite') })).message).toMatch(/only deletes the unencrypted original it kept/);
    expect(await app.ok('admin.deleteUnencryptedOriginal', { path: result.unencryptedOriginal })).toEqual({ deleted: result.unencryptedOriginal });
    expect(fs.existsSync(result.unencryptedOriginal)).toBe(false);
    expect(app.lockState().unencryptedOriginal).toBeNull();
    expect((await app.fail('admin.encryptDatabase', { passphrase: PASSPHRASE })).message).toMatch(/is encrypted already/);
    await closeHost(app);

    await expectUntouched(file, () => expect(openStore(file, storeSchema)).rejects.toThrow(/is encrypted/));
    const reopened = await openHost(file, { passphrase: PASSPHRASE });
    expect(withoutAudit(allRows(reopened.store().raw)).rest).toEqual(withoutAudit(rows).rest);
  });

  it('changing the passphrase keeps every row; the old passphrase no longer opens the file, and wrong current passphrases are refused', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'canopy.sqlite');
    const app = await encryptedOrganisation(file);
    const rows = withoutAudit(allRows(app.store().raw)).rest;
    const before = fs.readFileSync(file).subarray(0, 16);
    expect((await app.fail('admin.changePassphrase', { current: 'not it at all', next: 'a brand new passphrase' })).message).toMatch(/^The passphrase does not open canopy\.sqlite/);
    expect(await app.ok('admin.changePassphrase', { current: PASSPHRASE, next: 'a brand new passphrase' })).toEqual({ path: file });
    expect(fs.readFileSync(file).subarray(0, 16).equals(before)).toBe(false); // a new salt too
    expect(withoutAudit(allRows(app.store().raw)).rest).toEqual(rows);
    expect(listing(dir)).toEqual(['canopy.sqlite', 'canopy.sqlite-shm', 'canopy.sqlite-wal', 'canopy.sqlite.canopy-lock']);
    await closeHost(app);
    await expectUntouched(file, () => expect(openStore(file, storeSchema, { key: null })).rejects.toThrow(/is encrypted/));
    await expect(openHost(file, { passphrase: PASSPHRASE })).rejects.toThrow(/^The passphrase does not open/);
    const reopened = await openHost(file, { passphrase: 'a brand new passphrase' });
    expect(withoutAudit(allRows(reopened.store().raw)).rest).toEqual(rows);
    expect(reopened.store().raw.prepare(`SELECT action FROM audit_event WHERE entity = 'database' ORDER BY at DESC LIMIT 1`).get()).toEqual({ action: 'change-passphrase' });
  });

  it('an unencrypted copy needs the passphrase and the acknowledgement, never replaces a file, and holds every row', async () => {
    const dir = tempDir();
    const app = await encryptedOrganisation(path.join(dir, 'canopy.sqlite'));
    const rows = withoutAudit(allRows(app.store().raw)).rest;
    const target = path.join(dir, 'for-the-auditors.sqlite');
    expect((await app.fail('admin.exportUnencryptedCopy', { path: target, passphrase: PASSPHRASE, understood: false })).message).toMatch(/understand the copy is not protected/);
    expect((await app.fail('admin.exportUnencryptedCopy', { path: target, passphrase: 'guess guess', understood: true })).message).toMatch(/^The passphrase does not open/);
    expect(fs.existsSync(target)).toBe(false);
    const copy = await app.ok('admin.exportUnencryptedCopy', { path: target, passphrase: PASSPHRASE, understood: true });
    expect(copy).toEqual({ path: target, sizeBytes: fs.statSync(target).size });
    expect(isPlainSqlite(target)).toBe(true);
    const plain = new Database(target, { readonly: true });
    expect(withoutAudit(allRows(plain)).rest).toEqual(rows);
    plain.close();
    expect((await app.fail('admin.exportUnencryptedCopy', { path: target, passphrase: PASSPHRASE, understood: true })).message).toBe(
      'for-the-auditors.sqlite already exists. Choose a new file name; Canopy does not replace it.',
    );
  });
});

/** The audit log grows with every admin action; everything else must be unchanged. */
function withoutAudit(rows: Record<string, string[]>): { audit: string[]; rest: Record<string, string[]> } {
  const { audit_event: audit = [], ...rest } = rows;
  return { audit, rest };
}
