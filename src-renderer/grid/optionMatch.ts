import type { Option } from './types';

/** Separators of labels that name a path ("Platform · Engineering", "Europe › Sales"). */
const PATH_SEPARATOR = /\s+[·›/>]\s+/;

/**
 * The short names of an option: its own `aliases` when given, else the last
 * segment of a path-like label.
 */
export function aliasesOf(option: Option): string[] {
  if (option.aliases) return option.aliases;
  const segments = option.label.split(PATH_SEPARATOR);
  return segments.length > 1 ? [segments[segments.length - 1]] : [];
}

interface OptionIndex {
  /** value -> label */
  labelOf: Map<string, string>;
  /** lower-case label -> options with it */
  byLabel: Map<string, Option[]>;
  /** lower-case alias -> options with it */
  byAlias: Map<string, Option[]>;
}

// Reference lists can hold 10k options, so they are indexed once per options array.
const indexes = new WeakMap<Option[], OptionIndex>();

function push(map: Map<string, Option[]>, key: string, option: Option): void {
  const list = map.get(key);
  if (!list) map.set(key, [option]);
  else if (!list.includes(option)) list.push(option);
}

export function optionIndex(options: Option[]): OptionIndex {
  let index = indexes.get(options);
  if (!index) {
    index = { labelOf: new Map(), byLabel: new Map(), byAlias: new Map() };
    for (const option of options) {
      index.labelOf.set(option.value, option.label);
      push(index.byLabel, option.label.toLowerCase(), option);
      for (const alias of aliasesOf(option)) push(index.byAlias, alias.toLowerCase(), option);
    }
    indexes.set(options, index);
  }
  return index;
}

export type OptionMatch =
  | { ok: true; value: string }
  | { ok: false; reason: 'none' }
  | { ok: false; reason: 'ambiguous'; matches: Option[] };

/**
 * The option a typed or pasted text names: an exact label (any case), an
 * option value, then a short name that fits exactly one option.
 */
export function matchOption(options: Option[], text: string): OptionMatch {
  const index = optionIndex(options);
  const key = text.trim().toLowerCase();
  const byLabel = index.byLabel.get(key);
  if (byLabel?.length === 1) return { ok: true, value: byLabel[0].value };
  if (byLabel && byLabel.length > 1) return { ok: false, reason: 'ambiguous', matches: byLabel };
  if (index.labelOf.has(text.trim())) return { ok: true, value: text.trim() };
  const byAlias = index.byAlias.get(key);
  if (byAlias?.length === 1) return { ok: true, value: byAlias[0].value };
  if (byAlias && byAlias.length > 1) return { ok: false, reason: 'ambiguous', matches: byAlias };
  return { ok: false, reason: 'none' };
}

const LISTED = 5;

/** `"Sales" matches 3 departments: Sales · Europe, Sales · US, Sales · APAC` */
export function ambiguityMessage(text: string, matches: Option[], noun: string): string {
  const shown = matches.slice(0, LISTED).map((option) => option.label);
  const more = matches.length > LISTED ? ` and ${matches.length - LISTED} more` : '';
  return `"${text.trim()}" matches ${matches.length} ${noun}: ${shown.join(', ')}${more}. Type or pick the full name.`;
}
