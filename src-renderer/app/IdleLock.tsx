import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call } from '../api/client';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
/** The main process is told at most this often that someone is using the page (it locks by itself when nobody does). */
const REPORT_EVERY_MS = 60_000;
const CHECK_EVERY_MS = 5_000;

/**
 * Locks an encrypted file after `minutes` without a key press, click, scroll or pointer move in the
 * page. While the page is used it tells the main process so, which would otherwise lock the file on
 * its own after the same time (a closed tab, a hidden window).
 */
export function IdleLock({ minutes }: { minutes: number }) {
  const client = useQueryClient();
  useEffect(() => {
    let lastActivity = Date.now();
    let lastReport = Date.now();
    let locking = false;
    const onActivity = () => {
      lastActivity = Date.now();
      if (lastActivity - lastReport < REPORT_EVERY_MS) return;
      lastReport = lastActivity;
      void call('admin.reportActivity', {}).catch(() => undefined);
    };
    const check = setInterval(() => {
      if (locking || Date.now() - lastActivity < minutes * 60_000) return;
      locking = true;
      void call('admin.lockDatabase', {})
        .then((state) => client.setQueryData(['admin.getLockState', {}], state))
        .catch(() => undefined)
        .finally(() => (locking = false));
    }, CHECK_EVERY_MS);
    for (const type of ACTIVITY) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      clearInterval(check);
      for (const type of ACTIVITY) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [minutes, client]);
  return null;
}
