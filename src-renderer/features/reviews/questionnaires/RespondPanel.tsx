import { Alert, Button, Card, Checkbox, Group, NumberInput, Radio, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { RATER_LABELS, type Questionnaire, type QuestionnaireQuestion, type ResponseScore } from '../../../../src-shared/api';
import { checkAnswers, visibleQuestionIds, type Answer } from '../../../../src-shared/domain/questionnaires';
import { useApi, useApiMutation } from '../../../api/hooks';
import { ErrorAlert, errorText } from '../shared';

/**
 * HR keys in a response for one invitee (from paper, or the person answers at the laptop).
 * Conditional questions show and hide as answers change; required answers are checked before sending.
 */
export function RespondPanel({ questionnaire: q }: { questionnaire: Questionnaire }) {
  const waiting = useApi('reviews.listInvitations', { questionnaireId: q.id, responded: false });
  const [invitationId, setInvitationId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [last, setLast] = useState<{ name: string; score: ResponseScore } | null>(null);
  if (q.status !== 'open') {
    return <Alert color="gray">{q.status === 'draft' ? 'Distribute the questionnaire before recording responses.' : 'The questionnaire is closed; it takes no more responses.'}</Alert>;
  }
  const options = (waiting.data?.rows ?? []).map((i) => ({
    value: i.id, label: `${i.employeeName} (${i.employeeNumber})${i.relationship ? ` · ${RATER_LABELS[i.relationship]}` : i.departmentName ? ` · ${i.departmentName}` : ''}`,
  }));
  return (
    <Stack maw={900}>
      {last && (
        <Alert color="teal" title={`Response from ${last.name} stored`} data-testid="response-stored">
          {last.score.score === null ? 'No scored questions were answered.' : `Score ${last.score.score} of 100 (${last.score.points} points).`}
          {last.score.resultText && <> Result: <b>{last.score.resultText}</b></>}
          {q.anonymous && ' The answers are kept without the link to the person.'}
        </Alert>
      )}
      <Select label="Respondent" placeholder={options.length ? 'Choose who is answering' : 'Everyone invited has responded'} data={options} value={invitationId}
        onChange={(v) => (setInvitationId(v), setFormKey((k) => k + 1))} searchable w={480} data-testid="respondent" />
      {invitationId && (
        <ResponseForm key={formKey} questionnaire={q} invitationId={invitationId}
          onDone={(score) => (setLast({ name: options.find((o) => o.value === invitationId)!.label.replace(/ \(.*$/, ''), score }), setInvitationId(null))} />
      )}
    </Stack>
  );
}

function ResponseForm({ questionnaire: q, invitationId, onDone }: { questionnaire: Questionnaire; invitationId: string; onDone(score: ResponseScore): void }) {
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = useApiMutation('reviews.submitResponse');
  const questions = useMemo(() => q.sections.flatMap((s) => s.questions), [q]);
  const visible = visibleQuestionIds(questions, answers);
  const set = (id: string, value: Answer) => (setAnswers({ ...answers, [id]: value }), setProblems({ ...problems, [id]: '' }), setError(null));

  const send = async () => {
    setError(null);
    const shown = Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id)));
    const found = checkAnswers(questions, shown);
    setProblems(Object.fromEntries(found.map((p) => [p.questionId, p.message])));
    if (found.length) return setError(`${found.length} question${found.length === 1 ? ' needs' : 's need'} attention.`);
    try {
      onDone(await submit.mutateAsync({ invitationId, answers: Object.entries(shown).map(([questionId, value]) => ({ questionId, value: value ?? null })) }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  let number = 0;
  return (
    <Stack data-testid="response-form">
      {q.sections.map((section, s) => (
        <Card withBorder key={s}>
          <Title order={4}>{section.title}</Title>
          {section.description && <Text size="sm" c="dimmed">{section.description}</Text>}
          <Stack mt="sm" gap="md">
            {section.questions.filter((question) => visible.has(question.id)).map((question) => (
              <div key={question.id} data-testid="answer" data-question={question.text}>
                <Text fw={500}>{++number}. {question.text}{question.required && <Text span c="red"> *</Text>}</Text>
                <AnswerField question={question} value={answers[question.id]} onChange={(v) => set(question.id, v)} />
                {problems[question.id] && <Text c="red" size="sm" role="alert">{problems[question.id]}</Text>}
              </div>
            ))}
          </Stack>
        </Card>
      ))}
      <ErrorAlert error={error} testId="response-error" />
      <Group><Button onClick={send} loading={submit.isPending} data-testid="submit-response">Submit response</Button></Group>
    </Stack>
  );
}

function AnswerField({ question: q, value, onChange }: { question: QuestionnaireQuestion; value: Answer; onChange(value: Answer): void }) {
  const label = q.text;
  switch (q.type) {
    case 'single':
      return (
        <Radio.Group value={typeof value === 'string' ? value : null} onChange={onChange} aria-label={label}>
          <Group mt={4}>{q.options.map((o) => <Radio key={o.id} value={o.id} label={o.label} />)}</Group>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group value={Array.isArray(value) ? value : []} onChange={onChange} aria-label={label}>
          <Group mt={4}>{q.options.map((o) => <Checkbox key={o.id} value={o.id} label={o.label} />)}</Group>
        </Checkbox.Group>
      );
    case 'scale': {
      const steps = Array.from({ length: (q.scaleMax ?? 5) - (q.scaleMin ?? 1) + 1 }, (_, i) => (q.scaleMin ?? 1) + i);
      return (
        <Radio.Group value={typeof value === 'number' ? String(value) : null} onChange={(v) => onChange(Number(v))} aria-label={label}>
          <Group mt={4} gap="lg" align="center">
            {q.scaleMinLabel && <Text size="xs" c="dimmed">{q.scaleMinLabel}</Text>}
            {steps.map((n) => <Radio key={n} value={String(n)} label={String(n)} />)}
            {q.scaleMaxLabel && <Text size="xs" c="dimmed">{q.scaleMaxLabel}</Text>}
          </Group>
        </Radio.Group>
      );
    }
    case 'number':
      return <NumberInput aria-label={label} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(v === '' ? null : Number(v))} w={200} mt={4} />;
    case 'date':
      return <TextInput aria-label={label} placeholder="YYYY-MM-DD" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} w={200} mt={4} />;
    case 'text':
      return <Textarea aria-label={label} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} autosize minRows={2} mt={4} />;
  }
}
