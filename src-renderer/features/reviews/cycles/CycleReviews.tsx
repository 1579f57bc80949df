import { Card, Group, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { REVIEW_STATUSES, REVIEW_STATUS_LABELS, type ReviewCycle, type ReviewStatus, type ReviewSummary } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';
import { DataGrid, type GridColumn, type GridRow } from '../../../grid';
import { ROW_HEIGHT } from '../../../grid/layout';
import { usePeopleReferences } from '../../people/options';
import { exportGrid } from '../../shared/grid-adapters';
import { ratingText } from '../format';

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

/** The reviews of a launched cycle, filtered on the server; open one with the row's ↗ button or a double-click. */
export function CycleReviews({ cycle }: { cycle: ReviewCycle }) {
  const navigate = useNavigate();
  const refs = usePeopleReferences();
  const [status, setStatus] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const reviews = useApi('reviews.listReviews', {
    cycleId: cycle.id,
    status: (status ?? undefined) as ReviewStatus | undefined,
    departmentId: departmentId ?? undefined,
    overdue: overdue || undefined,
    search: deferredSearch || undefined,
    limit: 20_000,
  });
  const rows = useMemo(() => (reviews.data?.rows ?? []).map((r) => toRow(r, cycle)), [reviews.data, cycle]);
  return (
    <Card withBorder data-testid="cycle-reviews">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <Title order={4}>Reviews</Title>
          <Group gap="xs" align="flex-end">
            <TextInput size="xs" label="Search" placeholder="Name or number" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={180} />
            <Select size="xs" label="Status" placeholder="Any status" data={STATUS_OPTIONS} value={status} onChange={setStatus} clearable w={160} />
            <Select size="xs" label="Department" placeholder="Any department" data={refs.departments} value={departmentId} onChange={setDepartmentId} clearable searchable w={200} />
            <Switch size="xs" label="Overdue only" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} mb={6} />
          </Group>
        </Group>
        {reviews.error && <Text c="red" size="sm">{reviews.error.message}</Text>}
        <Text size="xs" c="dimmed" data-testid="review-count">{reviews.data ? `${reviews.data.total} review${reviews.data.total === 1 ? '' : 's'}` : 'Loading…'}</Text>
        <DataGrid
          gridId="cycle-reviews"
          rowNoun={{ one: 'review', other: 'reviews' }}
          viewKey={`${cycle.id}|${status}|${departmentId}|${overdue}|${deferredSearch}`}
          height={Math.min(460, GRID_CHROME + Math.max(rows.length, 3) * ROW_HEIGHT)}
          columns={COLUMNS}
          rows={rows}
          onSave={async () => ({ ok: false, message: 'Reviews are filled in on their own page.', errors: [] })}
          onOpenRow={(row) => navigate(`/reviews/review/${row.id}`)}
          onExport={(format, visible, cols) => exportGrid(`${cycle.name} reviews`, format, visible, cols)}
        />
      </Stack>
    </Card>
  );
}

const toRow = (r: ReviewSummary, cycle: ReviewCycle): GridRow => ({
  ...r,
  overdueText: r.overdue ? 'Overdue' : '',
  finalText: r.finalRating === null ? '' : ratingText(cycle.levels, r.finalRating) + (r.overrideRating !== null ? ' (override)' : ''),
  completedDay: r.completedAt?.slice(0, 10) ?? null,
}) as unknown as GridRow;
