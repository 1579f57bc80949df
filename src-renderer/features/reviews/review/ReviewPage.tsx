import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Stepper, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { REVIEW_STATUSES, REVIEW_STATUS_LABELS, type Respondent, type ReviewDetail } from '../../../../src-shared/api';
import { call } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { dayOf, downloadExport } from '../shared';
import { JournalPanel } from '../journal/JournalPanel';
import { PeerFeedback } from './PeerFeedback';
import { RespondentForm } from './RespondentForm';
import { ReopenCard, ScoresCard, SignOffCard } from './ReviewOutcome';

/** One review: who and what, where it stands, the answers of each respondent, the rating and the sign-offs. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const review = useApi('reviews.getReview', { id });
  if (review.error) return <Alert color="red">{review.error.message}</Alert>;
  if (!review.data) return <Text c="dimmed">Loading…</Text>;
  return <ReviewView detail={review.data} />;
}

function ReviewView({ detail }: { detail: ReviewDetail }) {
  const { review, cycle } = detail;
  const respondents: Respondent[] = [...(cycle.steps.selfReview ? ['self' as const] : []), 'manager', ...(cycle.steps.peerFeedback ? ['peer' as const] : [])];
  const [tab, setTab] = useState<string | null>(defaultTab(detail));
  return (
    <Stack data-testid="review-page">
      <ReviewHeader detail={detail} />
      <StatusStepper detail={detail} />
      {detail.snapshotted && (
        <Alert color="blue" variant="light" data-testid="snapshot-note">
          Snapshot taken {dayOf(review.completedAt)}: goals as they were at completion.
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs value={tab} onChange={setTab}>
            <Tabs.List>
              {respondents.map((r) => <Tabs.Tab key={r} value={r}>{TAB_LABELS[r]}{stepBadge(detail, r)}</Tabs.Tab>)}
            </Tabs.List>
            {respondents.map((r) => (
              <Tabs.Panel key={r} value={r} pt="md">
                {r === 'peer' ? <PeerFeedback detail={detail} /> : <RespondentForm key={r} detail={detail} respondent={r} />}
              </Tabs.Panel>
            ))}
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <ScoresCard detail={detail} />
            <SignOffCard detail={detail} />
            {review.status === 'complete' && <ReopenCard detail={detail} />}
            <Card withBorder data-testid="journal-spot">
              <JournalPanel employeeId={review.employeeId} from={cycle.periodStart} to={cycle.periodEnd} reviewId={review.id} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

const TAB_LABELS: Record<Respondent, string> = { self: 'Self review', manager: 'Manager review', peer: 'Peer feedback' };

function stepBadge(detail: ReviewDetail, respondent: Respondent) {
  const states = detail.steps.filter((s) => s.step === respondent);
  if (!states.length) return null;
  const done = states.every((s) => s.status === 'submitted');
  return <Badge ml={6} size="xs" variant="light" color={done ? 'teal' : 'gray'}>{done ? 'submitted' : 'open'}</Badge>;
}

/** Open on the step that is waiting: the self-review until it is submitted, then the manager review. */
function defaultTab(detail: ReviewDetail): Respondent {
  const self = detail.steps.find((s) => s.step === 'self');
  return detail.cycle.steps.selfReview && self?.status !== 'submitted' ? 'self' : 'manager';
}

function ReviewHeader({ detail }: { detail: ReviewDetail }) {
  const { review, cycle } = detail;
  return (
    <Group justify="space-between" align="flex-end">
      <Stack gap={2}>
        <Anchor component={Link} to={`/reviews/cycles/${cycle.id}`} size="sm">← {cycle.name}</Anchor>
        <Group gap="xs">
          <Title order={1} size="h2">{review.employeeName}</Title>
          <Badge variant="light" data-testid="review-status">{REVIEW_STATUS_LABELS[review.status]}</Badge>
          {review.overdue && <Badge color="red" variant="light">Overdue</Badge>}
        </Group>
        <Text size="sm" c="dimmed">
          {review.employeeNumber}{review.jobTitle ? ` · ${review.jobTitle}` : ''}{review.departmentName ? ` · ${review.departmentName}` : ''} · manager {review.managerName ?? 'none'} · period {cycle.periodStart} – {cycle.periodEnd} · due {review.dueDate}
        </Text>
      </Stack>
      <Group gap="xs">
        <Button variant="default" component={Link} to={`/people/employees/${review.employeeId}`}>Profile</Button>
        <Button variant="default" data-testid="review-pdf" onClick={() => void downloadExport(() => call('reviews.exportReviewPdf', { reviewId: review.id }))}>Print PDF</Button>
      </Group>
    </Group>
  );
}

function StatusStepper({ detail }: { detail: ReviewDetail }) {
  const { review } = detail;
  const dates: Record<string, string | null> = {
    not_started: null, in_progress: review.startedAt, ready_for_review: review.readyAt, final_review: review.finalAt, complete: review.completedAt,
  };
  const index = REVIEW_STATUSES.indexOf(review.status);
  return (
    <Card withBorder padding="sm">
      <Stepper active={review.status === 'complete' ? REVIEW_STATUSES.length : index} size="sm" data-testid="status-stepper">
        {REVIEW_STATUSES.map((s) => (
          <Stepper.Step key={s} label={REVIEW_STATUS_LABELS[s]} description={dayOf(dates[s]) || (s === review.status ? 'now' : '')} />
        ))}
      </Stepper>
    </Card>
  );
}
