import { Alert, Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useState } from 'react';
import type { ReviewDetail } from '../../../../src-shared/api';
import { formatScore, levelOptions, ratingText } from '../format';
import { dayOf, ErrorAlert } from '../shared';
import { useReviewWrites } from './useReviewMutation';

/** Section scores, the computed overall rating, and the override with its reason. */
export function ScoresCard({ detail }: { detail: ReviewDetail }) {
  const { review, cycle } = detail;
  return (
    <Card withBorder data-testid="review-scores">
      <Stack gap="xs">
        <Title order={4}>Rating</Title>
        <Table fz="sm">
          <Table.Thead><Table.Tr><Table.Th>Section</Table.Th><Table.Th ta="right">Weight</Table.Th><Table.Th ta="right">Score</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {detail.sectionScores.map((s) => (
              <Table.Tr key={s.sectionIndex}>
                <Table.Td>{s.title}</Table.Td>
                <Table.Td ta="right">{s.weight}%</Table.Td>
                <Table.Td ta="right">{s.score === null ? <Text span c="dimmed" size="sm">not rated</Text> : formatScore(s.score)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm">Computed from the manager’s ratings: <b data-testid="computed-rating">{ratingText(cycle.levels, review.computedRating)}</b></Text>
        {review.overrideRating !== null && (
          <Alert color="yellow" variant="light" p="xs" data-testid="override-note">
            Overridden to {ratingText(cycle.levels, review.overrideRating)}{detail.overrideReason ? `: “${detail.overrideReason}”` : ''}
          </Alert>
        )}
        <Group gap="xs">
          <Text fw={600}>Overall rating</Text>
          <Badge size="lg" variant="filled" color={review.finalRating === null ? 'gray' : undefined} data-testid="final-rating">{review.finalRating === null ? 'Not rated yet' : `${formatScore(review.finalRating)} · ${review.finalLabel ?? ''}`}</Badge>
        </Group>
        {detail.calibration && <CalibrationNote detail={detail} />}
        {review.status !== 'complete' && !detail.calibration?.sessionFinalised && <OverrideForm detail={detail} />}
      </Stack>
    </Card>
  );
}

/** What calibration did to the rating: the rating before it stays visible beside the one agreed. */
function CalibrationNote({ detail }: { detail: ReviewDetail }) {
  const calibration = detail.calibration!;
  const when = `${dayOf(calibration.calibratedAt)} by ${calibration.calibratedBy}`;
  return (
    <Alert color={calibration.changed ? 'blue' : 'gray'} variant="light" p="xs" data-testid="calibration-note">
      {calibration.changed ? (
        <>Before calibration: <b data-testid="rating-before-calibration">{calibration.ratingBefore === null ? 'not rated' : ratingText(detail.cycle.levels, calibration.ratingBefore)}</b>. Calibrated</>
      ) : 'Confirmed'}{' '}
      in <Anchor component={Link} to={`/calibration/sessions/${calibration.sessionId}`} size="sm">{calibration.sessionName}</Anchor> on {when}
      {calibration.sessionFinalised ? '; reopen that session to change the rating.' : ' (the session has been reopened).'}
    </Alert>
  );
}

function OverrideForm({ detail }: { detail: ReviewDetail }) {
  const { review } = detail;
  const writes = useReviewWrites(review.id);
  const [rating, setRating] = useState<string | null>(review.overrideRating === null ? null : String(review.overrideRating));
  const [reason, setReason] = useState(detail.overrideReason ?? '');
  const apply = () => writes.run('reviews.overrideRating', { id: review.id, version: review.version, rating: rating === null ? null : Number(rating), reason: reason.trim() || null });
  const clear = async () => {
    if (await writes.run('reviews.overrideRating', { id: review.id, version: review.version, rating: null, reason: null })) (setRating(null), setReason(''));
  };
  return (
    <Stack gap={6} data-testid="override-form">
      <Text size="sm" fw={500}>Override the overall rating</Text>
      <Group align="flex-end" wrap="nowrap">
        <Select label="Override rating" data={levelOptions(detail.cycle.levels)} value={rating} onChange={setRating} clearable w={220} />
        <Textarea label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={1} style={{ flex: 1 }} />
      </Group>
      <ErrorAlert error={writes.error} testId="override-error" />
      <Group justify="flex-end" gap="xs">
        {review.overrideRating !== null && <Button size="xs" variant="default" onClick={() => void clear()} disabled={writes.pending !== null}>Remove override</Button>}
        <Button size="xs" variant="light" onClick={() => void apply()} loading={writes.pending !== null} disabled={rating === null}>Override</Button>
      </Group>
    </Stack>
  );
}

/** Final review: the employee and the manager each sign the review off; both complete it. */
export function SignOffCard({ detail }: { detail: ReviewDetail }) {
  const writes = useReviewWrites(detail.review.id);
  const inFinal = detail.review.status === 'final_review';
  const signOffs = [
    { step: 'employee_signoff' as const, who: 'employee', name: detail.review.employeeName },
    { step: 'manager_signoff' as const, who: 'manager', name: detail.review.managerName ?? 'the manager' },
  ];
  return (
    <Card withBorder data-testid="sign-offs">
      <Stack gap="xs">
        <Title order={4}>Sign-off</Title>
        {!inFinal && detail.review.status !== 'complete' && <Text size="sm" c="dimmed">Sign-off opens once the manager review is submitted (final review).</Text>}
        {signOffs.map(({ step, who, name }) => {
          const state = detail.steps.find((s) => s.step === step);
          const signed = state?.status === 'submitted';
          return (
            <Group key={step} justify="space-between">
              <Text size="sm">{who === 'employee' ? 'Employee' : 'Manager'} ({name})</Text>
              {signed ? (
                <Badge color="teal" variant="light" data-testid={`${step}-done`}>Signed {dayOf(state?.submittedAt)}</Badge>
              ) : (
                <Button
                  size="xs"
                  disabled={!inFinal || writes.pending !== null}
                  onClick={() => void writes.run('reviews.submitStep', { reviewId: detail.review.id, version: detail.review.version, step })}
                >
                  Sign off as {who}
                </Button>
              )}
            </Group>
          );
        })}
        <ErrorAlert error={writes.error} testId="sign-off-error" />
      </Stack>
    </Card>
  );
}

/** A complete review can be reopened (back to final review, sign-offs cleared); the reason is audited. */
export function ReopenCard({ detail }: { detail: ReviewDetail }) {
  const writes = useReviewWrites(detail.review.id);
  const [reason, setReason] = useState('');
  const reopen = async () => {
    if (await writes.run('reviews.reopenReview', { id: detail.review.id, version: detail.review.version, reason })) setReason('');
  };
  return (
    <Card withBorder data-testid="reopen">
      <Stack gap="xs">
        <Title order={4}>Reopen</Title>
        <Text size="sm" c="dimmed">Reopening returns the review to final review and clears both sign-offs.</Text>
        <Textarea label="Reason for reopening" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
        <ErrorAlert error={writes.error} testId="reopen-error" />
        <Group justify="flex-end"><Button variant="light" color="orange" onClick={() => void reopen()} loading={writes.pending !== null}>Reopen review</Button></Group>
      </Stack>
    </Card>
  );
}
