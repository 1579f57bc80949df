import { Alert, Button, Group, Loader, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { FormConflict } from './useVersionedForm';

/** How one form field is named and shown when the user compares their values with the saved ones. */
export type FieldSpec<T> = string | { label: string; format?: (value: T) => string };
export type FieldSpecs<V> = { [K in keyof V]?: FieldSpec<V[K]> };

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function describe(spec: FieldSpec<unknown> | undefined, key: string, value: unknown): { label: string; text: string } {
  if (spec === undefined) return { label: key, text: show(value) };
  if (typeof spec === 'string') return { label: spec, text: show(value) };
  return { label: spec.label, text: spec.format ? spec.format(value) : show(value) };
}

/**
 * Shown in a form whose record was saved elsewhere while the user edited it:
 * reload theirs (the user's changes are given up), or review both and save
 * the user's changes on the newer version.
 */
export function ConflictNotice<V>({ conflict, what, fields }: { conflict: FormConflict<V> | null; what: string; fields: FieldSpecs<V> }) {
  const [reviewing, setReviewing] = useState(false);
  if (!conflict) return null;
  const title = conflict.refused ? `Not saved: this ${what} was changed elsewhere` : `This ${what} was changed elsewhere while you were editing`;
  return (
    <Alert color="orange" variant="light" title={title} data-testid="conflict-notice" role="alert" styles={{ body: { minWidth: 0 } }}>
      <Text size="sm">
        {conflict.refused
          ? `Someone saved it (in another window or by an import) after you opened it here. Nothing of yours was saved; your changes are still in the form.`
          : `Someone saved it after you opened it here. Your changes are still in the form; choose which values to keep.`}
      </Text>
      {!conflict.ready && (
        <Group gap={6} mt={4}>
          <Loader size={12} />
          <Text size="xs">Loading the version saved elsewhere…</Text>
        </Group>
      )}
      {reviewing && conflict.ready && <ConflictTable conflict={conflict} fields={fields} />}
      <Group gap="xs" mt="xs">
        {reviewing ? (
          <Button size="xs" color="orange" disabled={!conflict.ready} loading={conflict.saving} onClick={() => void conflict.saveMine()}>
            Save mine
          </Button>
        ) : (
          <Button size="xs" color="orange" disabled={!conflict.ready} onClick={() => setReviewing(true)}>
            Review both
          </Button>
        )}
        <Button size="xs" variant="default" disabled={!conflict.ready} onClick={() => (setReviewing(false), conflict.reloadTheirs())}>
          Reload theirs (discard my changes)
        </Button>
      </Group>
    </Alert>
  );
}

function ConflictTable<V>({ conflict, fields }: { conflict: FormConflict<V>; fields: FieldSpecs<V> }) {
  if (conflict.fields.length === 0) {
    return <Text size="sm" mt="xs">Your values and the ones saved elsewhere are the same.</Text>;
  }
  return (
    <>
      <Text size="sm" mt="xs">
        “Save mine” keeps the values in bold: yours where you changed a field, theirs where only they did.
      </Text>
      <Table mt={6} withTableBorder layout="fixed" data-testid="conflict-table" style={{ wordBreak: 'break-word' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="22%">Field</Table.Th>
            <Table.Th>Theirs (saved)</Table.Th>
            <Table.Th>Mine</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {conflict.fields.map((field) => {
            const spec = fields[field.key] as FieldSpec<unknown> | undefined;
            const theirs = describe(spec, field.key, field.theirs);
            const mine = describe(spec, field.key, field.mine);
            return (
              <Table.Tr key={field.key} data-kept={field.kept}>
                <Table.Td>{theirs.label}</Table.Td>
                <Table.Td fw={field.kept === 'theirs' ? 700 : undefined}>{theirs.text || '(empty)'}</Table.Td>
                <Table.Td fw={field.kept === 'mine' ? 700 : undefined}>{mine.text || '(empty)'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </>
  );
}
