import { Alert } from '@mantine/core';
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
