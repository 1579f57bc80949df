import { Anchor, Badge, Group, Loader, Stack, Text, TextInput, type TreeNodeData } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { OrgNode } from '../../../src-shared/api';
import { localToday } from '../../../src-shared/domain/organisation';
import { useApi } from '../../api/hooks';
import { ExpandableTree, nestNodes } from '../shared/ExpandableTree';
import { PageHeader } from '../shared/PageHeader';
import { DateInput } from '../shared/DateInput';

function buildTree(nodes: OrgNode[], filter: string): TreeNodeData[] {
  const sorted = [...nodes].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  const needle = filter.trim().toLowerCase();
  return nestNodes(sorted, (node) => node.name, needle ? (node) => node.name.toLowerCase().includes(needle) : undefined);
}

export function OrgTreePage() {
  const [asOf, setAsOf] = useState('');
  const tree = useApi('people.getOrgTree', asOf ? { asOf } : {});
  const [filter, setFilter] = useState('');
  const data = useMemo(() => buildTree(tree.data?.nodes ?? [], filter), [tree.data, filter]);
  return (
    <Stack style={{ flex: 1, minHeight: 0 }}>
      <PageHeader
        title="Org tree"
        description={`Departments with direct headcount and headcount including sub-departments${asOf ? ` on ${asOf}` : ''}; the head is whoever holds the department's top position, where it has one.`}
      />
      <Group align="flex-end">
        <TextInput label="Find a department" placeholder="Department name" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={320} />
        <DateInput label="As of" max={localToday()} value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} w={170} data-testid="org-as-of" />
      </Group>
      {tree.isLoading && <Loader />}
      {tree.data && tree.data.nodes.length === 0 && <Text c="dimmed">No departments yet. Add them on the Departments page or import a file.</Text>}
      <div style={{ overflow: 'auto', flex: 1 }} data-testid="org-tree">
        {tree.data && <OrgTreeView key={filter ? `f:${filter}` : 'all'} data={data} expandAll={Boolean(filter)} asOf={asOf} />}
      </div>
    </Stack>
  );
}

/** Mounted once the data is there, so the initial expansion (top two levels, or all matches) applies. */
function OrgTreeView({ data, expandAll, asOf }: { data: TreeNodeData[]; expandAll: boolean; asOf: string }) {
  return (
    <ExpandableTree<OrgNode>
      data={data}
      expandAll={expandAll}
      renderRow={(org) => (
        <>
          <Text fw={500}>{org.name}</Text>
          {org.headName && <Text size="sm" c="dimmed" title="Holds the department's top position">· {org.headName} ({org.headPosition})</Text>}
          <Badge variant="light" size="sm" title="Direct headcount">{org.headcount}</Badge>
          {org.totalHeadcount !== org.headcount && <Badge variant="outline" size="sm" title="Including sub-departments">{org.totalHeadcount} total</Badge>}
          <Anchor component={Link} to={`/people/employees?department=${org.id}${asOf ? `&asOf=${asOf}` : ''}`} size="xs" onClick={(e) => e.stopPropagation()}>people</Anchor>
        </>
      )}
    />
  );
}
