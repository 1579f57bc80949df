import Papa from 'papaparse';
import { AppError } from '../../src-shared/errors';
import { columnName, XlsxWorkbook, type CellProblem } from './xlsx';

export interface Table {
  headers: string[];
  rows: string[][];
  /** Each data row's number in the spreadsheet (the header is usually row 1; blank rows are skipped but counted). */
  rowNumbers: number[];
  /** Error cells (#N/A, #REF!…) and formulas without a saved result; they keep their error text as the cell's text. */
  cellProblems: CellProblem[];
  /** The workbook's sheets ([] for CSV). */
  sheets: string[];
  /** The sheet read (null for CSV, or when a workbook has several sheets and none was chosen). */
  sheet: string | null;
}

export const MAX_ROWS = 200_000;

export interface ReadOptions {
  /** The sheet to read; without one, the first sheet (or none, with `askForSheet`, when there are several). */
  sheet?: string;
  askForSheet?: boolean;
}

/** Reads a CSV (UTF-8, any common delimiter) or a sheet of an XLSX into text cells. */
export async function readTable(fileName: string, contentBase64: string, options: ReadOptions = {}): Promise<Table> {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', `${fileName} is empty.`);
  const table = /\.xlsx$/i.test(fileName) ? await readXlsx(fileName, bytes, options) : readCsv(fileName, bytes);
  if (table.sheet === null && table.sheets.length > 1) return table;
  if (table.headers.length === 0 || table.headers.every((h) => !h)) throw new AppError('VALIDATION', `${fileName}${table.sheet ? `, sheet "${table.sheet}",` : ''} has no header row.`);
  if (table.rows.length > MAX_ROWS) throw new AppError('VALIDATION', `${fileName} has ${table.rows.length.toLocaleString('en')} rows; at most ${MAX_ROWS.toLocaleString('en')} can be imported at once.`);
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
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new AppError('VALIDATION', `${fileName}, row ${(fatal.row ?? 0) + 1}: ${fatal.message}.`);
  const records: { number: number; cells: string[] }[] = [];
  parsed.data.forEach((cells, index) => {
    if (cells.some((c) => c.trim() !== '')) records.push({ number: index + 1, cells: cells.map(unguard) });
  });
  return toTable(records, [], [], null);
}

/**
 * Canopy's CSV export puts an apostrophe before a cell that starts with = + - or @ so that
 * spreadsheets do not run it as a formula; Excel hides that apostrophe too. Reading it back,
 * the apostrophe goes.
 */
const unguard = (cell: string) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);

async function readXlsx(fileName: string, bytes: Buffer, options: ReadOptions): Promise<Table> {
  const workbook = await XlsxWorkbook.open(bytes, fileName);
  const sheets = workbook.sheets.map((s) => s.name);
  if (sheets.length === 0) throw new AppError('VALIDATION', `${fileName} has no worksheet.`);
  const sheet = options.sheet ?? (sheets.length === 1 || !options.askForSheet ? sheets[0] : null);
  if (sheet === null) return { headers: [], rows: [], rowNumbers: [], cellProblems: [], sheets, sheet: null };
  const contents = await workbook.readSheet(sheet, MAX_ROWS);
  return toTable(contents.rows, contents.problems, sheets, sheet);
}

/** The first row with content is the header; empty headers are named by their column, repeated ones numbered. */
function toTable(records: { number: number; cells: string[] }[], cellProblems: CellProblem[], sheets: string[], sheet: string | null): Table {
  const [header, ...data] = records;
  const seen = new Map<string, number>();
  const cells = header?.cells ?? [];
  while (cells.length && cells[cells.length - 1].trim() === '') cells.pop();
  const headers = cells.map((cell, index) => {
    const text = cell.trim() || `Column ${columnName(index)}`;
    const times = (seen.get(text.toLowerCase()) ?? 0) + 1;
    seen.set(text.toLowerCase(), times);
    return times > 1 ? `${text} (${times})` : text;
  });
  const headerRow = header?.number ?? 1;
  return {
    headers,
    rows: data.map((r) => r.cells),
    rowNumbers: data.map((r) => r.number),
    cellProblems: cellProblems.filter((p) => p.row > headerRow),
    sheets,
    sheet,
  };
}
