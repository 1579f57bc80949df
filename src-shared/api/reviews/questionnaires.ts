import { z } from 'zod';
import { importIssue } from '../admin';
import { archiveInput, countOutput, id, listAll, optionalText, read, requiredText, text, timestamps, version, write, MAX_LONG_TEXT, MAX_TEXT } from '../common';
import { cyclePopulation } from './cycles';

/* ───────────── answer groups ───────────── */

export const answerOption = z.strictObject({
  /** Kept when editing, so answers and conditions keep pointing at the option; the service fills it for new options. */
  id: id.optional(),
  label: requiredText('Option label', 100),
  points: z.number().finite().min(-1000, 'Points run from -1000 to 1000.').max(1000, 'Points run from -1000 to 1000.'),
});

export const answerGroupFields = z.strictObject({
  name: requiredText('Name', 100),
  options: z.array(answerOption).min(2, 'An answer group needs at least 2 options.').max(30, 'An answer group has at most 30 options.'),
});

const answerOptionStored = z.strictObject({ id: z.string(), label: z.string(), points: z.number() });
export type StoredAnswerOption = z.infer<typeof answerOptionStored>;

export const answerGroup = z.strictObject({
  id,
  name: z.string(),
  options: z.array(answerOptionStored),
  /** Questionnaires whose questions use it. */
  questionnaireCount: z.number().int(),
  archived: z.boolean(),
  ...timestamps,
});
export type AnswerGroup = z.infer<typeof answerGroup>;

/* ───────────── questionnaires ───────────── */

export const QUESTIONNAIRE_KINDS = ['feedback_360', 'engagement', 'other'] as const;
export const questionnaireKind = z.enum(QUESTIONNAIRE_KINDS, { message: 'Kind must be 360 feedback, engagement survey or other.' });
export type QuestionnaireKind = z.infer<typeof questionnaireKind>;
export const QUESTIONNAIRE_KIND_LABELS: Record<QuestionnaireKind, string> = { feedback_360: '360 feedback', engagement: 'Engagement survey', other: 'Other' };

export const QUESTIONNAIRE_STATUSES = ['draft', 'open', 'closed'] as const;
export const questionnaireStatus = z.enum(QUESTIONNAIRE_STATUSES);
export type QuestionnaireStatus = z.infer<typeof questionnaireStatus>;
export const QUESTIONNAIRE_STATUS_LABELS: Record<QuestionnaireStatus, string> = { draft: 'Draft', open: 'Open', closed: 'Closed' };

/** How a 360 rater stands to the subject; the results are grouped by it. */
export const RATER_RELATIONSHIPS = ['self', 'manager', 'direct_report', 'peer', 'other'] as const;
export const raterRelationship = z.enum(RATER_RELATIONSHIPS, { message: 'A rater is the subject (self), their manager, a direct report, a peer or other.' });
export type RaterRelationship = z.infer<typeof raterRelationship>;
/** Group names, as results show them. */
export const RATER_RELATIONSHIP_LABELS: Record<RaterRelationship, string> = {
  self: 'Self', manager: 'Manager', direct_report: 'Direct reports', peer: 'Peers', other: 'Others',
};
/** One rater, as invitation lists show them. */
export const RATER_LABELS: Record<RaterRelationship, string> = {
  self: 'Self', manager: 'Manager', direct_report: 'Direct report', peer: 'Peer', other: 'Other',
};

export const QUESTION_TYPES = ['single', 'multiple', 'scale', 'text', 'number', 'date'] as const;
export const questionType = z.enum(QUESTION_TYPES, { message: 'A question is single choice, multiple choice, scale, text, number or date.' });
export type QuestionType = z.infer<typeof questionType>;
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: 'Single choice', multiple: 'Multiple choice', scale: 'Scale', text: 'Text', number: 'Number', date: 'Date',
};

/** Show the question only when an earlier choice question's answer is (or, for multiple choice, contains) the option. */
export const questionCondition = z.strictObject({ questionId: id, optionId: id });
export type QuestionCondition = z.infer<typeof questionCondition>;

const scaleBound = z.number().int('Scale ends are whole numbers.').min(-100, 'Scale ends run from -100 to 100.').max(100, 'Scale ends run from -100 to 100.');

export const questionInput = z.strictObject({
  /** Chosen by the client (a UUID), so conditions can point at questions saved in the same call. */
  id,
  /** Short name, also accepted as a column header when importing responses. */
  code: optionalText(40),
  text: requiredText('Question', 500),
  type: questionType,
  required: z.boolean(),
  /** Single and multiple choice: the answer group whose options (and points) it offers. */
  answerGroupId: id.nullable().optional(),
  scaleMin: scaleBound.nullable().optional(),
  scaleMax: scaleBound.nullable().optional(),
  scaleMinLabel: optionalText(60),
  scaleMaxLabel: optionalText(60),
  condition: questionCondition.nullable().optional(),
});
export type QuestionInput = z.infer<typeof questionInput>;

export const sectionInput = z.strictObject({
  title: requiredText('Section title', 150),
  description: optionalText(1000),
  questions: z.array(questionInput).max(100, 'A section has at most 100 questions.'),
});

export const resultGroup = z.strictObject({
  minPoints: z.number().finite(),
  maxPoints: z.number().finite(),
  text: requiredText('Result text', 1000),
});
export type ResultGroup = z.infer<typeof resultGroup>;

export const questionnaireFields = z.strictObject({
  name: requiredText('Name', 150),
  kind: questionnaireKind,
  description: optionalText(MAX_LONG_TEXT),
  anonymous: z.boolean(),
  /** 360 feedback: the person the feedback is about (required for that kind, refused for others; fixed once open). */
  subjectEmployeeId: id.nullable().optional(),
  sections: z.array(sectionInput).min(1, 'A questionnaire needs at least one section.').max(30, 'A questionnaire has at most 30 sections.'),
  resultGroups: z.array(resultGroup).max(20, 'At most 20 result groups.'),
});

export const questionnaireQuestion = z.strictObject({
  id: z.string(),
  code: z.string().nullable(),
  text: z.string(),
  type: questionType,
  required: z.boolean(),
  answerGroupId: z.string().nullable(),
  /** Choice questions: the options as copied from the answer group when the questionnaire was last saved. */
  options: z.array(answerOptionStored),
  scaleMin: z.number().nullable(),
  scaleMax: z.number().nullable(),
  scaleMinLabel: z.string().nullable(),
  scaleMaxLabel: z.string().nullable(),
  condition: questionCondition.nullable(),
});
export type QuestionnaireQuestion = z.infer<typeof questionnaireQuestion>;

export const questionnaireSection = z.strictObject({
  title: z.string(),
  description: z.string().nullable(),
  questions: z.array(questionnaireQuestion),
});
export type QuestionnaireSection = z.infer<typeof questionnaireSection>;

export const questionnaireSummary = z.strictObject({
  id,
  name: z.string(),
  kind: questionnaireKind,
  description: z.string().nullable(),
  anonymous: z.boolean(),
  /** 360 feedback: the person it is about. */
  subjectEmployeeId: z.string().nullable(),
  subjectName: z.string().nullable(),
  status: questionnaireStatus,
  questionCount: z.number().int(),
  invited: z.number().int(),
  responded: z.number().int(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  archived: z.boolean(),
  ...timestamps,
});
export type QuestionnaireSummary = z.infer<typeof questionnaireSummary>;

export const questionnaire = questionnaireSummary.extend({
  sections: z.array(questionnaireSection),
  resultGroups: z.array(z.strictObject({ minPoints: z.number(), maxPoints: z.number(), text: z.string() })),
  /** The population of the last distribution (empty until distributed). */
  population: cyclePopulation,
});
export type Questionnaire = z.infer<typeof questionnaire>;

/* ───────────── invitations and responses ───────────── */

export const invitation = z.strictObject({
  id,
  employeeId: z.string(),
  employeeName: z.string(),
  employeeNumber: z.string(),
  /** The department when the questionnaire was distributed. */
  departmentName: z.string().nullable(),
  /** 360 feedback: how the rater stands to the subject (null for other kinds). */
  relationship: raterRelationship.nullable(),
  invitedAt: z.string(),
  responded: z.boolean(),
  /** When they responded; always null for anonymous questionnaires, which keep no response time per person. */
  respondedAt: z.string().nullable(),
});
export type Invitation = z.infer<typeof invitation>;

/** single: option id · multiple: option ids · scale, number: a number · text: text · date: YYYY-MM-DD. */
export const answerValue = z.union([z.string().max(MAX_LONG_TEXT, `At most ${MAX_LONG_TEXT} characters.`), z.number().finite(), z.array(z.string().max(64)).max(30)]);
export type AnswerValue = z.infer<typeof answerValue>;
export const questionnaireAnswer = z.strictObject({ questionId: id, value: answerValue.nullable() });
export type QuestionnaireAnswer = z.infer<typeof questionnaireAnswer>;

export const responseScore = z.strictObject({
  points: z.number().nullable(),
  /** 0–100 over the scored questions answered; null when none is scored. */
  score: z.number().nullable(),
  resultText: z.string().nullable(),
});
export type ResponseScore = z.infer<typeof responseScore>;

/** Columns a response file may carry for the reader's sake (the template has them); the import skips them. */
export const RESPONSE_INFORMATION_HEADERS = ['Name', 'Employee name', 'First name', 'Last name', 'Department', 'Relationship'] as const;

const responseFile = {
  questionnaireId: id,
  fileName: z.string().min(1).max(MAX_TEXT),
  contentBase64: z.string().min(1, 'The file is empty.').max(60 * 1024 * 1024, 'The file is larger than 45 MB.'),
};

export const responseImportPreview = z.strictObject({
  headers: z.array(z.string()),
  /** Per header: the question it answers, "person" for the employee number column, or null (unknown, or information such as a name). */
  columns: z.array(z.strictObject({ header: z.string(), questionText: z.string().nullable(), person: z.boolean() })),
  rowCount: z.number().int(),
  sampleRows: z.array(z.array(z.string())),
  issues: z.array(importIssue),
  responses: z.number().int(),
});
export type ResponseImportPreview = z.infer<typeof responseImportPreview>;

/* ───────────── results ───────────── */

export const questionResult = z.strictObject({
  questionId: z.string(),
  sectionTitle: z.string(),
  text: z.string(),
  type: questionType,
  answered: z.number().int(),
  /** Anonymous questionnaires hide questions answered by fewer than 5 people (360s: by 1–4 direct reports, peers and others). */
  hidden: z.boolean(),
  averagePoints: z.number().nullable(),
  /** Choice: one bar per option; scale: one bar per value. */
  bars: z.array(z.strictObject({ label: z.string(), count: z.number().int(), percent: z.number() })),
  /** Number questions. */
  average: z.number().nullable(),
  /** Text answers (without who gave them), at most 100. */
  texts: z.array(z.string()),
});
export type QuestionResult = z.infer<typeof questionResult>;

export const departmentResult = z.strictObject({
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  invited: z.number().int(),
  responded: z.number().int(),
  responseRate: z.number(),
  /** Average 0–100 score of the department's responses; null when hidden or unscored. */
  score: z.number().nullable(),
  /** Anonymous questionnaires: fewer than 5 responses (or hidden so that it cannot be worked out from the others). */
  hidden: z.boolean(),
});
export type DepartmentResult = z.infer<typeof departmentResult>;

export const relationshipResult = z.strictObject({
  relationship: raterRelationship,
  invited: z.number().int(),
  responded: z.number().int(),
  /** Average 0–100 score of the group's responses; null when hidden or unscored. */
  score: z.number().nullable(),
  /** Anonymous 360s: "small_group" (fewer than 5 responses) or "protects_smaller" (hidden so a smaller group cannot be worked out); null when shown. */
  hidden: z.enum(['small_group', 'protects_smaller', 'sealed']).nullable(),
  /** Per scored question (choice and scale): the group's average points; null when hidden or nobody in the group answered it. */
  questions: z.array(z.strictObject({ questionId: z.string(), answered: z.number().int(), averagePoints: z.number().nullable() })),
});
export type RelationshipResult = z.infer<typeof relationshipResult>;

export const questionnaireResults = z.strictObject({
  questionnaireId: z.string(),
  anonymous: z.boolean(),
  minGroupSize: z.number().int(),
  invited: z.number().int(),
  responded: z.number().int(),
  responseRate: z.number(),
  /**
   * Anonymous questionnaires show their results only once closed: while responses can still be added,
   * comparing results before and after one response would reveal it. Until then only participation shows.
   */
  sealed: z.boolean(),
  /** True when nothing but participation is shown: sealed, or an anonymous questionnaire with fewer than 5 responses in all. */
  hidden: z.boolean(),
  score: z.number().nullable(),
  averagePoints: z.number().nullable(),
  departments: z.array(departmentResult),
  /** 360 feedback: one entry per relationship (self, manager, direct reports, peers, others); empty for other kinds. */
  relationships: z.array(relationshipResult),
  questions: z.array(questionResult),
  resultGroups: z.array(z.strictObject({ text: z.string(), minPoints: z.number(), maxPoints: z.number(), count: z.number().int(), percent: z.number() })),
});
export type QuestionnaireResults = z.infer<typeof questionnaireResults>;


export const questionnaireMethods = {
  'reviews.listAnswerGroups': read(listAll, z.strictObject({ rows: z.array(answerGroup) })),
  /** Draft questionnaires that use the group pick up its new options; open and closed ones keep theirs. */
  'reviews.saveAnswerGroup': write(answerGroupFields.extend({ id: id.optional(), version: version.optional() }), answerGroup),
  'reviews.archiveAnswerGroups': write(archiveInput, countOutput),

  'reviews.listQuestionnaires': read(listAll, z.strictObject({ rows: z.array(questionnaireSummary) })),
  'reviews.getQuestionnaire': read(z.strictObject({ id }), questionnaire),
  /** Questions are frozen once the questionnaire is open; name, description and result groups stay editable. */
  'reviews.saveQuestionnaire': write(questionnaireFields.extend({ id: id.optional(), version: version.optional() }), questionnaire),
  /** Invites everyone in the population not invited yet (one invitation per person) and opens the questionnaire; 360s invite raters instead. */
  'reviews.distributeQuestionnaire': write(
    z.strictObject({ id, version, population: cyclePopulation }),
    z.strictObject({ questionnaire, invited: z.number().int() }),
  ),
  /** 360 feedback: invites raters, each with their relationship to the subject, and opens the questionnaire. */
  'reviews.inviteRaters': write(
    z.strictObject({
      id, version,
      raters: z.array(z.strictObject({ employeeId: id, relationship: raterRelationship })).min(1, 'Choose at least one rater.').max(500, 'At most 500 raters at a time.'),
    }),
    z.strictObject({ questionnaire, invited: z.number().int() }),
  ),
  'reviews.closeQuestionnaire': write(z.strictObject({ id, version }), questionnaire),
  'reviews.archiveQuestionnaires': write(archiveInput, countOutput),

  'reviews.listInvitations': read(
    z.strictObject({ questionnaireId: id, responded: z.boolean().optional(), search: text(MAX_TEXT).optional() }),
    z.strictObject({ rows: z.array(invitation) }),
    ['reviews', 'people'],
  ),
  /** One response per invitation; anonymous questionnaires store it without the link to the person. */
  'reviews.submitResponse': write(
    z.strictObject({ invitationId: id, answers: z.array(questionnaireAnswer).max(3000) }),
    responseScore,
  ),
  'reviews.previewResponseImport': read(z.strictObject(responseFile), responseImportPreview, ['reviews', 'people']),
  /** All or nothing: any problem in the file refuses the whole file. */
  'reviews.commitResponseImport': write(z.strictObject(responseFile), z.strictObject({ created: z.number().int() })),
  'reviews.getQuestionnaireResults': read(z.strictObject({ id }), questionnaireResults, ['reviews', 'people']),
};
