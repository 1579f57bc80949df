import { Alert, Button, Card, FileInput, Group, Progress, ScrollArea, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { IMPORT_FIELDS, type ImportKind, type ImportPreview } from '../../../src-shared/api';
import { ApiCallError, call } from '../../api/client';
import { useProgress } from '../../api/hooks';
import { PageHeader } from '../shared/PageHeader';
import { readAsBase64 } from '../shared/files';

interface LoadedFile {
  fileName: string;
  contentBase64: string;
}

function sameColumns(mapping: Record<string, string> | undefined, headers: string[] | undefined): boolean {
  return Boolean(mapping && headers && Object.values(mapping).every((header) => headers.includes(header)));
}

const COPY: Record<ImportKind, { title: string; description: string; result: (r: { created: number; updated: number }) => string; link: { to: string; label: string } }> = {
  employees: {
    title: 'Import employees',
    description:
      'From a CSV (UTF-8) or Excel (.xlsx) file with a header row. Departments, jobs and positions the file names are created when missing; employees are matched by employee number (new ones created, existing ones updated). Nothing is stored unless every row is valid.',
    result: (r) => `${r.created} employees created, ${r.updated} updated.`,
    link: { to: '/people/employees', label: 'See employees' },
  },
  skills: {
    title: 'Import a skills taxonomy',
    description:
      'From a CSV (UTF-8) or Excel (.xlsx) file, including ESCO’s skills file (conceptUri, preferredLabel, altLabels, skillType, description). Skills are matched by external id, then by type and name, so importing again updates them and never duplicates. Skill types are created when missing; skills without a rating model column get the first rating model. Nothing is stored unless every row is valid.',
    result: (r) => `${r.created} skills created, ${r.updated} updated.`,
    link: { to: '/skills', label: 'See the skill repository' },
  },
};

export function ImportPage({ kind = 'employees' }: { kind?: ImportKind }) {
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ created: number; updated: number } | null>(null);
  // A fresh input each time, so choosing the same (corrected) file again still fires a change.
  const [inputKey, setInputKey] = useState(0);
  const progress = useProgress();
  const mappingRef = useRef<Record<string, string> | undefined>(undefined);
  const latestRequest = useRef(0);

  /** Previews can overlap when the mapping changes quickly: only the newest answer is shown. */
  async function runPreview(loaded: LoadedFile, mapping?: Record<string, string>) {
    const request = ++latestRequest.current;
    mappingRef.current = mapping;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const answer = await call('admin.previewImport', { kind, ...loaded, mapping });
      if (request !== latestRequest.current) return;
      mappingRef.current = answer.mapping;
      setPreview(answer);
    } catch (e) {
      if (request !== latestRequest.current) return;
      setPreview(null);
      setError((e as Error).message);
    } finally {
      if (request === latestRequest.current) setBusy(false);
    }
  }

  async function choose(picked: File | null) {
    setInputKey((k) => k + 1);
    setPreview(null);
    setResult(null);
    if (!picked) return setFile(null);
    const loaded = { fileName: picked.name, contentBase64: await readAsBase64(picked) };
    setFile(loaded);
    // A corrected file usually has the same columns: keep the mapping chosen for the last one.
    await runPreview(loaded, sameColumns(mappingRef.current, preview?.headers) ? mappingRef.current : undefined);
  }

  function remap(key: string, header: string | null) {
    if (!file || !preview) return;
    const mapping = { ...(mappingRef.current ?? preview.mapping) };
    if (header) mapping[key] = header;
    else delete mapping[key];
    void runPreview(file, mapping);
  }

  async function commit() {
    if (!file || !preview) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await call('admin.commitImport', { kind, ...file, mapping: preview.mapping }));
      setPreview(null);
      setFile(null);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack maw={1100}>
      <PageHeader title={COPY[kind].title} description={COPY[kind].description} />
      <FileInput key={inputKey} label="File" placeholder="Choose a .csv or .xlsx file" accept=".csv,.xlsx,text/csv" value={null} onChange={choose} clearable={false} data-testid="import-file" w={420} />
      {file && <Text size="sm">File: <b>{file.fileName}</b></Text>}
      {error && <Alert color="red" title="Not imported" data-testid="import-error">{error}</Alert>}
      {result && (
        <Alert color="teal" title="Import complete" data-testid="import-result">
          {COPY[kind].result(result)} <Link to={COPY[kind].link.to}>{COPY[kind].link.label}</Link>
        </Alert>
      )}
      {busy && progress && progress.total > 0 && <Progress value={(progress.done / progress.total) * 100} animated aria-label={progress.label} />}
      {preview && <PreviewPanel kind={kind} preview={preview} busy={busy} onRemap={remap} onCommit={commit} />}
    </Stack>
  );
}

function PreviewPanel({ kind, preview, busy, onRemap, onCommit }: { kind: ImportKind; preview: ImportPreview; busy: boolean; onRemap(key: string, header: string | null): void; onCommit(): void }) {
  const problems = preview.issues.length;
  return (
    <>
      <Card withBorder>
        <Text fw={600} mb="xs">Columns: match each Canopy field to a column of the file</Text>
        <SimpleGrid cols={3} spacing="xs" data-testid="import-mapping">
          {IMPORT_FIELDS[kind].map((field) => (
            <Select
              key={field.key}
              label={field.label}
              required={field.required}
              placeholder="Not imported"
              clearable
              data={preview.headers.filter(Boolean)}
              value={preview.mapping[field.key] ?? null}
              onChange={(header) => onRemap(field.key, header)}
              aria-label={`Column for ${field.label}`}
            />
          ))}
        </SimpleGrid>
      </Card>
      <Text data-testid="import-summary">
        {preview.rowCount} rows: {preview.summary.create} new {kind === 'skills' ? 'skills' : 'employees'}, {preview.summary.update} updates.
      </Text>
      {problems > 0 ? (
        <Alert color="red" title={`${problems} problem${problems === 1 ? '' : 's'} found — nothing will be imported`}>
          Fix these in the file and choose it again (row numbers are the spreadsheet’s; the header is row 1).
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
      ) : (
        <Alert color="teal">No problems found.</Alert>
      )}
      <Card withBorder p={0}>
        <ScrollArea>
          <Table fz="xs" striped>
            <Table.Thead><Table.Tr>{preview.headers.map((h, i) => <Table.Th key={i}>{h}</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {preview.sampleRows.map((row, r) => (
                <Table.Tr key={r}>{preview.headers.map((_, c) => <Table.Td key={c}>{row[c]}</Table.Td>)}</Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Card>
      <Group>
        <Button onClick={onCommit} disabled={problems > 0} loading={busy} data-testid="import-commit">
          Import {preview.rowCount} rows
        </Button>
      </Group>
    </>
  );
}
