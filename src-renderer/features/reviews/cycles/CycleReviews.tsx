import { Card, Group, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { REVIEW_STATUSES, REVIEW_STATUS_LABELS, topicsOf, touches, type Input, type ReviewCycle, type ReviewStatus } from '../../../../src-shared/api';
import { call, onApiEvent } from '../../../api/client';
import { DataGrid, type ExportFormat, type GridColumn, type GridRow, type RowSource, type RowView } from '../../../grid';
import { ROW_HEIGHT } from '../../../grid/layout';
import { useApi } from '../../../api/hooks';
import { departmentOptions } from '../../people/options';
import { downloadExport, plural } from '../shared';

/** Toolbar and header above the rows, in px (rows are ROW_HEIGHT each). */
const GRID_CHROME = 90;
const STATUS_OPTIONS = REVIEW_STATUSES.map((value) => ({ value, label: REVIEW_STATUS_LABELS[value] }));
const COLUMNS: GridColumn[] = [
  { id: 'employeeName', header: 'Employee', kind: 'text', width: 200, pinned: true },
  { id: 'employeeNumber', header: 'No.', kind: 'text', width: 90 },
  { id: 'departmentName', header: 'Department', kind: 'text', width: 180 },
  { id: 'jobTitle', header: 'Job', kind: 'text', width: 180 },
  { id: 'managerName', header: 'Manager', kind: 'text', width: 170 },
  { id: 'status', header: 'Status', kind: 'select', width: 130, options: STATUS_OPTIONS },
  { id: 'overdueText', header: 'Overdue', kind: 'text', width: 80 },
  { id: 'dueDate', header: 'Due', kind: 'date', width: 110 },
  { id: 'finalText', header: 'Final rating', kind: 'text', width: 190 },
  { id: 'completedDay', header: 'Completed', kind: 'date', width: 110 },
].map((c) => ({ ...c, editable: false }) as GridColumn);

/** The page's own filters: status, department, overdue, name or number. */
type Scope = Omit<Input<'reviews.listReviewWindow'>, 'offset' | 'limit' | 'sort' | 'filters' | 'search' | 'searchFields'>;

/**
 * The cycle's reviews as a row source (50,000 in a large organisation): the grid asks for the rows
 * it shows, sorted and filtered in SQL on the text it shows; the export is made from the same query.
 * `onTotal` hears the count of the page's own view (without the grid's filters).
 */
function useReviewSource(scope: Scope, title: string, onTotal: (total: number) => void): RowSource {
  const key = JSON.stringify(scope);
  return useMemo<RowSource>(() => {
    const input = JSON.parse(key) as Scope;
    return {
      key,
      load: async (request) => {
        const page = await call('reviews.listReviewWindow', { ...input, ...request } as Input<'reviews.listReviewWindow'>);
        if (!request.filters?.some((f) => f.contains.trim()) && !request.search?.trim()) onTotal(page.total);
        return page as unknown as { rows: GridRow[]; total: number };
      },
      subscribe: (onChange) => onApiEvent((event) => event.type === 'changed' && touches(topicsOf('reviews.listReviewWindow'), event.topics) && onChange()),
      exportView: (format, view, columns) => exportReviews({ ...input, ...view } as Scope, format, title, columns),
    };
  }, [key, title, onTotal]);
}

async function exportReviews(view: Scope & RowView, format: ExportFormat, title: string, columns: GridColumn[]): Promise<void> {
  await downloadExport(() => call('reviews.exportReviews', { ...view, format, title, columns: columns.map((c) => ({ field: c.id, header: c.header })) } as Input<'reviews.exportReviews'>));
}

/** The reviews of a launched cycle, filtered on the server; open one with the row's ↗ button or a double-click. */
export function CycleReviews({ cycle }: { cycle: ReviewCycle }) {
  const navigate = useNavigate();
  // Departments only: the page needs no jobs or positions (50,000 positions at 50,000 employees).
  const departments = useApi('people.listDepartments', {});
  const departmentChoices = useMemo(() => departmentOptions(departments.data?.rows ?? []), [departments.data]);
  const [status, setStatus] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [search, setSearch] = useState('');
  const [total, setTotal] = useState<number | null>(null);
  const deferredSearch = useDeferredValue(search.trim());
  const scope: Scope = {
    cycleId: cycle.id,
    status: (status ?? undefined) as ReviewStatus | undefined,
    departmentId: departmentId ?? undefined,
    overdue: overdue || undefined,
    person: deferredSearch || undefined,
  };
  const source = useReviewSource(scope, `${cycle.name} reviews`, setTotal);
  const scopeKey = `${cycle.id}|${status}|${departmentId}|${overdue}|${deferredSearch}`;
  // The count shown is the current scope's: a new scope waits for its first load.
  const [countedKey, setCountedKey] = useState(scopeKey);
  if (countedKey !== scopeKey) {
    setCountedKey(scopeKey);
    setTotal(null);
  }
  return (
    <Card withBorder data-testid="cycle-reviews">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <Title order={4}>Reviews</Title>
          <Group gap="xs" align="flex-end">
            <TextInput size="xs" label="Search" placeholder="Name or number" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={180} />
            <Select size="xs" label="Status" placeholder="Any status" data={STATUS_OPTIONS} value={status} onChange={setStatus} clearable w={160} />
            <Select size="xs" label="Department" placeholder="Any department" data={departmentChoices} value={departmentId} onChange={setDepartmentId} clearable searchable limit={100} w={200} />
            <Switch size="xs" label="Overdue only" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} mb={6} />
          </Group>
        </Group>
        <Text size="xs" c="dimmed" data-testid="review-count">{total === null ? 'Loading…' : plural(total, 'review')}</Text>
        <DataGrid
          gridId="cycle-reviews"
          rowNoun={{ one: 'review', other: 'reviews' }}
          viewKey={scopeKey}
          height={Math.min(460, GRID_CHROME + Math.max(total ?? 0, 3) * ROW_HEIGHT)}
          columns={COLUMNS}
          source={source}
          onSave={async () => ({ ok: false, message: 'Reviews are filled in on their own page.', errors: [] })}
          onOpenRow={(row) => navigate(`/reviews/review/${row.id}`)}
        />
      </Stack>
    </Card>
  );
}
