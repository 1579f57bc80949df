import { Alert, Button, Group, ScrollArea, Table, Text } from '@mantine/core';
import { MAX_PREVIEW_ISSUES, type ImportKind, type ImportPreview } from '../../../../src-shared/api';

/** "1 new employee", "1,500 problems": a count with its noun in the right number. */
export const counted = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export const RECORD_NOUN: Record<ImportKind, [string, string]> = {
  employees: ['employee', 'employees'],
  departments: ['department', 'departments'],
  jobs: ['job', 'jobs'],
  positions: ['position', 'positions'],
  skills: ['skill', 'skills'],
};

const CREATED_NOUN: Record<ImportPreview['creates'][number]['entity'], [string, string]> = {
  department: ['department', 'departments'],
  job: ['job', 'jobs'],
  position: ['position', 'positions'],
  'skill type': ['skill type', 'skill types'],
};

/** What the import will do: rows created, updated and left as they are, and what else it creates. */
export function PreviewSummary({ kind, preview }: { kind: ImportKind; preview: ImportPreview }) {
  const [one, many] = RECORD_NOUN[kind];
  const { create, update, unchanged } = preview.summary;
  return (
    <>
      <Text data-testid="import-summary">
        {counted(preview.rowCount, 'row')}: {counted(create, `new ${one}`, `new ${many}`)}, {counted(update, 'update')}, {unchanged.toLocaleString('en')} unchanged.
      </Text>
      {preview.creates.length > 0 && (
        <Alert color="blue" title="Also created by this import" data-testid="import-creates">
          {preview.creates.map((c) => (
            <Text size="sm" key={c.entity}>
              {counted(c.count, `new ${CREATED_NOUN[c.entity][0]}`, `new ${CREATED_NOUN[c.entity][1]}`)}: {c.names.join('; ')}
              {c.count > c.names.length ? `; and ${(c.count - c.names.length).toLocaleString('en')} more` : ''}
            </Text>
          ))}
        </Alert>
      )}
    </>
  );
}

/** Every problem counted; the first thousand listed; all of them in a downloadable CSV. */
export function ProblemList({ preview, onDownload, downloading }: { preview: ImportPreview; onDownload(): void; downloading: boolean }) {
  const total = preview.issueCount;
  if (total === 0) return <Alert color="teal">No problems found.</Alert>;
  return (
    <Alert color="red" title={`${counted(total, 'problem')} found — nothing will be imported`} data-testid="import-problems">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm">
          Fix these in the file and choose it again, or change the columns above (row numbers are the spreadsheet’s; the header is row 1).
          {total > preview.issues.length && ` The list shows the first ${MAX_PREVIEW_ISSUES.toLocaleString('en')}; the report has all ${total.toLocaleString('en')}.`}
        </Text>
        <Button size="xs" variant="white" color="red" onClick={onDownload} loading={downloading} data-testid="import-report" style={{ flexShrink: 0 }}>
          {total === 1 ? 'Download the problem (CSV)' : `Download all ${counted(total, 'problem')} (CSV)`}
        </Button>
      </Group>
      <ScrollArea.Autosize mah={260} mt="xs">
        <Table fz="sm" data-testid="import-issues">
          <Table.Thead><Table.Tr><Table.Th>Row</Table.Th><Table.Th>Column</Table.Th><Table.Th>Problem</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {preview.issues.map((issue, i) => (
              <Table.Tr key={i}><Table.Td>{issue.row}</Table.Td><Table.Td>{issue.column}</Table.Td><Table.Td>{issue.message}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Alert>
  );
}
