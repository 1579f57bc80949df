import { Alert, Button, Card, FileInput, Group, Progress, ScrollArea, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { IMPORT_FIELDS, type ImportKind, type ImportMapping, type ImportPreview, type ImportResult, type ImportSource } from '../../../src-shared/api';
import { ApiCallError, call } from '../../api/client';
import { useProgress } from '../../api/hooks';
import { downloadFile } from '../shared/grid-adapters';
import { PageHeader } from '../shared/PageHeader';
import { readAsBase64 } from '../shared/files';
import { MappingTable } from './import/MappingTable';
import { counted, PreviewSummary, ProblemList, RECORD_NOUN } from './import/PreviewSummary';

interface LoadedFile {
  fileName: string;
  contentBase64: string;
  sheet?: string;
}

const PEOPLE_KINDS: { value: ImportKind; label: string }[] = [
  { value: 'employees', label: 'Employees' },
  { value: 'departments', label: 'Departments' },
  { value: 'jobs', label: 'Jobs' },
  { value: 'positions', label: 'Positions' },
];

function sameColumns(mapping: ImportMapping | undefined, headers: string[] | undefined): boolean {
  return Boolean(mapping && headers && Object.values(mapping).every((source) => typeof source !== 'string' || headers.includes(source)));
}

const NOTHING_STORED = 'Nothing is stored unless every row is valid; rows that match a stored record and change nothing are left exactly as they are.';
const FILES = 'From a CSV (UTF-8) or Excel (.xlsx) file with a header row — Canopy’s own exports of the grid included.';

const COPY: Record<ImportKind, { title: string; description: string; link: { to: string; label: string } }> = {
  employees: {
    title: 'Import employees',
    description: `${FILES} Employees are matched by employee number (new ones created, existing ones updated). Departments, jobs and positions the file names are found by name or label, and created when missing. A field the file lacks can take one value for every row or a pattern built from other columns. ${NOTHING_STORED}`,
    link: { to: '/people/employees', label: 'See employees' },
  },
  departments: {
    title: 'Import departments',
    description: `${FILES} A row matches a department by code, else by name under its parent department, else by name alone (a move). Parent departments the file names are created when missing. ${NOTHING_STORED}`,
    link: { to: '/people/departments', label: 'See departments' },
  },
  jobs: {
    title: 'Import jobs',
    description: `${FILES} A row matches a job by title and level ("Analyst (L2)" reads as both); family and description are updated. ${NOTHING_STORED}`,
    link: { to: '/people/jobs', label: 'See jobs' },
  },
  positions: {
    title: 'Import positions',
    description: `${FILES} A row matches a position by title and department, then by its incumbent; jobs and departments are found by label. Incumbents are employees (number, email or "Name (Number)"). ${NOTHING_STORED}`,
    link: { to: '/people/positions', label: 'See positions' },
  },
  skills: {
    title: 'Import a skills taxonomy',
    description:
      'From a CSV (UTF-8) or Excel (.xlsx) file, including ESCO’s skills file (conceptUri, preferredLabel, altLabels, skillType, description). Skills are matched by external id, then by type and name, so importing again updates them and never duplicates. Skill types are created when missing; skills without a rating model column get the first rating model. Nothing is stored unless every row is valid.',
    link: { to: '/skills', label: 'See the skill repository' },
  },
};

const isPeopleKind = (kind: string | null): kind is ImportKind => PEOPLE_KINDS.some((k) => k.value === kind);

export function ImportPage({ kind: routeKind = 'employees' }: { kind?: ImportKind }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('kind');
  const kind: ImportKind = routeKind === 'employees' && isPeopleKind(asked) ? asked : routeKind;
  return <ImportFlow key={kind} kind={kind} onKind={routeKind === 'employees' ? (k) => setParams({ kind: k }, { replace: true }) : undefined} />;
}

function ImportFlow({ kind, onKind }: { kind: ImportKind; onKind?(kind: ImportKind): void }) {
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  // A fresh input each time, so choosing the same (corrected) file again still fires a change.
  const [inputKey, setInputKey] = useState(0);
  const progress = useProgress();
  const mappingRef = useRef<ImportMapping | undefined>(undefined);
  const latestRequest = useRef(0);

  /** Previews can overlap when the mapping changes quickly: only the newest answer is shown. */
  async function runPreview(loaded: LoadedFile, mapping?: ImportMapping) {
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

  function chooseSheet(sheet: string | null) {
    if (!file || !sheet) return;
    const loaded = { ...file, sheet };
    setFile(loaded);
    void runPreview(loaded, undefined);
  }

  function remap(key: string, source: ImportSource | null) {
    if (!file || !preview) return;
    const mapping = { ...(mappingRef.current ?? preview.mapping) };
    if (source === null) delete mapping[key];
    else mapping[key] = source;
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

  async function downloadReport() {
    if (!file || !preview) return;
    setDownloading(true);
    try {
      const report = await call('admin.exportImportReport', { kind, ...file, mapping: preview.mapping });
      downloadFile(report.fileName, report.mimeType, report.contentBase64);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setDownloading(false);
    }
  }

  const [one, many] = RECORD_NOUN[kind];
  return (
    <Stack maw={1100}>
      <PageHeader title={COPY[kind].title} description={COPY[kind].description} />
      {onKind && (
        <SegmentedControl data={PEOPLE_KINDS} value={kind} onChange={(k) => onKind(k as ImportKind)} w="fit-content" aria-label="What the file holds" data-testid="import-kind" />
      )}
      <FileInput key={inputKey} label="File" placeholder="Choose a .csv or .xlsx file" accept=".csv,.xlsx,text/csv" value={null} onChange={choose} clearable={false} data-testid="import-file" w={420} />
      {file && <Text size="sm">File: <b>{file.fileName}</b></Text>}
      {error && <Alert color="red" title="Not imported" data-testid="import-error">{error}</Alert>}
      {result && (
        <Alert color="teal" title="Import complete" data-testid="import-result">
          {counted(result.created, one, many)} created, {result.updated.toLocaleString('en')} updated, {result.unchanged.toLocaleString('en')} unchanged. <Link to={COPY[kind].link.to}>{COPY[kind].link.label}</Link>
        </Alert>
      )}
      {busy && progress && progress.total > 0 && <Progress value={(progress.done / progress.total) * 100} animated aria-label={progress.label} />}
      {preview && preview.sheets.length > 1 && (
        <Group align="flex-end">
          <Select label="Sheet" description={`This workbook has ${preview.sheets.length} sheets: which one holds the data?`} data={preview.sheets} value={preview.sheet} placeholder="Choose a sheet" onChange={chooseSheet} allowDeselect={false} w={420} data-testid="import-sheet" />
        </Group>
      )}
      {preview && preview.sheet === null && preview.sheets.length > 1 && <Alert color="blue" data-testid="import-choose-sheet">Choose the sheet to import ({preview.sheets.join(', ')}); the columns and a preview follow.</Alert>}
      {preview && (preview.sheet !== null || preview.sheets.length <= 1) && (
        <PreviewPanel kind={kind} preview={preview} busy={busy} downloading={downloading} onRemap={remap} onCommit={commit} onDownload={downloadReport} />
      )}
    </Stack>
  );
}

interface PanelProps {
  kind: ImportKind;
  preview: ImportPreview;
  busy: boolean;
  downloading: boolean;
  onRemap(key: string, source: ImportSource | null): void;
  onCommit(): void;
  onDownload(): void;
}

function PreviewPanel({ kind, preview, busy, downloading, onRemap, onCommit, onDownload }: PanelProps) {
  return (
    <>
      <Card withBorder>
        <Text fw={600}>Columns: where each Canopy field comes from</Text>
        <Text size="sm" c="dimmed" mb="xs">
          A column of the file, one value for every row (a hire date, a status), or a pattern built from other columns in braces (“Employee {'{'}EmployeeNumber{'}'}”). Fields marked * are needed for new records.
        </Text>
        <MappingTable fields={IMPORT_FIELDS[kind]} headers={preview.headers} mapping={preview.mapping} onChange={onRemap} />
      </Card>
      <PreviewSummary kind={kind} preview={preview} />
      <ProblemList preview={preview} onDownload={onDownload} downloading={downloading} />
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
        <Button onClick={onCommit} disabled={preview.issueCount > 0} loading={busy} data-testid="import-commit">
          Import {counted(preview.rowCount, 'row')}
        </Button>
      </Group>
    </>
  );
}
