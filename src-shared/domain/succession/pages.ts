// Splitting a chart across pages (PDF) or slides (PPTX) by subtree: each page shows a position
// and as many levels below it as fit at a readable scale; positions whose reports did not fit
// carry a "continued on page N" to the page that starts with them. A position whose direct
// reports alone do not fit has them spread over several pages ("part 1 of 3").
import { CARD_HEIGHT, GAP_Y, layoutTree as layoutWith, MARGIN, type ChartLayout, type LayoutOptions, type TreeNode } from './layout';

export interface PageFrame {
  /** The drawing area of one page, in points. */
  width: number;
  height: number;
  /** Below this the cards' text is too small to read on paper. */
  minScale: number;
}

export interface ChartPage {
  /** 0-based among the chart pages (an index page, when drawn, comes before them). */
  index: number;
  rootId: string;
  nodes: TreeNode[];
  layout: ChartLayout;
  /** The page and position this page continues, when it is not the first. */
  continuedFrom: { pageIndex: number; nodeId: string } | null;
  /** Positions on this page whose reports continue on another page. */
  continuations: { nodeId: string; pageIndex: number }[];
  /** Set when one position's reports fill several pages. */
  part: { number: number; of: number } | null;
}

export const fitScale = (layout: ChartLayout, frame: PageFrame) => Math.min(frame.width / layout.width, frame.height / layout.height, 1);
const fits = (layout: ChartLayout, frame: PageFrame) => fitScale(layout, frame) >= frame.minScale;

/** Teams on a page stack in columns no taller than the page holds under their manager, so they spread across its width. */
export function pageLayoutOptions(frame: PageFrame): LayoutOptions {
  const rows = Math.floor((frame.height / frame.minScale - 2 * MARGIN + GAP_Y) / (CARD_HEIGHT + GAP_Y));
  return { stackRows: Math.max(2, rows - 1) };
}

/** Splits a laid-out forest (nodes in depth-first order, as `scopeTree` gives them) into pages by subtree. */
export function paginate(nodes: readonly TreeNode[], frame: PageFrame): ChartPage[] {
  const options = pageLayoutOptions(frame);
  const layoutTree = (pageNodes: TreeNode[]) => layoutWith(pageNodes, options);
  const ids = new Set(nodes.map((node) => node.id));
  const children = new Map<string, TreeNode[]>();
  const roots: TreeNode[] = [];
  for (const node of nodes) {
    if (node.parentId && ids.has(node.parentId)) {
      const list = children.get(node.parentId);
      if (list) list.push(node);
      else children.set(node.parentId, [node]);
    } else roots.push(node);
  }
  const pages: ChartPage[] = [];
  const subtreeWithin = (rootId: string, levels: number, only?: Set<string>): TreeNode[] => {
    const out: TreeNode[] = [{ id: rootId, parentId: null }];
    const walk = (id: string, depth: number) => {
      if (depth >= levels) return;
      for (const child of children.get(id) ?? []) {
        if (depth === 0 && only && !only.has(child.id)) continue;
        out.push(child);
        walk(child.id, depth + 1);
      }
    };
    walk(rootId, 0);
    return out;
  };
  const heightOf = (id: string): number => {
    let best = 0;
    const stack: [string, number][] = [[id, 0]];
    while (stack.length) {
      const [next, depth] = stack.pop()!;
      best = Math.max(best, depth);
      for (const child of children.get(next) ?? []) stack.push([child.id, depth + 1]);
    }
    return best;
  };

  const addPage = (rootId: string, pageNodes: TreeNode[], continuedFrom: ChartPage['continuedFrom'], part: ChartPage['part']): ChartPage => {
    const page: ChartPage = { index: pages.length, rootId, nodes: pageNodes, layout: layoutTree(pageNodes), continuedFrom, continuations: [], part };
    pages.push(page);
    return page;
  };

  const build = (rootId: string, continuedFrom: ChartPage['continuedFrom']) => {
    const height = heightOf(rootId);
    let levels = height;
    let pageNodes = subtreeWithin(rootId, levels);
    while (levels > 1 && !fits(layoutTree(pageNodes), frame)) pageNodes = subtreeWithin(rootId, --levels);
    const groups = levels >= 1 && height > 0 && !fits(layoutTree(pageNodes), frame) ? splitReports(rootId) : [null];
    if (groups[0] === null) pageNodes = packWholeSubtrees(pageNodes);
    const made: ChartPage[] = groups.map((group, k) =>
      addPage(rootId, group ? subtreeWithin(rootId, 1, group) : pageNodes, continuedFrom, groups.length > 1 ? { number: k + 1, of: groups.length } : null),
    );
    for (const page of made) {
      const shown = new Set(page.nodes.map((node) => node.id));
      // Positions on the page's last level whose reports are not on it.
      const cut = page.nodes.filter((node) => (children.get(node.id) ?? []).some((child) => !shown.has(child.id)) && node.id !== rootId);
      for (const node of cut) {
        const target = pages.length;
        page.continuations.push({ nodeId: node.id, pageIndex: target });
        build(node.id, { pageIndex: page.index, nodeId: node.id });
      }
    }
  };

  /** Adds, one by one, the whole subtree of each position cut at the page's last level, while the page still fits. */
  const packWholeSubtrees = (pageNodes: TreeNode[]): TreeNode[] => {
    let packed = pageNodes;
    const shown = new Set(packed.map((node) => node.id));
    for (const node of pageNodes) {
      const below = descendants(node.id).filter((child) => !shown.has(child.id));
      if (below.length === 0) continue;
      const trial = [...packed, ...below];
      if (fits(layoutTree(trial), frame)) {
        packed = trial;
        for (const child of below) shown.add(child.id);
      }
    }
    return packed;
  };
  const descendants = (id: string): TreeNode[] => {
    const out: TreeNode[] = [];
    const walk = (parent: string) => {
      for (const child of children.get(parent) ?? []) {
        out.push(child);
        walk(child.id);
      }
    };
    walk(id);
    return out;
  };

  /** Direct reports in groups that each fit on a page with their manager. */
  const splitReports = (rootId: string): Set<string>[] => {
    const groups: Set<string>[] = [];
    let current = new Set<string>();
    for (const child of children.get(rootId) ?? []) {
      const trial = new Set([...current, child.id]);
      if (current.size > 0 && !fits(layoutTree(subtreeWithin(rootId, 1, trial)), frame)) {
        groups.push(current);
        current = new Set([child.id]);
      } else current = trial;
    }
    if (current.size) groups.push(current);
    return groups;
  };

  for (const root of roots) build(root.id, null);
  // Each page then stacks its teams as deep as makes it largest on the page.
  for (const page of pages) page.layout = bestLayout(page.nodes, frame, options.stackRows ?? 3);
  return pages;
}

function bestLayout(nodes: TreeNode[], frame: PageFrame, maxRows: number): ChartLayout {
  let best = layoutWith(nodes, { stackRows: maxRows });
  for (let rows = 1; rows < maxRows; rows++) {
    const trial = layoutWith(nodes, { stackRows: rows });
    if (fitScale(trial, frame) > fitScale(best, frame)) best = trial;
  }
  return best;
}
