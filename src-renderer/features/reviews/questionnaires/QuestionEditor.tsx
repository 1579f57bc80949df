import { ActionIcon, Card, Checkbox, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { QUESTION_TYPE_LABELS, QUESTION_TYPES, type AnswerGroup, type QuestionInput, type QuestionType } from '../../../../src-shared/api';
import { isChoice } from '../../../../src-shared/domain/questionnaires';

const TYPE_OPTIONS = QUESTION_TYPES.map((value) => ({ value, label: QUESTION_TYPE_LABELS[value] }));

export interface QuestionEditorProps {
  question: QuestionInput;
  number: number;
  /** Choice questions before this one: what a condition may refer to. */
  earlier: QuestionInput[];
  answerGroups: AnswerGroup[];
  frozen: boolean;
  onChange(question: QuestionInput): void;
  onRemove(): void;
  onMove(by: -1 | 1): void;
}

/** One question of the builder: text, type, answers (group or scale) and an optional condition. */
export function QuestionEditor({ question: q, number, earlier, answerGroups, frozen, onChange, onRemove, onMove }: QuestionEditorProps) {
  const set = (patch: Partial<QuestionInput>) => onChange({ ...q, ...patch });
  const setType = (type: QuestionType) => set({ type, ...(type === 'scale' ? { scaleMin: q.scaleMin ?? 1, scaleMax: q.scaleMax ?? 5 } : {}) });
  return (
    <Card withBorder padding="sm" data-testid={`question-${number}`} bg="gray.0">
      <Stack gap="xs">
        <Group align="flex-end" wrap="nowrap">
          <Text fw={600} w={28}>{number}.</Text>
          <TextInput label="Question" value={q.text} onChange={(e) => set({ text: e.currentTarget.value })} disabled={frozen} style={{ flex: 1 }} />
          <TextInput label="Code" value={q.code ?? ''} onChange={(e) => set({ code: e.currentTarget.value || null })} disabled={frozen} w={100} />
          <Select label="Type" data={TYPE_OPTIONS} value={q.type} onChange={(v) => v && setType(v as QuestionType)} disabled={frozen} allowDeselect={false} w={160} />
          <Checkbox label="Required" checked={q.required} onChange={(e) => set({ required: e.currentTarget.checked })} disabled={frozen} mb={8} />
          {!frozen && (
            <Group gap={2} mb={4} wrap="nowrap">
              <ActionIcon variant="subtle" aria-label={`Move question ${number} up`} onClick={() => onMove(-1)}>↑</ActionIcon>
              <ActionIcon variant="subtle" aria-label={`Move question ${number} down`} onClick={() => onMove(1)}>↓</ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={`Remove question ${number}`} onClick={onRemove}>✕</ActionIcon>
            </Group>
          )}
        </Group>
        <Group align="flex-end" pl={44}>
          {isChoice(q.type) && (
            <Select label="Answer group" placeholder="Choose the options offered" data={answerGroups.map((g) => ({ value: g.id, label: `${g.name} (${g.options.map((o) => `${o.label} ${o.points}`).join(' · ')})` }))}
              value={q.answerGroupId ?? null} onChange={(v) => set({ answerGroupId: v })} disabled={frozen} searchable w={420} />
          )}
          {q.type === 'scale' && <ScaleFields q={q} frozen={frozen} set={set} />}
          <ConditionFields q={q} earlier={earlier} answerGroups={answerGroups} frozen={frozen} set={set} />
        </Group>
      </Stack>
    </Card>
  );
}

function ScaleFields({ q, frozen, set }: { q: QuestionInput; frozen: boolean; set(patch: Partial<QuestionInput>): void }) {
  return (
    <>
      <NumberInput label="From" value={q.scaleMin ?? ''} onChange={(v) => set({ scaleMin: v === '' ? null : Number(v) })} disabled={frozen} w={80} allowDecimal={false} />
      <NumberInput label="To" value={q.scaleMax ?? ''} onChange={(v) => set({ scaleMax: v === '' ? null : Number(v) })} disabled={frozen} w={80} allowDecimal={false} />
      <TextInput label="Lowest means" placeholder="Strongly disagree" value={q.scaleMinLabel ?? ''} onChange={(e) => set({ scaleMinLabel: e.currentTarget.value || null })} disabled={frozen} w={160} />
      <TextInput label="Highest means" placeholder="Strongly agree" value={q.scaleMaxLabel ?? ''} onChange={(e) => set({ scaleMaxLabel: e.currentTarget.value || null })} disabled={frozen} w={160} />
    </>
  );
}

function ConditionFields({ q, earlier, answerGroups, frozen, set }: {
  q: QuestionInput; earlier: QuestionInput[]; answerGroups: AnswerGroup[]; frozen: boolean; set(patch: Partial<QuestionInput>): void;
}) {
  const choices = earlier.filter((e) => isChoice(e.type) && e.answerGroupId);
  if (choices.length === 0 && !q.condition) return null;
  const target = choices.find((c) => c.id === q.condition?.questionId);
  const options = answerGroups.find((g) => g.id === target?.answerGroupId)?.options ?? [];
  const pickQuestion = (questionId: string | null) => {
    const group = answerGroups.find((g) => g.id === choices.find((c) => c.id === questionId)?.answerGroupId);
    set({ condition: questionId && group?.options[0] ? { questionId, optionId: group.options[0].id } : null });
  };
  return (
    <>
      <Select label="Show only when" placeholder="Always shown" clearable data={choices.map((c) => ({ value: c.id, label: c.text || '(untitled question)' }))}
        value={q.condition?.questionId ?? null} onChange={pickQuestion} disabled={frozen} w={260} />
      {q.condition && (
        <Select label="answer is" data={options.map((o) => ({ value: o.id, label: o.label }))} value={q.condition.optionId}
          onChange={(v) => v && set({ condition: { questionId: q.condition!.questionId, optionId: v } })} disabled={frozen} allowDeselect={false} w={160} />
      )}
    </>
  );
}
