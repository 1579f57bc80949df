import type { Option } from './types';

const lowerLabels = new WeakMap<Option[], string[]>();

function lowered(options: Option[]): string[] {
  let labels = lowerLabels.get(options);
  if (!labels) {
    labels = options.map((option) => option.label.toLowerCase());
    lowerLabels.set(options, labels);
  }
  return labels;
}

export interface OptionMatches {
  items: Option[];
  /** All matches, of which at most `limit` are in `items`. */
  total: number;
}

/**
 * Options whose label contains the query (case-insensitive), at most `limit`.
 * `first` (the current value) is listed first when it matches.
 */
export function searchOptions(options: Option[], query: string, limit: number, first?: string): OptionMatches {
  const needle = query.trim().toLowerCase();
  const labels = lowered(options);
  const items: Option[] = [];
  let total = 0;
  let firstOption: Option | undefined;
  options.forEach((option, i) => {
    if (needle !== '' && !labels[i].includes(needle)) return;
    total += 1;
    if (option.value === first) firstOption = option;
    else if (items.length < limit) items.push(option);
  });
  if (firstOption) items.unshift(firstOption);
  return { items: items.slice(0, limit), total };
}
