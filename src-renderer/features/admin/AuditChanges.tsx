import { Stack, Text } from '@mantine/core';
import type { AuditChange } from '../../../src-shared/api';

const EMPTY = '—';

/** "Label: before → after" for each field an event records; a value it only set shows as "Label: value". */
export function AuditChanges({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return <Text size="sm" c="dimmed">No field details</Text>;
  return (
    <Stack gap={2}>
      {changes.map((change) => (
        <Text key={change.field} size="sm" data-testid="audit-change">
          <Text span fw={600}>{change.label}:</Text>{' '}
          {change.kind === 'changed' ? (
            <>
              <Text span td="line-through" c="dimmed">{change.before ?? EMPTY}</Text> → {change.after ?? EMPTY}
            </>
          ) : (
            change.after ?? EMPTY
          )}
        </Text>
      ))}
    </Stack>
  );
}

/** The same as one line of text, for exports. */
export const changesAsText = (changes: AuditChange[]) =>
  changes.map((c) => (c.kind === 'changed' ? `${c.label}: ${c.before ?? EMPTY} → ${c.after ?? EMPTY}` : `${c.label}: ${c.after ?? EMPTY}`)).join('; ');

/** An instant as the user's local day and time ("2026-03-01 14:05"). */
export function localDateTime(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
