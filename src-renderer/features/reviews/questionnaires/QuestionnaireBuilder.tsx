import { ActionIcon, Alert, Button, Card, Group, NumberInput, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { QUESTIONNAIRE_KIND_LABELS, QUESTIONNAIRE_KINDS, type Questionnaire, type QuestionnaireKind } from '../../../../src-shared/api';
import { useApi, useApiMutation } from '../../../api/hooks';
import { ConflictNotice, type FieldSpecs } from '../../shared/ConflictNotice';
import { useVersionedForm } from '../../shared/useVersionedForm';
import { ErrorAlert, errorText } from '../shared';
import { emptyDraft, moved, newQuestion, newSection, removed, replaced, toDraft, type QuestionnaireDraft, type SectionDraft } from './draft';
import { QuestionEditor } from './QuestionEditor';

const KIND_OPTIONS = QUESTIONNAIRE_KINDS.map((value) => ({ value, label: QUESTIONNAIRE_KIND_LABELS[value] }));

/** Builds or edits a questionnaire; once it is open, only the name, description and result groups stay editable. */
const FIELDS: FieldSpecs<QuestionnaireDraft> = {
  name: 'Name',
  kind: { label: 'Kind', format: (kind) => QUESTIONNAIRE_KIND_LABELS[kind] },
  description: 'Description',
  anonymous: 'Anonymous',
  subjectEmployeeId: 'About (the subject)',
  sections: { label: 'Sections and questions', format: (sections) => sections.map((s) => `${s.title} (${s.questions.length} questions)`).join(' · ') },
  resultGroups: { label: 'Result groups', format: (groups) => groups.map((g) => `${g.minPoints}–${g.maxPoints} ${g.text}`).join(' · ') },
};

/** Builds or edits a questionnaire; once it is open, only the name, description and result groups stay editable. */
export function QuestionnaireBuilder({ questionnaire, onSaved }: { questionnaire?: Questionnaire; onSaved(saved: Questionnaire): void }) {
  const [error, setError] = useState<string | null>(null);
  const groups = useApi('reviews.listAnswerGroups', {});
  const save = useApiMutation('reviews.saveQuestionnaire');
  const form = useVersionedForm({
    record: questionnaire,
    toValues: (q: Questionnaire | undefined) => (q ? toDraft(q) : emptyDraft()),
    save: (draft, target) => {
      setError(null);
      return save.mutateAsync({ ...draft, id: target?.id, version: target?.version });
    },
    onSaved: (saved) => {
      notifications.show({ color: 'teal', message: `“${saved.name}” saved.` });
      onSaved(saved);
    },
    onError: (e) => setError(errorText(e)),
  });
  const draft = form.values;
  const frozen = Boolean(questionnaire && questionnaire.status !== 'draft');
  const set = (patch: Partial<QuestionnaireDraft>) => form.setValues((current) => ({ ...current, ...patch }));
  const setSection = (i: number, section: SectionDraft) => set({ sections: replaced(draft.sections, i, section) });
  const allQuestions = draft.sections.flatMap((s) => s.questions);
  const submit = () => form.submit();

  let number = 0;
  return (
    <Stack data-testid="questionnaire-builder">
      <ConflictNotice conflict={form.conflict} what="questionnaire" fields={FIELDS} />
      {frozen && <Alert color="blue">The questionnaire has been sent out, so its questions are frozen. The name, description and result groups can still change.</Alert>}
      <Card withBorder>
        <Group align="flex-end">
          <TextInput label="Name" required value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} w={360} />
          <Select label="Kind" data={KIND_OPTIONS} value={draft.kind} disabled={frozen} allowDeselect={false} w={200}
            onChange={(v) => v && set({ kind: v as QuestionnaireKind, subjectEmployeeId: v === 'feedback_360' ? draft.subjectEmployeeId : null })} />
          {draft.kind === 'feedback_360' && <SubjectSelect value={draft.subjectEmployeeId ?? null} onChange={(subjectEmployeeId) => set({ subjectEmployeeId })} disabled={frozen} />}
          <Switch label={draft.kind === 'feedback_360' ? 'Anonymous (self and manager show; no other group of fewer than 5 does)' : 'Anonymous (results never show a group of fewer than 5)'} checked={draft.anonymous} onChange={(e) => set({ anonymous: e.currentTarget.checked })} disabled={frozen} mb={6} />
        </Group>
        <Textarea label="Description" value={draft.description ?? ''} onChange={(e) => set({ description: e.currentTarget.value || null })} autosize minRows={2} mt="xs" />
      </Card>
      {draft.sections.map((section, s) => (
        <Card withBorder key={s} data-testid={`section-${s + 1}`}>
          <Group align="flex-end" mb="xs">
            <TextInput label={`Section ${s + 1}`} value={section.title} onChange={(e) => setSection(s, { ...section, title: e.currentTarget.value })} disabled={frozen} w={360} />
            <TextInput label="Introduction" value={section.description ?? ''} onChange={(e) => setSection(s, { ...section, description: e.currentTarget.value || null })} disabled={frozen} style={{ flex: 1 }} />
            {!frozen && (
              <Group gap={2} mb={4}>
                <ActionIcon variant="subtle" aria-label={`Move section ${s + 1} up`} onClick={() => set({ sections: moved(draft.sections, s, -1) })}>↑</ActionIcon>
                <ActionIcon variant="subtle" aria-label={`Move section ${s + 1} down`} onClick={() => set({ sections: moved(draft.sections, s, 1) })}>↓</ActionIcon>
                <ActionIcon variant="subtle" color="red" aria-label={`Remove section ${s + 1}`} onClick={() => set({ sections: removed(draft.sections, s) })} disabled={draft.sections.length === 1}>✕</ActionIcon>
              </Group>
            )}
          </Group>
          <Stack gap="xs">
            {section.questions.map((q, k) => {
              number++;
              const position = allQuestions.indexOf(q);
              return (
                <QuestionEditor
                  key={q.id}
                  question={q}
                  number={number}
                  earlier={allQuestions.slice(0, position)}
                  answerGroups={groups.data?.rows ?? []}
                  frozen={frozen}
                  onChange={(changed) => setSection(s, { ...section, questions: replaced(section.questions, k, changed) })}
                  onRemove={() => setSection(s, { ...section, questions: removed(section.questions, k) })}
                  onMove={(by) => setSection(s, { ...section, questions: moved(section.questions, k, by) })}
                />
              );
            })}
            {!frozen && <Button variant="light" w="fit-content" onClick={() => setSection(s, { ...section, questions: [...section.questions, newQuestion()] })}>Add question to section {s + 1}</Button>}
          </Stack>
        </Card>
      ))}
      {!frozen && <Button variant="default" w="fit-content" onClick={() => set({ sections: [...draft.sections, newSection(draft.sections.length + 1)] })}>Add section</Button>}
      <ResultGroupsCard draft={draft} set={set} />
      <ErrorAlert error={error} testId="builder-error" />
      <Group>
        <Button onClick={() => void submit()} loading={form.saving} data-testid="save-questionnaire">Save questionnaire</Button>
      </Group>
    </Stack>
  );
}

/** The person a 360 is about: raters are then invited by their relationship to them. */
function SubjectSelect({ value, onChange, disabled }: { value: string | null; onChange(id: string | null): void; disabled: boolean }) {
  const people = useApi('people.listEmployees', { limit: 20_000 });
  const data = (people.data?.rows ?? []).filter((e) => e.status !== 'terminated').map((e) => ({ value: e.id, label: `${e.firstName} ${e.lastName} (${e.employeeNumber})` }));
  return <Select label="About (the subject)" placeholder="Who the feedback is about" data={data} value={value} onChange={onChange} searchable limit={50} disabled={disabled} required w={300} data-testid="subject" />;
}

function ResultGroupsCard({ draft, set }: { draft: QuestionnaireDraft; set(patch: Partial<QuestionnaireDraft>): void }) {
  const groups = draft.resultGroups;
  const update = (i: number, patch: Partial<QuestionnaireDraft['resultGroups'][number]>) => set({ resultGroups: replaced(groups, i, { ...groups[i], ...patch }) });
  return (
    <Card withBorder data-testid="result-groups">
      <Text fw={600}>Result groups</Text>
      <Text size="sm" c="dimmed" mb="xs">A response’s total points (choice options and scale values) fall in one range; its text is the result. Ranges may not overlap.</Text>
      <Stack gap="xs">
        {groups.map((g, i) => (
          <Group key={i} align="flex-end">
            <NumberInput label="From points" aria-label={`Result ${i + 1} from`} value={g.minPoints} onChange={(v) => update(i, { minPoints: Number(v) || 0 })} w={110} />
            <NumberInput label="To points" aria-label={`Result ${i + 1} to`} value={g.maxPoints} onChange={(v) => update(i, { maxPoints: Number(v) || 0 })} w={110} />
            <TextInput label="Result" aria-label={`Result ${i + 1} text`} value={g.text} onChange={(e) => update(i, { text: e.currentTarget.value })} style={{ flex: 1 }} />
            <ActionIcon variant="subtle" color="red" mb={4} aria-label={`Remove result ${i + 1}`} onClick={() => set({ resultGroups: removed(groups, i) })}>✕</ActionIcon>
          </Group>
        ))}
        <Button variant="light" w="fit-content" onClick={() => {
          const from = groups.length ? groups[groups.length - 1].maxPoints + 1 : 0;
          set({ resultGroups: [...groups, { minPoints: from, maxPoints: from + 10, text: '' }] });
        }}>Add result group</Button>
      </Stack>
    </Card>
  );
}
