import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useState } from 'react';
import type { CalibrationMember } from '../../../src-shared/api/calibration';
import { call } from '../../api/client';
import { queryClient, useApi } from '../../api/hooks';
import { errorText } from '../reviews/shared';
import { buildBoard, withPending, type Placement } from './model';

/**
 * One session as every view shows it: the session, its people with moves still being saved laid
 * over them (so the boxes and the guideline indicators change at once), and the move itself.
 */
export function useSessionBoard(sessionId: string) {
  const session = useApi('calibration.getSession', { id: sessionId });
  const members = useApi('calibration.listMembers', { sessionId });
  const [pending, setPending] = useState<ReadonlyMap<string, Placement>>(new Map());
  const people = useMemo(() => withPending(members.data?.rows ?? [], pending), [members.data, pending]);
  const board = useMemo(() => (session.data ? buildBoard(session.data, people) : null), [session.data, people]);

  /** Saves a move with its reason; the card shows its new place while the save runs, and goes back if it fails. */
  const move = useCallback(async (member: CalibrationMember, to: Placement, reason: { reasonCode: string; comment: string }): Promise<string | null> => {
    setPending((current) => new Map(current).set(member.id, to));
    try {
      const result = await call('calibration.movePerson', {
        sessionId, memberId: member.id, version: member.version, reasonCode: reason.reasonCode, comment: reason.comment,
        ...(to.performance !== null && to.performance !== member.performance ? { performance: to.performance } : {}),
        ...(to.potential !== null && to.potential !== member.potential ? { potential: to.potential } : {}),
      });
      queryClient.setQueryData(['calibration.listMembers', { sessionId }], (old: { rows: CalibrationMember[] } | undefined) =>
        old ? { rows: old.rows.map((m) => (m.id === result.member.id ? result.member : m)) } : old);
      return null;
    } catch (error) {
      return errorText(error);
    } finally {
      setPending((current) => {
        const next = new Map(current);
        next.delete(member.id);
        return next;
      });
    }
  }, [sessionId]);

  return { session: session.data, members: people, board, error: session.error ?? members.error, loading: session.isLoading || members.isLoading, move };
}

export function notifyError(title: string, error: unknown) {
  notifications.show({ color: 'red', title, message: errorText(error) });
}
