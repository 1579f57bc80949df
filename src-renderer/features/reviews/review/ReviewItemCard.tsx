import { Badge, Card, Group, Progress, Select, Stack, Text, Textarea } from '@mantine/core';
import { GOAL_STATUS_LABELS, type ReviewAnswer, type ReviewItem } from '../../../../src-shared/api';
import { GOAL_STATUS_COLORS, progressColor } from '../../goals/options';
import { levelOptions, ratingText } from '../format';
import type { ScaleLevel } from '../../../../src-shared/domain/review-reports';

export interface AnswerDraft {
  rating: string | null;
  comment: string;
}

const RESPONDENT_NAMES = { self: 'Self', manager: 'Manager', peer: 'Peer' } as const;

/** One goal, competency or question with its rating select and comment; others' answers shown beneath, read only. */
export function ReviewItemCard({ item, levels, draft, onChange, readOnly, otherAnswers }: {
  item: ReviewItem; levels: ScaleLevel[]; draft: AnswerDraft; onChange: (draft: AnswerDraft) => void; readOnly: boolean; otherAnswers: ReviewAnswer[];
}) {
  return (
    <Card withBorder padding="sm" data-testid="review-item" data-item-key={item.key}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Text fw={500} size="sm">{item.title}{item.required && <Text span c="red" title="Required"> *</Text>}</Text>
            {item.description && <Text size="xs" c="dimmed">{item.description}</Text>}
          </Stack>
          {item.kind !== 'questions' && <Badge variant="outline" size="sm">weight {item.weight}</Badge>}
        </Group>
        {item.goal && <GoalFacts goal={item.goal} />}
        {item.competency && (
          <Text size="xs">Required level: <b>{item.competency.requiredLevel ?? '—'}</b> · current level: <b>{item.competency.currentLevel ?? 'not rated'}</b></Text>
        )}
        <Group align="flex-start" wrap="nowrap">
          {item.answer === 'rating' && (
            <Select
              label="Rating"
              placeholder="Choose a level"
              data={levelOptions(levels)}
              value={draft.rating}
              onChange={(rating) => onChange({ ...draft, rating })}
              readOnly={readOnly}
              clearable={!readOnly}
              w={240}
            />
          )}
          <Textarea
            label={item.answer === 'rating' ? 'Comment' : 'Answer'}
            value={draft.comment}
            onChange={(e) => onChange({ ...draft, comment: e.currentTarget.value })}
            readOnly={readOnly}
            autosize
            minRows={1}
            style={{ flex: 1 }}
          />
        </Group>
        {otherAnswers.map((a) => (
          <Text key={`${a.respondent}:${a.peerId ?? ''}`} size="xs" c="dimmed" data-testid="other-answer">
            {a.respondent === 'peer' ? `Peer (${a.peerName})` : RESPONDENT_NAMES[a.respondent]}: {[a.rating !== null && ratingText(levels, a.rating), a.comment && `“${a.comment}”`].filter(Boolean).join(' — ')}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

function GoalFacts({ goal }: { goal: NonNullable<ReviewItem['goal']> }) {
  return (
    <Group gap="md" wrap="nowrap">
      <Text size="xs">Target {goal.targetValue ?? '—'} · actual {goal.actualValue ?? '—'} {goal.unit !== 'number' ? `(${goal.unit})` : ''}</Text>
      <Group gap={6} wrap="nowrap">
        <Progress value={goal.progress} w={100} size="sm" color={progressColor(goal.progress)} aria-label="Goal progress" />
        <Text size="xs">{Math.round(goal.progress)}%</Text>
      </Group>
      <Badge size="xs" variant="light" color={GOAL_STATUS_COLORS[goal.status as keyof typeof GOAL_STATUS_COLORS] ?? 'gray'}>{GOAL_STATUS_LABELS[goal.status as keyof typeof GOAL_STATUS_LABELS] ?? goal.status}</Badge>
      {goal.stretch && <Badge size="xs" color="grape" variant="light">Stretch</Badge>}
      <Text size="xs" c="dimmed">{goal.periodStart} – {goal.periodEnd}</Text>
    </Group>
  );
}
