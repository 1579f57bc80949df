import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi, useApiMutation } from '../../api/hooks';
import { PageHeader } from '../shared/PageHeader';

const folderOf = (file: string) => file.replace(/[\\/][^\\/]*$/, '');
const separator = (file: string) => (file.includes('\\') ? '\\' : '/');

export function AdminPage() {
  const status = useApi('admin.getDatabaseStatus', {});
  if (status.isLoading) return <Loader />;
  if (status.error) return <Alert color="red">{status.error.message}</Alert>;
  const db = status.data!;
  return (
    <Stack maw={900}>
      <PageHeader title="Admin" description="The database file, backups, who you are in the audit log." />
      <Card withBorder>
        <Title order={4}>Database</Title>
        <Text size="sm" mt="xs">File in use: <code data-testid="admin-db-path">{db.path}</code></Text>
        <Text size="sm">Size: {(db.sizeBytes / 1024 / 1024).toFixed(1)} MB · schema version {db.schemaVersion} · Canopy {db.appVersion}</Text>
        <Text size="sm">{db.counts.employees} employees, {db.counts.departments} departments, {db.counts.jobs} jobs, {db.counts.positions} positions</Text>
      </Card>
      <BackupCard dbPath={db.path} />
      <OpenDatabaseCard dbPath={db.path} />
      <SettingsCard />
      <Card withBorder>
        <Title order={4}>Audit log</Title>
        <Text size="sm" my="xs">Every change to people data, with who made it and the values before and after.</Text>
        <Anchor component={Link} to="/admin/audit">Open the audit log</Anchor>
      </Card>
    </Stack>
  );
}

function BackupCard({ dbPath }: { dbPath: string }) {
  const suggestion = `${folderOf(dbPath)}${separator(dbPath)}canopy-backup-${new Date().toISOString().slice(0, 10)}.sqlite`;
  const [target, setTarget] = useState(suggestion);
  const backup = useApiMutation('admin.backupDatabase');
  return (
    <Card withBorder>
      <Title order={4}>Back up now</Title>
      <Text size="sm" my="xs">Writes a consistent copy of the open database (SQLite online backup) while you keep working. Keep copies somewhere other than this laptop.</Text>
      <Group align="flex-end">
        <TextInput label="Backup file" value={target} onChange={(e) => setTarget(e.currentTarget.value)} style={{ flex: 1 }} data-testid="backup-path" />
        <Button
          loading={backup.isPending}
          data-testid="backup-now"
          onClick={() =>
            backup.mutate({ path: target }, {
              onSuccess: (r) => notifications.show({ color: 'teal', message: `Backed up to ${r.path} (${(r.sizeBytes / 1024).toFixed(0)} KB).` }),
            })
          }
        >
          Back up now
        </Button>
      </Group>
      {backup.error && <Alert color="red" mt="sm">{backup.error.message}</Alert>}
      {backup.data && <Text size="sm" c="teal" mt="sm" data-testid="backup-done">Saved {backup.data.path}</Text>}
    </Card>
  );
}

function OpenDatabaseCard({ dbPath }: { dbPath: string }) {
  const [target, setTarget] = useState('');
  const open = useApiMutation('admin.openDatabase');
  const run = (create: boolean) =>
    open.mutate({ path: target, create }, { onSuccess: (s) => notifications.show({ color: 'teal', message: `Now using ${s.path}.` }) });
  return (
    <Card withBorder>
      <Title order={4}>Open another database</Title>
      <Text size="sm" my="xs">One file holds one organisation. Opening another file closes {dbPath.split(/[\\/]/).pop()}; nothing is lost.</Text>
      <Group align="flex-end">
        <TextInput label="Database file" placeholder={`${folderOf(dbPath)}${separator(dbPath)}other.sqlite`} value={target} onChange={(e) => setTarget(e.currentTarget.value)} style={{ flex: 1 }} data-testid="open-path" />
        <Button variant="default" onClick={() => run(false)} loading={open.isPending} data-testid="open-db">Open</Button>
        <Button variant="default" onClick={() => run(true)} loading={open.isPending}>Create new</Button>
      </Group>
      {open.error && <Alert color="red" mt="sm" data-testid="open-error">{open.error.message}</Alert>}
    </Card>
  );
}

function SettingsCard() {
  const settings = useApi('admin.getSettings', {});
  const update = useApiMutation('admin.updateSettings');
  const [name, setName] = useState('');
  useEffect(() => setName(settings.data?.actorName ?? ''), [settings.data]);
  return (
    <Card withBorder>
      <Title order={4}>Your name</Title>
      <Text size="sm" my="xs">Recorded as the author of every change in the audit log.</Text>
      <Group align="flex-end">
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} w={300} />
        <Button variant="default" loading={update.isPending} onClick={() => update.mutate({ actorName: name }, { onSuccess: () => notifications.show({ color: 'teal', message: 'Saved.' }) })}>Save</Button>
      </Group>
      {update.error && <Alert color="red" mt="sm">{update.error.message}</Alert>}
    </Card>
  );
}
