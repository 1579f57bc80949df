import { aliasesOf } from './optionMatch';
import type { Option } from './types';

interface Lowered {
  label: string;
  aliases: string[];
}

const loweredLists = new WeakMap<Option[], Lowered[]>();

function lowered(options: Option[]): Lowered[] {
  let list = loweredLists.get(options);
  if (!list) {
    list = options.map((option) => ({ label: option.label.toLowerCase(), aliases: aliasesOf(option).map((a) => a.toLowerCase()) }));
    loweredLists.set(options, list);
  }
  return list;
}

export interface OptionMatches {
  items: Option[];
  /** All matches, of which at most `limit` are in `items`. */
  total: number;
}

/**
 * How well an option fits the search text, best first: the exact label, an
 * exact short name, a label or short name that starts with it, a word of the
 * label that starts with it, the label containing it. -1: no match.
 */
function rank(entry: Lowered, needle: string): number {
  if (entry.label === needle) return 0;
  if (entry.aliases.includes(needle)) return 1;
  if (entry.label.startsWith(needle) || entry.aliases.some((a) => a.startsWith(needle))) return 2;
  if (entry.label.includes(` ${needle}`) || entry.label.includes(`(${needle}`)) return 3;
  return entry.label.includes(needle) ? 4 : -1;
}

/**
 * Options matching the query (case-insensitive), best matches first, at most
 * `limit`. Without a query `first` (the current value) leads the list, so the
 * highlighted option is the one a plain Tab or Enter keeps.
 */
export function searchOptions(options: Option[], query: string, limit: number, first?: string): OptionMatches {
  const needle = query.trim().toLowerCase();
  if (needle === '') {
    const current = options.find((option) => option.value === first);
    const rest = options.filter((option) => option !== current).slice(0, current ? limit - 1 : limit);
    return { items: current ? [current, ...rest] : rest, total: options.length };
  }
  const entries = lowered(options);
  const ranked: { option: Option; rank: number; index: number }[] = [];
  options.forEach((option, index) => {
    const r = rank(entries[index], needle);
    if (r >= 0) ranked.push({ option, rank: r, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return { items: ranked.slice(0, limit).map((entry) => entry.option), total: ranked.length };
}
