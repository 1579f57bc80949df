import fs from 'node:fs';
import path from 'node:path';
import { api, expect, goTo, startHost, test } from './fixtures';

const PASSPHRASE = 'maple canopy lantern 42';

/** Whether the file (or its WAL) holds the text in readable form. */
const onDisk = (file: string, text: string) => [file, `${file}-wal`].some((name) => fs.existsSync(name) && fs.readFileSync(name).includes(Buffer.from(text)));

test('a first start creates an encrypted file from the page; the demo loads into it; idle time locks it and only the passphrase unlocks it; exports say they are not encrypted', async ({ page }) => {
  const host = await startHost({ askForPassphrase: true });
  try {
    await page.clock.install();
    await page.goto(host.url);
    await expect(page.getByText('Protect this organisation’s file')).toBeVisible();
    expect(fs.existsSync(host.dbPath)).toBe(false);

    await page.getByTestId('new-passphrase').fill('too short');
    await page.getByTestId('new-passphrase-repeat').fill('too shor');
    await expect(page.getByText('The two passphrases differ.')).toBeVisible();
    await expect(page.getByTestId('create-encrypted')).toBeDisabled();
    await page.getByTestId('new-passphrase').fill(PASSPHRASE);
    await page.getByTestId('new-passphrase-repeat').fill(PASSPHRASE);
    await page.getByTestId('create-encrypted').click();
    await expect(page.getByTestId('welcome')).toBeVisible();
    expect(fs.readFileSync(host.dbPath).subarray(0, 15).toString()).not.toBe('SQLite format 3');

    await page.getByRole('textbox', { name: 'Employees' }).fill('60');
    await page.getByTestId('load-demo').click();
    await expect(page).toHaveURL(/#\/people\/employees/);
    const { rows } = await api<{ rows: { firstName: string; lastName: string; email: string }[] }>(page, 'people.listEmployees', { limit: 1, sort: { field: 'name' } });
    const [first] = rows;
    await expect(page.getByText(first.lastName).first()).toBeVisible();
    expect(onDisk(host.dbPath, first.email)).toBe(false);
    expect(onDisk(host.dbPath, 'CREATE TABLE')).toBe(false);

    // Nobody touches the page for 16 minutes (the default idle time is 15): the file locks and the data leaves the screen.
    await page.clock.fastForward('16:00');
    await expect(page.getByText('canopy.sqlite is locked')).toBeVisible();
    await expect(page.getByText(first.lastName)).toHaveCount(0);
    await expect(api(page, 'people.listEmployees', { limit: 1 })).rejects.toThrow('canopy.sqlite is locked. Enter its passphrase to go on.');

    await page.getByTestId('unlock-passphrase').fill('maple canopy lantern 24');
    await page.getByTestId('unlock').click();
    await expect(page.getByTestId('unlock-error')).toContainText('The passphrase does not open canopy.sqlite. Check it and try again (capitals count).');
    await expect(page.getByTestId('unlock-passphrase')).toHaveValue('');
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await page.getByTestId('unlock').click();
    await expect(page).toHaveURL(/#\/people\/employees/);
    await expect(page.getByText(first.lastName).first()).toBeVisible();

    // An export is a plain file, and says so where it is saved.
    await page.getByTestId('grid-export').click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'XLSX' }).click();
    await download;
    await expect(page.getByText('Exported files are not encrypted: anyone who gets this file can read it.', { exact: false })).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('Admin encrypts an existing file, keeps the unencrypted original until the user deletes it, and locks on request', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  await goTo(page, '/admin');
  const card = page.getByTestId('encryption-card');
  await expect(card.getByText('Not encrypted')).toBeVisible();
  await card.getByTestId('new-passphrase').fill(PASSPHRASE);
  await card.getByTestId('new-passphrase-repeat').fill(PASSPHRASE);
  await card.getByTestId('encrypt-file').click();
  await expect(card.getByText('Encrypted', { exact: true })).toBeVisible();
  const original = page.getByTestId('unencrypted-original');
  await expect(original).toContainText('canopy-unencrypted-');
  const kept = fs.readdirSync(host.dir).find((name) => name.startsWith('canopy-unencrypted-'))!;
  expect(fs.readFileSync(path.join(host.dir, kept)).subarray(0, 15).toString()).toBe('SQLite format 3');
  expect(fs.readFileSync(host.dbPath).subarray(0, 15).toString()).not.toBe('SQLite format 3');

  await original.getByTestId('delete-original').click();
  await original.getByTestId('delete-original-confirm').click();
  await expect(page.getByTestId('unencrypted-original')).toHaveCount(0);
  expect(fs.existsSync(path.join(host.dir, kept))).toBe(false);

  await page.getByTestId('backup-path').fill(path.join(host.dir, 'backup.sqlite'));
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-done')).toBeVisible();
  expect(fs.readFileSync(path.join(host.dir, 'backup.sqlite')).subarray(0, 15).toString()).not.toBe('SQLite format 3');

  await page.getByTestId('lock-now').click();
  await expect(page.getByText('canopy.sqlite is locked')).toBeVisible();
  await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
  await page.getByTestId('unlock').click();
  await expect(page.getByTestId('encryption-card').getByText('Encrypted', { exact: true })).toBeVisible();
});
