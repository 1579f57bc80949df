/** Goal arithmetic shared by the main process and the UI. */

export interface RollupNode {
  id: string;
  parentId: string | null;
  /** 0-100; a goal's weight among its siblings. */
  weight: number;
  /** The goal's own progress (latest check-in), 0-100. */
  progress: number;
}

const clamp = (n: number) => (Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0);

/**
 * Rolled-up progress of every node: a goal with children = weighted average of its
 * children's rolled-up progress (equal weights when all are 0); a leaf = its own progress.
 * Iterative (post-order), so deep chains do not overflow the stack. Cycles are ignored
 * (a node already on the path counts as a leaf).
 */
export function rollUpProgress(nodes: RollupNode[]): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, RollupNode[]>();
  for (const n of nodes) {
    if (n.parentId && byId.has(n.parentId) && n.parentId !== n.id) {
      const list = children.get(n.parentId);
      if (list) list.push(n); else children.set(n.parentId, [n]);
    }
  }
  const result = new Map<string, number>();
  const state = new Map<string, 1 | 2>();
  for (const start of nodes) {
    if (state.has(start.id)) continue;
    const stack: string[] = [start.id];
    while (stack.length) {
      const id = stack[stack.length - 1];
      if (!state.has(id)) {
        state.set(id, 1);
        for (const c of children.get(id) ?? []) if (!state.has(c.id)) stack.push(c.id);
        continue;
      }
      stack.pop();
      if (result.has(id)) continue;
      const kids = (children.get(id) ?? []).filter((c) => result.has(c.id));
      const node = byId.get(id)!;
      result.set(id, kids.length === 0 ? clamp(node.progress) : weightedAverage(kids.map((c) => ({ weight: c.weight, value: result.get(c.id)! }))));
      state.set(id, 2);
    }
  }
  return result;
}

/** Weighted average of values (0-100); equal weights when every weight is 0 (or missing). */
export function weightedAverage(items: { weight: number; value: number }[]): number {
  if (items.length === 0) return 0;
  const weights = items.map((i) => (Number.isFinite(i.weight) && i.weight > 0 ? i.weight : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  const sum = total > 0
    ? items.reduce((a, item, k) => a + clamp(item.value) * weights[k], 0) / total
    : items.reduce((a, item) => a + clamp(item.value), 0) / items.length;
  return clamp(Math.round(sum * 100) / 100);
}

/** Which scopes a goal of a scope may align to. */
export const ALIGNABLE_SCOPES: Record<'organisation' | 'department' | 'individual', ('organisation' | 'department')[]> = {
  organisation: [],
  department: ['organisation'],
  individual: ['department', 'organisation'],
};
