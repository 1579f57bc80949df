import { Anchor, Badge, Group, Loader, Stack, Text, TextInput, Tree, getTreeExpandedState, useTree, type TreeNodeData } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { OrgNode } from '../../../src-shared/api';
import { useApi } from '../../api/hooks';
import { PageHeader } from '../shared/PageHeader';

function buildTree(nodes: OrgNode[], filter: string): TreeNodeData[] {
  const children = new Map<string | null, OrgNode[]>();
  const sorted = [...nodes].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  for (const node of sorted) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  const needle = filter.trim().toLowerCase();
  const build = (node: OrgNode): TreeNodeData | null => {
    const kids = (children.get(node.id) ?? []).map(build).filter((n): n is TreeNodeData => n !== null);
    if (needle && !node.name.toLowerCase().includes(needle) && kids.length === 0) return null;
    return { value: node.id, label: node.name, nodeProps: { node }, children: kids };
  };
  return (children.get(null) ?? []).map(build).filter((n): n is TreeNodeData => n !== null);
}

export function OrgTreePage() {
  const tree = useApi('people.getOrgTree', {});
  const [filter, setFilter] = useState('');
  const data = useMemo(() => buildTree(tree.data?.nodes ?? [], filter), [tree.data, filter]);
  return (
    <Stack style={{ flex: 1, minHeight: 0 }}>
      <PageHeader title="Org tree" description="Departments with their head, direct headcount and headcount including sub-departments." />
      <TextInput placeholder="Find a department" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} maw={320} />
      {tree.isLoading && <Loader />}
      {tree.data && tree.data.nodes.length === 0 && <Text c="dimmed">No departments yet. Add them on the Departments page or import a file.</Text>}
      <div style={{ overflow: 'auto', flex: 1 }} data-testid="org-tree">
        {tree.data && <OrgTreeView key={filter ? `f:${filter}` : 'all'} data={data} expandAll={Boolean(filter)} />}
      </div>
    </Stack>
  );
}

/** Mounted once the data is there, so the initial expansion (top two levels, or all matches) applies. */
function OrgTreeView({ data, expandAll }: { data: TreeNodeData[]; expandAll: boolean }) {
  const firstTwoLevels = data.flatMap((n) => [n.value, ...(n.children ?? []).map((c) => c.value)]);
  const controller = useTree({ initialExpandedState: getTreeExpandedState(data, expandAll ? '*' : firstTwoLevels) });
  return (
        <Tree
          data={data}
          tree={controller}
          levelOffset={24}
          renderNode={({ node, expanded, hasChildren, elementProps }) => {
            const org = node.nodeProps?.node as OrgNode;
            return (
              <Group gap="xs" wrap="nowrap" {...elementProps} py={3}>
                <Text w={14} c="dimmed">{hasChildren ? (expanded ? '▾' : '▸') : ''}</Text>
                <Text fw={500}>{org.name}</Text>
                {org.headName && <Text size="sm" c="dimmed">· {org.headName}</Text>}
                <Badge variant="light" size="sm" title="Direct headcount">{org.headcount}</Badge>
                {org.totalHeadcount !== org.headcount && <Badge variant="outline" size="sm" title="Including sub-departments">{org.totalHeadcount} total</Badge>}
                <Anchor component={Link} to={`/people/employees?department=${org.id}`} size="xs" onClick={(e) => e.stopPropagation()}>people</Anchor>
              </Group>
            );
          }}
        />
  );
}
