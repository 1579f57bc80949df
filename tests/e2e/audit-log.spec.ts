import fs from 'node:fs';
import { expect, goTo, test } from './fixtures';

test('the audit log shows a changed field as before → after with the record by name; filters by record and person; exports', async ({ page, seededHost: host }) => {
  const [person] = host.query<{ id: string; name: string; number: string; department: string }>(
    `SELECT e.id, e.first_name || ' ' || e.last_name AS name, e.employee_number AS number, d.name AS department
       FROM employee e JOIN department d ON d.id = e.department_id WHERE e.status = 'active' AND d.name = 'Platform' LIMIT 1`,
  );
  await page.goto(host.url);
  // Who made the change is the name set in Admin.
  await goTo(page, '/admin');
  await page.getByLabel('Name', { exact: true }).fill('Hana HR');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => host.query(`SELECT value FROM setting WHERE key = 'actorName'`)).toEqual([{ value: 'Hana HR' }]);

  await goTo(page, `/people/employees/${person.id}`);
  await page.getByTestId('employee-edit').click();
  const form = page.getByTestId('employee-form');
  await form.getByRole('textbox', { name: 'Department' }).fill('Payments');
  await page.getByRole('option', { name: 'Payments · Engineering', exact: true }).click();
  await form.getByLabel('Location').fill('Lisbon');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();

  // The employee page's link opens the log filtered to this record.
  await page.getByTestId('employee-audit-link').click();
  await expect(page).toHaveURL(new RegExp(`entityId=${person.id}`));
  await expect(page.getByTestId('audit-filter-record')).toHaveValue(`${person.name} (${person.number}) · Employee`);
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row).toContainText('Hana HR');
  await expect(row).toContainText(`${person.name} (${person.number})`);
  await expect(row).toContainText('Changed');
  const changes = row.getByTestId('audit-change');
  await expect(changes.filter({ hasText: 'Department:' })).toHaveText('Department: Platform → Payments');
  await expect(changes.filter({ hasText: 'Location:' })).toContainText('→ Lisbon');
  // No JSON or ids in the table; the raw payload only on request.
  await expect(page.getByTestId('audit-table')).not.toContainText(person.id);
  await expect(page.getByTestId('audit-raw')).toHaveCount(0);
  await row.getByRole('button', { name: 'Raw' }).click();
  await expect(page.getByTestId('audit-raw').last()).toContainText('"location": "Lisbon"');
  await page.screenshot({ path: 'test-results/audit-log-record.png', fullPage: true });

  // The export holds the filtered events, one row per changed field, with names not ids.
  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  await page.getByRole('menuitem', { name: 'CSV' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe('When,Who,Record type,Record,Action,Field,Before,After');
  const body = lines.slice(1).map((line) => line.split(','));
  expect(body).toHaveLength(2);
  expect(body.map((cells) => cells.slice(1))).toContainEqual(['Hana HR', 'Employee', `${person.name} (${person.number})`, 'Changed', 'Department', 'Platform', 'Payments']);
  expect(body.find((cells) => cells[5] === 'Location')?.[7]).toBe('Lisbon');

  // By person: everything Hana did (the name change itself was made under the earlier name).
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByTestId('audit-filter-actor').click();
  await page.getByRole('option', { name: 'Hana HR' }).click();
  await expect(rows).toHaveCount(1);

  // A type-ahead finds the record by name.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByTestId('audit-filter-record').fill(person.name.split(' ')[1]);
  await page.getByRole('option', { name: `${person.name} (${person.number}) · Employee` }).click();
  await expect(page).toHaveURL(new RegExp(`entityId=${person.id}`));
  await expect(rows).toHaveCount(1);
  await page.screenshot({ path: 'test-results/audit-log-typeahead.png' });
});
