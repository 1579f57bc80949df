/**
 * Tab-separated text as Excel and Google Sheets put it on the clipboard:
 * cells split by tabs, rows by CRLF/LF, and a cell that starts with a quote is
 * quoted (it may then contain tabs, newlines and doubled quotes).
 */

function isRowBreak(text: string, i: number): boolean {
  const ch = text[i];
  return ch === '\n' || ch === '\r';
}

/** Length of the row break at `i` (CRLF counts as one break). */
function rowBreakLength(text: string, i: number): number {
  return text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
}

function findFieldEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\t' && !isRowBreak(text, i)) i++;
  return i;
}

/** Reads a quoted field starting at `start` (on the opening quote); null if it never closes. */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return null;
    value += text.slice(i, quote);
    if (text[quote + 1] === '"') {
      value += '"';
      i = quote + 2;
      continue;
    }
    // Like Excel, anything between the closing quote and the next separator is kept.
    const end = findFieldEnd(text, quote + 1);
    return { value: value + text.slice(quote + 1, end), end };
  }
  return null;
}

function readField(text: string, start: number): { value: string; end: number } {
  if (text[start] === '"') {
    const quoted = readQuoted(text, start);
    if (quoted) return quoted;
  }
  const end = findFieldEnd(text, start);
  return { value: text.slice(start, end), end };
}

export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  if (text === '') return rows;
  let row: string[] = [];
  let i = 0;
  for (;;) {
    const field = readField(text, i);
    row.push(field.value);
    i = field.end;
    if (i >= text.length) break;
    if (text[i] === '\t') {
      i += 1;
      continue;
    }
    rows.push(row);
    row = [];
    i += rowBreakLength(text, i);
    // A trailing line break ends the data instead of starting an empty row.
    if (i >= text.length) return rows;
  }
  rows.push(row);
  return rows;
}

function quoteCell(cell: string): string {
  if (!/[\t\n\r"]/.test(cell)) return cell;
  return `"${cell.replace(/"/g, '""')}"`;
}

export function toTsv(rows: string[][]): string {
  return rows.map((row) => row.map(quoteCell).join('\t')).join('\n');
}
