import { Alert, Button, Drawer, Group, SegmentedControl, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { GOAL_SCOPE_LABELS, type GoalScope, type JournalEntry, type JournalKind } from '../../../../src-shared/api';
import { localDateIso } from '../../../../src-shared/domain/journal';
import { call } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { employeeLabel } from '../../people/options';
import { ConflictNotice, type FieldSpecs } from '../../shared/ConflictNotice';
import { useVersionedForm } from '../../shared/useVersionedForm';
import { KIND_OPTIONS } from './options';
import { DateInput } from '../../shared/DateInput';

/** What a new entry starts with (the panel of a review pre-links the review). */
export interface JournalDefaults {
  employeeId?: string;
  reviewId?: string;
  goalId?: string;
}

/** Adds (entry = null) or edits one journal entry. */
export function JournalEntryDrawer({ opened, onClose, entry, defaults = {}, lockEmployee = false }: {
  opened: boolean; onClose: () => void; entry: JournalEntry | null; defaults?: JournalDefaults; lockEmployee?: boolean;
}) {
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={entry ? 'Edit journal entry' : 'Add journal note'} data-testid="journal-drawer">
      {opened && <JournalEntryForm key={entry?.id ?? 'new'} entry={entry} defaults={defaults} lockEmployee={lockEmployee} onDone={onClose} />}
    </Drawer>
  );
}

interface EntryDraft {
  employeeId: string | null;
  date: string;
  kind: JournalKind;
  shared: boolean;
  /** null: the name set in Settings. */
  author: string | null;
  text: string;
  goalId: string | null;
  reviewId: string | null;
}

type Labelled = { value: string; label: string }[];
const labelIn = (options: Labelled) => (id: string | null) => (id ? (options.find((o) => o.value === id)?.label ?? '(another record)') : '');

function entryFields(employees: Labelled, goals: Labelled, reviews: Labelled): FieldSpecs<EntryDraft> {
  return {
    employeeId: { label: 'Employee', format: labelIn(employees) },
    date: 'Date',
    kind: { label: 'Kind', format: (kind) => KIND_OPTIONS.find((o) => o.value === kind)?.label ?? kind },
    shared: 'Shared with the employee',
    author: 'Author',
    text: 'Text',
    goalId: { label: 'Linked goal', format: labelIn(goals) },
    reviewId: { label: 'Linked review', format: labelIn(reviews) },
  };
}

function JournalEntryForm({ entry, defaults, lockEmployee, onDone }: { entry: JournalEntry | null; defaults: JournalDefaults; lockEmployee: boolean; onDone: () => void }) {
  const settings = useApi('admin.getSettings', {});
  const [error, setError] = useState<string | null>(null);
  const form = useVersionedForm({
    record: entry ?? undefined,
    toValues: (e: JournalEntry | undefined): EntryDraft => ({
      employeeId: e?.employeeId ?? defaults.employeeId ?? null,
      date: e?.date ?? localDateIso(),
      kind: e?.kind ?? 'note',
      shared: e?.shared ?? false,
      author: e?.author ?? null,
      text: e?.text ?? '',
      goalId: e?.goalId ?? defaults.goalId ?? null,
      reviewId: e?.reviewId ?? defaults.reviewId ?? null,
    }),
    save: async (draft, target) => {
      const values = { ...draft, employeeId: draft.employeeId!, author: draft.author ?? settings.data?.actorName ?? '' };
      const { rows } = await call('reviews.saveJournalEntries', { rows: [target ? { id: target.id, version: target.version, values } : { values }] });
      return rows[0];
    },
    onSaved: () => {
      notifications.show({ color: 'teal', message: entry ? 'Journal entry saved.' : 'Journal note added.' });
      onDone();
    },
    onError: (e) => setError((e as Error).message),
  });
  const { employeeId, date, kind, shared, author, text, goalId, reviewId } = form.values;
  const setDate = (value: string) => form.set('date', value);
  const setKind = (value: JournalKind) => form.set('kind', value);
  const setShared = (value: boolean) => form.set('shared', value);
  const setAuthor = (value: string) => form.set('author', value);
  const setText = (value: string) => form.set('text', value);
  const setGoalId = (value: string | null) => form.set('goalId', value);
  const setReviewId = (value: string | null) => form.set('reviewId', value);
  const employees = useApi('people.listEmployees', { limit: 100_000 }, { enabled: !lockEmployee });
  const links = useApi('reviews.listJournalLinkOptions', { employeeId: employeeId ?? '' }, { enabled: Boolean(employeeId) });
  const shownAuthor = author ?? settings.data?.actorName ?? '';

  // Links belong to one employee; a new person starts without them.
  const chooseEmployee = (id: string | null) => form.setValues((d) => ({ ...d, employeeId: id, goalId: null, reviewId: null }));

  const save = async () => {
    setError(null);
    if (!employeeId) return setError('Choose the employee the entry is about.');
    if (!text.trim()) return setError('Text is required.');
    await form.submit();
  };

  const archive = async () => {
    if (!entry) return;
    try {
      await call('reviews.archiveJournalEntries', { ids: [entry.id], archived: !entry.archived });
      notifications.show({ color: 'teal', message: entry.archived ? 'Journal entry restored.' : 'Journal entry archived.' });
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const goalOptions = (links.data?.goals ?? []).map((g) => ({ value: g.id, label: `${g.title} · ${GOAL_SCOPE_LABELS[g.scope as GoalScope] ?? g.scope} (${g.periodStart.slice(0, 4)})` }));
  const reviewOptions = (links.data?.reviews ?? []).map((r) => ({ value: r.id, label: `${r.label} (${r.periodStart} – ${r.periodEnd})` }));
  const employeeOptions = lockEmployee
    ? [] : (employees.data?.rows ?? []).map((e) => ({ value: e.id, label: employeeLabel(e) }));
  return (
    <Stack data-testid="journal-form">
      <ConflictNotice conflict={form.conflict} what="journal entry" fields={entryFields(employeeOptions, goalOptions, reviewOptions)} />
      {lockEmployee
        ? entry && <Text size="sm">About <b>{entry.employeeName}</b></Text>
        : <Select label="Employee" placeholder="Search by name or number" data={employeeOptions} value={employeeId} onChange={chooseEmployee} searchable limit={50} required nothingFoundMessage="No one matches" />}
      <Group grow align="flex-end">
        <DateInput label="Date" value={date} onChange={(e) => setDate(e.currentTarget.value)} required />
        <TextInput label="Author" value={shownAuthor} onChange={(e) => setAuthor(e.currentTarget.value)} required />
      </Group>
      <Stack gap={4}>
        <Text size="sm" fw={500}>Kind</Text>
        <SegmentedControl value={kind} onChange={(v) => setKind(v as JournalKind)} data={KIND_OPTIONS} aria-label="Kind" />
      </Stack>
      <Switch label="Shared with the employee" description="Private entries stay with HR and the manager." checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
      <Textarea label="Text" value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={4} maxRows={14} required />
      <Select label="Linked goal" placeholder={employeeId ? 'None' : 'Choose the employee first'} data={goalOptions} value={goalId} onChange={setGoalId} searchable clearable disabled={!employeeId} />
      <Select label="Linked review" placeholder={employeeId ? (reviewOptions.length ? 'None' : 'No reviews for this employee yet') : 'Choose the employee first'} data={reviewOptions} value={reviewId} onChange={setReviewId} clearable disabled={!employeeId || (reviewOptions.length === 0 && !reviewId)} />
      {error && <Alert color="red" data-testid="journal-error">{error}</Alert>}
      <Group justify="space-between">
        {entry ? <Button variant="default" color="red" onClick={() => void archive()}>{entry.archived ? 'Restore' : 'Archive'}</Button> : <span />}
        <Group>
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button onClick={() => void save()} loading={form.saving} data-testid="journal-save">{entry ? 'Save' : 'Add note'}</Button>
        </Group>
      </Group>
    </Stack>
  );
}
