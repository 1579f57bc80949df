import { Alert, Badge, Button, Card, FileInput, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { RATER_LABELS, type Questionnaire, type ResponseImportPreview } from '../../../../src-shared/api';
import { call } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { readAsBase64 } from '../../shared/files';
import { downloadExport, errorText } from '../shared';

interface LoadedFile { fileName: string; contentBase64: string }

/** Responses from a CSV/XLSX file: preview with the row/column/problem report, then store all or nothing. */
export function ImportResponsesPanel({ questionnaire: q }: { questionnaire: Questionnaire }) {
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [preview, setPreview] = useState<ResponseImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  // A fresh input each time, so choosing the same (corrected) file again still fires a change.
  const [inputKey, setInputKey] = useState(0);

  async function choose(picked: File | null) {
    setInputKey((k) => k + 1);
    setPreview(null), setError(null), setCreated(null);
    if (!picked) return setFile(null);
    const loaded = { fileName: picked.name, contentBase64: await readAsBase64(picked) };
    setFile(loaded);
    setBusy(true);
    try {
      setPreview(await call('reviews.previewResponseImport', { questionnaireId: q.id, ...loaded }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setCreated((await call('reviews.commitResponseImport', { questionnaireId: q.id, ...file })).created);
      setPreview(null), setFile(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const is360 = q.kind === 'feedback_360';
  const codes = q.sections.flatMap((s) => s.questions).map((question) => question.code ?? question.text);
  const waiting = useApi('reviews.listInvitations', { questionnaireId: q.id, responded: false });
  /** An .xlsx with the right headers and one row per person who has not responded yet (name and department are skipped on import). */
  const downloadTemplate = () => downloadExport(() => call('admin.exportTable', {
    format: 'xlsx', title: `${q.name} responses`, headers: ['Employee number', 'Name', 'Department', ...(is360 ? ['Relationship'] : []), ...codes],
    rows: (waiting.data?.rows ?? []).map((i) => [
      i.employeeNumber, i.employeeName, i.departmentName, ...(is360 ? [i.relationship && RATER_LABELS[i.relationship]] : []), ...codes.map(() => null),
    ]),
  }));
  return (
    <Stack maw={1100}>
      <Text size="sm" c="dimmed">
        One row per respondent: an <b>Employee number</b> column, then one column per question headed by its code or text
        ({codes.slice(0, 4).map((c) => `“${c}”`).join(', ')}{codes.length > 4 ? ', …' : ''}). Choice answers are option labels; separate several with “;”.
        Dates as YYYY-MM-DD. Nothing is stored unless every row is valid.{is360 && ' Each rater’s relationship to the subject comes from their invitation.'}
      </Text>
      <Group align="flex-end">
        <FileInput key={inputKey} label="File" placeholder="Choose a .csv or .xlsx file" accept=".csv,.xlsx,text/csv" value={null} onChange={choose} clearable={false} w={420} data-testid="response-file" disabled={q.status !== 'open'} />
        <Button variant="default" onClick={downloadTemplate} disabled={q.status !== 'open'}>Download a template (.xlsx)</Button>
      </Group>
      {q.status !== 'open' && <Alert color="gray">Responses can be imported while the questionnaire is open.</Alert>}
      {error && <Alert color="red" title="Not imported" data-testid="response-import-error">{error}</Alert>}
      {created !== null && <Alert color="teal" title="Import complete" data-testid="response-import-result">{created} responses stored.</Alert>}
      {preview && (
        <>
          <Card withBorder>
            <Text fw={600} mb="xs">Columns</Text>
            <Group gap="xs">
              {preview.columns.map((c, i) => (
                <Badge key={i} variant="light" color={c.person ? 'blue' : c.questionText ? 'teal' : 'red'} tt="none" title={c.questionText ?? undefined}>
                  {c.header || '(blank)'} → {c.person ? 'employee number' : c.questionText ?? 'unknown'}
                </Badge>
              ))}
            </Group>
          </Card>
          {preview.issues.length > 0 ? (
            <Alert color="red" title={`${preview.issues.length} problem${preview.issues.length === 1 ? '' : 's'} found — nothing will be imported`}>
              Fix these in the file and choose it again (row numbers are the spreadsheet’s; the header is row 1).
              <ScrollArea.Autosize mah={260} mt="xs">
                <Table fz="sm" data-testid="response-import-issues">
                  <Table.Thead><Table.Tr><Table.Th>Row</Table.Th><Table.Th>Column</Table.Th><Table.Th>Problem</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {preview.issues.map((issue, i) => <Table.Tr key={i}><Table.Td>{issue.row}</Table.Td><Table.Td>{issue.column}</Table.Td><Table.Td>{issue.message}</Table.Td></Table.Tr>)}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            </Alert>
          ) : (
            <Alert color="teal" data-testid="response-import-ready">No problems found: {preview.responses} responses ready to store.</Alert>
          )}
          <Button onClick={commit} disabled={preview.issues.length > 0} loading={busy} w="fit-content" data-testid="response-import-commit">
            {preview.issues.length ? 'Fix the problems to store the responses' : `Store ${preview.responses} responses`}
          </Button>
        </>
      )}
    </Stack>
  );
}
