import { Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { EMPLOYEE_STATUS_LABELS, type ImportField, type ImportMapping, type ImportSource } from '../../../../src-shared/api';

type Mode = 'column' | 'value' | 'pattern' | 'none';

const modes = (field: ImportField): { value: Mode; label: string }[] => [
  { value: 'column', label: 'Column of the file' },
  { value: 'value', label: 'One value for every row' },
  { value: 'pattern', label: 'Pattern from other columns' },
  { value: 'none', label: field.required ? 'Not set' : 'Not imported' },
];

const modeOf = (source: ImportSource | undefined): Mode =>
  source === undefined ? 'none' : typeof source === 'string' ? 'column' : 'value' in source ? 'value' : 'pattern';

/** The mapping step: for each Canopy field, where its value comes from. */
export function MappingTable({ fields, headers, mapping, onChange }: { fields: readonly ImportField[]; headers: string[]; mapping: ImportMapping; onChange(key: string, source: ImportSource | null): void }) {
  return (
    <Table verticalSpacing={4} data-testid="import-mapping" withRowBorders={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={200}>Canopy field</Table.Th>
          <Table.Th w={230}>Comes from</Table.Th>
          <Table.Th>Column, value or pattern</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((field) => (
          <FieldRow key={field.key} field={field} headers={headers} source={mapping[field.key]} onChange={(source) => onChange(field.key, source)} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function FieldRow({ field, headers, source, onChange }: { field: ImportField; headers: string[]; source: ImportSource | undefined; onChange(source: ImportSource | null): void }) {
  const mode = modeOf(source);
  const choose = (next: Mode) => {
    if (next === mode) return;
    if (next === 'none') onChange(null);
    else if (next === 'column') onChange(headers.find((h) => h.toLowerCase() === field.label.toLowerCase()) ?? null);
    else if (next === 'value') onChange({ value: '' });
    else onChange({ pattern: '' });
  };
  return (
    <Table.Tr data-field={field.key}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {field.label}
          {field.required && <Text span c="red" aria-hidden> *</Text>}
        </Text>
        {field.hint && <Text size="xs" c="dimmed">{field.hint}</Text>}
      </Table.Td>
      <Table.Td>
        <Select size="xs" data={modes(field)} value={mode} allowDeselect={false} onChange={(v) => choose(v as Mode)} aria-label={`Source for ${field.label}`} />
      </Table.Td>
      <Table.Td>
        {mode === 'column' || mode === 'none' ? (
          <Select
            size="xs"
            placeholder={field.required ? 'Choose a column' : 'Not imported'}
            clearable
            searchable
            allowDeselect={false}
            data={headers}
            value={typeof source === 'string' ? source : null}
            onChange={(header) => onChange(header)}
            aria-label={`Column for ${field.label}`}
          />
        ) : mode === 'value' ? (
          <ValueInput field={field} value={(source as { value: string }).value} onChange={(value) => onChange({ value })} />
        ) : (
          <PatternInput field={field} headers={headers} pattern={(source as { pattern: string }).pattern} onChange={(pattern) => onChange({ pattern })} />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

const STATUS_CHOICES = Object.values(EMPLOYEE_STATUS_LABELS);

function ValueInput({ field, value, onChange }: { field: ImportField; value: string; onChange(value: string): void }) {
  const label = `Value for ${field.label}`;
  if (field.input === 'status' || field.input === 'yesNo') {
    const data = field.input === 'status' ? STATUS_CHOICES : ['Yes', 'No'];
    return <Select size="xs" data={data} value={value || null} placeholder="Choose" onChange={(v) => onChange(v ?? '')} aria-label={label} />;
  }
  // Dates are typed as the grids show them (ISO), not in the browser's locale.
  return <DeferredText label={label} value={value} placeholder={field.input === 'date' ? 'YYYY-MM-DD' : 'The same text on every row'} onCommit={onChange} />;
}

function PatternInput({ field, headers, pattern, onChange }: { field: ImportField; headers: string[]; pattern: string; onChange(pattern: string): void }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <DeferredText label={`Pattern for ${field.label}`} value={pattern} placeholder="e.g. Employee {EmployeeNumber}" onCommit={onChange} style={{ flex: 1 }} />
      <Select
        size="xs"
        w={170}
        placeholder="Insert a column…"
        searchable
        data={headers}
        value={null}
        onChange={(header) => header && onChange(`${pattern}{${header}}`)}
        aria-label={`Insert a column into the pattern for ${field.label}`}
      />
    </Group>
  );
}

/** A text box that reports its value once typing pauses (or on Enter / leaving it), not per keystroke. */
function DeferredText({ label, value, onCommit, placeholder, style }: { label: string; value: string; onCommit(value: string): void; placeholder?: string; style?: React.CSSProperties }) {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  useEffect(() => {
    setText(value);
    committed.current = value;
  }, [value]);
  const commit = (next: string) => {
    if (next === committed.current) return;
    committed.current = next;
    onCommit(next);
  };
  useEffect(() => {
    const timer = setTimeout(() => commit(text), 600);
    return () => clearTimeout(timer);
  });
  return (
    <TextInput
      size="xs"
      value={text}
      placeholder={placeholder}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={() => commit(text)}
      onKeyDown={(e) => e.key === 'Enter' && commit(text)}
      aria-label={label}
      style={style}
    />
  );
}
