import { randomUUID } from 'node:crypto';
import type {
  AnswerGroup, CyclePopulation, Input, Questionnaire, QuestionnaireQuestion, QuestionnaireSection, QuestionnaireSummary, ResultGroup, StoredAnswerOption,
} from '../../../../src-shared/api';
import { questionProblems, resultGroupProblems } from '../../../../src-shared/domain/questionnaires';
import { AppError, type ErrorIssue } from '../../../../src-shared/errors';
import { AnswerGroupEntity, QuestionnaireEntity } from '../../../store/entities/reviews';
import type { ServiceContext } from '../../context';
import { recordAudit } from '../../shared/audit';
import { assertStartedFrom, refusal, saveRecord, type RecordSpec } from '../../shared/records';
import { setArchived } from '../../shared/batch';

/* ───────────── answer groups ───────────── */

interface AnswerGroupSql { id: string; name: string; options: string; archived: number; createdAt: string; updatedAt: string; version: number; questionnaireCount: number }

const ANSWER_GROUP_COLUMNS = `g.id, g.name, g.options, g.archived, g.created_at AS createdAt, g.updated_at AS updatedAt, g.version,
  (SELECT count(*) FROM questionnaire q WHERE EXISTS (SELECT 1 FROM json_tree(q.sections) t WHERE t.key = 'answerGroupId' AND t.value = g.id)) AS questionnaireCount`;

const toAnswerGroup = (r: AnswerGroupSql): AnswerGroup => ({ ...r, options: JSON.parse(r.options), archived: Boolean(r.archived) });

export async function listAnswerGroups(ctx: ServiceContext, includeArchived = false): Promise<AnswerGroup[]> {
  const rows = ctx.store.raw.prepare(`SELECT ${ANSWER_GROUP_COLUMNS} FROM answer_group g ${includeArchived ? '' : 'WHERE g.archived = 0'} ORDER BY g.name COLLATE NOCASE`).all() as AnswerGroupSql[];
  return rows.map(toAnswerGroup);
}

function answerGroupById(ctx: ServiceContext, id: string): AnswerGroup | undefined {
  const row = ctx.store.raw.prepare(`SELECT ${ANSWER_GROUP_COLUMNS} FROM answer_group g WHERE g.id = ?`).get(id) as AnswerGroupSql | undefined;
  return row && toAnswerGroup(row);
}

const fieldIssue = (path: (string | number)[], message: string): ErrorIssue => ({ path, field: String(path[0]), message });

export const invalid = refusal;

export const validation = (field: string, message: string) => new AppError('VALIDATION', message, [fieldIssue([field], message)]);


const answerGroupSpec: RecordSpec<AnswerGroup, Input<'reviews.saveAnswerGroup'>> = {
  table: 'answer_group',
  noun: 'answer group',
  load: answerGroupById,
  unique: [{ field: 'name', activeOnly: true }],
  check(_ctx, input, stored) {
    const labels = input.options.map((o) => o.label.toLowerCase());
    const issues = input.options.flatMap((o, i) => (labels.indexOf(o.label.toLowerCase()) !== i ? [fieldIssue(['options', i, 'label'], `Option "${o.label}" appears twice.`)] : []));
    const known = new Set(stored?.options.map((o) => o.id));
    input.options.forEach((o, i) => o.id && !known.has(o.id) && issues.push(fieldIssue(['options', i, 'id'], `Option "${o.label}" does not belong to this answer group.`)));
    return issues;
  },
  // Options keep their ids (answers refer to them); new ones get one.
  columns: (input) => ({ name: input.name, options: JSON.stringify(input.options.map((o): StoredAnswerOption => ({ id: o.id ?? randomUUID(), label: o.label, points: o.points }))) }),
  afterWrite(ctx, id, _input, stored) {
    if (stored) refreshDraftOptions(ctx, id, answerGroupById(ctx, id)!.options);
  },
};

export const saveAnswerGroup = (ctx: ServiceContext, input: Input<'reviews.saveAnswerGroup'>) => saveRecord(ctx, answerGroupSpec, input);

/** Draft questionnaires copy a group's options on save; a changed group updates their copies (open ones keep theirs). */
function refreshDraftOptions(ctx: ServiceContext, groupId: string, options: StoredAnswerOption[]) {
  const db = ctx.store.raw;
  const drafts = db.prepare(`SELECT id, sections FROM questionnaire WHERE status = 'draft'`).all() as { id: string; sections: string }[];
  const update = db.prepare(`UPDATE questionnaire SET sections = ?, updated_at = ? WHERE id = ?`);
  for (const draft of drafts) {
    const sections = JSON.parse(draft.sections) as QuestionnaireSection[];
    let touched = false;
    for (const q of sections.flatMap((s) => s.questions)) if (q.answerGroupId === groupId) (q.options = options), (touched = true);
    if (touched) update.run(JSON.stringify(sections), ctx.now, draft.id);
  }
}

export async function archiveAnswerGroups(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  const count = await setArchived(AnswerGroupEntity, 'Answer group', ids, archived, ctx);
  return count;
}

/* ───────────── questionnaires ───────────── */

interface QuestionnaireSql {
  id: string; name: string; kind: Questionnaire['kind']; description: string | null; anonymous: number; status: Questionnaire['status'];
  subjectEmployeeId: string | null; subjectName: string | null;
  sections: string; resultGroups: string; population: string | null; openedAt: string | null; closedAt: string | null; archived: number;
  createdAt: string; updatedAt: string; version: number; invited: number; responded: number;
}

const QUESTIONNAIRE_COLUMNS = `q.id, q.name, q.kind, q.description, q.anonymous, q.status, q.sections, q.result_groups AS resultGroups, q.population,
  q.opened_at AS openedAt, q.closed_at AS closedAt, q.archived, q.subject_employee_id AS subjectEmployeeId,
  (SELECT e.first_name || ' ' || e.last_name FROM employee e WHERE e.id = q.subject_employee_id) AS subjectName, q.created_at AS createdAt, q.updated_at AS updatedAt, q.version,
  (SELECT count(*) FROM questionnaire_invitation i WHERE i.questionnaire_id = q.id) AS invited,
  (SELECT count(*) FROM questionnaire_invitation i WHERE i.questionnaire_id = q.id AND i.responded_at IS NOT NULL) AS responded`;

const EMPTY_POPULATION: CyclePopulation = { departmentIds: [], jobIds: [], employeeIds: [] };

function toQuestionnaire(r: QuestionnaireSql): Questionnaire {
  const sections = JSON.parse(r.sections) as QuestionnaireSection[];
  return {
    ...r,
    anonymous: Boolean(r.anonymous),
    archived: Boolean(r.archived),
    sections,
    resultGroups: JSON.parse(r.resultGroups),
    population: r.population ? JSON.parse(r.population) : EMPTY_POPULATION,
    questionCount: sections.reduce((n, s) => n + s.questions.length, 0),
  };
}

const toSummary = ({ sections: _s, resultGroups: _r, population: _p, ...summary }: Questionnaire): QuestionnaireSummary => summary;

export async function listQuestionnaires(ctx: ServiceContext, includeArchived = false): Promise<QuestionnaireSummary[]> {
  const rows = ctx.store.raw.prepare(`SELECT ${QUESTIONNAIRE_COLUMNS} FROM questionnaire q ${includeArchived ? '' : 'WHERE q.archived = 0'}
    ORDER BY CASE q.status WHEN 'open' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END, q.updated_at DESC`).all() as QuestionnaireSql[];
  return rows.map((r) => toSummary(toQuestionnaire(r)));
}

export function findQuestionnaire(ctx: ServiceContext, id: string): Questionnaire | undefined {
  const row = ctx.store.raw.prepare(`SELECT ${QUESTIONNAIRE_COLUMNS} FROM questionnaire q WHERE q.id = ?`).get(id) as QuestionnaireSql | undefined;
  return row && toQuestionnaire(row);
}

export function getQuestionnaire(ctx: ServiceContext, id: string, version?: number): Questionnaire {
  const found = findQuestionnaire(ctx, id);
  if (!found) throw new AppError('NOT_FOUND', 'The questionnaire does not exist (it may have been deleted).');
  if (version !== undefined) assertStartedFrom(found, version, 'questionnaire');
  return found;
}

export const allQuestions = (q: Pick<Questionnaire, 'sections'>): QuestionnaireQuestion[] => q.sections.flatMap((s) => s.questions);

type SaveInput = Input<'reviews.saveQuestionnaire'>;

/** The sections to store: each choice question gets a copy of its answer group's options. */
function buildSections(ctx: ServiceContext, input: SaveInput, issues: ErrorIssue[]): QuestionnaireSection[] {
  const groups = new Map((ctx.store.raw.prepare(`SELECT id, options, archived FROM answer_group`).all() as { id: string; options: string; archived: number }[])
    .map((g) => [g.id, g]));
  return input.sections.map((section, s) => ({
    title: section.title,
    description: section.description || null,
    questions: section.questions.map((q, k): QuestionnaireQuestion => {
      const choice = q.type === 'single' || q.type === 'multiple';
      const group = choice && q.answerGroupId ? groups.get(q.answerGroupId) : undefined;
      const where = ['sections', s, 'questions', k];
      if (choice && !q.answerGroupId) issues.push(fieldIssue([...where, 'answerGroupId'], `Question "${q.text}": choose the answer group it offers.`));
      else if (choice && !group) issues.push(fieldIssue([...where, 'answerGroupId'], `Question "${q.text}": the answer group does not exist.`));
      const scale = q.type === 'scale';
      return {
        id: q.id, code: q.code || null, text: q.text, type: q.type, required: q.required,
        answerGroupId: choice ? q.answerGroupId ?? null : null,
        options: group ? JSON.parse(group.options) : [],
        scaleMin: scale ? q.scaleMin ?? null : null, scaleMax: scale ? q.scaleMax ?? null : null,
        scaleMinLabel: scale ? q.scaleMinLabel || null : null, scaleMaxLabel: scale ? q.scaleMaxLabel || null : null,
        condition: q.condition ?? null,
      };
    }),
  }));
}

/** Everything about the questions except the copied options (in a fixed order): what may not change once open. */
const frozenShape = (sections: QuestionnaireSection[]) =>
  JSON.stringify(sections.map((s) => [s.title, s.description, s.questions.map((q) => [
    q.id, q.code, q.text, q.type, q.required, q.answerGroupId, q.scaleMin, q.scaleMax, q.scaleMinLabel, q.scaleMaxLabel, q.condition?.questionId, q.condition?.optionId,
  ])]));

/** The problems with a questionnaire as given; once it is open, its questions, anonymity, kind and subject stay as they were. */
function questionnaireIssues(ctx: ServiceContext, input: SaveInput, stored: Questionnaire | undefined): ErrorIssue[] {
  const frozen = Boolean(stored && stored.status !== 'draft');
  const issues: ErrorIssue[] = [];
  const built = buildSections(ctx, input, issues);
  const subjectEmployeeId = input.subjectEmployeeId ?? null;
  if (frozen && (stored!.anonymous !== input.anonymous || frozenShape(built) !== frozenShape(stored!.sections))) {
    throw validation('sections', `"${stored!.name}" is ${stored!.status}: its questions and anonymity can no longer change (name, description and result groups can). Nothing was saved.`);
  }
  if (frozen && (stored!.kind !== input.kind || stored!.subjectEmployeeId !== subjectEmployeeId)) {
    throw validation('kind', `"${stored!.name}" is ${stored!.status}: its kind and the person it is about can no longer change. Nothing was saved.`);
  }
  const subjectProblem = frozen ? null : subjectRefusal(ctx, input.kind, subjectEmployeeId);
  if (subjectProblem) issues.push(fieldIssue(['subjectEmployeeId'], subjectProblem));
  if (!frozen) {
    const questions = built.flatMap((section) => section.questions);
    if (questions.length === 0) issues.push(fieldIssue(['sections'], 'Add at least one question.'));
    for (const p of questionProblems(questions)) issues.push(fieldIssue(['sections'], p.message));
  }
  for (const p of resultGroupProblems(input.resultGroups)) issues.push(fieldIssue(['resultGroups', p.index], p.message));
  return issues;
}

const questionnaireSpec: RecordSpec<Questionnaire, SaveInput> = {
  table: 'questionnaire',
  noun: 'questionnaire',
  load: findQuestionnaire,
  check: questionnaireIssues,
  columns: (input, ctx, stored) => ({
    name: input.name,
    kind: input.kind,
    description: input.description || null,
    anonymous: input.anonymous ? 1 : 0,
    subject_employee_id: input.subjectEmployeeId ?? null,
    // An open questionnaire keeps the options it was sent with, even when its answer groups changed since.
    sections: JSON.stringify(stored && stored.status !== 'draft' ? stored.sections : buildSections(ctx, input, [])),
    result_groups: JSON.stringify(input.resultGroups as ResultGroup[]),
    ...(stored ? {} : { status: 'draft' }),
  }),
};

export const saveQuestionnaire = (ctx: ServiceContext, input: SaveInput) => saveRecord(ctx, questionnaireSpec, input);

/** Why the subject does not fit the kind (null when it does): a 360 is about one current employee, other kinds about nobody. */
function subjectRefusal(ctx: ServiceContext, kind: Questionnaire['kind'], subjectEmployeeId: string | null): string | null {
  if (kind !== 'feedback_360') return subjectEmployeeId ? 'Only 360 feedback is about one person; leave the subject empty for this kind.' : null;
  if (!subjectEmployeeId) return 'Choose the person the 360 feedback is about.';
  const subject = ctx.store.raw.prepare(`SELECT status, archived FROM employee WHERE id = ?`).get(subjectEmployeeId) as { status: string; archived: number } | undefined;
  if (!subject) return 'The person the 360 feedback is about does not exist (they may have been deleted).';
  return subject.archived || subject.status === 'terminated' ? 'The person the 360 feedback is about has left or is archived; choose a current employee.' : null;
}

export async function closeQuestionnaire(ctx: ServiceContext, id: string, version: number): Promise<Questionnaire> {
  const stored = getQuestionnaire(ctx, id, version);
  if (stored.status !== 'open') throw validation('id', stored.status === 'draft' ? 'The questionnaire has not been distributed yet; there is nothing to close.' : 'The questionnaire is already closed.');
  ctx.store.raw.prepare(`UPDATE questionnaire SET status = 'closed', closed_at = @now, updated_at = @now, version = version + 1 WHERE id = @id`).run({ id, now: ctx.now });
  const saved = getQuestionnaire(ctx, id);
  await recordAudit(ctx, [{ entity: 'questionnaire', entityId: id, action: 'update', before: { status: stored.status }, after: { status: 'closed' } }]);
  return saved;
}

export async function archiveQuestionnaires(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  const count = await setArchived(QuestionnaireEntity, 'Questionnaire', ids, archived, ctx);
  return count;
}
