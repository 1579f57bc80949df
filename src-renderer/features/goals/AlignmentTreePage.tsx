import { Badge, Loader, Progress, Select, Stack, Text, type TreeNodeData } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { GOAL_SCOPE_LABELS, GOAL_STATUS_LABELS, type AlignmentNode } from '../../../src-shared/api';
import { useApi } from '../../api/hooks';
import { ExpandableTree, nestNodes } from '../shared/ExpandableTree';
import { PageHeader } from '../shared/PageHeader';
import { progressColor } from './options';

/** An organisation goal and everything aligned below it, each with its rolled-up progress. */
export function AlignmentTreePage() {
  const [params, setParams] = useSearchParams();
  const orgGoals = useApi('goals.listGoals', { scope: 'organisation' });
  const rootId = params.get('root') ?? orgGoals.data?.rows[0]?.id ?? null;
  const tree = useApi('goals.getAlignmentTree', { rootId: rootId ?? '' }, { enabled: Boolean(rootId) });
  const data = useMemo(() => nestNodes(tree.data?.nodes ?? [], (node) => node.title), [tree.data]);
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
  return (
    <ExpandableTree<AlignmentNode>
      data={data}
      rowTestId="alignment-node"
      renderRow={(goal) => (
        <>
          <Badge variant="light" size="sm" miw={120}>{GOAL_SCOPE_LABELS[goal.scope]}</Badge>
          <Text fw={500}>{goal.title}</Text>
          {goal.ownerName && <Text size="sm" c="dimmed">· {goal.ownerName}</Text>}
          <Text size="xs" c="dimmed">{GOAL_STATUS_LABELS[goal.status]}</Text>
          <Progress value={goal.rolledUp} color={progressColor(goal.rolledUp)} w={160} aria-label={`${goal.title} progress`} />
          <Text size="sm" w={56} data-testid="rolled-up">{goal.rolledUp}%</Text>
        </>
      )}
    />
  );
}
