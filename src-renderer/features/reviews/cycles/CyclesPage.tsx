import { Anchor, Badge, Button, Card, Group, Progress, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CYCLE_STATUS_LABELS, type CycleStatus } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';
import { PageHeader } from '../../shared/PageHeader';
import { CycleActions } from './CycleActions';
import { CycleFormModal } from './CycleForm';

export const CYCLE_STATUS_COLORS: Record<CycleStatus, string> = { draft: 'gray', active: 'teal', closed: 'dark' };

/** All review cycles with their status and how far along they are. */
export function CyclesPage() {
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const cycles = useApi('reviews.listCycles', { includeArchived: showArchived || undefined });
  return (
    <>
      <PageHeader
        title="Review cycles"
        description="A cycle reviews a population over a period with one template and rating scale. Save it as a draft, then launch it to create the reviews."
        actions={
          <>
            <Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
            <Button onClick={() => setCreating(true)}>New cycle</Button>
          </>
        }
      />
      {cycles.error && <Text c="red">{cycles.error.message}</Text>}
      {cycles.data?.rows.length === 0 && (
        <Card withBorder><Text c="dimmed">No review cycles yet. Create a rating scale and a template first, then a cycle.</Text></Card>
      )}
      {!!cycles.data?.rows.length && (
        <Table striped highlightOnHover data-testid="cycle-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th><Table.Th>Status</Table.Th><Table.Th>Period</Table.Th><Table.Th>Template · scale</Table.Th>
              <Table.Th>Due</Table.Th><Table.Th>Complete</Table.Th><Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cycles.data.rows.map((c) => (
              <Table.Tr key={c.id} data-testid="cycle-row">
                <Table.Td><Anchor component={Link} to={`/reviews/cycles/${c.id}`} fw={500}>{c.name}</Anchor>{c.archived && <Badge ml={6} size="xs" color="gray">Archived</Badge>}</Table.Td>
                <Table.Td><Badge color={CYCLE_STATUS_COLORS[c.status]} variant="light">{CYCLE_STATUS_LABELS[c.status]}</Badge></Table.Td>
                <Table.Td><Text size="sm">{c.periodStart} – {c.periodEnd}</Text></Table.Td>
                <Table.Td><Text size="sm">{c.templateName}</Text><Text size="xs" c="dimmed">{c.ratingScaleName}</Text></Table.Td>
                <Table.Td><Text size="sm">{c.dueDate}</Text></Table.Td>
                <Table.Td w={160}>
                  {c.status === 'draft' ? <Text size="xs" c="dimmed">Not launched</Text> : (
                    <>
                      <Text size="xs">{c.completeCount} of {c.reviewCount}</Text>
                      <Progress value={c.reviewCount ? (100 * c.completeCount) / c.reviewCount : 0} size="sm" aria-label="Completion" />
                    </>
                  )}
                </Table.Td>
                <Table.Td><Group justify="flex-end"><CycleActions cycle={c} size="xs" /></Group></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <CycleFormModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
