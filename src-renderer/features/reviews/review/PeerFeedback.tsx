import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ReviewDetail } from '../../../../src-shared/api';
import { ErrorAlert } from '../shared';
import { RespondentForm } from './RespondentForm';
import { useReviewWrites } from './useReviewMutation';
import { EmployeeMultiPicker } from '../../shared/EmployeePicker';

/** Optional peer feedback: ask colleagues, then each peer answers on their own form. */
export function PeerFeedback({ detail }: { detail: ReviewDetail }) {
  const peers = detail.steps.filter((s) => s.step === 'peer' && s.peerId);
  const [peerId, setPeerId] = useState<string | null>(peers[0]?.peerId ?? null);
  const current = peers.find((p) => p.peerId === peerId) ?? peers[0];
  return (
    <Stack>
      {detail.review.status !== 'complete' && <RequestPeers detail={detail} />}
      {peers.length === 0 && <Text size="sm" c="dimmed">No peer feedback requested yet.</Text>}
      {peers.length > 0 && (
        <SegmentedControl
          value={current.peerId!}
          onChange={setPeerId}
          data={peers.map((p) => ({ value: p.peerId!, label: `${p.peerName ?? 'Peer'}${p.status === 'submitted' ? ' ✓' : ''}` }))}
        />
      )}
      {current && <RespondentForm key={current.peerId} detail={detail} respondent="peer" peerId={current.peerId} />}
    </Stack>
  );
}

function RequestPeers({ detail }: { detail: ReviewDetail }) {
  const writes = useReviewWrites(detail.review.id);
  const [peerIds, setPeerIds] = useState<string[]>([]);
  const request = async () => {
    if (await writes.run('reviews.requestPeerFeedback', { reviewId: detail.review.id, peerIds })) setPeerIds([]);
  };
  return (
    <Stack gap={6}>
      <Group align="flex-end" wrap="nowrap">
        <EmployeeMultiPicker label="Ask colleagues for feedback" exclude={[detail.review.employeeId]} value={peerIds} onChange={setPeerIds} style={{ flex: 1 }} maxValues={20} />
        <Button variant="light" onClick={() => void request()} disabled={!peerIds.length} loading={writes.pending !== null}>Request feedback</Button>
      </Group>
      <ErrorAlert error={writes.error} testId="peer-request-error" />
    </Stack>
  );
}
