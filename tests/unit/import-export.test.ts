import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../src-main/imports/mapping';
import { EMPLOYEE_IMPORT_FIELDS } from '../../src-shared/api';
import { openTestApp } from './helpers';

const HEADER = 'Emp No,First,Surname,E-mail,Start date,Status,Manager,Dept,Division,Job,Level,Position,Office';
const GOOD_ROWS = [
  'E100,Ada,Lovelace,ada@example.com,2019-04-01,Active,,Engineering,Technology,CTO,E1,Chief Technology Officer,London',
  'E101,Alan,Turing,alan@example.com,2020-05-12,Active,E100,Engineering,Technology,Engineer,L3,Engineer,London',
  'E102,Grace,Hopper,grace@example.com,2021-09-30,On leave,E100,Engineering,Technology,Engineer,L3,Engineer,Remote',
];
const csv = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\r\n'), 'utf8').toString('base64');
const file = (rows: string[]) => ({ kind: 'employees' as const, fileName: 'people.csv', contentBase64: csv(rows) });

describe('employee import', () => {
  it('suggests a mapping from header names and aliases', () => {
    const mapping = suggestMapping(HEADER.split(','), EMPLOYEE_IMPORT_FIELDS);
    expect(mapping).toMatchObject({ employeeNumber: 'Emp No', firstName: 'First', lastName: 'Surname', email: 'E-mail', hireDate: 'Start date', managerNumber: 'Manager', department: 'Dept', parentDepartment: 'Division', jobTitle: 'Job', jobLevel: 'Level', positionTitle: 'Position', location: 'Office' });
  });

  it('reports every bad row with row, column and problem, and stores nothing', async () => {
    const app = await openTestApp();
    const bad = [...GOOD_ROWS, 'E103,Bad,Date,x@example.com,2021-02-30,Active,E999,Engineering,,Engineer,L3,,London', 'E100,Dup,Number,,2020-01-01,Sometimes,,,,,,,'];
    const preview = await app.ok('admin.previewImport', file(bad));
    expect(preview.issues).toEqual(expect.arrayContaining([
      { row: 5, column: 'Start date', message: '"2021-02-30" is not a real date in the format YYYY-MM-DD.' },
      { row: 6, column: 'Emp No', message: 'Employee number E100 also appears on row 2.' },
      { row: 6, column: 'Status', message: expect.stringMatching(/Sometimes/) },
    ]));
    const error = await app.fail('admin.commitImport', { ...file(bad), mapping: preview.mapping });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/Nothing was imported/);
    for (const table of ['employee', 'department', 'job', 'position', 'audit_event']) expect(app.count(table)).toBe(0);
  });

  it('imports the fixed file with departments, jobs, positions and managers, then updates on re-import', async () => {
    const app = await openTestApp();
    const preview = await app.ok('admin.previewImport', file(GOOD_ROWS));
    expect(preview.issues).toEqual([]);
    expect(preview.summary).toEqual({ create: 3, update: 0, unchanged: 0 });
    expect(await app.ok('admin.commitImport', { ...file(GOOD_ROWS), mapping: preview.mapping })).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const { rows } = await app.ok('people.listEmployees', {});
    const ada = rows.find((r) => r.employeeNumber === 'E100')!;
    expect(rows.find((r) => r.employeeNumber === 'E101')!.managerId).toBe(ada.id);
    const departments = (await app.ok('people.listDepartments', {})).rows;
    expect(departments.find((d) => d.name === 'Engineering')!.parentId).toBe(departments.find((d) => d.name === 'Technology')!.id);
    expect(app.count('position')).toBe(3);
    const again = await app.ok('admin.commitImport', { ...file(GOOD_ROWS.map((r) => r.replace('London', 'Paris'))), mapping: preview.mapping });
    expect(again).toEqual({ created: 0, updated: 2, unchanged: 1 });
    expect(app.count('employee')).toBe(3);
    expect(app.count('position')).toBe(3);
    const remembered = await app.ok('admin.previewImport', file(GOOD_ROWS));
    expect(remembered.mapping).toEqual(preview.mapping);
  });

  it('takes a manager who comes later in the file, by number, email or "Name (Number)"', async () => {
    const app = await openTestApp();
    const rows = ['E3,Cy,Diaz,,2020-01-01,Active,ada@example.com,,,,,,', 'E2,Bo,Chen,,2020-01-01,Active,Ada Lovelace (E1),,,,,,', 'E1,Ada,Lovelace,ada@example.com,2020-01-01,Active,,,,,,,', 'E4,Di,Evans,,2020-01-01,Active,E2,,,,,,'];
    const preview = await app.ok('admin.previewImport', file(rows));
    expect(preview.issues).toEqual([]);
    await app.ok('admin.commitImport', { ...file(rows), mapping: preview.mapping });
    expect(app.store().raw.prepare(`SELECT e.employee_number AS n, m.employee_number AS manager FROM employee e LEFT JOIN employee m ON m.id = e.manager_id ORDER BY 1`).all()).toEqual([
      { n: 'E1', manager: null }, { n: 'E2', manager: 'E1' }, { n: 'E3', manager: 'E1' }, { n: 'E4', manager: 'E2' },
    ]);
  });

  it('refuses a manager loop inside the file', async () => {
    const app = await openTestApp();
    const loop = ['E1,A,A,,2020-01-01,Active,E2,,,,,,', 'E2,B,B,,2020-01-01,Active,E1,,,,,,'];
    const preview = await app.ok('admin.previewImport', file(loop));
    expect(preview.issues.map((i) => i.message).join(' ')).toMatch(/loops back/);
  });

  it('refuses a file that is not UTF-8 or is binary, clearly', async () => {
    const app = await openTestApp();
    const latin1 = Buffer.from(`${HEADER}\nE1,Zoë,Müller,,2020-01-01,Active,,,,,,,\n`, 'latin1').toString('base64');
    const error = await app.fail('admin.previewImport', { kind: 'employees', fileName: 'people.csv', contentBase64: latin1 });
    expect(error.message).toMatch(/not UTF-8/);
    const notXlsx = await app.fail('admin.previewImport', { kind: 'employees', fileName: 'people.xlsx', contentBase64: csv(GOOD_ROWS) });
    expect(notXlsx.message).toMatch(/not a readable Excel/);
  });

  it('imports from XLSX', async () => {
    const app = await openTestApp();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow(['Employee number', 'First name', 'Last name', 'Hire date']);
    sheet.addRow(['X1', 'Ann', 'Lee', new Date(Date.UTC(2020, 0, 15))]);
    const contentBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const preview = await app.ok('admin.previewImport', { kind: 'employees', fileName: 'people.xlsx', contentBase64 });
    expect(preview.issues).toEqual([]);
    await app.ok('admin.commitImport', { kind: 'employees', fileName: 'people.xlsx', contentBase64, mapping: preview.mapping });
    expect((await app.ok('people.listEmployees', {})).rows[0]).toMatchObject({ employeeNumber: 'X1', hireDate: '2020-01-15' });
  });
});

describe('table export', () => {
  it('writes CSV with a BOM and neutralises formulas', async () => {
    const app = await openTestApp();
    const out = await app.ok('admin.exportTable', { format: 'csv', title: 'People', headers: ['Name', 'Note'], rows: [['Ann', '=HYPERLINK("x")']] });
    const text = Buffer.from(out.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFName,Note')).toBe(true);
    expect(text).toContain(`'=HYPERLINK`);
  });

  it('refuses a row wider than its headers with a clear message', async () => {
    const app = await openTestApp();
    const error = await app.fail('admin.exportTable', { format: 'xlsx', title: 'People', headers: ['Name'], rows: [['Ann'], ['Bo', 'extra']] });
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'Row 2 has 2 cells but the table has only 1 column. Nothing was exported.' });
  });

  it('writes an XLSX that reads back', async () => {
    const app = await openTestApp();
    const out = await app.ok('admin.exportTable', { format: 'xlsx', title: 'People', headers: ['Name', 'Age'], rows: [['Ann', 41], ['Bo', null]] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(out.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Age']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Ann', 41]);
  });
});
