import { Badge, Button, Card, Group, ScrollArea, Stack, Switch, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Row {
  id: string;
  name: string;
  archived: boolean;
  cycleCount: number;
}

/** The left-hand list of a list + editor page (rating scales, templates): click a row to edit it. */
export function EditorList<T extends Row>(props: {
  testId: string;
  rows: T[] | undefined;
  error?: string | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onNew: () => void;
  newLabel: string;
  detail: (row: T) => ReactNode;
  showArchived: boolean;
  onShowArchived: (show: boolean) => void;
}) {
  const { rows, selectedId } = props;
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <Switch size="xs" label="Show archived" checked={props.showArchived} onChange={(e) => props.onShowArchived(e.currentTarget.checked)} />
          <Button size="xs" onClick={props.onNew}>{props.newLabel}</Button>
        </Group>
        {props.error && <Text size="sm" c="red">{props.error}</Text>}
        {rows && rows.length === 0 && <Text size="sm" c="dimmed">None yet.</Text>}
        <ScrollArea.Autosize mah="70vh">
          <Table highlightOnHover data-testid={props.testId}>
            <Table.Tbody>
              {(rows ?? []).map((row) => (
                <Table.Tr
                  key={row.id}
                  onClick={() => props.onSelect(row.id)}
                  bg={row.id === selectedId ? 'var(--mantine-color-teal-0)' : undefined}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" fw={500}>{row.name}</Text>
                      {row.archived && <Badge size="xs" color="gray">Archived</Badge>}
                    </Group>
                    <Text size="xs" c="dimmed">{props.detail(row)}</Text>
                  </Table.Td>
                  <Table.Td ta="right"><Text size="xs" c="dimmed">{row.cycleCount === 1 ? '1 cycle' : `${row.cycleCount} cycles`}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Stack>
    </Card>
  );
}

/** Moves one entry of a list up (-1) or down (+1); out-of-range moves leave it as is. */
export function moveItem<T>(items: T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return items;
  const next = [...items];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

export function RowButtons({ index, count, onMove, onRemove, what }: { index: number; count: number; onMove: (by: -1 | 1) => void; onRemove: () => void; what: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-xs" variant="subtle" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move ${what} up`}>↑</Button>
      <Button size="compact-xs" variant="subtle" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move ${what} down`}>↓</Button>
      <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove} aria-label={`Remove ${what}`}>✕</Button>
    </Group>
  );
}
