import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../../src-shared/errors';
import { ZipReader } from './zip';

/*
 * A streaming XLSX reader: the sheet's XML is inflated chunk by chunk (through ZipReader's
 * caps) into a SAX parser, so no whole sheet is ever held as a document. Cells come out as
 * text: shared and inline strings, numbers, booleans, dates (by the cell's number format),
 * formulas by their saved (cached) result; error cells (#N/A, #REF!…) are returned apart so
 * the import can name them.
 */

export interface SheetRow {
  /** The row's number in the sheet (1-based, as Excel shows it). */
  number: number;
  cells: string[];
}

export interface CellProblem {
  row: number;
  /** 0-based column index. */
  column: number;
  message: string;
}

export interface SheetContents {
  rows: SheetRow[];
  problems: CellProblem[];
}

interface SheetRef {
  name: string;
  path: string;
}

const MAX_COLUMNS = 1000;
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export class XlsxWorkbook {
  private constructor(
    private readonly zip: ZipReader,
    private readonly fileName: string,
    readonly sheets: SheetRef[],
    private readonly sharedStringsPath: string | null,
    private readonly stylesPath: string | null,
    private readonly date1904: boolean,
  ) {}

  static async open(bytes: Buffer, fileName: string): Promise<XlsxWorkbook> {
    const zip = new ZipReader(bytes, fileName);
    const rootRels = zip.has('_rels/.rels') ? parseRelationships(await zip.text('_rels/.rels'), '') : [];
    const workbookPath = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    if (!zip.has(workbookPath)) throw new AppError('VALIDATION', `${fileName} is not a readable Excel (.xlsx) workbook.`);
    const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
    const relsPath = `${dir}_rels/${workbookPath.slice(dir.length)}.rels`;
    const rels = zip.has(relsPath) ? parseRelationships(await zip.text(relsPath), dir) : [];
    const { sheets, date1904 } = parseWorkbook(await zip.text(workbookPath), rels);
    const byType = (suffix: string) => rels.find((r) => r.type.endsWith(suffix))?.target ?? null;
    const present = (path: string | null) => (path && zip.has(path) ? path : null);
    return new XlsxWorkbook(zip, fileName, sheets.filter((s) => zip.has(s.path)), present(byType('/sharedStrings')), present(byType('/styles')), date1904);
  }

  /** Reads one sheet, stopping with a clear error past `maxRows` rows with content. */
  async readSheet(name: string, maxRows: number): Promise<SheetContents> {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new AppError('VALIDATION', `${this.fileName} has no sheet named "${name}".`);
    const strings = this.sharedStringsPath ? await this.readSharedStrings(this.sharedStringsPath) : [];
    const dateStyles = this.stylesPath ? parseDateStyles(await this.zip.text(this.stylesPath)) : new Set<number>();
    const reader = new SheetReader(strings, dateStyles, this.date1904, maxRows, this.fileName);
    await this.parse(sheet.path, reader.attach());
    return reader.result();
  }

  private async readSharedStrings(path: string): Promise<string[]> {
    const strings: string[] = [];
    const parser = new SaxesParser({ position: false });
    let current: string[] | null = null;
    let inText = false;
    let phonetic = 0;
    parser.on('opentag', (tag) => {
      const name = localName(tag.name);
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && !phonetic) inText = !tag.isSelfClosing;
    });
    parser.on('text', (text) => {
      if (inText && current) current.push(text);
    });
    parser.on('closetag', (tag) => {
      const name = localName(tag.name);
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current) (strings.push(current.join('')), (current = null));
    });
    await this.parse(path, parser);
    return strings;
  }

  private async parse(path: string, parser: SaxesParser) {
    const decoder = new StringDecoder('utf8');
    try {
      for await (const chunk of this.zip.chunks(path)) parser.write(decoder.write(chunk));
      parser.write(decoder.end());
      parser.close();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('VALIDATION', `${this.fileName} is not a readable Excel (.xlsx) workbook (${path} is damaged).`);
    }
  }
}

/** Turns a sheet's cells into rows of text as the parser meets them. */
class SheetReader {
  private readonly rows: SheetRow[] = [];
  private readonly problems: CellProblem[] = [];
  private rowNumber = 0;
  private cells: string[] = [];
  private column = -1;
  private cell: { type: string; style: number; value: string[]; formula: boolean; inline: string[] } | null = null;
  private into: 'value' | 'inline' | null = null;

  constructor(
    private readonly strings: string[],
    private readonly dateStyles: Set<number>,
    private readonly date1904: boolean,
    private readonly maxRows: number,
    private readonly fileName: string,
  ) {}

  attach(): SaxesParser {
    const parser = new SaxesParser({ position: false });
    parser.on('opentag', (tag) => this.open(tag as SaxesTagPlain));
    parser.on('text', (text) => {
      if (this.into === 'value') this.cell?.value.push(text);
      else if (this.into === 'inline') this.cell?.inline.push(text);
    });
    parser.on('closetag', (tag) => this.close(localName(tag.name)));
    return parser;
  }

  result(): SheetContents {
    return { rows: this.rows, problems: this.problems };
  }

  private open(tag: SaxesTagPlain) {
    const name = localName(tag.name);
    if (name === 'row') {
      this.rowNumber = tag.attributes.r ? Number(tag.attributes.r) : this.rowNumber + 1;
      this.cells = [];
      this.column = -1;
    } else if (name === 'c') {
      this.column = tag.attributes.r ? columnIndex(tag.attributes.r) : this.column + 1;
      this.cell = { type: tag.attributes.t ?? 'n', style: Number(tag.attributes.s ?? 0), value: [], formula: false, inline: [] };
    } else if (this.cell && name === 'v' && !tag.isSelfClosing) this.into = 'value';
    else if (this.cell && name === 'f') this.cell.formula = true;
    else if (this.cell && name === 't' && !tag.isSelfClosing) this.into = 'inline';
  }

  private close(name: string) {
    if (name === 'v' || name === 't') this.into = null;
    else if (name === 'c' && this.cell) this.finishCell();
    else if (name === 'row') this.finishRow();
  }

  private finishCell() {
    const cell = this.cell!;
    this.cell = null;
    const raw = cell.value.join('');
    let text = '';
    switch (cell.type) {
      case 's':
        text = this.strings[Number(raw)] ?? '';
        break;
      case 'inlineStr':
        text = cell.inline.join('');
        break;
      case 'str':
        text = raw;
        break;
      case 'b':
        text = raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
        break;
      case 'e':
        this.problem(`holds the error ${raw || '(unknown)'}`);
        text = raw;
        break;
      case 'd':
        text = raw.slice(0, 10);
        break;
      default:
        if (raw === '' && cell.formula) this.problem('holds a formula with no saved result (open the file in Excel, save it, and import again)');
        text = raw === '' ? '' : this.dateStyles.has(cell.style) ? serialToDate(Number(raw), this.date1904) : numberText(raw);
    }
    if (text === '') return;
    if (this.column >= MAX_COLUMNS) throw new AppError('VALIDATION', `${this.fileName} has data in column ${columnName(this.column)} of row ${this.rowNumber}; an import reads at most ${MAX_COLUMNS} columns.`);
    while (this.cells.length < this.column) this.cells.push('');
    this.cells[this.column] = text.trim();
  }

  private finishRow() {
    if (this.cells.some((c) => c !== '')) {
      this.rows.push({ number: this.rowNumber, cells: this.cells });
      if (this.rows.length > this.maxRows + 1) {
        throw new AppError('VALIDATION', `${this.fileName} has more than ${this.maxRows.toLocaleString('en')} rows; at most ${this.maxRows.toLocaleString('en')} can be imported at once.`);
      }
    }
  }

  private problem(what: string) {
    this.problems.push({ row: this.rowNumber, column: this.column, message: `Cell ${columnName(this.column)}${this.rowNumber} ${what}.` });
  }
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function parseRelationships(xml: string, baseDir: string): Relationship[] {
  const rels: Relationship[] = [];
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => {
    if (localName(tag.name) !== 'Relationship' || tag.attributes.TargetMode === 'External') return;
    rels.push({ id: String(tag.attributes.Id ?? ''), type: String(tag.attributes.Type ?? ''), target: resolvePath(baseDir, String(tag.attributes.Target ?? '')) });
  });
  parser.write(xml).close();
  return rels;
}

function parseWorkbook(xml: string, rels: Relationship[]): { sheets: SheetRef[]; date1904: boolean } {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const attributes = tag.attributes as Record<string, string>;
    if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
    if (name !== 'sheet') return;
    const relId = Object.entries(attributes).find(([key]) => key === 'r:id' || key.endsWith(':id'))?.[1];
    const rel = rels.find((r) => r.id === relId && r.type.endsWith('/worksheet'));
    if (rel) sheets.push({ name: attributes.name ?? rel.target, path: rel.target });
  });
  parser.write(xml).close();
  return { sheets, date1904 };
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** The cell styles (indexes into cellXfs) whose number format shows a date. */
function parseDateStyles(xml: string): Set<number> {
  const customDates = new Set<number>();
  const styles = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const attributes = tag.attributes as Record<string, string>;
    if (name === 'numFmt' && isDateFormat(attributes.formatCode ?? '')) customDates.add(Number(attributes.numFmtId));
    else if (name === 'cellXfs') inCellXfs = true;
    else if (name === 'xf' && inCellXfs) {
      const format = Number(attributes.numFmtId ?? 0);
      if (BUILTIN_DATE_FORMATS.has(format) || customDates.has(format)) styles.add(index);
      index++;
    }
  });
  parser.on('closetag', (tag) => {
    if (localName(tag.name) === 'cellXfs') inCellXfs = false;
  });
  parser.write(xml).close();
  return styles;
}

/** A number format shows a date when, outside quotes and [brackets], it has a day, year or month (not minutes). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}

const DAY_MS = 86_400_000;

/** Excel's day count to YYYY-MM-DD (1900 system, with its phantom 29 February 1900, or 1904). */
export function serialToDate(serial: number, date1904 = false): string {
  if (!Number.isFinite(serial)) return String(serial);
  const base = date1904 ? Date.UTC(1904, 0, 1) : serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** Excel writes 0.1 as 0.10000000000000001: show numbers at their shortest exact form. */
function numberText(raw: string): string {
  const value = Number(raw);
  return Number.isFinite(value) ? String(value) : raw;
}

export function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function resolvePath(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}
