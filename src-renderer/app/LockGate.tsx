import { Alert, Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { onApiEvent, onLocked } from '../api/client';
import { useApi } from '../api/hooks';
import { CreateFileScreen, UnlockScreen } from './LockScreens';
import { IdleLock } from './IdleLock';

const LOCK_STATE = 'admin.getLockState';

/**
 * Shows the app only while its file is open. Locked (idle time, the OS, Admin's "Lock now", another
 * window) or not created yet, it shows the lock screen instead and drops every cached answer, so no
 * organisation data stays on screen or in the page's memory.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const lock = useApi(LOCK_STATE, {});
  const { refetch } = lock;
  useEffect(() => onLocked(() => void refetch()), [refetch]);
  useEffect(() => onApiEvent((event) => event.type === 'database' && void refetch()), [refetch]);
  const state = lock.data?.state;
  useEffect(() => {
    if (state && state !== 'unlocked') client.removeQueries({ predicate: (query) => query.queryKey[0] !== LOCK_STATE });
  }, [state, client]);

  if (lock.isLoading) return <Center h="100dvh"><Loader /></Center>;
  if (!lock.data) return <Center h="100dvh"><Alert color="red" maw={560}>{lock.error?.message ?? 'Canopy’s background process is not answering.'}</Alert></Center>;
  if (lock.data.state === 'new') return <CreateFileScreen lock={lock.data} />;
  if (lock.data.state === 'locked') return <UnlockScreen lock={lock.data} />;
  return (
    <>
      {lock.data.encrypted && <IdleLock minutes={lock.data.idleLockMinutes} />}
      {children}
    </>
  );
}
