// The succession chart's layout: one pure function, drawn by the screen and by every export.
// A tidy tree (Reingold–Tilford as improved by Buchheim et al., d3-hierarchy's `tree`) of
// fixed-size cards in rows. A position whose reports are all leaves with no reports of their own
// (a team) gets them stacked in columns under it, as org charts do, instead of one very wide row:
// each column is laid out as a chain (every card the only child of the card above it), so the tidy
// algorithm's row-by-row separation still guarantees that no two cards overlap.
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';

export const CARD_WIDTH = 224;
export const CARD_HEIGHT = 136;
/** Space between neighbouring cards, and between rows (where the connectors run). */
export const GAP_X = 28;
export const GAP_Y = 44;
/** Leaves stack once a position has at least this many, all without reports. */
export const STACK_FROM = 4;
export const MARGIN = 24;

export interface TreeNode {
  id: string;
  /** The parent in this tree (null or absent from the list: a root). */
  parentId: string | null;
}

export interface PlacedNode {
  id: string;
  parentId: string | null;
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** 0 for roots. */
  depth: number;
  /** A leaf drawn in a stacked column under its parent. */
  stacked: boolean;
}

export interface Edge {
  from: string;
  to: string;
  /** A polyline from the parent's bottom to the child's top (or, stacked, its left side). */
  points: [number, number][];
}

export interface ChartLayout {
  nodes: PlacedNode[];
  edges: Edge[];
  width: number;
  height: number;
}

interface LayoutDatum {
  id: string;
  /** False for the synthetic root that joins several roots. */
  real: boolean;
  /** The manager whose team this card is stacked under. */
  stackOf?: string;
  children: LayoutDatum[];
}

export interface LayoutOptions {
  /** At most this many cards in a stacked column (pages use it to fill their width); left out, the screen's rule. */
  stackRows?: number;
}

/** How many columns a team of `count` leaves is stacked in. */
export const stackColumns = (count: number, stackRows?: number) =>
  stackRows ? Math.max(1, Math.ceil(count / Math.max(1, stackRows))) : count <= 8 ? 2 : count <= 18 ? 3 : 4;

/**
 * Places every node of a forest (given in sibling order) as a card. Nodes whose parent is not in
 * the list are roots, laid out side by side. Pure: the same input gives the same layout.
 */
export function layoutTree(nodes: readonly TreeNode[], options: LayoutOptions = {}): ChartLayout {
  if (nodes.length === 0) return { nodes: [], edges: [], width: 0, height: 0 };
  const ids = new Set(nodes.map((node) => node.id));
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const node of nodes) {
    if (node.parentId && ids.has(node.parentId) && node.parentId !== node.id) {
      const list = children.get(node.parentId);
      if (list) list.push(node.id);
      else children.set(node.parentId, [node.id]);
    } else roots.push(node.id);
  }
  const parentOf = new Map(nodes.map((node) => [node.id, node.parentId && ids.has(node.parentId) ? node.parentId : null]));
  const stackedParents = new Set<string>();
  const build = (id: string): LayoutDatum => {
    const kids = children.get(id) ?? [];
    if (kids.length >= STACK_FROM && kids.every((kid) => !children.has(kid))) {
      stackedParents.add(id);
      const columns = stackColumns(kids.length, options.stackRows);
      const heads: LayoutDatum[] = [];
      for (let column = 0; column < columns; column++) {
        const chain = kids.filter((_, index) => index % columns === column);
        let below: LayoutDatum[] = [];
        for (let k = chain.length - 1; k >= 0; k--) below = [{ id: chain[k], real: true, stackOf: id, children: below }];
        if (below.length) heads.push(below[0]);
      }
      return { id, real: true, children: heads };
    }
    return { id, real: true, children: kids.map(build) };
  };
  const forest = roots.map(build);
  const top: LayoutDatum = forest.length === 1 ? forest[0] : { id: '', real: false, children: forest };
  const root = hierarchy<LayoutDatum>(top, (datum) => datum.children);
  const placed = tree<LayoutDatum>()
    .nodeSize([CARD_WIDTH + GAP_X, CARD_HEIGHT + GAP_Y])
    // A team's columns sit close (room for the spine between them); other subtrees keep a wider gap.
    .separation((a, b) => (a.data.stackOf && a.data.stackOf === b.data.stackOf ? 1.05 : a.parent === b.parent ? 1 : 1.2))(root);
  return toLayout(placed, parentOf, stackedParents, top.real ? 0 : 1);
}

function toLayout(root: HierarchyPointNode<LayoutDatum>, parentOf: Map<string, string | null>, stackedParents: Set<string>, skipRows: number): ChartLayout {
  let minX = Infinity;
  let maxX = -Infinity;
  let maxY = 0;
  const raw: { id: string; cx: number; row: number }[] = [];
  root.each((node) => {
    if (!node.data.real) return;
    raw.push({ id: node.data.id, cx: node.x, row: node.depth - skipRows });
    minX = Math.min(minX, node.x);
    maxX = Math.max(maxX, node.x);
    maxY = Math.max(maxY, node.depth - skipRows);
  });
  const pitchY = CARD_HEIGHT + GAP_Y;
  const byId = new Map<string, PlacedNode>();
  const depthOf = (id: string): number => {
    let depth = 0;
    for (let parent = parentOf.get(id); parent; parent = parentOf.get(parent)) depth++;
    return depth;
  };
  for (const { id, cx, row } of raw) {
    const parentId = parentOf.get(id) ?? null;
    byId.set(id, {
      id,
      parentId,
      x: cx - minX + MARGIN,
      y: row * pitchY + MARGIN,
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      depth: depthOf(id),
      stacked: parentId !== null && stackedParents.has(parentId),
    });
  }
  const nodes = [...byId.values()];
  const edges: Edge[] = [];
  for (const node of nodes) {
    if (!node.parentId) continue;
    const parent = byId.get(node.parentId)!;
    edges.push({ from: parent.id, to: node.id, points: edgePoints(parent, node) });
  }
  return { nodes, edges, width: maxX - minX + CARD_WIDTH + 2 * MARGIN, height: (maxY + 1) * pitchY - GAP_Y + 2 * MARGIN };
}

/** An elbow from the parent's bottom centre; a stacked leaf is reached along a spine on its left. */
function edgePoints(parent: PlacedNode, child: PlacedNode): [number, number][] {
  const px = parent.x + parent.width / 2;
  const py = parent.y + parent.height;
  const midY = py + GAP_Y / 2;
  if (child.stacked) {
    const spineX = child.x - GAP_X / 2;
    const cy = child.y + child.height / 2;
    return [[px, py], [px, midY], [spineX, midY], [spineX, cy], [child.x, cy]];
  }
  const cx = child.x + child.width / 2;
  return [[px, py], [px, midY], [cx, midY], [cx, child.y]];
}
