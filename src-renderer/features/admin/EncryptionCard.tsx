import { Alert, Badge, Button, Card, Checkbox, Code, Divider, Group, NumberInput, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { IDLE_LOCK_MINUTES, MIN_NEW_PASSPHRASE_LENGTH, type LockState } from '../../../src-shared/api/admin-security';
import { useApiMutation } from '../../api/hooks';

const folderOf = (file: string) => file.replace(/[\\/][^\\/]*$/, '');
const separator = (file: string) => (file.includes('\\') ? '\\' : '/');

/** Admin's encryption panel: what protects the file, and the ways to change it. */
export function EncryptionCard({ lock }: { lock: LockState }) {
  return (
    <Card withBorder data-testid="encryption-card">
      <Group justify="space-between">
        <Title order={4}>Encryption</Title>
        {lock.encrypted ? <Badge color="teal">Encrypted</Badge> : <Badge color="red">Not encrypted</Badge>}
      </Group>
      {lock.encrypted ? <EncryptedFile lock={lock} /> : <PlainFile />}
    </Card>
  );
}

function EncryptedFile({ lock }: { lock: LockState }) {
  return (
    <Stack gap="md" mt="xs">
      <Text size="sm">
        This file and its backups are encrypted (SQLCipher 4: AES-256, the key made from your passphrase with PBKDF2-SHA512). Without the passphrase they are unreadable.
        Files you export (PDF, XLSX, PPTX, CSV) are not encrypted.
      </Text>
      {lock.unencryptedOriginal && <UnencryptedOriginal path={lock.unencryptedOriginal} />}
      <LockSettings lock={lock} />
      <Divider />
      <ChangePassphrase />
      <Divider />
      <UnencryptedCopy dbPath={lock.path} />
    </Stack>
  );
}

function LockSettings({ lock }: { lock: LockState }) {
  const client = useQueryClient();
  const lockNow = useApiMutation('admin.lockDatabase');
  const setIdle = useApiMutation('admin.setIdleLock');
  const remember = useApiMutation('admin.rememberKey');
  const [minutes, setMinutes] = useState<string | number>(lock.idleLockMinutes);
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <NumberInput
          label="Lock after this many minutes without use"
          min={IDLE_LOCK_MINUTES.min}
          max={IDLE_LOCK_MINUTES.max}
          value={minutes}
          onChange={setMinutes}
          w={300}
          data-testid="idle-minutes"
        />
        <Button variant="default" loading={setIdle.isPending} onClick={() => setIdle.mutate({ minutes: Number(minutes) }, { onSuccess: () => notifications.show({ color: 'teal', message: 'Saved.' }) })}>
          Save
        </Button>
        <Button
          variant="light"
          loading={lockNow.isPending}
          data-testid="lock-now"
          onClick={() => lockNow.mutate({}, { onSuccess: (state) => client.setQueryData(['admin.getLockState', {}], state) })}
        >
          Lock now
        </Button>
      </Group>
      {setIdle.error && <Alert color="red">{setIdle.error.message}</Alert>}
      <Text size="xs" c="dimmed">The desktop app also locks when the computer’s screen locks or it goes to sleep.</Text>
      {lock.canRemember && (
        <Switch
          label="Remember on this computer"
          description="Opens this file without asking when Canopy starts. Anyone who can use your account on this computer can then open it."
          checked={lock.remembered}
          onChange={(e) => remember.mutate({ remember: e.currentTarget.checked })}
        />
      )}
      {remember.error && <Alert color="red">{remember.error.message}</Alert>}
    </Stack>
  );
}

function NewPassphraseFields({ value, onChange, label }: { value: { next: string; repeat: string }; onChange(value: { next: string; repeat: string }): void; label: string }) {
  const tooShort = value.next.length > 0 && value.next.length < MIN_NEW_PASSPHRASE_LENGTH;
  return (
    <Group align="flex-start" grow>
      <PasswordInput
        label={label}
        description={`At least ${MIN_NEW_PASSPHRASE_LENGTH} characters`}
        value={value.next}
        onChange={(e) => onChange({ ...value, next: e.currentTarget.value })}
        error={tooShort ? `Use at least ${MIN_NEW_PASSPHRASE_LENGTH} characters.` : undefined}
        autoComplete="new-password"
        data-testid="new-passphrase"
      />
      <PasswordInput
        label="Again"
        description="The same, to catch typing mistakes"
        value={value.repeat}
        onChange={(e) => onChange({ ...value, repeat: e.currentTarget.value })}
        error={value.repeat && value.repeat !== value.next ? 'The two passphrases differ.' : undefined}
        autoComplete="new-password"
        data-testid="new-passphrase-repeat"
      />
    </Group>
  );
}

const isReady = (value: { next: string; repeat: string }) => value.next.length >= MIN_NEW_PASSPHRASE_LENGTH && value.next === value.repeat;

function PlainFile() {
  const encrypt = useApiMutation('admin.encryptDatabase');
  const [value, setValue] = useState({ next: '', repeat: '' });
  return (
    <Stack gap="sm" mt="xs">
      <Alert color="red" variant="light">
        Anyone who copies this file, or one of its backups, can read every rating, note and survey answer in it with any SQLite tool.
      </Alert>
      <Text size="sm">
        <b>Encrypt this file:</b> Canopy writes an encrypted copy, checks that it holds every row, and puts it in the file’s place. The unencrypted original stays beside it
        until you delete it. Nobody can recover a forgotten passphrase: without it the data is gone.
      </Text>
      <NewPassphraseFields value={value} onChange={setValue} label="Passphrase" />
      {encrypt.error && <Alert color="red">{encrypt.error.message}</Alert>}
      <Group>
        <Button
          disabled={!isReady(value)}
          loading={encrypt.isPending}
          data-testid="encrypt-file"
          onClick={() =>
            encrypt.mutate({ passphrase: value.next }, {
              onSuccess: () => {
                setValue({ next: '', repeat: '' });
                notifications.show({ color: 'teal', message: 'The file is encrypted.' });
              },
            })
          }
        >
          Encrypt this file
        </Button>
      </Group>
    </Stack>
  );
}

function UnencryptedOriginal({ path }: { path: string }) {
  const remove = useApiMutation('admin.deleteUnencryptedOriginal');
  const [confirming, setConfirming] = useState(false);
  return (
    <Alert color="yellow" title="The unencrypted original is still there" data-testid="unencrypted-original">
      <Text size="sm">
        <Code>{path}</Code> holds the same data, readable by anyone with the file. Delete it once you have checked that this file opens with your passphrase. (Deleting does not
        overwrite the disk; on a disk the OS encrypts, that is enough.)
      </Text>
      {remove.error && <Text size="sm" c="red" mt="xs">{remove.error.message}</Text>}
      <Group mt="sm">
        {confirming ? (
          <>
            <Button color="red" size="xs" loading={remove.isPending} data-testid="delete-original-confirm" onClick={() => remove.mutate({ path }, { onSuccess: () => notifications.show({ color: 'teal', message: `Deleted ${path}.` }) })}>
              Delete it for good
            </Button>
            <Button variant="default" size="xs" onClick={() => setConfirming(false)}>Keep it</Button>
          </>
        ) : (
          <Button variant="light" color="red" size="xs" data-testid="delete-original" onClick={() => setConfirming(true)}>Delete the unencrypted original…</Button>
        )}
      </Group>
    </Alert>
  );
}

function ChangePassphrase() {
  const change = useApiMutation('admin.changePassphrase');
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState({ next: '', repeat: '' });
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>Change the passphrase</Text>
      <Text size="xs" c="dimmed">The file is re-encrypted with a new key. Backups made before keep the old passphrase.</Text>
      <PasswordInput label="Current passphrase" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} w={300} autoComplete="current-password" data-testid="current-passphrase" />
      <NewPassphraseFields value={value} onChange={setValue} label="New passphrase" />
      {change.error && <Alert color="red">{change.error.message}</Alert>}
      <Group>
        <Button
          variant="default"
          disabled={!current || !isReady(value)}
          loading={change.isPending}
          data-testid="change-passphrase"
          onClick={() =>
            change.mutate({ current, next: value.next }, {
              onSuccess: () => {
                setCurrent('');
                setValue({ next: '', repeat: '' });
                notifications.show({ color: 'teal', message: 'The passphrase was changed.' });
              },
            })
          }
        >
          Change passphrase
        </Button>
      </Group>
    </Stack>
  );
}

function UnencryptedCopy({ dbPath }: { dbPath: string }) {
  const exportCopy = useApiMutation('admin.exportUnencryptedCopy');
  const [target, setTarget] = useState(`${folderOf(dbPath)}${separator(dbPath)}canopy-unencrypted-copy.sqlite`);
  const [passphrase, setPassphrase] = useState('');
  const [understood, setUnderstood] = useState(false);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>Unencrypted copy</Text>
      <Text size="xs" c="dimmed">For another tool that cannot open encrypted files. Treat it like the printed records it holds, and delete it when done.</Text>
      <Group align="flex-end" grow>
        <TextInput label="Copy to" value={target} onChange={(e) => setTarget(e.currentTarget.value)} data-testid="plain-copy-path" />
        <PasswordInput label="Passphrase" value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} autoComplete="current-password" data-testid="plain-copy-passphrase" />
      </Group>
      <Checkbox
        label="I understand that the copy is not encrypted: anyone who gets it can read all of this organisation’s data."
        checked={understood}
        onChange={(e) => setUnderstood(e.currentTarget.checked)}
        color="red"
        data-testid="plain-copy-understood"
      />
      {exportCopy.error && <Alert color="red">{exportCopy.error.message}</Alert>}
      {exportCopy.data && <Text size="sm" c="orange.8">Unencrypted copy written to {exportCopy.data.path}.</Text>}
      <Group>
        <Button
          color="red"
          variant="light"
          disabled={!passphrase || !understood}
          loading={exportCopy.isPending}
          data-testid="plain-copy"
          onClick={() => exportCopy.mutate({ path: target, passphrase, understood: true }, { onSuccess: () => setPassphrase('') })}
        >
          Write unencrypted copy
        </Button>
      </Group>
    </Stack>
  );
}
