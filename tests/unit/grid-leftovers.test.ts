import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src-main/imports/read-table';
import { deleteQuestion } from '../../src-renderer/grid/DeleteConfirm';
import { exportScope } from '../../src-renderer/grid/GridToolbar';
import { openTestApp } from './helpers';

describe('grid exports write calendar dates as Excel dates', () => {
  it('marks date columns as dates shown yyyy-mm-dd, leaves other text alone, and reads back unchanged', async () => {
    const app = await openTestApp();
    const file = await app.ok('admin.exportTable', {
      format: 'xlsx',
      title: 'People',
      headers: ['Name', 'Hire date', 'Note'],
      rows: [['Ann', '2024-02-29', '2024-02-29'], ['Bob', null, 'x'], ['Cy', '1999-12-31', null]],
      dateColumns: [1],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const hired = sheet.getCell('B2');
    expect(hired.type).toBe(ExcelJS.ValueType.Date);
    expect((hired.value as Date).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(hired.numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('B3').value).toBeNull();
    expect((sheet.getCell('B4').value as Date).toISOString()).toBe('1999-12-31T00:00:00.000Z');
    // The header and the columns not named as dates stay text.
    expect(sheet.getCell('B1').value).toBe('Hire date');
    expect(sheet.getCell('C2').value).toBe('2024-02-29');
    expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.String);

    const back = await readTable(file.fileName, file.contentBase64);
    expect(back.headers).toEqual(['Name', 'Hire date', 'Note']);
    expect(back.rows.map((r) => r[1])).toEqual(['2024-02-29', '', '1999-12-31']);
  });
});

describe('grid messages', () => {
  it('names how many records of which kind the confirm archives or removes, and what happens to them', () => {
    const employees = { one: 'employee', other: 'employees' };
    expect(deleteQuestion(3, employees, 'archive')).toMatchObject({ title: 'Archive employees', question: 'Archive 3 employees?', action: 'Archive' });
    expect(deleteQuestion(3, employees, 'archive').consequence).toMatch(/nothing is erased: “Show archived” shows them again/);
    expect(deleteQuestion(1, employees, 'archive').question).toBe('Archive 1 employee?');
    const requirements = { one: 'requirement', other: 'requirements' };
    expect(deleteQuestion(1200, requirements, 'remove')).toMatchObject({ question: 'Delete 1,200 requirements?', action: 'Delete' });
    expect(deleteQuestion(1, requirements, 'remove').consequence).toBe('It is erased for good; Undo cannot bring it back.');
  });

  it('says what an export holds, and that it is filtered', () => {
    expect(exportScope(300, 300)).toBe('Exports all 300 rows');
    expect(exportScope(123, 1000)).toBe('Exports the 123 rows shown (filtered; 1,000 in all)');
    expect(exportScope(1, 5)).toBe('Exports the 1 row shown (filtered; 5 in all)');
  });
});
