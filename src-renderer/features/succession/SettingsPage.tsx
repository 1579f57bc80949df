import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { MAX_PHOTO_BYTES, MAX_PHOTO_ZIP_BYTES } from '../../../src-shared/api/succession';
import { ApiCallError, call } from '../../api/client';
import { readAsBase64 } from '../shared/files';
import { PageHeader } from '../shared/PageHeader';
import { ReadinessGrid } from './SimpleGrids';

export function SuccessionSettingsPage() {
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title="Succession settings" description="The readiness scale successors are rated on, and employee photos for the chart." />
      <Card withBorder>
        <Title order={2} size="h4" mb={4}>Readiness scale</Title>
        <Text size="sm" c="dimmed" mb="sm">The level ordered first means “ready now”: coverage, bench strength and vacancy chains count it. Up to eight levels; a level still given to successors cannot be deleted.</Text>
        <div style={{ height: 230 }}>
          <ReadinessGrid />
        </div>
      </Card>
      <PhotoImport />
    </Stack>
  );
}

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
/** Each call carries at most this much (the browser host takes 80 MB bodies; base64 adds a third). */
const CHUNK_BYTES = 24 * 1024 * 1024;

/** What is wrong with a chosen file before anything is sent, or null. */
function localProblem(file: File): string | null {
  const zip = /\.zip$/i.test(file.name);
  if (!zip && !/\.(jpe?g|png)$/i.test(file.name)) return `${file.name} is not a PNG, JPEG or zip file.`;
  const limit = zip ? MAX_PHOTO_ZIP_BYTES : MAX_PHOTO_BYTES;
  if (file.size > limit) return `${file.name} is ${MB(file.size)}; ${zip ? 'a zip of photos' : 'a photo'} is at most ${MB(limit)}.`;
  if (file.size === 0) return `${file.name} is empty.`;
  return null;
}

function chunked(files: File[]): File[][] {
  const chunks: File[][] = [];
  let current: File[] = [];
  let size = 0;
  for (const file of files) {
    if (current.length && (size + file.size > CHUNK_BYTES || current.length >= 400)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += file.size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

function PhotoImport() {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function importFiles(list: FileList | null) {
    setProblems([]);
    setDone(null);
    // A folder brings everything in it: other files are skipped, not refused.
    const chosen = [...(list ?? [])].filter((file) => !file.webkitRelativePath || /\.(jpe?g|png|zip)$/i.test(file.name));
    if (chosen.length === 0) return setProblems(['The folder holds no PNG or JPEG images.']);
    const local = chosen.map(localProblem).filter((p): p is string => Boolean(p));
    if (local.length) return setProblems([...local, 'No photos were stored.']);
    setBusy(true);
    try {
      const chunks = await Promise.all(chunked(chosen).map(async (chunk) => Promise.all(chunk.map(async (file) => ({ fileName: file.name, contentBase64: await readAsBase64(file) })))));
      // Every part is checked before any is stored, so a bad file anywhere stores nothing.
      for (const chunk of chunks) await call('succession.importPhotos', { files: chunk, dryRun: true });
      let imported = 0;
      let replaced = 0;
      for (const chunk of chunks) {
        const result = await call('succession.importPhotos', { files: chunk });
        imported += result.imported;
        replaced += result.replaced;
      }
      setDone(`${imported} photo${imported === 1 ? '' : 's'} stored${replaced ? ` (${replaced} replaced an earlier one)` : ''}.`);
      notifications.show({ color: 'teal', message: `${imported} photos imported.` });
    } catch (error) {
      const issues = error instanceof ApiCallError ? error.issues.map((issue) => issue.message) : [];
      setProblems(issues.length ? [...issues, 'No photos were stored.'] : [(error as Error).message]);
    } finally {
      setBusy(false);
      if (files.current) files.current.value = '';
      if (folder.current) folder.current.value = '';
    }
  }

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb={4}>Employee photos</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Name each image by employee number (E000123.jpg). PNG or JPEG, at most {MB(MAX_PHOTO_BYTES)} each; a zip of them at most {MB(MAX_PHOTO_ZIP_BYTES)}.
        Photos are cropped to a square and shown on the chart, the person's page and the exports (when photos are on).
      </Text>
      <Group>
        <Button variant="default" loading={busy} onClick={() => files.current?.click()} data-testid="photos-choose-files">Choose images or a zip…</Button>
        <Button variant="default" loading={busy} onClick={() => folder.current?.click()}>Choose a folder…</Button>
        <input ref={files} type="file" multiple accept=".png,.jpg,.jpeg,.zip,image/png,image/jpeg,application/zip" hidden data-testid="photos-input" onChange={(e) => void importFiles(e.currentTarget.files)} />
        <input ref={folder} type="file" hidden {...({ webkitdirectory: '' } as object)} onChange={(e) => void importFiles(e.currentTarget.files)} />
      </Group>
      {done && <Alert color="teal" mt="sm" data-testid="photos-done">{done}</Alert>}
      {problems.length > 0 && (
        <Alert color="red" mt="sm" title="The photos were not imported" data-testid="photos-problems">
          <List size="sm">{problems.slice(0, 20).map((problem) => <List.Item key={problem}>{problem}</List.Item>)}</List>
          {problems.length > 20 && <Text size="sm">… and {problems.length - 20} more.</Text>}
        </Alert>
      )}
    </Card>
  );
}
