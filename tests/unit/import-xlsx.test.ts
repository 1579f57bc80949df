import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src-main/imports/read-table';
import { serialToDate, isDateFormat } from '../../src-main/imports/xlsx';
import { openTestApp } from './helpers';

const base64 = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');

/** A zip with one stored or deflated entry, whose central directory may declare any size. */
function zipOf(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const compressed = deflateRawSync(entry.data);
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.declaredSize ?? entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.declaredSize ?? entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORKBOOK = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const bombSheet = (rows: number) => Buffer.from(`<worksheet><sheetData>${'<row><c t="inlineStr"><is><t>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</t></is></c></row>'.repeat(rows)}</sheetData></worksheet>`);

describe('reading XLSX', () => {
  it('refuses a workbook whose entries declare more than an import reads, before inflating anything', async () => {
    // What a zip bomb declares honestly: 1.3 GB from a small file.
    const bytes = zipOf([
      { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(RELS) },
      { name: 'xl/worksheets/sheet1.xml', data: bombSheet(10), declaredSize: 1_300_000_000 },
    ]);
    await expect(readTable('report.xlsx', bytes.toString('base64'))).rejects.toThrow(/would unpack to 1,240 MB, more than an import reads \(256 MB\)/);
  });

  it('stops a workbook that inflates past what it declared (a lying zip bomb), counting while inflating', async () => {
    const sheet = bombSheet(50_000); // ~4 MB of XML from a few KB, declared as 2 KB
    const bytes = zipOf([
      { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(RELS) },
      { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 2048 },
    ]);
    expect(bytes.length).toBeLessThan(40_000);
    await expect(readTable('report.xlsx', bytes.toString('base64'))).rejects.toThrow(/unpacks to more than it declares/);
  });

  it('reads a hand-made workbook without the parts Excel adds (no shared strings, no styles)', async () => {
    const bytes = zipOf([
      { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(RELS) },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="C1" t="inlineStr"><is><t>Age</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><r><t>Ann</t></r><r><t>e</t></r></is></c><c r="C3"><v>41</v></c></row></sheetData></worksheet>') },
    ]);
    const table = await readTable('hand.xlsx', bytes.toString('base64'));
    expect(table).toMatchObject({ headers: ['Name', 'Column B', 'Age'], rows: [['Anne', '', '41']], rowNumbers: [3], sheets: ['People'], sheet: 'People' });
  });

  it('reads prefixed tags, either quote, entities, phonetic guides and OOXML escapes as Excel means them', async () => {
    const workbookXml = `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="R&amp;D" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`;
    const rels = RELS.replace('</Relationships>', `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`);
    const shared = `<x:sst xmlns:x="x"><x:si><x:t>Name</x:t></x:si><x:si><x:r><x:t xml:space="preserve">Zoë &amp; </x:t></x:r><x:r><x:t>Ng</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ゾ</x:t></x:rPh></x:si><x:si/></x:sst>`;
    const sheet = `<x:worksheet><x:sheetData><x:row r='1'><x:c r='A1' t='s'><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Note</x:t></x:is></x:c></x:row><x:row r="2"/>`
      + `<x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="B3" t="inlineStr"><x:is><x:t>caf&#233; &lt;3_x000D_</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const bytes = zipOf([
      { name: 'xl/workbook.xml', data: Buffer.from(workbookXml) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(rels) },
      { name: 'xl/sharedStrings.xml', data: Buffer.from(shared) },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
    ]);
    const table = await readTable('prefixed.xlsx', bytes.toString('base64'));
    expect(table).toMatchObject({ sheets: ['R&D'], headers: ['Name', 'Note'], rows: [['Zoë & Ng', 'café <3']], rowNumbers: [3] });
  });

  it('reads cells as text: shared strings, rich text, numbers, dates, booleans, formulas by their saved result, errors named by cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Staff');
    sheet.addRow(['Number', 'Name', 'Start', 'Score', 'Flag', 'Lookup']);
    sheet.addRow(['E1', { richText: [{ text: 'Ada ' }, { text: 'Lovelace', font: { bold: true } }] }, new Date(Date.UTC(2020, 0, 15)), 0.1, true, { formula: 'A2&"x"', result: 'E1x' }]);
    sheet.addRow([]);
    sheet.addRow(['E2', 'Alan', new Date(Date.UTC(2021, 5, 30)), { formula: '1+1', result: 2 }, false, { formula: 'VLOOKUP(A4,Z:Z,1,0)', result: { error: '#N/A' } }]);
    sheet.addRow(['E3', 'Grace', '2022-02-01', 7, null, { error: '#REF!' }]);
    const table = await readTable('staff.xlsx', await base64(workbook));
    expect(table.headers).toEqual(['Number', 'Name', 'Start', 'Score', 'Flag', 'Lookup']);
    expect(table.rows).toEqual([
      ['E1', 'Ada Lovelace', '2020-01-15', '0.1', 'TRUE', 'E1x'],
      ['E2', 'Alan', '2021-06-30', '2', 'FALSE', '#N/A'],
      ['E3', 'Grace', '2022-02-01', '7', '', '#REF!'],
    ]);
    expect(table.rowNumbers).toEqual([2, 4, 5]);
    expect(table.cellProblems).toEqual([
      { row: 4, column: 5, message: 'Cell F4 holds the error #N/A.' },
      { row: 5, column: 5, message: 'Cell F5 holds the error #REF!.' },
    ]);
  });

  it('knows date formats and Excel day numbers', () => {
    expect(['yyyy-mm-dd', 'd/m/yy', 'mmm yyyy', '[$-409]d-mmm-yy;@'].every(isDateFormat)).toBe(true);
    expect(['0.00', 'General', 'h:mm:ss', '"day"0', '#,##0 [$€-407]', 'mm:ss'].some(isDateFormat)).toBe(false);
    expect(serialToDate(43845)).toBe('2020-01-15');
    expect(serialToDate(61)).toBe('1900-03-01');
    expect(serialToDate(43845 - 1462, true)).toBe('2020-01-15');
  });
});

describe('importing a workbook', () => {
  async function twoSheets() {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Read me').addRow(['This export was made on 1 March.']);
    const people = workbook.addWorksheet('People');
    people.addRow(['Employee number', 'First name', 'Last name', 'Hire date', 'Department']);
    people.addRow(['X1', 'Ann', 'Lee', '2020-01-15', 'Sales']);
    people.addRow(['X2', 'Bo', 'Chen', '2020-02-01', { formula: 'E2', result: 'Sales' }]);
    people.addRow(['X3', 'Cy', 'Diaz', '2020-03-01', { formula: 'VLOOKUP(A4,Z:Z,1,0)', result: { error: '#N/A' } }]);
    return { kind: 'employees' as const, fileName: 'staff.xlsx', contentBase64: await base64(workbook) };
  }

  it('asks which sheet when there are several, then reads the chosen one; an error cell is named and blocks the import', async () => {
    const app = await openTestApp();
    const file = await twoSheets();
    const asked = await app.ok('admin.previewImport', file);
    expect(asked).toMatchObject({ sheets: ['Read me', 'People'], sheet: null, headers: [], rowCount: 0, issueCount: 0 });
    expect((await app.fail('admin.commitImport', { ...file, mapping: {} })).message).toBe('staff.xlsx has 2 sheets (Read me, People): choose the one to import.');

    const preview = await app.ok('admin.previewImport', { ...file, sheet: 'People' });
    expect(preview).toMatchObject({ sheet: 'People', rowCount: 3, summary: { create: 3, update: 0, unchanged: 0 } });
    expect(preview.issues).toEqual([{ row: 4, column: 'Department', message: 'Cell E4 holds the error #N/A.' }]);
    const error = await app.fail('admin.commitImport', { ...file, sheet: 'People', mapping: preview.mapping });
    expect(error.message).toBe('Row 4, Department: Cell E4 holds the error #N/A. Nothing was imported.');
    expect(app.count('employee')).toBe(0);
  });

  it('imports formula cells by their saved value', async () => {
    const app = await openTestApp();
    const file = await twoSheets();
    const preview = await app.ok('admin.previewImport', { ...file, sheet: 'People' });
    // Without the department column the error cell does not matter.
    const { department: _department, ...mapping } = preview.mapping;
    const result = await app.ok('admin.commitImport', { ...file, sheet: 'People', mapping });
    expect(result).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Fix');
    sheet.addRow(['Employee number', 'Department']);
    sheet.addRow(['X2', { formula: '"Sa"&"les"', result: 'Sales' }]);
    const fix = { kind: 'employees' as const, fileName: 'fix.xlsx', contentBase64: await base64(workbook) };
    const fixPreview = await app.ok('admin.previewImport', fix);
    await app.ok('admin.commitImport', { ...fix, mapping: fixPreview.mapping });
    expect(app.store().raw.prepare(`SELECT d.name FROM employee e JOIN department d ON d.id = e.department_id WHERE e.employee_number = 'X2'`).get()).toEqual({ name: 'Sales' });
  });

  it('previews a 1,500-row workbook with dates read from date cells', async () => {
    const app = await openTestApp();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('People');
    const header = ['Employee number', 'First name', 'Last name', 'Hire date', 'Department', 'Job title', 'Location'];
    sheet.addRow(header);
    const rows = Array.from({ length: 1500 }, (_, i) => [`P${i}`, `First${i}`, `Last${i}`, new Date(Date.UTC(2020, 0, 1 + (i % 300))), `Team ${i % 20}`, `Role ${i % 7}`, 'London']);
    for (const row of rows) sheet.addRow(row);
    const preview = await app.ok('admin.previewImport', { kind: 'employees', fileName: 'big.xlsx', contentBase64: await base64(workbook) });
    expect(preview).toMatchObject({ rowCount: 1500, issueCount: 0, summary: { create: 1500, update: 0, unchanged: 0 } });
    expect(preview.sampleRows[1]).toEqual(['P1', 'First1', 'Last1', '2020-01-02', 'Team 1', 'Role 1', 'London']);
  });
});
