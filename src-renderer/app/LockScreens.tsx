import { Alert, Button, Card, Center, Checkbox, Code, Group, List, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { MIN_NEW_PASSPHRASE_LENGTH, type LockState } from '../../src-shared/api/admin-security';
import { useApiMutation } from '../api/hooks';

/** After a successful unlock or create, the gate re-reads the state from the answer. */
function useLockMutation(method: 'admin.unlockDatabase' | 'admin.createStartDatabase') {
  const client = useQueryClient();
  const mutation = useApiMutation(method);
  return {
    ...mutation,
    run: (input: Parameters<typeof mutation.mutate>[0]) =>
      mutation.mutate(input, { onSuccess: (state) => client.setQueryData(['admin.getLockState', {}], state) }),
  };
}

function LockCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Card withBorder shadow="sm" padding="xl" w={520} maw="100%">
        <Stack gap="md">
          <div>
            <Title order={3} c="teal.8">Canopy</Title>
            <Title order={4} mt={4}>{title}</Title>
          </div>
          {children}
        </Stack>
      </Card>
    </Center>
  );
}

/** The passphrase is sent in the body of one call and forgotten by the page right after: never in the address, never stored. */
export function UnlockScreen({ lock }: { lock: LockState }) {
  const unlock = useLockMutation('admin.unlockDatabase');
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const wait = useCountdown(unlock.error ? waitFromMessage(unlock.error.message) : 0, unlock.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) return;
    unlock.run({ passphrase, remember });
    setPassphrase('');
  };
  return (
    <LockCard title={`${lock.fileName} is locked`}>
      <Text size="sm">
        This organisation’s file is encrypted. Enter its passphrase to open it. <Text span c="dimmed">({lock.path})</Text>
      </Text>
      <form onSubmit={submit} autoComplete="off">
        <Stack gap="sm">
          <PasswordInput label="Passphrase" value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} autoFocus data-testid="unlock-passphrase" autoComplete="current-password" />
          {lock.canRemember && (
            <Checkbox
              label="Remember on this computer"
              description="Canopy then opens this file without asking when it starts (it still locks when idle). Anyone who can use your account on this computer can open it."
              checked={remember}
              onChange={(e) => setRemember(e.currentTarget.checked)}
            />
          )}
          {unlock.error && (
            <Alert color="red" data-testid="unlock-error">
              {unlock.error.message}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={unlock.isPending} disabled={!passphrase || wait > 0} data-testid="unlock">
              {wait > 0 ? `Wait ${wait} s` : 'Unlock'}
            </Button>
          </Group>
        </Stack>
      </form>
      <Text size="xs" c="dimmed">Forgot the passphrase? It cannot be recovered; only a backup you made before encrypting (unencrypted) still opens without it.</Text>
    </LockCard>
  );
}

/** First start: the file does not exist yet. Encrypted is the default; unencrypted needs a second, explicit step. */
export function CreateFileScreen({ lock }: { lock: LockState }) {
  const create = useLockMutation('admin.createStartDatabase');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [unencrypted, setUnencrypted] = useState(false);
  const tooShort = passphrase.length > 0 && passphrase.length < MIN_NEW_PASSPHRASE_LENGTH;
  const mismatch = repeat.length > 0 && repeat !== passphrase;
  const ready = passphrase.length >= MIN_NEW_PASSPHRASE_LENGTH && repeat === passphrase;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) create.run({ passphrase });
  };
  return (
    <LockCard title="Protect this organisation’s file">
      <Text size="sm">
        Canopy keeps everything in one file: <Code>{lock.path}</Code>. Choose a passphrase to encrypt it, so that a lost laptop or a copied backup reveals nothing.
      </Text>
      <form onSubmit={submit} autoComplete="off">
        <Stack gap="sm">
          <PasswordInput
            label="Passphrase"
            description={`At least ${MIN_NEW_PASSPHRASE_LENGTH} characters; a few unrelated words are easy to remember and hard to guess.`}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={tooShort ? `Use at least ${MIN_NEW_PASSPHRASE_LENGTH} characters.` : undefined}
            autoFocus
            autoComplete="new-password"
            data-testid="new-passphrase"
          />
          <PasswordInput label="Passphrase again" value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={mismatch ? 'The two passphrases differ.' : undefined} autoComplete="new-password" data-testid="new-passphrase-repeat" />
          <Alert color="yellow" title="Keep the passphrase safe">
            <List size="sm" spacing={2}>
              <List.Item>Nobody can recover a forgotten passphrase, not even Canopy’s makers: without it the data is gone.</List.Item>
              <List.Item>Backups are encrypted with the same passphrase.</List.Item>
            </List>
          </Alert>
          {create.error && <Alert color="red">{create.error.message}</Alert>}
          <Group justify="space-between">
            <Button type="submit" disabled={!ready} loading={create.isPending} data-testid="create-encrypted">Create encrypted file</Button>
            <Button variant="subtle" color="gray" onClick={() => setUnencrypted(true)}>Without encryption…</Button>
          </Group>
        </Stack>
      </form>
      {unencrypted && (
        <Alert color="red" title="Create the file without encryption?">
          <Text size="sm">Anyone who gets a copy of the file or of its backups can read every rating, note and survey answer in it with any SQLite tool. You can encrypt it later from Admin.</Text>
          <Group mt="sm">
            <Button color="red" variant="light" onClick={() => create.run({ unencrypted: true })} loading={create.isPending}>Create it unencrypted</Button>
            <Button variant="default" onClick={() => setUnencrypted(false)}>Back</Button>
          </Group>
        </Alert>
      )}
    </LockCard>
  );
}

const waitFromMessage = (message: string) => Number(/wait (\d+) seconds/.exec(message)?.[1] ?? 0);

/** Seconds left, counting down once a second from `seconds` (restarted by each new `cause`). */
function useCountdown(seconds: number, cause: unknown): number {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    setLeft(seconds);
    if (seconds <= 0) return;
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, [seconds, cause]);
  return left;
}
