import { Alert, Group, Pagination, Text, TextInput } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { ExportedFile } from '../../../src-shared/api';
import { ApiCallError } from '../../api/client';
import { downloadFile } from '../shared/grid-adapters';

/** The server's message, plus any further distinct issues it reported (the first is already in the message). */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiCallError)) return String((error as Error)?.message ?? error);
  const others = error.issues.slice(1).map((issue) => issue.message).filter((m) => !error.message.includes(m));
  return [error.message, ...new Set(others)].join(' ');
}

/** An API error shown in place, next to the action that caused it. */
export function ErrorAlert({ error, testId }: { error: string | null; testId?: string }) {
  if (!error) return null;
  return <Alert color="red" data-testid={testId} role="alert">{error}</Alert>;
}

/** Runs an export call and hands the file to the browser as a download. */
export async function downloadExport(load: () => Promise<ExportedFile>): Promise<void> {
  try {
    const file = await load();
    downloadFile(file.fileName, file.mimeType, file.contentBase64);
  } catch (error) {
    notifications.show({ color: 'red', title: 'Export failed', message: errorText(error) });
  }
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** ISO timestamps shown as their calendar day. */
export const dayOf = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

/** Rows a long table shows at a time (thousands of departments at 50,000 employees). */
export const PAGE_ROWS = 50;

export interface PagedRows<T> {
  filter: string;
  setFilter(text: string): void;
  page: number;
  setPage(page: number): void;
  pages: number;
  /** Rows the filter keeps, over all pages. */
  total: number;
  /** The rows of the page shown. */
  rows: T[];
}

/**
 * A long list shown a page at a time, narrowed by a text its rows contain (ignoring case): the
 * page renders what is on screen, not every department of the organisation.
 */
export function usePagedRows<T>(all: readonly T[], text: (row: T) => string, pageSize = PAGE_ROWS): PagedRows<T> {
  const [filter, setFilterText] = useState('');
  const [page, setPage] = useState(1);
  const deferred = useDeferredValue(filter.trim().toLocaleLowerCase());
  const filtered = useMemo(() => (deferred ? all.filter((row) => text(row).toLocaleLowerCase().includes(deferred)) : all), [all, deferred, text]);
  const pages = Math.max(1, Math.ceil(filtered.length / pageSize));
  const current = Math.min(page, pages);
  return {
    filter,
    setFilter: (value) => {
      setFilterText(value);
      setPage(1);
    },
    page: current,
    setPage,
    pages,
    total: filtered.length,
    rows: filtered.slice((current - 1) * pageSize, current * pageSize),
  };
}

/** The filter box, the count and the page buttons of a paged table. */
export function PagedControls<T>({ paged, noun, testId }: { paged: PagedRows<T>; noun: string; testId: string }) {
  return (
    <Group justify="space-between" gap="xs" px="sm" pb="xs" data-testid={testId}>
      <Group gap="xs">
        <TextInput size="xs" placeholder={`Find a ${noun}`} aria-label={`Find a ${noun}`} value={paged.filter} onChange={(e) => paged.setFilter(e.currentTarget.value)} w={200} data-testid={`${testId}-filter`} />
        <Text size="xs" c="dimmed">{plural(paged.total, noun)}</Text>
      </Group>
      {paged.pages > 1 && <Pagination size="sm" total={paged.pages} value={paged.page} onChange={paged.setPage} siblings={1} boundaries={1} />}
    </Group>
  );
}
