import type { GridColumn, Option } from './types';

/** Result of turning typed or pasted text into a cell value. */
export type ParseResult = { ok: true; value: unknown } | { ok: false; message: string };

const NO_OPTIONS: Option[] = [];
// Reference lists can hold 10k options, so lookups are indexed once per options array.
const labelIndexes = new WeakMap<Option[], Map<string, string>>();
const valueIndexes = new WeakMap<Option[], Map<string, string>>();

/** value -> label */
function labelIndex(options: Option[] = NO_OPTIONS): Map<string, string> {
  let index = labelIndexes.get(options);
  if (!index) {
    index = new Map(options.map((option) => [option.value, option.label]));
    labelIndexes.set(options, index);
  }
  return index;
}

/** lower-case label -> value (the first option wins when labels repeat) */
function valueIndex(options: Option[] = NO_OPTIONS): Map<string, string> {
  let index = valueIndexes.get(options);
  if (!index) {
    index = new Map();
    for (const option of options) {
      const key = option.label.toLowerCase();
      if (!index.has(key)) index.set(key, option.value);
    }
    valueIndexes.set(options, index);
  }
  return index;
}

const ok = (value: unknown): ParseResult => ({ ok: true, value });
const fail = (message: string): ParseResult => ({ ok: false, message });

export function isValidIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseNumber(text: string): ParseResult {
  const value = Number(text);
  return Number.isFinite(value) ? ok(value) : fail(`"${text}" is not a number`);
}

function parseDate(text: string): ParseResult {
  return isValidIsoDate(text) ? ok(text) : fail(`"${text}" is not a valid date (use YYYY-MM-DD)`);
}

function parseOption(column: GridColumn, text: string): ParseResult {
  const byLabel = valueIndex(column.options).get(text.toLowerCase());
  if (byLabel !== undefined) return ok(byLabel);
  if (labelIndex(column.options).has(text)) return ok(text);
  return fail(`"${text}" is not one of the ${column.header} options`);
}

/** Converts typed or pasted text to the value type of the column's kind. */
export function parseCellInput(column: GridColumn, raw: string): ParseResult {
  const text = raw.trim();
  if (text === '') return column.required ? fail('A value is required') : ok(null);
  switch (column.kind) {
    case 'text':
      return ok(raw);
    case 'number':
      return parseNumber(text);
    case 'date':
      return parseDate(text);
    case 'select':
    case 'reference':
      return parseOption(column, text);
  }
}

/** Display text of a cell value: option labels for select/reference, YYYY-MM-DD for dates. */
export function formatCellValue(column: GridColumn, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isOptionKind(column.kind)) {
    const key = String(value);
    return labelIndex(column.options).get(key) ?? key;
  }
  return String(value);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a ?? null, b ?? null);
}

export function isOptionKind(kind: GridColumn['kind']): boolean {
  return kind === 'select' || kind === 'reference';
}

/**
 * Converts the content of an open cell editor. An option editor holds either a
 * picked option value or the text typed into its search box (matched like a paste).
 */
export function parseEditorValue(column: GridColumn, raw: string): ParseResult {
  if (isOptionKind(column.kind) && labelIndex(column.options).has(raw)) return ok(raw);
  return parseCellInput(column, raw);
}
