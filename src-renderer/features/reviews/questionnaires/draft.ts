import type { Input, Questionnaire, QuestionInput } from '../../../../src-shared/api';

/** What the builder edits: the save input without id and version. */
export type QuestionnaireDraft = Omit<Input<'reviews.saveQuestionnaire'>, 'id' | 'version'>;
export type SectionDraft = QuestionnaireDraft['sections'][number];

export const newQuestion = (): QuestionInput => ({
  id: crypto.randomUUID(), code: null, text: '', type: 'scale', required: true, answerGroupId: null,
  scaleMin: 1, scaleMax: 5, scaleMinLabel: null, scaleMaxLabel: null, condition: null,
});

export const newSection = (n: number): SectionDraft => ({ title: `Section ${n}`, description: null, questions: [newQuestion()] });

export const emptyDraft = (): QuestionnaireDraft => ({
  name: '', kind: 'engagement', description: null, anonymous: true, subjectEmployeeId: null, sections: [newSection(1)], resultGroups: [],
});

export function toDraft(q: Questionnaire): QuestionnaireDraft {
  return {
    name: q.name, kind: q.kind, description: q.description, anonymous: q.anonymous, subjectEmployeeId: q.subjectEmployeeId, resultGroups: q.resultGroups,
    sections: q.sections.map((s) => ({ title: s.title, description: s.description, questions: s.questions.map(({ options: _options, ...question }) => question) })),
  };
}

/** The list with item `i` moved by `by` places (unchanged at the ends). */
export function moved<T>(items: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= items.length) return items;
  const copy = [...items];
  [copy[i], copy[j]] = [copy[j], copy[i]];
  return copy;
}

export const replaced = <T>(items: T[], i: number, item: T): T[] => items.map((x, k) => (k === i ? item : x));
export const removed = <T>(items: T[], i: number): T[] => items.filter((_, k) => k !== i);
