import fs from 'node:fs';
import path from 'node:path';
import { expect, goTo, test } from './fixtures';

test('back up now writes a copy; opening a file that is not a database is refused', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  await goTo(page, '/admin');
  await expect(page.getByTestId('admin-db-path')).toHaveText(host.dbPath);
  const target = path.join(host.dir, 'backup.sqlite');
  await page.getByTestId('backup-path').fill(target);
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-done')).toContainText(target);
  expect(fs.statSync(target).size).toBeGreaterThan(10_000);

  const junk = path.join(host.dir, 'notes.sqlite');
  fs.writeFileSync(junk, 'not a database');
  await page.getByTestId('open-path').fill(junk);
  await page.getByTestId('open-db').click();
  await expect(page.getByTestId('open-error')).toContainText('not a Canopy database');
  expect(fs.readFileSync(junk, 'utf8')).toBe('not a database');
  await expect(page.getByTestId('admin-db-path')).toHaveText(host.dbPath);
});

test('the audit log lists changes made in the grid', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  await goTo(page, '/people/jobs');
  await page.getByTestId('grid-add-row').click();
  await page.keyboard.type('Chief Audit Tester');
  await page.keyboard.press('Enter');
  await expect.poll(() => host.query(`SELECT count(*) AS n FROM audit_event WHERE entity = 'job' AND action = 'create'`)).toEqual([{ n: 1 }]);
  await goTo(page, '/admin/audit');
  await expect(page.getByTestId('audit-table').getByText(/Chief Audit Tester/).first()).toBeVisible();
});

test('the org tree shows departments with headcounts and links to their people', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  await goTo(page, '/people/org');
  const tree = page.getByTestId('org-tree');
  await expect(tree.getByText('Canopy Group')).toBeVisible();
  await expect(tree.getByText('Engineering', { exact: true })).toBeVisible();
  const [eng] = host.query<{ id: string }>(`SELECT id FROM department WHERE name = 'Engineering'`);
  await tree.getByText('Engineering', { exact: true }).locator('..').getByRole('link', { name: 'people' }).click();
  await expect(page).toHaveURL(new RegExp(`department=${eng.id}`));
});
