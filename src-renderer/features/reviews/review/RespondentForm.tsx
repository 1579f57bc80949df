import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Respondent, ReviewAnswer, ReviewDetail } from '../../../../src-shared/api';
import { dayOf, ErrorAlert } from '../shared';
import { ReviewItemCard, type AnswerDraft } from './ReviewItemCard';
import { useReviewWrites } from './useReviewMutation';

const STEP_NAMES: Record<Respondent, string> = { self: 'self-review', manager: 'manager review', peer: 'peer feedback' };

const sameAuthor = (a: ReviewAnswer, respondent: Respondent, peerId: string | null) => a.respondent === respondent && (respondent !== 'peer' || a.peerId === peerId);

function initialDrafts(detail: ReviewDetail, respondent: Respondent, peerId: string | null): Record<string, AnswerDraft> {
  const drafts: Record<string, AnswerDraft> = {};
  for (const a of detail.answers.filter((a) => sameAuthor(a, respondent, peerId))) {
    drafts[a.itemKey] = { rating: a.rating === null ? null : String(a.rating), comment: a.comment ?? '' };
  }
  return drafts;
}

/** One respondent's answers, section by section, with Save draft and Submit. */
export function RespondentForm({ detail, respondent, peerId = null }: { detail: ReviewDetail; respondent: Respondent; peerId?: string | null }) {
  const writes = useReviewWrites(detail.review.id);
  const [drafts, setDrafts] = useState(() => initialDrafts(detail, respondent, peerId));
  const state = detail.steps.find((s) => s.step === respondent && (respondent !== 'peer' || s.peerId === peerId));
  const submitted = state?.status === 'submitted';
  const readOnly = submitted || detail.review.status === 'complete' || !state;
  const savedKeys = new Set(detail.answers.filter((a) => sameAuthor(a, respondent, peerId)).map((a) => a.itemKey));

  const answersToSend = () =>
    detail.items
      .filter((item) => savedKeys.has(item.key) || drafts[item.key]?.rating || drafts[item.key]?.comment.trim())
      .map((item) => {
        const draft = drafts[item.key] ?? { rating: null, comment: '' };
        return { itemKey: item.key, rating: item.answer === 'rating' && draft.rating !== null ? Number(draft.rating) : null, comment: draft.comment.trim() || null };
      });

  const saveDraft = async () => {
    const answers = answersToSend();
    if (!answers.length) return detail;
    return writes.run('reviews.saveAnswers', { reviewId: detail.review.id, respondent, peerId: peerId ?? undefined, answers });
  };
  const onSave = async () => {
    if (await saveDraft()) notifications.show({ color: 'teal', message: 'Draft saved.' });
  };
  const onSubmit = async () => {
    const saved = await saveDraft();
    if (!saved) return;
    const done = await writes.run('reviews.submitStep', { reviewId: detail.review.id, version: saved.review.version, step: respondent, peerId: peerId ?? undefined });
    if (done) notifications.show({ color: 'teal', message: `The ${STEP_NAMES[respondent]} is submitted.` });
  };

  const sections = detail.cycle.sections.map((section, index) => ({ section, index, items: detail.items.filter((i) => i.sectionIndex === index) }));
  return (
    <Stack data-testid={`answers-${respondent}`}>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {submitted ? `Submitted ${dayOf(state?.submittedAt)}${state?.submittedBy ? ` by ${state.submittedBy}` : ''}.` : state ? 'Answers are saved as a draft until you submit them.' : `No ${STEP_NAMES[respondent]} in this review.`}
        </Text>
        {submitted && <Badge color="teal" variant="light">Submitted</Badge>}
      </Group>
      {sections.map(({ section, index, items }) => (
        <Stack key={index} gap="xs">
          <Group gap="xs">
            <Title order={5}>{section.title}</Title>
            <Badge variant="light" size="sm">{section.weight}% of the overall rating</Badge>
          </Group>
          {items.length === 0 && <Text size="sm" c="dimmed">Nothing to rate in this section{section.kind === 'goals' ? ': no goals in the period' : section.kind === 'competencies' ? ': the job has no required skills' : ''}.</Text>}
          {items.map((item) => (
            <ReviewItemCard
              key={item.key}
              item={item}
              levels={detail.cycle.levels}
              draft={drafts[item.key] ?? { rating: null, comment: '' }}
              onChange={(draft) => setDrafts((all) => ({ ...all, [item.key]: draft }))}
              readOnly={readOnly}
              otherAnswers={detail.answers.filter((a) => a.itemKey === item.key && !sameAuthor(a, respondent, peerId))}
            />
          ))}
        </Stack>
      ))}
      <ErrorAlert error={writes.error} testId={`answers-${respondent}-error`} />
      {!readOnly && (
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void onSave()} disabled={writes.pending !== null}>Save draft</Button>
          <Button onClick={() => void onSubmit()} loading={writes.pending !== null}>Submit {STEP_NAMES[respondent]}</Button>
        </Group>
      )}
      {readOnly && detail.review.status === 'complete' && <Alert color="gray" variant="light">The review is complete: answers are read only. Reopen it to change them.</Alert>}
    </Stack>
  );
}
