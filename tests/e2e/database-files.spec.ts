import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, goTo, startHost, test } from './fixtures';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test("Admin refuses another application's database untouched, and a file another Canopy has open, naming it", async ({ page, host }) => {
  await page.goto(host.url);
  await goTo(page, '/admin');
  await expect(page.getByTestId('admin-db-path')).toHaveText(host.dbPath);

  const notes = path.join(host.dir, 'notes.sqlite');
  const db = new Database(notes);
  db.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me')`);
  db.close();
  const before = sha256(notes);
  await page.getByTestId('open-path').fill(notes);
  await page.getByTestId('open-db').click();
  await expect(page.getByTestId('open-error')).toHaveText(
    'notes.sqlite is an SQLite database of another application, not a Canopy database: its tables (notes) are not Canopy\'s. It was left untouched.',
  );
  await page.getByRole('button', { name: 'Create new' }).click();
  await expect(page.getByTestId('open-error')).toContainText('another application');
  expect(sha256(notes)).toBe(before);
  expect(fs.readdirSync(host.dir).filter((name) => name.startsWith('notes'))).toEqual(['notes.sqlite']);

  const other = await startHost();
  try {
    const pid = lockHolderPid(other.dbPath);
    await page.getByTestId('open-path').fill(other.dbPath);
    await page.getByTestId('open-db').click();
    await expect(page.getByTestId('open-error')).toContainText(`canopy.sqlite is already open in browser host (process id ${pid})`);
    await expect(page.getByTestId('admin-db-path')).toHaveText(host.dbPath);
  } finally {
    await other.stop();
  }

  const csv = path.join(host.dir, 'people.csv');
  fs.writeFileSync(csv, 'employee_number,first_name\nE1,Ann\n');
  await page.getByTestId('backup-path').fill(csv);
  await page.getByTestId('backup-now').click();
  await expect(page.getByRole('alert').filter({ hasText: 'people.csv already exists and is not a Canopy database' })).toBeVisible();
  expect(fs.readFileSync(csv, 'utf8')).toBe('employee_number,first_name\nE1,Ann\n');
});

/** The process the lock file names as holding the database (the other browser host). */
function lockHolderPid(dbPath: string): number {
  const lock = new Database(`${dbPath}.canopy-lock`, { readonly: true, fileMustExist: true });
  try {
    return (lock.prepare('SELECT pid FROM holder').get() as { pid: number }).pid;
  } finally {
    lock.close();
  }
}
