import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../src-main/imports/mapping';
import { EMPLOYEE_IMPORT_FIELDS, JOB_IMPORT_FIELDS, type ImportMapping } from '../../src-shared/api';
import { openTestApp } from './helpers';

const FIXTURE = path.resolve('tests/fixtures/hr-analytics-extract.csv');
const extract = () => ({ kind: 'employees' as const, fileName: 'hr-analytics-extract.csv', contentBase64: fs.readFileSync(FIXTURE).toString('base64') });
const csvFile = (lines: string[], fileName = 'people.csv') => ({ kind: 'employees' as const, fileName, contentBase64: Buffer.from(lines.join('\n')).toString('base64') });

describe('matching headers', () => {
  it('reads CamelCase, snake_case, any case and the usual names for a job title', () => {
    expect(suggestMapping(['EmployeeNumber', 'FIRST_NAME', 'last-name', 'hire_date', 'JobRole', 'JobLevel', 'E-mail'], EMPLOYEE_IMPORT_FIELDS)).toEqual({
      employeeNumber: 'EmployeeNumber', firstName: 'FIRST_NAME', lastName: 'last-name', hireDate: 'hire_date', jobTitle: 'JobRole', jobLevel: 'JobLevel', email: 'E-mail',
    });
    for (const header of ['job_role', 'Position Title', 'Job Role', 'ROLE']) expect(suggestMapping([header], EMPLOYEE_IMPORT_FIELDS).jobTitle, header).toBe(header);
    expect(suggestMapping(['position_title', 'Level / grade'], JOB_IMPORT_FIELDS)).toEqual({ title: 'position_title', level: 'Level / grade' });
  });

  it('prefers the field’s own name over a loose alias ("Employee Number" over "ID")', () => {
    expect(suggestMapping(['ID', 'Employee Number'], EMPLOYEE_IMPORT_FIELDS).employeeNumber).toBe('Employee Number');
  });

  it('maps the HR analytics extract’s columns and nothing else', async () => {
    const app = await openTestApp();
    const preview = await app.ok('admin.previewImport', extract());
    expect(preview.headers).toHaveLength(35);
    expect(preview.mapping).toEqual({ employeeNumber: 'EmployeeNumber', department: 'Department', jobTitle: 'JobRole', jobLevel: 'JobLevel' });
    // No names and no hire dates: one problem per missing field, not one per row.
    expect(preview.issues).toEqual([
      { row: 1, column: 'First name', message: '36 rows are new employees, who need a first name: choose its column, type one value for every row, or build it with a pattern from other columns.' },
      { row: 1, column: 'Last name', message: '36 rows are new employees, who need a last name: choose its column, type one value for every row, or build it with a pattern from other columns.' },
      { row: 1, column: 'Hire date', message: '36 rows are new employees, who need a hire date: choose its column, type one value for every row, or build it with a pattern from other columns.' },
    ]);
  });
});

describe('a field from one value for every row or a pattern', () => {
  const completed = (mapping: ImportMapping): ImportMapping => ({
    ...mapping,
    firstName: { value: 'Employee' },
    lastName: { pattern: '{EmployeeNumber}' },
    hireDate: { value: '2024-01-01' },
    status: { value: 'Active' },
  });

  it('imports an anonymised extract with only number, department, role and level: every row stored', async () => {
    const app = await openTestApp();
    const mapping = completed((await app.ok('admin.previewImport', extract())).mapping);
    const preview = await app.ok('admin.previewImport', { ...extract(), mapping });
    expect(preview.issues).toEqual([]);
    expect(preview.summary).toEqual({ create: 36, update: 0, unchanged: 0 });
    expect(preview.creates).toEqual([
      { entity: 'department', count: 3, names: ['Human Resources', 'Sales', 'Research & Development'] },
      { entity: 'job', count: 14, names: expect.arrayContaining(['Manager (4)', 'Sales Representative (1)', 'Research Scientist (1)']) },
    ]);
    expect(await app.ok('admin.commitImport', { ...extract(), mapping })).toEqual({ created: 36, updated: 0, unchanged: 0 });
    const stored = app.store().raw.prepare(`SELECT e.first_name AS first, e.last_name AS last, e.hire_date AS hired, e.status, d.name AS department, j.title, j.level
      FROM employee e JOIN department d ON d.id = e.department_id JOIN job j ON j.id = e.job_id WHERE e.employee_number = '4'`).get();
    // Row 4 of the fixture: EmployeeNumber 4, Research & Development, Research Scientist, level 1.
    expect(stored).toEqual({ first: 'Employee', last: '4', hired: '2024-01-01', status: 'active', department: 'Research & Development', title: 'Research Scientist', level: '1' });
    expect(app.count('employee')).toBe(36);
    expect(app.count('department')).toBe(3);
    expect(app.count('job')).toBe(14);
    // The same file again (the mapping is remembered) changes nothing.
    const again = await app.ok('admin.previewImport', extract());
    expect(again.mapping).toEqual(mapping);
    expect(again.summary).toEqual({ create: 0, update: 0, unchanged: 36 });
  });

  it('checks a value typed for every row once, and says where a pattern’s column is missing or empty', async () => {
    const app = await openTestApp();
    const base = (await app.ok('admin.previewImport', extract())).mapping;
    const badDate = await app.ok('admin.previewImport', { ...extract(), mapping: { ...completed(base), hireDate: { value: '2024-02-30' } } });
    expect(badDate.issues).toEqual([{ row: 1, column: 'Hire date', message: '"2024-02-30" is not a real date in the format YYYY-MM-DD (the value typed for every row).' }]);
    const missing = await app.ok('admin.previewImport', { ...extract(), mapping: { ...completed(base), lastName: { pattern: 'No. {Staff ID}' } } });
    expect(missing.issues).toEqual([{ row: 1, column: 'Last name', message: 'The pattern "No. {Staff ID}" names the column "Staff ID", which the file does not have.' }]);
    const file = csvFile(['Number,Nick', 'N1,Ann', 'N2,']);
    const empty = await app.ok('admin.previewImport', { ...file, mapping: { employeeNumber: 'Number', firstName: { pattern: '{Nick}' }, lastName: { pattern: '{Nick} {Number}' }, hireDate: { value: '2020-01-01' } } });
    expect(empty.issues).toEqual([
      { row: 3, column: 'First name', message: 'First name is empty (the pattern\'s column "Nick" is empty on this row).' },
      { row: 3, column: 'Last name', message: 'Last name is empty (the pattern\'s column "Nick" is empty on this row).' },
    ]);
  });

  it('leaves unmapped fields of stored employees alone and needs names only for new ones', async () => {
    const app = await openTestApp();
    await app.ok('admin.commitImport', { ...csvFile(['Number,First,Last,Email,Start', 'N1,Ann,Lee,ann@example.com,2020-01-01']), mapping: { employeeNumber: 'Number', firstName: 'First', lastName: 'Last', email: 'Email', hireDate: 'Start' } });
    const update = csvFile(['Number,Location', 'N1,Paris']);
    const preview = await app.ok('admin.previewImport', update);
    expect(preview.issues).toEqual([]);
    expect(preview.summary).toEqual({ create: 0, update: 1, unchanged: 0 });
    await app.ok('admin.commitImport', { ...update, mapping: preview.mapping });
    expect(app.store().raw.prepare(`SELECT first_name, email, location, version FROM employee`).get()).toEqual({ first_name: 'Ann', email: 'ann@example.com', location: 'Paris', version: 2 });
    const withNew = await app.ok('admin.previewImport', csvFile(['Number,Location', 'N1,Rome', 'N2,Oslo']));
    expect(withNew.issues[0].message).toMatch(/^1 row is a new employee, who needs a first name:/);
  });
});

describe('every problem is reported', () => {
  const rows = (n: number) => ['Employee number,First name,Last name,Hire date', ...Array.from({ length: n }, (_, i) => `B${i + 1},First,Last,2021-02-30`)];

  it('1,500 problems: the preview says 1,500, lists the first 1,000 and the report file has all 1,500', async () => {
    const app = await openTestApp();
    const file = csvFile(rows(1500));
    const preview = await app.ok('admin.previewImport', file);
    expect(preview.issueCount).toBe(1500);
    expect(preview.issues).toHaveLength(1000);
    const report = await app.ok('admin.exportImportReport', { ...file, mapping: preview.mapping });
    expect(report.fileName).toMatch(/^Import problems people \d{4}-\d{2}-\d{2}\.csv$/);
    const parsed = Papa.parse<string[]>(Buffer.from(report.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['Row', 'Column', 'Problem']);
    expect(parsed).toHaveLength(1501);
    expect(parsed[1500]).toEqual(['1501', 'Hire date', '"2021-02-30" is not a real date in the format YYYY-MM-DD.']);
    expect(new Set(parsed.slice(1).map((r) => r[0])).size).toBe(1500);
    const error = await app.fail('admin.commitImport', { ...file, mapping: preview.mapping });
    expect(error.message).toBe('Row 2, Hire date: "2021-02-30" is not a real date in the format YYYY-MM-DD. (and 1,499 more problems). Nothing was imported.');
    expect(app.count('employee')).toBe(0);
  });

  it('says "1 more problem" for two, and names statuses as users write them', async () => {
    const app = await openTestApp();
    const file = csvFile(['Employee number,First name,Last name,Hire date,Status', 'S1,A,B,2020-01-01,on_hold', 'S2,C,D,2020-13-01,On leave']);
    const error = await app.fail('admin.commitImport', { ...file, mapping: (await app.ok('admin.previewImport', file)).mapping });
    expect(error.message).toBe('Row 2, Status: Status "on_hold" is not one of Active, On leave, Terminated. (and 1 more problem). Nothing was imported.');
  });
});
