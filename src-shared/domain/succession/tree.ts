// Which positions a chart shows: the whole organisation or a subtree, a number of levels, and
// the positions shown collapsed. Shared by the screen and the exports so both chart the same tree.
import type { TreeNode } from './layout';

export interface ScopedPosition {
  id: string;
  title: string;
  reportsToId: string | null;
}

export interface ChartScopeOptions {
  rootId?: string;
  /** Levels below the root to include (1 = the root and its direct reports). */
  levels?: number;
  collapsedIds?: Iterable<string>;
}

export interface ScopedTree {
  /** Depth-first, siblings in title order: the order the layout and the exports use. */
  nodes: TreeNode[];
  /** Reports not shown under a node (collapsed, or beyond the levels asked for), counting every level below. */
  hidden: Map<string, number>;
  /** Direct reports of every position in the whole chart (for expand buttons and counts). */
  childrenOf: Map<string, string[]>;
}

const byTitle = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare;

/** Direct reports of every position, in title order; positions whose manager is unknown are roots. */
export function reportsMap(positions: readonly ScopedPosition[]): { childrenOf: Map<string, string[]>; roots: string[] } {
  const known = new Map(positions.map((position) => [position.id, position]));
  const childrenOf = new Map<string, string[]>();
  const roots: string[] = [];
  const sorted = [...positions].sort((a, b) => byTitle(a.title, b.title) || (a.id < b.id ? -1 : 1));
  for (const position of sorted) {
    const parent = position.reportsToId && position.reportsToId !== position.id && known.has(position.reportsToId) ? position.reportsToId : null;
    if (!parent) roots.push(position.id);
    else {
      const list = childrenOf.get(parent);
      if (list) list.push(position.id);
      else childrenOf.set(parent, [position.id]);
    }
  }
  return { childrenOf, roots };
}

/** The positions in scope, as a forest for `layoutTree`; throws a user-facing message when the root is unknown. */
export function scopeTree(positions: readonly ScopedPosition[], options: ChartScopeOptions = {}): ScopedTree {
  const { childrenOf, roots } = reportsMap(positions);
  const collapsed = new Set(options.collapsedIds ?? []);
  const maxDepth = options.levels ?? Infinity;
  const starts = options.rootId ? [options.rootId] : roots;
  if (options.rootId && !positions.some((position) => position.id === options.rootId)) {
    throw new ScopeError('The chosen position is not in the chart (it may have been archived).');
  }
  const nodes: TreeNode[] = [];
  const hidden = new Map<string, number>();
  const seen = new Set<string>();
  const countBelow = (id: string): number => {
    let count = 0;
    const stack = [...(childrenOf.get(id) ?? [])];
    const counted = new Set<string>();
    while (stack.length) {
      const next = stack.pop()!;
      if (counted.has(next)) continue;
      counted.add(next);
      count++;
      stack.push(...(childrenOf.get(next) ?? []));
    }
    return count;
  };
  // Iterative depth-first walk (deep reporting lines must not overflow the stack).
  const stack: { id: string; parentId: string | null; depth: number }[] = starts.map((id) => ({ id, parentId: null, depth: 0 })).reverse();
  while (stack.length) {
    const { id, parentId, depth } = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    nodes.push({ id, parentId });
    const kids = childrenOf.get(id) ?? [];
    if (kids.length === 0) continue;
    if (collapsed.has(id) || depth >= maxDepth) {
      hidden.set(id, countBelow(id));
      continue;
    }
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ id: kids[k], parentId: id, depth: depth + 1 });
  }
  return { nodes, hidden, childrenOf };
}

/** A scope that matches nothing, or an unknown root: shown to the user as is. */
export class ScopeError extends Error {}

/** Every position from `id` up to its root (for revealing a search hit inside collapsed subtrees). */
export function ancestorsOf(positions: readonly ScopedPosition[], id: string): string[] {
  const byId = new Map(positions.map((position) => [position.id, position]));
  const chain: string[] = [];
  const seen = new Set<string>([id]);
  for (let parent = byId.get(id)?.reportsToId; parent && byId.has(parent) && !seen.has(parent); parent = byId.get(parent)!.reportsToId) {
    seen.add(parent);
    chain.push(parent);
  }
  return chain;
}
