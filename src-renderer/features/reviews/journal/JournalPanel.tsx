import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { JOURNAL_KIND_LABELS, type JournalEntry } from '../../../../src-shared/api';
import { summariseJournal } from '../../../../src-shared/domain/journal';
import { useApi } from '../../../api/hooks';
import { JournalEntryDrawer } from './JournalEntryDrawer';
import { KIND_COLORS } from './options';

/**
 * One employee's journal: the entries dated within [from, to] (all when no period is given),
 * plus any linked to the review. "Add note" starts an entry about the employee, linked to the review.
 */
export function JournalPanel({ employeeId, from, to, reviewId }: { employeeId: string; from?: string; to?: string; reviewId?: string }) {
  const entries = useApi('reviews.listJournalEntries', { employeeId, from, to, orLinkedToReviewId: reviewId });
  /** entry null = a new note. */
  const [drawer, setDrawer] = useState<{ entry: JournalEntry | null } | null>(null);
  const rows = entries.data?.rows ?? [];
  const summary = summariseJournal(rows);
  const period = from || to ? ` from ${from ?? 'the start'} to ${to ?? 'today'}` : '';
  return (
    <Stack gap="xs" data-testid="journal-panel">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={4}>Feedback journal</Title>
          {entries.isLoading && <Loader size="xs" />}
        </Group>
        <Group gap="xs">
          <Anchor component={Link} to="/reviews/journal" size="sm">Open the journal</Anchor>
          <Button size="xs" onClick={() => setDrawer({ entry: null })} data-testid="journal-add">Add note</Button>
        </Group>
      </Group>
      {entries.error && <Alert color="red">{entries.error.message}</Alert>}
      {entries.data && (
        <Text size="sm" c="dimmed" data-testid="journal-summary">
          {summary.total === 0
            ? `No journal entries${period}.`
            : `${summary.total} entr${summary.total === 1 ? 'y' : 'ies'}${period}: ${summary.byKind.praise} praise, ${summary.byKind.development} development, ${summary.byKind.note} note${summary.byKind.note === 1 ? '' : 's'} · ${summary.shared} shared with the employee`}
        </Text>
      )}
      {rows.map((entry) => <EntryCard key={entry.id} entry={entry} onOpen={() => setDrawer({ entry })} />)}
      <JournalEntryDrawer opened={drawer !== null} onClose={() => setDrawer(null)} entry={drawer?.entry ? (entries.data?.rows.find((e) => e.id === drawer.entry!.id) ?? drawer.entry) : null} defaults={{ employeeId, reviewId }} lockEmployee />
    </Stack>
  );
}

function EntryCard({ entry, onOpen }: { entry: JournalEntry; onOpen: () => void }) {
  return (
    <Paper withBorder p="xs" data-testid="journal-entry" onDoubleClick={onOpen}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap={6}>
          <Text size="sm" fw={500}>{entry.date}</Text>
          <Badge size="sm" variant="light" color={KIND_COLORS[entry.kind]}>{JOURNAL_KIND_LABELS[entry.kind]}</Badge>
          <Badge size="sm" variant="outline" color={entry.shared ? 'blue' : 'gray'} data-testid="journal-visibility">{entry.shared ? 'Shared' : 'Private'}</Badge>
          <Text size="xs" c="dimmed">by {entry.author}</Text>
        </Group>
        <Anchor component="button" size="xs" onClick={onOpen}>Edit</Anchor>
      </Group>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>{entry.text}</Text>
      {(entry.goalTitle || entry.reviewLabel) && (
        <Text size="xs" c="dimmed" mt={4}>
          {entry.goalTitle && `Goal: ${entry.goalTitle}`}{entry.goalTitle && entry.reviewLabel && ' · '}{entry.reviewLabel && `Review: ${entry.reviewLabel}`}
        </Text>
      )}
    </Paper>
  );
}
