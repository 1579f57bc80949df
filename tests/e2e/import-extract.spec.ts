import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expect, goTo, test } from './fixtures';

const EXTRACT = path.resolve('tests/fixtures/hr-analytics-extract.csv');

async function chooseFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-file').click();
  await (await chooser).setFiles(file);
}

/** Picks where a field comes from in the mapping step. */
async function source(page: Page, field: string, option: string) {
  await page.getByRole('textbox', { name: `Source for ${field}` }).click();
  await page.getByRole('option', { name: option }).click();
}

test('an anonymised HR extract (number, department, role, level): names from a pattern, one hire date for all, every row stored', async ({ page, host }) => {
  await page.goto(host.url);
  await goTo(page, '/people/import');
  await chooseFile(page, EXTRACT);
  await expect(page.getByRole('textbox', { name: 'Column for Employee number' })).toHaveValue('EmployeeNumber');
  await expect(page.getByRole('textbox', { name: 'Column for Job title' })).toHaveValue('JobRole');
  await expect(page.getByRole('textbox', { name: 'Column for Job level' })).toHaveValue('JobLevel');
  await expect(page.getByTestId('import-problems')).toContainText('3 problems found');
  await expect(page.getByTestId('import-issues')).toContainText('36 rows are new employees, who need a first name');
  await page.screenshot({ path: 'test-results/import-extract-unmapped.png', fullPage: true });

  await source(page, 'First name', 'One value for every row');
  await page.getByRole('textbox', { name: 'Value for First name' }).fill('Employee');
  await source(page, 'Last name', 'Pattern from other columns');
  await page.getByRole('textbox', { name: 'Insert a column into the pattern for Last name' }).click();
  await page.getByRole('option', { name: 'EmployeeNumber', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Pattern for Last name', exact: true })).toHaveValue('{EmployeeNumber}');
  await source(page, 'Hire date', 'One value for every row');
  await page.getByRole('textbox', { name: 'Value for Hire date' }).fill('2024-01-01');
  await page.getByRole('textbox', { name: 'Value for Hire date' }).press('Enter');

  await expect(page.getByText('No problems found.')).toBeVisible();
  await expect(page.getByTestId('import-summary')).toHaveText('36 rows: 36 new employees, 0 updates, 0 unchanged.');
  await expect(page.getByTestId('import-creates')).toContainText('3 new departments: Human Resources; Sales; Research & Development');
  await expect(page.getByTestId('import-creates')).toContainText('14 new jobs:');
  await page.screenshot({ path: 'test-results/import-extract-mapped.png', fullPage: true });
  expect(host.query(`SELECT count(*) AS n FROM employee`)).toEqual([{ n: 0 }]);

  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toContainText('36 employees created, 0 updated, 0 unchanged.');
  const stored = host.query<{ number: string; first: string; last: string; hired: string; department: string; job: string; level: string }>(
    `SELECT e.employee_number AS number, e.first_name AS first, e.last_name AS last, e.hire_date AS hired, d.name AS department, j.title AS job, j.level
       FROM employee e JOIN department d ON d.id = e.department_id JOIN job j ON j.id = e.job_id ORDER BY CAST(e.employee_number AS INTEGER)`,
  );
  const file = Papa.parse<Record<string, string>>(fs.readFileSync(EXTRACT, 'utf8'), { header: true, skipEmptyLines: true }).data;
  expect(stored).toEqual(file.map((r) => ({ number: r.EmployeeNumber, first: 'Employee', last: r.EmployeeNumber, hired: '2024-01-01', department: r.Department, job: r.JobRole, level: r.JobLevel })));
});

test('1,500 problems: the page says 1,500 and the downloaded report has every one', async ({ page, host }) => {
  const file = path.join(host.dir, 'bad-dates.csv');
  fs.writeFileSync(file, ['Employee number,First name,Last name,Hire date', ...Array.from({ length: 1500 }, (_, i) => `B${i + 1},Ann,Lee,31/02/2021`)].join('\n'));
  await page.goto(host.url);
  await goTo(page, '/people/import');
  await chooseFile(page, file);
  await expect(page.getByTestId('import-problems')).toContainText('1,500 problems found — nothing will be imported');
  await expect(page.getByTestId('import-problems')).toContainText('The list shows the first 1,000; the report has all 1,500.');
  await expect(page.getByTestId('import-issues').getByRole('row')).toHaveCount(1001);
  await page.screenshot({ path: 'test-results/import-1500-problems.png' });
  const download = page.waitForEvent('download');
  await page.getByTestId('import-report').click();
  const saved = path.join(host.dir, 'report.csv');
  await (await download).saveAs(saved);
  const rows = Papa.parse<string[]>(fs.readFileSync(saved, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  expect(rows[0]).toEqual(['Row', 'Column', 'Problem']);
  expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(Array.from({ length: 1500 }, (_, i) => i + 2));
  expect(rows[1500]).toEqual(['1501', 'Hire date', '"31/02/2021" is not a real date in the format YYYY-MM-DD.']);
  await expect(page.getByTestId('import-commit')).toBeDisabled();
});

test('a workbook with several sheets asks which one to import', async ({ page, host }) => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Notes').addRow(['Exported from the payroll system']);
  const people = workbook.addWorksheet('Staff');
  people.addRow(['Employee number', 'First name', 'Last name', 'Hire date']);
  people.addRow(['W1', 'Ann', 'Lee', new Date(Date.UTC(2020, 0, 15))]);
  const file = path.join(host.dir, 'payroll.xlsx');
  await workbook.xlsx.writeFile(file);
  await page.goto(host.url);
  await goTo(page, '/people/import');
  await chooseFile(page, file);
  await expect(page.getByTestId('import-choose-sheet')).toBeVisible();
  await expect(page.getByTestId('import-mapping')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/import-choose-sheet.png' });
  await page.getByRole('textbox', { name: 'Sheet' }).click();
  await page.getByRole('option', { name: 'Staff' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('1 row: 1 new employee, 0 updates, 0 unchanged.');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toContainText('1 employee created');
  expect(host.query(`SELECT employee_number AS n, hire_date AS d FROM employee`)).toEqual([{ n: 'W1', d: '2020-01-15' }]);
});
