import { Badge, Group, Loader, Progress, Select, Stack, Text, Tree, getTreeExpandedState, useTree, type TreeNodeData } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { GOAL_SCOPE_LABELS, GOAL_STATUS_LABELS, type AlignmentNode } from '../../../src-shared/api';
import { useApi } from '../../api/hooks';
import { PageHeader } from '../shared/PageHeader';
import { progressColor } from './options';

function buildTree(nodes: AlignmentNode[]): TreeNodeData[] {
  const children = new Map<string | null, AlignmentNode[]>();
  for (const node of nodes) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  const build = (node: AlignmentNode): TreeNodeData => ({ value: node.id, label: node.title, nodeProps: { node }, children: (children.get(node.id) ?? []).map(build) });
  return (children.get(null) ?? []).map(build);
}

/** An organisation goal and everything aligned below it, each with its rolled-up progress. */
export function AlignmentTreePage() {
  const [params, setParams] = useSearchParams();
  const orgGoals = useApi('goals.listGoals', { scope: 'organisation' });
  const rootId = params.get('root') ?? orgGoals.data?.rows[0]?.id ?? null;
  const tree = useApi('goals.getAlignmentTree', { rootId: rootId ?? '' }, { enabled: Boolean(rootId) });
  const data = useMemo(() => buildTree(tree.data?.nodes ?? []), [tree.data]);
  return (
    <Stack style={{ flex: 1, minHeight: 0 }}>
      <PageHeader title="Goal alignment" description="How department and individual goals add up to an organisation goal. A goal's rolled-up progress is the weighted average of the goals aligned to it (equal weights when all are 0)." />
      <Select
        label="Organisation goal"
        data={(orgGoals.data?.rows ?? []).map((g) => ({ value: g.id, label: `${g.title} (${g.periodStart} – ${g.periodEnd})` }))}
        value={rootId}
        onChange={(value) => value && setParams({ root: value })}
        searchable
        maw={480}
      />
      {orgGoals.data && orgGoals.data.rows.length === 0 && <Text c="dimmed">No organisation goals yet. Add one on the Goals page.</Text>}
      {tree.isLoading && <Loader />}
      {tree.error && <Text c="red">{tree.error.message}</Text>}
      <div style={{ overflow: 'auto', flex: 1 }} data-testid="alignment-tree">
        {tree.data && <AlignmentTreeView key={rootId} data={data} />}
      </div>
    </Stack>
  );
}

function AlignmentTreeView({ data }: { data: TreeNodeData[] }) {
  const firstTwoLevels = data.flatMap((n) => [n.value, ...(n.children ?? []).map((c) => c.value)]);
  const controller = useTree({ initialExpandedState: getTreeExpandedState(data, firstTwoLevels) });
  return (
    <Tree
      data={data}
      tree={controller}
      levelOffset={24}
      renderNode={({ node, expanded, hasChildren, elementProps }) => {
        const goal = node.nodeProps?.node as AlignmentNode;
        return (
          <Group gap="xs" wrap="nowrap" {...elementProps} py={3} data-testid="alignment-node">
            <Text w={14} c="dimmed">{hasChildren ? (expanded ? '▾' : '▸') : ''}</Text>
            <Badge variant="light" size="sm" miw={120}>{GOAL_SCOPE_LABELS[goal.scope]}</Badge>
            <Text fw={500}>{goal.title}</Text>
            {goal.ownerName && <Text size="sm" c="dimmed">· {goal.ownerName}</Text>}
            <Text size="xs" c="dimmed">{GOAL_STATUS_LABELS[goal.status]}</Text>
            <Progress value={goal.rolledUp} color={progressColor(goal.rolledUp)} w={160} aria-label={`${goal.title} progress`} />
            <Text size="sm" w={56} data-testid="rolled-up">{goal.rolledUp}%</Text>
          </Group>
        );
      }}
    />
  );
}
