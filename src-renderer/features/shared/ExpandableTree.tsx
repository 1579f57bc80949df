import { Group, Text, Tree, useTree, type TreeNodeData } from '@mantine/core';
import type { ReactNode } from 'react';

interface FlatNode {
  id: string;
  parentId: string | null;
}

/**
 * Nests flat records (each naming its parent) into tree data, keeping their order among
 * siblings. With `matches`, a node stays only if it matches or keeps a descendant that does.
 */
export function nestNodes<T extends FlatNode>(nodes: T[], label: (node: T) => string, matches?: (node: T) => boolean): TreeNodeData[] {
  const children = new Map<string | null, T[]>();
  for (const node of nodes) {
    const siblings = children.get(node.parentId);
    if (siblings) siblings.push(node);
    else children.set(node.parentId, [node]);
  }
  const build = (node: T): TreeNodeData | null => {
    const kids = (children.get(node.id) ?? []).map(build).filter((n): n is TreeNodeData => n !== null);
    if (matches && !matches(node) && kids.length === 0) return null;
    return { value: node.id, label: label(node), nodeProps: { node }, children: kids };
  };
  return (children.get(null) ?? []).map(build).filter((n): n is TreeNodeData => n !== null);
}

/** Which nodes start open: `open`, or every node with children (Mantine's own helper copies its state once per node). */
function expandedState(data: TreeNodeData[], open: string[] | null): Record<string, boolean> {
  const state: Record<string, boolean> = {};
  const visit = (nodes: TreeNodeData[]) => {
    for (const node of nodes) {
      state[node.value] = open === null;
      if (node.children) visit(node.children);
    }
  };
  visit(data);
  for (const value of open ?? []) state[value] = true;
  return state;
}

/**
 * A tree opened to its top two levels (or all the way), each row a chevron and what
 * `renderRow` draws for its record. Mount it once the data is there (give it a `key` that
 * changes with the data) so the initial expansion applies.
 */
export function ExpandableTree<T>({ data, expandAll = false, rowTestId, renderRow }: {
  data: TreeNodeData[];
  expandAll?: boolean;
  rowTestId?: string;
  renderRow: (node: T) => ReactNode;
}) {
  const firstTwoLevels = data.flatMap((n) => [n.value, ...(n.children ?? []).map((c) => c.value)]);
  const controller = useTree({ initialExpandedState: expandedState(data, expandAll ? null : firstTwoLevels) });
  return (
    <Tree
      data={data}
      tree={controller}
      levelOffset={24}
      renderNode={({ node, expanded, hasChildren, elementProps }) => (
        <Group gap="xs" wrap="nowrap" {...elementProps} py={3} data-testid={rowTestId}>
          <Text w={14} c="dimmed">{hasChildren ? (expanded ? '▾' : '▸') : ''}</Text>
          {renderRow(node.nodeProps?.node as T)}
        </Group>
      )}
    />
  );
}
