import { Alert, Anchor, Button, Card, Checkbox, Group, Loader, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi, useApiMutation } from '../../api/hooks';
import { PageHeader } from '../shared/PageHeader';
import { EncryptionCard } from './EncryptionCard';

const folderOf = (file: string) => file.replace(/[\\/][^\\/]*$/, '');
const separator = (file: string) => (file.includes('\\') ? '\\' : '/');

export function AdminPage() {
  const status = useApi('admin.getDatabaseStatus', {});
  const lock = useApi('admin.getLockState', {});
  if (status.isLoading || lock.isLoading) return <Loader />;
  if (status.error || lock.error) return <Alert color="red">{(status.error ?? lock.error)!.message}</Alert>;
  const db = status.data!;
  const encrypted = lock.data!.encrypted;
  return (
    <Stack maw={900}>
      <PageHeader title="Admin" description="The database file, backups, who you are in the audit log." />
      <Card withBorder>
        <Title order={4}>Database</Title>
        <Text size="sm" mt="xs">File in use: <code data-testid="admin-db-path">{db.path}</code></Text>
        <Text size="sm">Size: {(db.sizeBytes / 1024 / 1024).toFixed(1)} MB · schema version {db.schemaVersion} · Canopy {db.appVersion}</Text>
        <Text size="sm">{db.counts.employees} employees, {db.counts.departments} departments, {db.counts.jobs} jobs, {db.counts.positions} positions</Text>
      </Card>
      <EncryptionCard lock={lock.data!} />
      <BackupCard dbPath={db.path} encrypted={encrypted} />
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

function BackupCard({ dbPath, encrypted }: { dbPath: string; encrypted: boolean }) {
  const suggestion = `${folderOf(dbPath)}${separator(dbPath)}canopy-backup-${new Date().toISOString().slice(0, 10)}.sqlite`;
  const [target, setTarget] = useState(suggestion);
  const backup = useApiMutation('admin.backupDatabase');
  return (
    <Card withBorder>
      <Title order={4}>Back up now</Title>
      <Text size="sm" my="xs">
        Writes a consistent copy of the open database while you keep working. Keep copies somewhere other than this laptop.{' '}
        {encrypted
          ? 'The copy is encrypted with this file’s passphrase: it opens only with it.'
          : 'Like this file, the copy is not encrypted.'}
      </Text>
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
  const [passphrase, setPassphrase] = useState('');
  const [unencrypted, setUnencrypted] = useState(false);
  const open = useApiMutation('admin.openDatabase');
  const run = (create: boolean) =>
    open.mutate(
      { path: target, create, ...(passphrase ? { passphrase } : {}), ...(create && unencrypted ? { unencrypted: true } : {}) },
      {
        onSuccess: (s) => {
          setPassphrase('');
          notifications.show({ color: 'teal', message: `Now using ${s.path}.` });
        },
      },
    );
  const needsPassphrase = open.error?.issues.some((issue) => issue.field === 'passphrase');
  return (
    <Card withBorder>
      <Title order={4}>Open another database</Title>
      <Text size="sm" my="xs">One file holds one organisation. Opening another file closes {dbPath.split(/[\\/]/).pop()}; nothing is lost. New files are encrypted with the passphrase you give here.</Text>
      <Group align="flex-end">
        <TextInput label="Database file" placeholder={`${folderOf(dbPath)}${separator(dbPath)}other.sqlite`} value={target} onChange={(e) => setTarget(e.currentTarget.value)} style={{ flex: 1 }} data-testid="open-path" />
        <PasswordInput
          label="Passphrase"
          description="Of an encrypted file, or for a new one"
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          w={260}
          autoComplete="off"
          error={needsPassphrase}
          data-testid="open-passphrase"
        />
        <Button variant="default" onClick={() => run(false)} loading={open.isPending} data-testid="open-db">Open</Button>
        <Button variant="default" onClick={() => run(true)} loading={open.isPending}>Create new</Button>
      </Group>
      <Checkbox
        mt="xs"
        size="xs"
        label="Create the new file without encryption (anyone with a copy can read it)"
        checked={unencrypted}
        onChange={(e) => setUnencrypted(e.currentTarget.checked)}
      />
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
