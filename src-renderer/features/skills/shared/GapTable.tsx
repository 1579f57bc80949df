import { Badge, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { GapBar } from '../gaps/GapBar';

export interface GapTableRow {
  key: string;
  /** The cells before the levels: who or which skill the row is about. */
  lead: ReactNode[];
  required: ReactNode;
  /** Null when the person has no level for the skill. */
  current: ReactNode | null;
  gap: number;
}

/** Required against current level with the gap bar: a person's skills, or the people behind one skill. */
export function GapTable({ testId, leadHeaders, rows, gapWidth }: { testId: string; leadHeaders: string[]; rows: GapTableRow[]; gapWidth?: number }) {
  return (
    <Table striped fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {leadHeaders.map((header) => <Table.Th key={header}>{header}</Table.Th>)}
          <Table.Th>Required</Table.Th>
          <Table.Th>Current</Table.Th>
          <Table.Th>Gap</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            {row.lead.map((cell, i) => <Table.Td key={i}>{cell}</Table.Td>)}
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.required}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.current ?? <Badge color="gray" variant="light">not rated</Badge>}</Table.Td>
            <Table.Td><GapBar gap={row.gap} width={gapWidth} /></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
