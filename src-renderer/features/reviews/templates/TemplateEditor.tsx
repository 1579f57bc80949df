import { Badge, Button, Card, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { SECTION_KINDS, SECTION_KIND_LABELS, type ReviewTemplate, type SectionKind, type TemplateQuestion } from '../../../../src-shared/api';
import { useApiMutation } from '../../../api/hooks';
import { moveItem, RowButtons } from '../EditorList';
import { ConflictNotice, type FieldSpecs } from '../../shared/ConflictNotice';
import { useVersionedForm } from '../../shared/useVersionedForm';
import { ErrorAlert, errorText } from '../shared';

interface SectionDraft {
  kind: SectionKind;
  title: string;
  weight: number | string;
  questions: TemplateQuestion[];
}

const KIND_OPTIONS = SECTION_KINDS.map((value) => ({ value, label: SECTION_KIND_LABELS[value] }));
const KIND_HINTS: Record<SectionKind, string> = {
  goals: 'The employee’s goals in the cycle’s period, weighted by each goal’s weight.',
  competencies: 'The skills the employee’s job requires, weighted by each requirement’s weight.',
  questions: 'Your own questions, answered with a rating or in words.',
};

const newQuestion = (): TemplateQuestion => ({ text: '', kind: 'rating', required: true });
const DEFAULT_SECTIONS: SectionDraft[] = [
  { kind: 'goals', title: 'Goals', weight: 50, questions: [] },
  { kind: 'competencies', title: 'Competencies', weight: 50, questions: [] },
];

const toDrafts = (template: ReviewTemplate): SectionDraft[] =>
  template.sections.map((s) => ({ kind: s.kind, title: s.title, weight: s.weight, questions: s.questions ?? [] }));

interface TemplateDraft {
  name: string;
  description: string;
  sections: SectionDraft[];
  selfReview: boolean;
  peerFeedback: boolean;
}

const toTemplateDraft = (template: ReviewTemplate | undefined): TemplateDraft => ({
  name: template?.name ?? '',
  description: template?.description ?? '',
  sections: template ? toDrafts(template) : DEFAULT_SECTIONS,
  selfReview: template?.steps.selfReview ?? true,
  peerFeedback: template?.steps.peerFeedback ?? false,
});

const FIELDS: FieldSpecs<TemplateDraft> = {
  name: 'Name',
  description: 'Description',
  sections: { label: 'Sections', format: (sections) => sections.map((s) => `${s.title || SECTION_KIND_LABELS[s.kind]} ${s.weight}%`).join(' · ') },
  selfReview: 'Self-review',
  peerFeedback: 'Peer feedback',
};

/** Edits one review template (the newest copy is passed in; the editor keeps the version it opened). */
export function TemplateEditor({ template, onSaved }: { template: ReviewTemplate | undefined; onSaved: (id: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('reviews.saveTemplate');
  const archive = useApiMutation('reviews.archiveTemplates');
  const form = useVersionedForm({
    record: template,
    toValues: toTemplateDraft,
    save: (draft, target) => {
      setError(null);
      return save.mutateAsync({
        id: target?.id,
        version: target?.version,
        name: draft.name,
        description: draft.description.trim() || null,
        steps: { selfReview: draft.selfReview, peerFeedback: draft.peerFeedback },
        sections: draft.sections.map((s) => ({
          kind: s.kind,
          title: s.title,
          weight: typeof s.weight === 'number' ? s.weight : Number.NaN,
          questions: s.kind === 'questions' ? s.questions : undefined,
        })),
      });
    },
    onSaved: (saved) => {
      notifications.show({ color: 'teal', message: `Template “${saved.name}” saved.` });
      onSaved(saved.id);
    },
    onError: (e) => setError(errorText(e)),
  });
  const { name, description, sections, selfReview, peerFeedback } = form.values;
  const setName = (value: string) => form.set('name', value);
  const setDescription = (value: string) => form.set('description', value);
  const setSelfReview = (value: boolean) => form.set('selfReview', value);
  const setPeerFeedback = (value: boolean) => form.set('peerFeedback', value);
  const setSections = (update: (sections: SectionDraft[]) => SectionDraft[]) => form.setValues((d) => ({ ...d, sections: update(d.sections) }));

  const setSection = (index: number, patch: Partial<SectionDraft>) => setSections((all) => all.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const addSection = () => setSections((all) => [...all, { kind: 'questions', title: '', weight: 0, questions: [newQuestion()] }]);
  const submit = () => form.submit();
  const toggleArchive = async () => {
    if (!template) return;
    setError(null);
    try {
      await archive.mutateAsync({ ids: [template.id], archived: !template.archived });
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Card withBorder data-testid="template-editor">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{template ? `Edit “${template.name}”` : 'New review template'}</Title>
          {template && template.cycleCount > 0 && <Badge variant="light">Used by {template.cycleCount} cycle{template.cycleCount === 1 ? '' : 's'}</Badge>}
        </Group>
        <ConflictNotice conflict={form.conflict} what="template" fields={FIELDS} />
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={1} />
        <Stack gap={4}>
          <Text fw={500} size="sm">Steps</Text>
          <Group>
            <Switch label="Self-review" checked={selfReview} onChange={(e) => setSelfReview(e.currentTarget.checked)} />
            <Switch label="Peer feedback" checked={peerFeedback} onChange={(e) => setPeerFeedback(e.currentTarget.checked)} />
          </Group>
          <Text size="xs" c="dimmed">Every review has a manager review and is signed off by the employee and the manager.</Text>
        </Stack>
        <Group justify="space-between">
          <Text fw={500} size="sm">Sections</Text>
          <WeightTotal sections={sections} />
        </Group>
        {sections.map((section, i) => (
          <SectionEditor
            key={i}
            index={i}
            count={sections.length}
            section={section}
            onChange={(patch) => setSection(i, patch)}
            onMove={(by) => setSections((all) => moveItem(all, i, by))}
            onRemove={() => setSections((all) => all.filter((_, j) => j !== i))}
          />
        ))}
        <Group><Button size="xs" variant="light" onClick={addSection}>Add section</Button></Group>
        <ErrorAlert error={error} testId="template-error" />
        <Group justify="space-between">
          {template ? <Button variant="default" onClick={() => void toggleArchive()} loading={archive.isPending}>{template.archived ? 'Restore' : 'Archive'}</Button> : <span />}
          <Button onClick={() => void submit()} loading={form.saving}>Save template</Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Live check of the rule the server enforces: the section weights add up to 100. */
function WeightTotal({ sections }: { sections: SectionDraft[] }) {
  const total = sections.reduce((sum, s) => sum + (typeof s.weight === 'number' ? s.weight : 0), 0);
  const rounded = Math.round(total * 100) / 100;
  return (
    <Badge color={rounded === 100 ? 'teal' : 'orange'} variant="light" data-testid="weights-total">
      Weights add up to {rounded} of 100
    </Badge>
  );
}

function SectionEditor({ index, count, section, onChange, onMove, onRemove }: {
  index: number; count: number; section: SectionDraft;
  onChange: (patch: Partial<SectionDraft>) => void; onMove: (by: -1 | 1) => void; onRemove: () => void;
}) {
  const n = index + 1;
  const setQuestion = (qi: number, patch: Partial<TemplateQuestion>) => onChange({ questions: section.questions.map((q, j) => (j === qi ? { ...q, ...patch } : q)) });
  return (
    <Card withBorder padding="sm" bg="gray.0" data-testid={`section-${n}`}>
      <Stack gap="xs">
        <Text size="xs" fw={600} c="dimmed">SECTION {n}</Text>
        <Group align="flex-end" wrap="nowrap">
          <Select
            label="Kind"
            aria-label={`Section ${n} kind`}
            data={KIND_OPTIONS}
            value={section.kind}
            allowDeselect={false}
            onChange={(kind) => kind && onChange({ kind: kind as SectionKind, questions: kind === 'questions' && !section.questions.length ? [newQuestion()] : section.questions })}
            w={150}
          />
          <TextInput label="Title" aria-label={`Section ${n} title`} value={section.title} onChange={(e) => onChange({ title: e.currentTarget.value })} style={{ flex: 1 }} />
          <NumberInput label="Weight" aria-label={`Section ${n} weight`} value={section.weight} onChange={(weight) => onChange({ weight })} min={0} max={100} suffix="%" w={110} />
          <RowButtons index={index} count={count} what={`section ${n}`} onMove={onMove} onRemove={onRemove} />
        </Group>
        <Text size="xs" c="dimmed">{KIND_HINTS[section.kind]}</Text>
        {section.kind === 'questions' && (
          <Stack gap={6} pl="md">
            {section.questions.map((q, qi) => (
              <Group key={qi} align="flex-end" wrap="nowrap">
                <TextInput label={`Question ${qi + 1}`} aria-label={`Section ${n} question ${qi + 1}`} value={q.text} onChange={(e) => setQuestion(qi, { text: e.currentTarget.value })} style={{ flex: 1 }} />
                <SegmentedControl
                  size="xs"
                  value={q.kind}
                  onChange={(kind) => setQuestion(qi, { kind: kind as TemplateQuestion['kind'] })}
                  data={[{ value: 'rating', label: 'Rating' }, { value: 'text', label: 'Text' }]}
                  aria-label={`Section ${n} question ${qi + 1} answer`}
                />
                <Checkbox label="Required" checked={q.required} onChange={(e) => setQuestion(qi, { required: e.currentTarget.checked })} mb={6} aria-label={`Section ${n} question ${qi + 1} required`} />
                <RowButtons
                  index={qi}
                  count={section.questions.length}
                  what={`question ${qi + 1}`}
                  onMove={(by) => onChange({ questions: moveItem(section.questions, qi, by) })}
                  onRemove={() => onChange({ questions: section.questions.filter((_, j) => j !== qi) })}
                />
              </Group>
            ))}
            <Group><Button size="compact-xs" variant="subtle" onClick={() => onChange({ questions: [...section.questions, newQuestion()] })}>Add question</Button></Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
