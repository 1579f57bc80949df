import { Anchor, Badge, Loader, Stack, Text, TextInput, type TreeNodeData } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { OrgNode } from '../../../src-shared/api';
import { useApi } from '../../api/hooks';
import { ExpandableTree, nestNodes } from '../shared/ExpandableTree';
import { PageHeader } from '../shared/PageHeader';

function buildTree(nodes: OrgNode[], filter: string): TreeNodeData[] {
  const sorted = [...nodes].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  const needle = filter.trim().toLowerCase();
  return nestNodes(sorted, (node) => node.name, needle ? (node) => node.name.toLowerCase().includes(needle) : undefined);
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
  return (
    <ExpandableTree<OrgNode>
      data={data}
      expandAll={expandAll}
      renderRow={(org) => (
        <>
          <Text fw={500}>{org.name}</Text>
          {org.headName && <Text size="sm" c="dimmed">· {org.headName}</Text>}
          <Badge variant="light" size="sm" title="Direct headcount">{org.headcount}</Badge>
          {org.totalHeadcount !== org.headcount && <Badge variant="outline" size="sm" title="Including sub-departments">{org.totalHeadcount} total</Badge>}
          <Anchor component={Link} to={`/people/employees?department=${org.id}`} size="xs" onClick={(e) => e.stopPropagation()}>people</Anchor>
        </>
      )}
    />
  );
}
