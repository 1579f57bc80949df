import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../src-shared/errors';

export interface Table {
  headers: string[];
  rows: string[][];
}

const MAX_ROWS = 200_000;

/** Reads a CSV (UTF-8, any common delimiter) or the first sheet of an XLSX into text cells. */
export async function readTable(fileName: string, contentBase64: string): Promise<Table> {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', `${fileName} is empty.`);
  const table = /\.xlsx$/i.test(fileName) ? await readXlsx(fileName, bytes) : readCsv(fileName, bytes);
  if (table.headers.length === 0 || table.headers.every((h) => !h)) throw new AppError('VALIDATION', `${fileName} has no header row.`);
  if (table.rows.length > MAX_ROWS) throw new AppError('VALIDATION', `${fileName} has ${table.rows.length} rows; at most ${MAX_ROWS} can be imported at once.`);
  return table;
}

function readCsv(fileName: string, bytes: Buffer): Table {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw new AppError('VALIDATION', `${fileName} looks like an Excel workbook; give it the .xlsx extension or save it as CSV.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('VALIDATION', `${fileName} is not UTF-8 text. In Excel choose "CSV UTF-8 (Comma delimited)" when saving, then import again.`);
  }
  if (text.includes('\u0000')) throw new AppError('VALIDATION', `${fileName} is not a text file (it contains binary data).`);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new AppError('VALIDATION', `${fileName}, row ${(fatal.row ?? 0) + 1}: ${fatal.message}.`);
  const [headers = [], ...rows] = parsed.data;
  return { headers: headers.map((h) => h.trim()), rows };
}

async function readXlsx(fileName: string, bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', `${fileName} is not a readable Excel (.xlsx) workbook.`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION', `${fileName} has no worksheet.`);
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) values.push(cellText(row.getCell(c).value));
    if (values.some((v) => v !== '')) rows.push(values);
  });
  const [headers = [], ...data] = rows;
  return { headers: headers.map((h) => h.trim()), rows: data };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    return '';
  }
  return String(value).trim();
}
