import { Anchor, Badge, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { CYCLE_STATUS_LABELS, SECTION_KIND_LABELS, type ReviewCycle } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';
import { usePeopleReferences } from '../../people/options';
import { CycleActions } from './CycleActions';
import { CYCLE_STATUS_COLORS } from './CyclesPage';
import { CycleProgressCard } from './CycleProgressCard';
import { CycleReviews } from './CycleReviews';
import { RatingDistributionCard } from './RatingDistributionCard';

/** One cycle: its set-up, progress by department, rating distribution and the reviews in it. */
export function CyclePage() {
  const { id = '' } = useParams();
  const cycle = useApi('reviews.getCycle', { id });
  if (cycle.error) return <Text c="red">{cycle.error.message}</Text>;
  if (!cycle.data) return <Text c="dimmed">Loading…</Text>;
  const c = cycle.data;
  return (
    <Stack data-testid="cycle-page">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Anchor component={Link} to="/reviews" size="sm">← Review cycles</Anchor>
          <Group gap="xs">
            <Title order={1} size="h2">{c.name}</Title>
            <Badge color={CYCLE_STATUS_COLORS[c.status]} variant="light" data-testid="cycle-status">{CYCLE_STATUS_LABELS[c.status]}</Badge>
          </Group>
          <Text size="sm" c="dimmed">
            Period {c.periodStart} – {c.periodEnd} · {c.templateName} · {c.ratingScaleName} · due {c.dueDate}
            {c.selfReviewDue ? ` · self-reviews due ${c.selfReviewDue}` : ''}{c.managerReviewDue ? ` · manager reviews due ${c.managerReviewDue}` : ''}
          </Text>
        </Stack>
        <CycleActions cycle={c} onCyclePage />
      </Group>
      {c.status === 'draft' ? <DraftSummary cycle={c} /> : (
        <>
          <Grid>
            <Grid.Col span={{ base: 12, lg: 8 }}><CycleProgressCard cycleId={c.id} /></Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}><RatingDistributionCard cycleId={c.id} /></Grid.Col>
          </Grid>
          <CycleReviews cycle={c} />
        </>
      )}
    </Stack>
  );
}

function DraftSummary({ cycle }: { cycle: ReviewCycle }) {
  const refs = usePeopleReferences();
  const names = (ids: string[], options: { value: string; label: string }[]) => ids.map((id) => options.find((o) => o.value === id)?.label ?? id).join(', ');
  const { departmentIds, jobIds, employeeIds } = cycle.population;
  return (
    <Card withBorder data-testid="cycle-draft">
      <Stack gap="xs">
        <Text>This cycle is a draft: launch it to create the reviews.</Text>
        <Text size="sm"><b>Departments:</b> {departmentIds.length ? names(departmentIds, refs.departments) : 'none'}</Text>
        <Text size="sm"><b>Jobs:</b> {jobIds.length ? names(jobIds, refs.jobs) : 'none'}</Text>
        <Text size="sm"><b>People:</b> {employeeIds.length ? `${employeeIds.length} chosen by name` : 'none chosen by name'}</Text>
        <Text size="sm"><b>Sections:</b> {cycle.sections.map((s) => `${s.title} (${SECTION_KIND_LABELS[s.kind]}, ${s.weight}%)`).join(' · ')}</Text>
        <Text size="sm"><b>Steps:</b> {[cycle.steps.selfReview && 'self-review', 'manager review', cycle.steps.peerFeedback && 'peer feedback', 'sign-off by employee and manager'].filter(Boolean).join(' → ')}</Text>
      </Stack>
    </Card>
  );
}
