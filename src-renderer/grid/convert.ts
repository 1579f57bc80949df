import { parseDateText } from './dates';
import { knownOption, resolvedOptions, type ResolvedTexts } from './lookup';
import { ambiguityMessage, matchOption, optionIndex } from './optionMatch';
import type { GridColumn, GridRow, Option } from './types';

export { isValidIsoDate } from './dates';

/** Result of turning typed or pasted text into a cell value. */
export type ParseResult = { ok: true; value: unknown } | { ok: false; message: string };

/** What a conversion may depend on beyond the column: the row (its own options) and the user's locale (dates). */
export interface ParseContext {
  row?: GridRow;
  locale?: string;
  /** Texts of lookup columns resolved for this batch (see lookup.ts). */
  resolved?: ResolvedTexts;
}

const NO_OPTIONS: Option[] = [];

/** The options a cell of `row` may take. */
export function optionsOf(column: GridColumn, row?: GridRow): Option[] {
  if (row && column.optionsFor) return column.optionsFor(row);
  return column.options ?? NO_OPTIONS;
}

const ok = (value: unknown): ParseResult => ({ ok: true, value });
const fail = (message: string): ParseResult => ({ ok: false, message });

function parseNumber(text: string): ParseResult {
  const value = Number(text);
  return Number.isFinite(value) ? ok(value) : fail(`"${text}" is not a number`);
}

function parseDate(text: string, locale?: string): ParseResult {
  const parsed = parseDateText(text, locale);
  return parsed.ok ? ok(parsed.iso) : fail(parsed.message);
}

function parseOption(column: GridColumn, text: string, row?: GridRow, resolved?: ResolvedTexts): ParseResult {
  const own = optionsOf(column, row);
  const options = column.lookup ? [...own, ...resolvedOptions(resolved, column.lookup, text)] : own;
  const match = matchOption(options, text);
  if (match.ok) return ok(match.value);
  const noun = column.optionNoun ?? `${column.header} options`;
  if (match.reason === 'ambiguous') return fail(ambiguityMessage(text, match.matches, noun));
  if (column.optionsFor && row && matchOption(column.options ?? NO_OPTIONS, text).ok) {
    return fail(`"${text}" is not one of this row's ${noun}: ${options.map((o) => o.label).join(', ')}`);
  }
  return fail(`"${text}" is not one of the ${noun}`);
}

/** Converts typed or pasted text to the value type of the column's kind. */
export function parseCellInput(column: GridColumn, raw: string, context: ParseContext = {}): ParseResult {
  const text = raw.trim();
  if (text === '') return column.required ? fail('A value is required') : ok(null);
  switch (column.kind) {
    case 'text':
      return ok(raw);
    case 'number':
      return parseNumber(text);
    case 'date':
      return parseDate(text, context.locale);
    case 'select':
    case 'reference':
      return parseOption(column, text, context.row, context.resolved);
  }
}

/** Display text of a cell value: option labels for select/reference, YYYY-MM-DD for dates. */
export function formatCellValue(column: GridColumn, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isOptionKind(column.kind)) {
    const key = String(value);
    if (column.lookup) return knownOption(column, key)?.label ?? key;
    return optionIndex(column.options ?? NO_OPTIONS).labelOf.get(key) ?? key;
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
export function parseEditorValue(column: GridColumn, raw: string, context: ParseContext = {}): ParseResult {
  if (isOptionKind(column.kind) && optionIndex(optionsOf(column, context.row)).labelOf.has(raw)) return ok(raw);
  // A lookup editor holds the value of the option picked from its search.
  if (column.lookup && knownOption(column, raw)) return ok(raw);
  return parseCellInput(column, raw, context);
}
