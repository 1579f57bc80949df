import { Badge, Button, CloseButton, Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Input, JournalEntry, JournalKind } from '../../../../src-shared/api';
import { isRealDate } from '../../../../src-shared/domain/dates';
import { useApi } from '../../../api/hooks';
import { DataGrid, type GridColumn, type GridRow, type RowChange, type RowSource } from '../../../grid';
import { employeeLookup } from '../../people/options';
import { archiveThroughApi, exportGrid, saveThroughApi, useApiRowSource } from '../../shared/grid-adapters';
import { FullHeightPage, PageHeader } from '../../shared/PageHeader';
import { JournalEntryDrawer } from './JournalEntryDrawer';
import { KIND_OPTIONS, SHARED_OPTIONS } from './options';
import { EmployeePicker } from '../../shared/EmployeePicker';
import { DateInput } from '../../shared/DateInput';

const toGridRow = (entry: JournalEntry): GridRow => ({ ...entry, shared: entry.shared ? 'yes' : 'no' }) as unknown as GridRow;
/** A row of the window (a JournalEntry) as the grid shows it. */
const windowRow = (row: GridRow): GridRow => toGridRow(row as unknown as JournalEntry);
const fromGridRow = (row: GridRow): JournalEntry => ({ ...row, shared: row.shared === 'yes' }) as unknown as JournalEntry;
const toApiValues = (values: Record<string, unknown>) => ('shared' in values ? { ...values, shared: values.shared === 'yes' } : values);

/** The page's own filters, besides the grid's sort, column filters and quick filter. */
type JournalScope = Omit<Input<'reviews.listJournalWindow'>, 'offset' | 'limit' | 'sort' | 'filters' | 'search' | 'searchFields'>;

/**
 * The feedback journal: every entry, filtered; add and edit in a drawer, quick fixes in the grid.
 * Years of notes are many (29,000 at 50,000 people): the grid reads the rows it shows.
 */
export function JournalArea() {
  const [params, setParams] = useSearchParams();
  const [employeeId, setEmployeeId] = useState<string | null>(params.get('employeeId'));
  const [kind, setKind] = useState<string | null>(null);
  const [shared, setShared] = useState<string | null>(null);
  const [author, setAuthor] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [debouncedText] = useDebouncedValue({ author, search }, 250);
  /** entry null = a new note. */
  const [drawer, setDrawer] = useState<{ entry: JournalEntry | null } | null>(null);
  const goalId = params.get('goalId') ?? undefined;
  const reviewId = params.get('reviewId') ?? undefined;

  const filter: JournalScope = {
    employeeId: employeeId ?? undefined,
    kind: (kind ?? undefined) as JournalKind | undefined,
    shared: shared === null ? undefined : shared === 'yes',
    author: debouncedText.author.trim() || undefined,
    textSearch: debouncedText.search.trim() || undefined,
    from: isRealDate(from) ? from : undefined,
    to: isRealDate(to) ? to : undefined,
    goalId,
    reviewId,
    includeArchived: showArchived || undefined,
  };
  const apiSource = useApiRowSource('reviews.listJournalWindow', filter, { method: 'reviews.exportJournal', title: 'Feedback journal' }, windowRow);
  // The count of the page's view (without the grid's own filters) comes with the grid's windows.
  const [counted, setCounted] = useState<{ key: string; total: number } | null>(null);
  const source = useMemo<RowSource>(() => ({
    ...apiSource,
    load: async (request) => {
      const page = await apiSource.load(request);
      if (!request.filters?.some((f) => f.contains.trim()) && !request.search?.trim()) setCounted({ key: apiSource.key, total: page.total });
      return page;
    },
  }), [apiSource]);
  const total = counted?.key === apiSource.key ? counted.total : null;
  // The entry open in the drawer, kept fresh (a save elsewhere shows there): its employee's entries are few.
  const opened = drawer?.entry ?? null;
  const openedEntries = useApi('reviews.listJournalEntries', { employeeId: opened?.employeeId ?? '', includeArchived: true }, { enabled: Boolean(opened) });
  const openedEntry = opened ? (openedEntries.data?.rows.find((e) => e.id === opened.id) ?? opened) : null;
  const columns = useMemo<GridColumn[]>(() => [
    { id: 'date', header: 'Date', kind: 'date', width: 120, required: true },
    // People are found by search and labelled for the rows shown, never listed whole (50,000).
    { id: 'employeeId', header: 'Employee', kind: 'reference', width: 230, lookup: employeeLookup, optionNoun: 'employees', required: true },
    { id: 'kind', header: 'Kind', kind: 'select', width: 130, options: KIND_OPTIONS, required: true },
    { id: 'shared', header: 'Visibility', kind: 'select', width: 110, options: SHARED_OPTIONS, required: true },
    { id: 'author', header: 'Author', kind: 'text', width: 160, required: true },
    { id: 'text', header: 'Text', kind: 'text', width: 420, required: true },
    { id: 'goalTitle', header: 'Goal', kind: 'text', width: 220, editable: false },
    { id: 'reviewLabel', header: 'Review', kind: 'text', width: 180, editable: false },
  ], []);

  const onSave = async (changes: RowChange[]) => {
    const result = await saveThroughApi('reviews.saveJournalEntries', changes, toApiValues);
    return result.ok ? { ok: true as const, rows: (result.rows as unknown as JournalEntry[]).map(toGridRow) } : result;
  };
  const clearParam = (key: string) => {
    params.delete(key);
    setParams(params);
  };
  return (
    <FullHeightPage
      header={
        <>
          <PageHeader
            title="Feedback journal"
            description={
              <>
                Notes about people through the year: praise, development points and observations, shared with the employee or kept private. A review pulls in the notes of its period.{' '}
                <span data-testid="journal-count">{total === null ? '' : `${total.toLocaleString('en-US')} entr${total === 1 ? 'y' : 'ies'}.`}</span>
              </>
            }
            actions={<Button onClick={() => setDrawer({ entry: null })} data-testid="journal-new">Add note</Button>}
          />
          <Group mb="sm" gap="sm" align="flex-end">
            <EmployeePicker label="Employee" placeholder="Everyone" value={employeeId} onChange={(id) => setEmployeeId(id)} clearable includeTerminated w={240} />
            <Select label="Kind" placeholder="All kinds" data={KIND_OPTIONS} value={kind} onChange={setKind} clearable w={150} />
            <Select label="Visibility" placeholder="All" data={SHARED_OPTIONS} value={shared} onChange={setShared} clearable w={120} />
            <TextInput label="Author" value={author} onChange={(e) => setAuthor(e.currentTarget.value)} w={150} />
            <DateInput label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={150} />
            <DateInput label="To" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={150} />
            <TextInput label="Text contains" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={180} data-testid="journal-search" />
            <Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} mb={8} />
            {goalId && <LinkFilter label="Linked to one goal" onClear={() => clearParam('goalId')} />}
            {reviewId && <LinkFilter label="Linked to one review" onClear={() => clearParam('reviewId')} />}
          </Group>
        </>
      }
    >
      <DataGrid
        gridId="journal"
        rowNoun={{ one: 'journal entry', other: 'journal entries' }}
        viewKey={JSON.stringify(filter)}
        columns={columns}
        source={source}
        onSave={onSave}
        onOpenRow={(row) => setDrawer({ entry: fromGridRow(row) })}
        onDelete={(selected) => archiveThroughApi('reviews.archiveJournalEntries', selected, 'journal note')}
        onExport={(format, visible, cols) => exportGrid('Feedback journal', format, visible, cols)}
      />
      <JournalEntryDrawer opened={drawer !== null} onClose={() => setDrawer(null)} entry={openedEntry} defaults={{ employeeId: employeeId ?? undefined }} />
    </FullHeightPage>
  );
}

function LinkFilter({ label, onClear }: { label: string; onClear: () => void }) {
  return (
    <Badge size="lg" variant="light" mb={6} rightSection={<CloseButton size="xs" onClick={onClear} aria-label={`Clear: ${label}`} />}>{label}</Badge>
  );
}
