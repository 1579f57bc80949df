import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { AppError } from '../../src-shared/errors';
import { ZipReader } from './zip';

/*
 * A streaming XLSX reader: the sheet's XML is inflated chunk by chunk (through ZipReader's
 * caps) and read one complete <row> at a time, so no whole sheet is ever held as a document.
 * The small parts (workbook, relationships, styles) go through a SAX parser; the sheet and its
 * shared strings, which grow with the rows, through a scanner for their few element kinds
 * (about five times faster per row than a general parser, so XLSX costs what CSV costs).
 * Cells come out as text: shared and inline strings, numbers, booleans, dates (by the cell's
 * number format), formulas by their saved (cached) result; error cells (#N/A, #REF!…) are
 * returned apart so the import can name them.
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
    await this.scan(sheet.path, ROW, (match) => reader.row(match[1], match[2] ?? ''));
    return reader.result();
  }

  private async readSharedStrings(path: string): Promise<string[]> {
    const strings: string[] = [];
    await this.scan(path, SHARED_STRING, (match) => strings.push(match[1] === undefined ? '' : runText(match[1])));
    return strings;
  }

  /** Feeds each complete `element` of a part to `each`, as the part inflates. */
  private async scan(path: string, element: RegExp, each: (match: RegExpExecArray) => void) {
    const decoder = new StringDecoder('utf8');
    let buffer = '';
    const drain = () => {
      element.lastIndex = 0;
      let consumed = 0;
      for (let match = element.exec(buffer); match; match = element.exec(buffer)) {
        each(match);
        consumed = element.lastIndex;
      }
      buffer = buffer.slice(consumed);
    };
    try {
      for await (const chunk of this.zip.chunks(path)) {
        buffer += decoder.write(chunk);
        drain();
      }
      buffer += decoder.end();
      drain();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('VALIDATION', `${this.fileName} is not a readable Excel (.xlsx) workbook (${path} is damaged).`);
    }
  }
}

// Elements may carry a namespace prefix (<x:row>); attributes may use either quote.
const P = '(?:[\\w.-]+:)?';
const ROW = new RegExp(`<${P}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}row>)`, 'g');
const CELL = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
const VALUE = new RegExp(`<${P}v>([\\s\\S]*?)</${P}v>`);
const FORMULA = new RegExp(`<${P}f\\b`);
const INLINE = new RegExp(`<${P}is>([\\s\\S]*?)</${P}is>`);
const SHARED_STRING = new RegExp(`<${P}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}si>)`, 'g');
const TEXT_RUN = new RegExp(`<${P}t\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}t>)`, 'g');
const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g');
const attribute = (name: string) => new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
const REF = attribute('r');
const TYPE = attribute('t');
const STYLE = attribute('s');
const read = (pattern: RegExp, text: string) => {
  const match = pattern.exec(text);
  return match ? (match[1] ?? match[2]) : undefined;
};

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** XML character references and entities, then OOXML's escapes for control characters (_x000D_). */
function decodeText(text: string): string {
  let out = text.includes('&')
    ? text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, ref: string) =>
        ref[0] === '#' ? String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))) : ENTITIES[ref])
    : text;
  if (out.includes('<![CDATA[')) out = out.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
  return out.includes('_x') ? out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : out;
}

/** The text of a string item: its <t> runs, without phonetic guides. */
function runText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  let text = '';
  TEXT_RUN.lastIndex = 0;
  for (let match = TEXT_RUN.exec(body); match; match = TEXT_RUN.exec(body)) text += match[1] ?? '';
  return decodeText(text);
}

/** Turns a sheet's rows into text cells. */
class SheetReader {
  private readonly rows: SheetRow[] = [];
  private readonly problems: CellProblem[] = [];
  private rowNumber = 0;

  constructor(
    private readonly strings: string[],
    private readonly dateStyles: Set<number>,
    private readonly date1904: boolean,
    private readonly maxRows: number,
    private readonly fileName: string,
  ) {}

  result(): SheetContents {
    return { rows: this.rows, problems: this.problems };
  }

  row(attributes: string, body: string) {
    const number = read(REF, attributes);
    this.rowNumber = number ? Number(number) : this.rowNumber + 1;
    const cells: string[] = [];
    let column = -1;
    CELL.lastIndex = 0;
    for (let match = CELL.exec(body); match; match = CELL.exec(body)) {
      const ref = read(REF, match[1]);
      column = ref ? columnIndex(ref) : column + 1;
      const text = this.cellText(match[1], match[2] ?? '', column);
      if (text === '') continue;
      if (column >= MAX_COLUMNS) throw new AppError('VALIDATION', `${this.fileName} has data in column ${columnName(column)} of row ${this.rowNumber}; an import reads at most ${MAX_COLUMNS} columns.`);
      while (cells.length < column) cells.push('');
      cells[column] = text.trim();
    }
    if (cells.length === 0) return;
    this.rows.push({ number: this.rowNumber, cells });
    if (this.rows.length > this.maxRows + 1) {
      throw new AppError('VALIDATION', `${this.fileName} has more than ${this.maxRows.toLocaleString('en')} rows; at most ${this.maxRows.toLocaleString('en')} can be imported at once.`);
    }
  }

  private cellText(attributes: string, body: string, column: number): string {
    const type = read(TYPE, attributes) ?? 'n';
    if (type === 'inlineStr') {
      const inline = INLINE.exec(body);
      return inline ? runText(inline[1]) : '';
    }
    const value = VALUE.exec(body);
    const raw = value ? decodeText(value[1]) : '';
    switch (type) {
      case 's':
        return this.strings[Number(raw)] ?? '';
      case 'str':
        return raw;
      case 'b':
        return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
      case 'e':
        this.problem(column, `holds the error ${raw || '(unknown)'}`);
        return raw;
      case 'd':
        return raw.slice(0, 10);
      default:
        if (raw === '') {
          if (FORMULA.test(body)) this.problem(column, 'holds a formula with no saved result (open the file in Excel, save it, and import again)');
          return '';
        }
        return this.dateStyles.has(Number(read(STYLE, attributes) ?? 0)) ? serialToDate(Number(raw), this.date1904) : numberText(raw);
    }
  }

  private problem(column: number, what: string) {
    this.problems.push({ row: this.rowNumber, column, message: `Cell ${columnName(column)}${this.rowNumber} ${what}.` });
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
