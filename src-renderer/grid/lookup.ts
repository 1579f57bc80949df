import { optionIndex } from './optionMatch';
import { Store } from './store';
import type { GridColumn, GridRow, Option, ReferenceLookup } from './types';

export type { ReferenceLookup };

/** Options of each lookup kind seen so far, by value: what the grids show for a value. */
const known = new Map<string, Map<string, Option>>();

function knownOf(kind: string): Map<string, Option> {
  let options = known.get(kind);
  if (!options) known.set(kind, (options = new Map()));
  return options;
}

/** Bumped when labels arrive, so grids on screen draw them (a row shown before its label came). */
export const labelsArrived = new Store({ version: 0 });

/** Remembers options a lookup returned, so every grid shows their labels. */
export function remember(lookup: ReferenceLookup, options: Option[]): void {
  const map = knownOf(lookup.kind);
  let added = false;
  for (const option of options) {
    if (map.get(option.value)?.label !== option.label) added = true;
    map.set(option.value, option);
  }
  if (added) labelsArrived.set((s) => ({ version: s.version + 1 }));
}

/** The option of a value: the column's own options first, then those its lookup has returned. */
export function knownOption(column: GridColumn, value: string): Option | undefined {
  const ownLabel = column.options && optionIndex(column.options).labelOf.get(value);
  if (ownLabel !== undefined) return { value, label: ownLabel };
  return column.lookup ? known.get(column.lookup.kind)?.get(value) : undefined;
}

/** Values of lookup columns in `rows` whose labels are not known yet, by lookup. */
export function unlabelled(columns: GridColumn[], rows: GridRow[]): Map<ReferenceLookup, string[]> {
  const missing = new Map<ReferenceLookup, Set<string>>();
  for (const column of columns) {
    const lookup = column.lookup;
    if (!lookup) continue;
    const map = knownOf(lookup.kind);
    const own = optionIndex(column.options ?? []).labelOf;
    for (const row of rows) {
      const value = row[column.id];
      if (typeof value !== 'string' || map.has(value) || own.has(value)) continue;
      let set = missing.get(lookup);
      if (!set) missing.set(lookup, (set = new Set()));
      set.add(value);
    }
  }
  return new Map([...missing].map(([lookup, values]) => [lookup, [...values]]));
}

/**
 * Fetches the labels of the lookup values in `rows`. A value its lookup does not know (a
 * record since erased) is remembered as itself, so it shows as it is rather than blank.
 */
export async function labelRows(columns: GridColumn[], rows: GridRow[]): Promise<void> {
  const missing = unlabelled(columns, rows);
  await Promise.all(
    [...missing].map(async ([lookup, values]) => {
      const found = await lookup.options(values);
      remember(lookup, found);
      const map = knownOf(lookup.kind);
      for (const value of values) if (!map.has(value)) map.set(value, { value, label: value });
    }),
  );
}

/** Resolved texts of one batch, by lookup kind and trimmed lower-case text. */
export type ResolvedTexts = Map<string, Option[]>;

const resolvedKey = (lookup: ReferenceLookup, text: string) => `${lookup.kind}\u0000${text.trim().toLowerCase()}`;

/** The options a text was resolved to (none: it names nobody, or was not resolved). */
export function resolvedOptions(resolved: ResolvedTexts | undefined, lookup: ReferenceLookup, text: string): Option[] {
  return resolved?.get(resolvedKey(lookup, text)) ?? [];
}

/** Texts written into lookup columns that need resolving: not empty, not a value the grid knows, not resolved yet. */
export function textsToResolve(writes: { column: GridColumn; raw: string }[], resolved: ResolvedTexts): Map<ReferenceLookup, string[]> {
  const out = new Map<ReferenceLookup, Set<string>>();
  for (const { column, raw } of writes) {
    const lookup = column.lookup;
    if (!lookup || raw.trim() === '' || column.editable === false || knownOption(column, raw) || resolved.has(resolvedKey(lookup, raw))) continue;
    let set = out.get(lookup);
    if (!set) out.set(lookup, (set = new Set()));
    set.add(raw.trim());
  }
  return new Map([...out].map(([lookup, texts]) => [lookup, [...texts]]));
}

/** Resolves texts through their lookups into `resolved` (and remembers what they name). */
export async function resolveTexts(pending: Map<ReferenceLookup, string[]>, resolved: ResolvedTexts): Promise<void> {
  await Promise.all(
    [...pending].map(async ([lookup, texts]) => {
      const matches = await lookup.resolve(texts);
      texts.forEach((text, i) => {
        resolved.set(resolvedKey(lookup, text), matches[i] ?? []);
        remember(lookup, matches[i] ?? []);
      });
    }),
  );
}
