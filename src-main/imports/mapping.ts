import type { ImportField, ImportIssue, ImportMapping, ImportSource } from '../../src-shared/api';
import type { Table } from './read-table';

interface FieldSpec {
  key: string;
  label: string;
  aliases: readonly string[];
}

/** "Job_Role", "JobRole", "job role" and "JOB-ROLE" are one header: case, accents, spaces and punctuation ignored. */
export const normaliseHeader = (text: string) =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * field key → header. A remembered mapping wins when its columns are still in the file;
 * otherwise each field takes the first header that matches its key, label or one of its
 * aliases (in that order of preference), and no header serves two fields.
 */
export function suggestMapping(headers: string[], fields: readonly FieldSpec[]): Record<string, string>;
export function suggestMapping(headers: string[], fields: readonly FieldSpec[], remembered: ImportMapping): ImportMapping;
export function suggestMapping(headers: string[], fields: readonly FieldSpec[], remembered: ImportMapping = {}): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  for (const field of fields) {
    const source = remembered[field.key];
    if (source === undefined) continue;
    if (typeof source !== 'string') {
      if (!('pattern' in source) || patternColumns(source.pattern).every((name) => findHeader(headers, name) !== undefined)) mapping[field.key] = source;
    } else if (headers.includes(source) && !used.has(source)) (mapping[field.key] = source), used.add(source);
  }
  const byName = new Map<string, string>();
  for (const header of headers) if (!byName.has(normaliseHeader(header))) byName.set(normaliseHeader(header), header);
  for (const field of fields) {
    if (mapping[field.key] !== undefined) continue;
    for (const name of [field.key, field.label, ...field.aliases]) {
      const header = byName.get(normaliseHeader(name));
      if (header && !used.has(header)) {
        mapping[field.key] = header;
        used.add(header);
        break;
      }
    }
  }
  return mapping;
}

/** The column names a pattern refers to: "Employee {EmployeeNumber}" → ["EmployeeNumber"]. */
export const patternColumns = (pattern: string) => Array.from(pattern.matchAll(/\{([^{}]+)\}/g), (m) => m[1].trim());

/** A header by its exact text, else ignoring case and punctuation. */
function findHeader(headers: string[], name: string): number | undefined {
  const exact = headers.indexOf(name);
  if (exact >= 0) return exact;
  const wanted = normaliseHeader(name);
  const index = headers.findIndex((h) => normaliseHeader(h) === wanted);
  return index >= 0 ? index : undefined;
}

type Reader = (cells: string[]) => string;

export interface CompiledMapping {
  /** True when the field has a source (a column, a value or a pattern). */
  has(key: string): boolean;
  /** The field's text on a row, trimmed ('' when it has no source). */
  get(key: string, cells: string[]): string;
  /** The field's one value for every row, when that is its source. */
  constant(key: string): string | undefined;
  /** What an issue about this field names: the file's column, or the field's label for a value or pattern. */
  label(key: string): string;
  /** Why the field is empty on this row, for a pattern whose columns are empty. */
  emptyReason(key: string, cells: string[]): string;
  /** Columns any field reads (for reporting error cells only where they matter). */
  usedColumns: Set<number>;
  /** Problems with the mapping itself (row 1): a missing column, a pattern naming no column… */
  issues: ImportIssue[];
}

/** Turns a mapping into per-field readers, checking every source against the file's headers. */
export function compileMapping(table: Table, fields: readonly ImportField[], mapping: ImportMapping): CompiledMapping {
  const readers = new Map<string, Reader>();
  const constants = new Map<string, string>();
  const patterns = new Map<string, { name: string; index: number }[]>();
  const labels = new Map<string, string>();
  const usedColumns = new Set<number>();
  const issues: ImportIssue[] = [];
  for (const field of fields) {
    const source: ImportSource | undefined = mapping[field.key];
    if (source === undefined) continue;
    labels.set(field.key, field.label);
    if (typeof source === 'string') {
      const index = table.headers.indexOf(source);
      if (index < 0) {
        issues.push({ row: 1, column: source, message: `The file has no column "${source}" (chosen for ${field.label}).` });
        continue;
      }
      labels.set(field.key, source);
      usedColumns.add(index);
      readers.set(field.key, (cells) => (cells[index] ?? '').trim());
    } else if ('value' in source) {
      const value = source.value.trim();
      if (!value && field.required) {
        issues.push({ row: 1, column: field.label, message: `Type the value that every row gets for ${field.label.toLowerCase()}.` });
        continue;
      }
      constants.set(field.key, value);
      readers.set(field.key, () => value);
    } else {
      if (!source.pattern.trim()) {
        issues.push({ row: 1, column: field.label, message: `Type the pattern for ${field.label.toLowerCase()}: text with column names in braces, e.g. "Employee {${table.headers[0] ?? 'Number'}}".` });
        continue;
      }
      const parts = compilePattern(source.pattern, table.headers);
      if ('missing' in parts) {
        issues.push({ row: 1, column: field.label, message: `The pattern "${source.pattern}" names the column "${parts.missing}", which the file does not have.` });
        continue;
      }
      for (const p of parts.columns) usedColumns.add(p.index);
      patterns.set(field.key, parts.columns);
      readers.set(field.key, parts.read);
    }
  }
  return {
    has: (key) => readers.has(key),
    get: (key, cells) => readers.get(key)?.(cells) ?? '',
    constant: (key) => constants.get(key),
    label: (key) => labels.get(key) ?? fields.find((f) => f.key === key)?.label ?? key,
    emptyReason(key, cells) {
      const empty = (patterns.get(key) ?? []).filter((p) => !(cells[p.index] ?? '').trim()).map((p) => `"${p.name}"`);
      return empty.length ? ` (the pattern's column ${empty.join(', ')} is empty on this row)` : '';
    },
    usedColumns,
    issues,
  };
}

/** A pattern's text with {Column} replaced by the row's cell; empty when a named cell is empty. */
function compilePattern(pattern: string, headers: string[]): { read: Reader; columns: { name: string; index: number }[] } | { missing: string } {
  const pieces: (string | number)[] = [];
  const columns: { name: string; index: number }[] = [];
  let last = 0;
  for (const match of pattern.matchAll(/\{([^{}]+)\}/g)) {
    const index = findHeader(headers, match[1].trim());
    if (index === undefined) return { missing: match[1].trim() };
    pieces.push(pattern.slice(last, match.index), index);
    columns.push({ name: headers[index], index });
    last = match.index! + match[0].length;
  }
  pieces.push(pattern.slice(last));
  const read: Reader = (cells) => {
    let out = '';
    for (const piece of pieces) {
      if (typeof piece === 'string') out += piece;
      else {
        const cell = (cells[piece] ?? '').trim();
        if (!cell) return '';
        out += cell;
      }
    }
    return out.trim();
  };
  return { read, columns };
}

/** Problems for error cells (#N/A…) in the columns an import reads, named by cell. */
export function cellProblemIssues(table: Table, compiled: CompiledMapping): ImportIssue[] {
  return table.cellProblems
    .filter((p) => compiled.usedColumns.has(p.column))
    .map((p) => ({ row: p.row, column: table.headers[p.column], message: p.message }));
}
