import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { api, expect, goTo, test } from './fixtures';

const HEADER = 'Payroll ref,Given name,Family name,Work email,Start date,Manager,Team,Job,Office';
const ROWS = [
  'S1,Ada,Lovelace,ada@example.com,2019-04-01,,Analytics,Lead Analyst,London',
  'S2,Alan,Turing,alan@example.com,2020-05-12,S1,Analytics,Analyst,London',
  'S3,Grace,Hopper,grace@example.com,2021-09-30,S1,Analytics,Analyst,Remote',
];

test('import a CSV: map columns, see the bad row reported with nothing stored, then import the fixed file', async ({ page, host }) => {
  const bad = path.join(host.dir, 'staff.csv');
  fs.writeFileSync(bad, [HEADER, ...ROWS.slice(0, 2), 'S3,Grace,Hopper,grace-at-example,2021-09-31,S9,Analytics,Analyst,Remote'].join('\n'));
  await page.goto(host.url);
  await goTo(page, '/people/import');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-file').click();
  await (await chooser).setFiles(bad);

  // "Payroll ref" is not a known header: map it by hand.
  await page.getByRole('textbox', { name: 'Column for Employee number' }).click();
  await page.getByRole('option', { name: 'Payroll ref' }).click();
  await expect(page.getByRole('textbox', { name: 'Column for Hire date' })).toHaveValue('Start date');
  const issues = page.getByTestId('import-issues');
  await expect(issues).toContainText('Work email');
  await expect(issues.getByRole('row', { name: /4\s*Start date.*2021-09-31/ })).toBeVisible();
  await expect(issues.getByRole('row', { name: /4\s*Manager.*S9/ })).toBeVisible();
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  expect(host.query(`SELECT count(*) AS n FROM employee`)).toEqual([{ n: 0 }]);

  const fixed = path.join(host.dir, 'staff-fixed.csv');
  fs.writeFileSync(fixed, [HEADER, ...ROWS].join('\n'));
  const again = page.waitForEvent('filechooser');
  await page.getByTestId('import-file').click();
  await (await again).setFiles(fixed);
  await expect(page.getByTestId('import-summary')).toHaveText('3 rows: 3 new employees, 0 updates, 0 unchanged.');
  await expect(page.getByRole('textbox', { name: 'Column for Employee number' })).toHaveValue('Payroll ref');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toContainText('3 employees created');
  expect(host.query(`SELECT e.employee_number AS n, m.employee_number AS manager FROM employee e LEFT JOIN employee m ON m.id = e.manager_id ORDER BY 1`)).toEqual([
    { n: 'S1', manager: null },
    { n: 'S2', manager: 'S1' },
    { n: 'S3', manager: 'S1' },
  ]);
  expect(host.query(`SELECT name FROM department`)).toEqual([{ name: 'Analytics' }]);
});

test('export the employees grid to XLSX and read it back', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  await goTo(page, '/people/employees');
  await expect(page.getByTestId('grid-employees').getByRole('row').nth(1)).toBeVisible();
  await page.getByTestId('grid-export').click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'XLSX' }).click();
  const file = path.join(host.dir, 'export.xlsx');
  await (await download).saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['Number', 'First name', 'Last name', 'Hire date', 'Department']));
  const total = host.query<{ n: number }>(`SELECT count(*) AS n FROM employee WHERE archived = 0`)[0].n;
  expect(sheet.rowCount).toBe(total + 1);
  const numbers = new Set(host.query<{ n: string }>(`SELECT employee_number AS n FROM employee`).map((r) => r.n));
  expect(numbers.has(String(sheet.getRow(2).getCell(1).value))).toBe(true);
});

test('import an ESCO-style skills file, then import it again: skills are updated, not duplicated', async ({ page, host }) => {
  await page.goto(host.url);
  await api(page, 'skills.saveRatingModel', { name: 'Proficiency', levels: [{ label: 'Basic', factor: 2 }, { label: 'Expert', factor: 8 }] });
  const header = 'conceptUri,skillType,preferredLabel,altLabels,description';
  const file = path.join(host.dir, 'skills_en.csv');
  fs.writeFileSync(file, [header, 'esco:1,knowledge,SQL,structured query language,Query language.', 'esco:2,skill/competence,work in teams,,Collaborate.'].join('\n'));
  await goTo(page, '/skills/import');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-file').click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('textbox', { name: 'Column for External id' })).toHaveValue('conceptUri');
  await expect(page.getByTestId('import-summary')).toHaveText('2 rows: 2 new skills, 0 updates, 0 unchanged.');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toContainText('2 skills created');

  fs.writeFileSync(file, [header, 'esco:1,knowledge,SQL,,Querying databases.', 'esco:2,skill/competence,teamwork,,Collaborate.'].join('\n'));
  const again = page.waitForEvent('filechooser');
  await page.getByTestId('import-file').click();
  await (await again).setFiles(file);
  await expect(page.getByTestId('import-summary')).toHaveText('2 rows: 0 new skills, 2 updates, 0 unchanged.');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toContainText('0 skills created, 2 updated, 0 unchanged');
  expect(host.query(`SELECT external_id AS id, name FROM skill ORDER BY external_id`)).toEqual([{ id: 'esco:1', name: 'SQL' }, { id: 'esco:2', name: 'teamwork' }]);
});
