import { Anchor, Badge, Button, Code, Group, Loader, Menu, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData } from '@tanstack/react-query';
import { Fragment, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { AuditEvent, AuditQuery } from '../../../src-shared/api';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { downloadFile } from '../shared/grid-adapters';
import { PageHeader } from '../shared/PageHeader';
import { AuditChanges, localDateTime } from './AuditChanges';
import { DateInput } from '../shared/DateInput';

const PAGE_SIZE = 50;
/** Rows fetched per request when exporting the whole filtered log. */
const EXPORT_PAGE = 5000;
const MAX_EXPORT_ROWS = 200_000;

/** The filters live in the address, so a record's page can link to its history. */
function useAuditFilters() {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) || undefined;
  const filters = { entity: get('entity'), entityId: get('entityId'), actor: get('actor'), from: get('from'), to: get('to') };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const set = (changes: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) (value ? next.set(key, value) : next.delete(key));
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  return { filters, page, set, any: Object.values(filters).some(Boolean) };
}

/** The user's calendar days as instants: from the start of `from` to the end of `to`. */
function toQuery(filters: ReturnType<typeof useAuditFilters>['filters']): AuditQuery {
  const startOf = (day: string, plusDays = 0) => {
    const date = new Date(`${day}T00:00:00`);
    date.setDate(date.getDate() + plusDays);
    return date.toISOString();
  };
  return {
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.from ? { from: startOf(filters.from) } : {}),
    ...(filters.to ? { to: startOf(filters.to, 1) } : {}),
  };
}

export function AuditLogPage() {
  const { filters, page, set, any } = useAuditFilters();
  const query = toQuery(filters);
  const events = useApi('admin.listAuditEvents', { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, { placeholderData: keepPreviousData });
  const total = events.data?.total ?? 0;
  const first = (page - 1) * PAGE_SIZE + 1;
  const shown = !events.data
    ? 'Loading…'
    : total <= PAGE_SIZE
      ? `${total === 0 ? 'No' : total.toLocaleString()} event${total === 1 ? '' : 's'}`
      : `${first.toLocaleString()}–${Math.min(first + PAGE_SIZE - 1, total).toLocaleString()} of ${total.toLocaleString()} events`;

  return (
    <Stack gap="sm">
      <PageHeader
        title="Audit log"
        description={`Every change, newest first: who, when, which record and what changed. ${shown}${any ? ' (filtered)' : ''}.`}
        actions={<ExportMenu query={query} filtered={any} disabled={total === 0} />}
      />
      <Group align="flex-end" gap="sm" data-testid="audit-filters">
        <RecordFilter entity={filters.entity} entityId={filters.entityId} onChange={(entity, entityId) => set({ entity, entityId })} />
        <Select
          label="Record type"
          placeholder="Any type"
          clearable
          searchable
          w={180}
          data={events.data?.entities ?? []}
          value={filters.entity ?? null}
          onChange={(entity) => set({ entity, entityId: null })}
          data-testid="audit-filter-type"
        />
        <Select label="Who" placeholder="Anyone" clearable searchable w={180} data={events.data?.actors ?? []} value={filters.actor ?? null} onChange={(actor) => set({ actor })} data-testid="audit-filter-actor" />
        <DateInput label="From" w={150} value={filters.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value })} data-testid="audit-filter-from" />
        <DateInput label="To" w={150} value={filters.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value })} data-testid="audit-filter-to" />
        {any && <Button variant="subtle" onClick={() => set({ entity: null, entityId: null, actor: null, from: null, to: null })}>Clear filters</Button>}
      </Group>
      {events.error && <Text c="red">{events.error.message}</Text>}
      {events.isLoading ? <Loader /> : <EventsTable rows={events.data?.rows ?? []} onRecord={(event) => set({ entity: event.entity, entityId: event.entityId })} />}
      {total > PAGE_SIZE && (
        <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={(next) => set({ page: String(next) })} data-testid="audit-pages" />
      )}
    </Stack>
  );
}

function EventsTable({ rows, onRecord }: { rows: AuditEvent[]; onRecord(event: AuditEvent): void }) {
  const [raw, setRaw] = useState<Set<string>>(new Set());
  const toggle = (id: string) => setRaw((open) => {
    const next = new Set(open);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  if (rows.length === 0) return <Text c="dimmed">No events match these filters.</Text>;
  return (
    <Table striped verticalSpacing={6} data-testid="audit-table">
      <Table.Thead>
        <Table.Tr><Table.Th w={140}>When</Table.Th><Table.Th w={150}>Who</Table.Th><Table.Th w={260}>Record</Table.Th><Table.Th w={110}>Action</Table.Th><Table.Th>Changes</Table.Th><Table.Th w={60} /></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((event) => (
          <Fragment key={event.id}>
            <Table.Tr data-testid="audit-row">
              <Table.Td title={event.at} style={{ whiteSpace: 'nowrap' }}>{localDateTime(event.at)}</Table.Td>
              <Table.Td>{event.actor}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">{event.entityLabel}</Text>
                <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onRecord(event)} title="Show this record's history">{event.recordLabel}</Anchor>
                {!event.recordExists && event.entity !== 'setting' && event.entity !== 'database' && <Badge ml={4} size="xs" variant="outline" color="gray">no longer exists</Badge>}
              </Table.Td>
              <Table.Td>{event.actionLabel}</Table.Td>
              <Table.Td><AuditChanges changes={event.changes} /></Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" onClick={() => toggle(event.id)} aria-expanded={raw.has(event.id)}>Raw</Button>
              </Table.Td>
            </Table.Tr>
            {raw.has(event.id) && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Group align="flex-start" grow>
                    <RawPayload title="Before" json={event.before} />
                    <RawPayload title="After" json={event.after} />
                  </Group>
                  <Text size="xs" c="dimmed" mt={4}>Record id {event.entityId} · event id {event.id} · {event.at}</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RawPayload({ title, json }: { title: string; json: string | null }) {
  let pretty = json ?? '—';
  try {
    if (json) pretty = JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    // Not JSON: shown as stored.
  }
  return (
    <Stack gap={2} data-testid="audit-raw">
      <Text size="xs" fw={600}>{title}</Text>
      <Code block style={{ maxHeight: 300, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{pretty}</Code>
    </Stack>
  );
}

/** The record filter: type a name, pick a record (records that appear in the log). */
function RecordFilter({ entity, entityId, onChange }: { entity?: string; entityId?: string; onChange(entity: string | null, entityId: string | null): void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const found = useApi('admin.findAuditRecords', { search: debounced }, { enabled: debounced.trim().length >= 2, placeholderData: keepPreviousData });
  const selected = useApi('admin.findAuditRecords', { entity: entity ?? '', entityId: entityId ?? '' }, { enabled: Boolean(entity && entityId) });
  const value = entity && entityId ? `${entity}:${entityId}` : null;
  const options = useMemo(() => {
    const rows = [...(selected.data?.rows ?? []), ...(debounced.trim().length >= 2 ? (found.data?.rows ?? []) : [])];
    const seen = new Set<string>();
    return rows
      .map((r) => ({ value: `${r.entity}:${r.entityId}`, label: `${r.label} · ${r.entityLabel}` }))
      .filter((o) => !seen.has(o.value) && seen.add(o.value));
  }, [selected.data, found.data, debounced]);
  return (
    <Select
      label="Record"
      placeholder="Type a name…"
      searchable
      clearable
      w={300}
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced.trim().length >= 2 ? (found.isFetching ? 'Searching…' : 'No record with changes by that name') : 'Type at least two letters'}
      onChange={(next) => {
        if (!next) return onChange(null, null);
        const at = next.indexOf(':');
        onChange(next.slice(0, at), next.slice(at + 1));
      }}
      data-testid="audit-filter-record"
    />
  );
}

/** Exports every event the filters select (one row per changed field) through the shared export. */
function ExportMenu({ query, filtered, disabled }: { query: AuditQuery; filtered: boolean; disabled: boolean }) {
  const [busy, setBusy] = useState(false);
  async function exportAs(format: 'csv' | 'xlsx') {
    setBusy(true);
    try {
      const rows: (string | null)[][] = [];
      for (let offset = 0; ; offset += EXPORT_PAGE) {
        const page = await call('admin.listAuditEvents', { ...query, limit: EXPORT_PAGE, offset });
        for (const event of page.rows) rows.push(...exportRows(event));
        if (offset + EXPORT_PAGE >= page.total || rows.length >= MAX_EXPORT_ROWS) break;
      }
      if (rows.length > MAX_EXPORT_ROWS) {
        notifications.show({ color: 'yellow', message: `The export holds the newest ${MAX_EXPORT_ROWS.toLocaleString()} changes; narrow the filters for older ones.` });
      }
      const file = await call('admin.exportTable', {
        format,
        title: filtered ? 'Audit log (filtered)' : 'Audit log',
        headers: ['When', 'Who', 'Record type', 'Record', 'Action', 'Field', 'Before', 'After'],
        rows: rows.slice(0, MAX_EXPORT_ROWS),
      });
      downloadFile(file.fileName, file.mimeType, file.contentBase64);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Export failed', message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button variant="default" loading={busy} disabled={disabled} data-testid="audit-export">Export…</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => exportAs('csv')}>CSV</Menu.Item>
        <Menu.Item onClick={() => exportAs('xlsx')}>Excel (XLSX)</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** One row per field an event records; an event without field details is one row. */
function exportRows(event: AuditEvent): (string | null)[][] {
  const head = [localDateTime(event.at), event.actor, event.entityLabel, event.recordLabel, event.actionLabel];
  if (event.changes.length === 0) return [[...head, null, null, null]];
  return event.changes.map((change) => [...head, change.label, change.kind === 'changed' ? change.before : null, change.after]);
}

