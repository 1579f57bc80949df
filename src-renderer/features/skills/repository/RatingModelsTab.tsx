import { Alert, Badge, Button, Card, Group, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { RatingModel } from '../../../../src-shared/api';
import { call } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { RatingModelFormModal } from './RatingModelFormModal';

type Editing = { model?: RatingModel } | null;

/** Rating models as cards showing their scales; a modal form creates and edits them. */
export function RatingModelsTab({ showArchived }: { showArchived: boolean }) {
  const models = useApi('skills.listRatingModels', { includeArchived: showArchived || undefined });
  const [editing, setEditing] = useState<Editing>(null);
  const rows = models.data?.rows ?? [];
  // The form gets the newest copy of the model it edits.
  const editedModel = editing?.model && (rows.find((row) => row.id === editing.model!.id) ?? editing.model);
  return (
    <Stack gap="sm" h="100%">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          A rating model is the scale skills are rated on. Every skill uses one; requirements and recorded levels pick one of its levels.
        </Text>
        <Button onClick={() => setEditing({})} data-testid="new-rating-model">New rating model</Button>
      </Group>
      {models.error && <Alert color="red">{models.error.message}</Alert>}
      {models.isSuccess && rows.length === 0 && (
        <Alert color="gray" data-testid="no-rating-models">No rating models yet. Create one before adding skills.</Alert>
      )}
      <ScrollArea style={{ flex: 1 }}>
        <SimpleGrid cols={{ base: 1, xl: 2 }} pb="md">
          {rows.map((model) => (
            <RatingModelCard key={model.id} model={model} onEdit={() => setEditing({ model })} />
          ))}
        </SimpleGrid>
      </ScrollArea>
      <RatingModelFormModal opened={editing !== null} model={editedModel} onClose={() => setEditing(null)} />
    </Stack>
  );
}

async function setArchived(model: RatingModel, archived: boolean) {
  try {
    await call('skills.archiveRatingModels', { ids: [model.id], archived });
    notifications.show({ color: 'teal', message: `Rating model "${model.name}" ${archived ? 'archived' : 'restored'}.` });
  } catch (error) {
    notifications.show({ color: 'red', title: `"${model.name}" was not ${archived ? 'archived' : 'restored'}`, message: (error as Error).message });
  }
}

function RatingModelCard({ model, onEdit }: { model: RatingModel; onEdit(): void }) {
  return (
    <Card withBorder data-testid="rating-model-card" aria-label={`Rating model ${model.name}`}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={4}>{model.name}</Title>
            {model.archived && <Badge color="gray" variant="outline">Archived</Badge>}
          </Group>
          <Text size="xs" c="dimmed">
            {model.levels.length} levels · used by {model.skillCount} {model.skillCount === 1 ? 'skill' : 'skills'}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" onClick={() => void setArchived(model, !model.archived)}>
            {model.archived ? 'Restore' : 'Archive'}
          </Button>
          <Button size="xs" variant="light" onClick={onEdit} disabled={model.archived}>Edit</Button>
        </Group>
      </Group>
      {model.description && <Text size="sm" mb="xs">{model.description}</Text>}
      <LevelTable model={model} />
    </Card>
  );
}

function LevelTable({ model }: { model: RatingModel }) {
  return (
    <Table fz="sm" striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>Level</Table.Th>
          <Table.Th w={160}>Label</Table.Th>
          <Table.Th>Description</Table.Th>
          <Table.Th w={70} ta="right">Factor</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {model.levels.map((level) => (
          <Table.Tr key={level.value}>
            <Table.Td>{level.value}</Table.Td>
            <Table.Td>{level.label}</Table.Td>
            <Table.Td c={level.description ? undefined : 'dimmed'}>{level.description ?? '—'}</Table.Td>
            <Table.Td ta="right">{level.factor}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
