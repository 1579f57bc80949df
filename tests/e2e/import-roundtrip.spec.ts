import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expect, goTo, test, type HostFixture } from './fixtures';

/** Every stored row of the people tables (versions and times included) and the audit count. */
function snapshot(host: HostFixture) {
  const rows = (table: string) => host.query(`SELECT * FROM ${table} ORDER BY id`);
  return { department: rows('department'), job: rows('job'), position: rows('position'), employee: rows('employee'), audit: host.query(`SELECT count(*) AS n FROM audit_event`) };
}

/** Exports a grid from its page the way a user does, returning the saved file. */
async function exportGrid(page: Page, host: HostFixture, route: string, grid: string, format: 'CSV' | 'XLSX') {
  await goTo(page, route);
  await expect(page.getByTestId(`grid-${grid}`).getByRole('row').nth(1)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('grid-export').click();
  await page.getByRole('menuitem', { name: format }).click();
  const file = path.join(host.dir, `${grid}.${format.toLowerCase()}`);
  await (await download).saveAs(file);
  return file;
}

async function chooseFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-file').click();
  await (await chooser).setFiles(file);
}

test('export every people grid, import each file back: the preview and the database say nothing changes', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  const before = snapshot(host);
  const count = (table: string) => (host.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE archived = 0`)[0].n);
  const grids = [
    { route: '/people/employees', grid: 'employees', kind: 'Employees', format: 'CSV', rows: count('employee'), nouns: 'employees' },
    { route: '/people/departments', grid: 'departments', kind: 'Departments', format: 'XLSX', rows: count('department'), nouns: 'departments' },
    { route: '/people/jobs', grid: 'jobs', kind: 'Jobs', format: 'CSV', rows: count('job'), nouns: 'jobs' },
    { route: '/people/positions', grid: 'positions', kind: 'Positions', format: 'XLSX', rows: count('position'), nouns: 'positions' },
  ] as const;
  for (const g of grids) {
    const file = await exportGrid(page, host, g.route, g.grid, g.format);
    await goTo(page, '/people/import');
    await page.getByTestId('import-kind').getByText(g.kind, { exact: true }).click();
    await chooseFile(page, file);
    await expect(page.getByTestId('import-summary')).toHaveText(`${g.rows} rows: 0 new ${g.nouns}, 0 updates, ${g.rows} unchanged.`);
    await expect(page.getByTestId('import-creates')).toHaveCount(0);
    await expect(page.getByText('No problems found.')).toBeVisible();
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-result')).toContainText(`0 ${g.nouns} created, 0 updated, ${g.rows} unchanged.`);
  }
  expect(snapshot(host)).toEqual(before);
});

test('an edited export: the preview lists the department it will create before anything is stored', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  const file = await exportGrid(page, host, '/people/employees', 'employees', 'CSV');
  const [columns, cells, ...rest] = Papa.parse<string[]>(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  cells[columns.indexOf('Department')] = 'Customer Insights';
  fs.writeFileSync(file, Papa.unparse([columns, cells, ...rest]));
  await goTo(page, '/people/import');
  await chooseFile(page, file);
  await expect(page.getByTestId('import-creates')).toContainText('1 new department: Customer Insights');
  await expect(page.getByTestId('import-summary')).toContainText('0 new employees, 1 update,');
  expect(host.query(`SELECT count(*) AS n FROM department WHERE name = 'Customer Insights'`)).toEqual([{ n: 0 }]);
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toContainText('0 employees created, 1 updated');
  expect(host.query(`SELECT e.employee_number AS number FROM employee e JOIN department d ON d.id = e.department_id WHERE d.name = 'Customer Insights'`)).toEqual([{ number: cells[0] }]);
});
