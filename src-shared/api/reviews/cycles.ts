import { z } from 'zod';
import { exportedFile } from '../admin';
import { archiveInput, calendarDate, countOutput, gridView, gridWindow, id, listAll, optionalText, read, requiredText, sentenceIssue, timestamps, version, write, MAX_LONG_TEXT } from '../common';

/* ───────────── rating scales ───────────── */

export const ratingScaleLevel = z.strictObject({
  value: z.number().finite().min(-1000).max(1000),
  label: requiredText('Label', 60),
  description: optionalText(500),
});
export type RatingScaleLevel = z.infer<typeof ratingScaleLevel>;

/** 2–10 levels with distinct values, listed from lowest to highest value. */
export const ratingScaleLevels = z
  .array(ratingScaleLevel)
  .min(2, 'A rating scale needs at least 2 levels.')
  .max(10, 'A rating scale has at most 10 levels.')
  .superRefine((levels, ctx) => {
    for (let i = 1; i < levels.length; i++) {
      if (levels[i].value <= levels[i - 1].value) {
        ctx.addIssue(sentenceIssue([i, 'value'], `Level ${i + 1}: values must rise from one level to the next (${levels[i].value} is not above ${levels[i - 1].value}).`));
      }
    }
  });

export const ratingScaleFields = z.strictObject({
  name: requiredText('Name', 100),
  description: optionalText(500),
  levels: ratingScaleLevels,
});

export const ratingScale = z.strictObject({
  id,
  name: z.string(),
  description: z.string().nullable(),
  levels: z.array(z.strictObject({ value: z.number(), label: z.string(), description: z.string().nullable() })),
  /** Cycles that use it (launched ones keep their own copy of the levels). */
  cycleCount: z.number().int(),
  archived: z.boolean(),
  ...timestamps,
});
export type RatingScale = z.infer<typeof ratingScale>;

/* ───────────── templates ───────────── */

export const SECTION_KINDS = ['goals', 'competencies', 'questions'] as const;
export const sectionKind = z.enum(SECTION_KINDS, { message: 'A section is goals, competencies or questions.' });
export type SectionKind = z.infer<typeof sectionKind>;
export const SECTION_KIND_LABELS: Record<SectionKind, string> = { goals: 'Goals', competencies: 'Competencies', questions: 'Questions' };

export const QUESTION_KINDS = ['rating', 'text'] as const;
export const templateQuestion = z.strictObject({
  /** Stable key of the question inside the template (answers refer to it); the service fills it when missing. */
  id: id.optional(),
  text: requiredText('Question', 500),
  kind: z.enum(QUESTION_KINDS, { message: 'A question is answered with a rating or with text.' }),
  required: z.boolean(),
});
export type TemplateQuestion = z.infer<typeof templateQuestion>;

const sectionWeight = z.number().min(0, 'Section weight runs from 0 to 100.').max(100, 'Section weight runs from 0 to 100.');
export const templateSection = z.strictObject({
  kind: sectionKind,
  title: requiredText('Section title', 100),
  /** Share of the overall rating, 0–100; the sections' weights add up to 100. */
  weight: sectionWeight,
  /** Questions sections only (at least one there); goals and competencies take their items from the employee. */
  questions: z.array(templateQuestion).max(50).optional(),
});
export type TemplateSection = z.infer<typeof templateSection>;

export const templateSteps = z.strictObject({
  selfReview: z.boolean(),
  peerFeedback: z.boolean(),
});
export type TemplateSteps = z.infer<typeof templateSteps>;

/** Cross-field rules of a template: weights add up to 100, one goals and one competencies section at most, questions only in question sections. */
export const templateSections = z
  .array(templateSection)
  .min(1, 'A template needs at least one section.')
  .max(20)
  .superRefine((sections, ctx) => {
    const total = sections.reduce((sum, s) => sum + s.weight, 0);
    if (Math.abs(total - 100) > 1e-6) {
      ctx.addIssue(sentenceIssue([], `Section weights must add up to 100; they add up to ${Math.round(total * 100) / 100}.`));
    }
    for (const kind of ['goals', 'competencies'] as const) {
      if (sections.filter((s) => s.kind === kind).length > 1) ctx.addIssue(sentenceIssue([], `A template has at most one ${kind} section.`));
    }
    sections.forEach((s, i) => {
      if (s.kind === 'questions' && !s.questions?.length) ctx.addIssue(sentenceIssue([i, 'questions'], `Section ${i + 1} (${s.title}): add at least one question.`));
      if (s.kind !== 'questions' && s.questions?.length) ctx.addIssue(sentenceIssue([i, 'questions'], `Section ${i + 1} (${s.title}): only question sections have questions.`));
      if (s.kind === 'questions' && s.weight > 0 && s.questions?.every((q) => q.kind === 'text')) {
        ctx.addIssue(sentenceIssue([i, 'weight'], `Section ${i + 1} (${s.title}): a section with only text questions cannot carry weight.`));
      }
    });
  });

export const templateFields = z.strictObject({
  name: requiredText('Name', 100),
  description: optionalText(MAX_LONG_TEXT),
  sections: templateSections,
  steps: templateSteps,
});

const storedSection = z.strictObject({
  kind: sectionKind,
  title: z.string(),
  weight: z.number(),
  questions: z.array(z.strictObject({ id: z.string(), text: z.string(), kind: z.enum(QUESTION_KINDS), required: z.boolean() })).optional(),
});
export type StoredSection = z.infer<typeof storedSection>;

export const reviewTemplate = z.strictObject({
  id,
  name: z.string(),
  description: z.string().nullable(),
  sections: z.array(storedSection),
  steps: templateSteps,
  cycleCount: z.number().int(),
  archived: z.boolean(),
  ...timestamps,
});
export type ReviewTemplate = z.infer<typeof reviewTemplate>;

/* ───────────── cycles ───────────── */

export const CYCLE_STATUSES = ['draft', 'active', 'closed'] as const;
export const cycleStatus = z.enum(CYCLE_STATUSES);
export type CycleStatus = z.infer<typeof cycleStatus>;
export const CYCLE_STATUS_LABELS: Record<CycleStatus, string> = { draft: 'Draft', active: 'Active', closed: 'Closed' };

/** Who a cycle covers: active people in any listed department (with its sub-departments), with any listed job, or listed by name. */
export const cyclePopulation = z.strictObject({
  departmentIds: z.array(id).max(5000),
  jobIds: z.array(id).max(5000),
  employeeIds: z.array(id).max(20_000),
});
export type CyclePopulation = z.infer<typeof cyclePopulation>;

export const cycleFields = z.strictObject({
  name: requiredText('Name', 150),
  periodStart: calendarDate,
  periodEnd: calendarDate,
  ratingScaleId: id,
  templateId: id,
  population: cyclePopulation,
  selfReviewDue: calendarDate.nullable().optional(),
  managerReviewDue: calendarDate.nullable().optional(),
  /** Reviews complete after this date count as late. */
  dueDate: calendarDate,
});

export const reviewCycle = z.strictObject({
  id,
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  ratingScaleId: z.string(),
  ratingScaleName: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  population: cyclePopulation,
  selfReviewDue: z.string().nullable(),
  managerReviewDue: z.string().nullable(),
  dueDate: z.string(),
  status: cycleStatus,
  launchedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The scale levels and template sections/steps the cycle runs with (copied at launch; the live ones while a draft). */
  levels: z.array(z.strictObject({ value: z.number(), label: z.string(), description: z.string().nullable() })),
  sections: z.array(storedSection),
  steps: templateSteps,
  reviewCount: z.number().int(),
  completeCount: z.number().int(),
  archived: z.boolean(),
  ...timestamps,
});
export type ReviewCycle = z.infer<typeof reviewCycle>;

/* ───────────── reviews ───────────── */

/** In order; a review moves one step at a time (reopening a complete review is the one way back). */
export const REVIEW_STATUSES = ['not_started', 'in_progress', 'ready_for_review', 'final_review', 'complete'] as const;
export const reviewStatus = z.enum(REVIEW_STATUSES, { message: 'Status must be not started, in progress, ready for review, final review or complete.' });
export type ReviewStatus = z.infer<typeof reviewStatus>;
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  not_started: 'Not started', in_progress: 'In progress', ready_for_review: 'Ready for review', final_review: 'Final review', complete: 'Complete',
};

export const RESPONDENTS = ['self', 'manager', 'peer'] as const;
export const respondent = z.enum(RESPONDENTS, { message: 'Answers come from self, manager or peer.' });
export type Respondent = z.infer<typeof respondent>;

export const REVIEW_STEPS = ['self', 'manager', 'peer', 'employee_signoff', 'manager_signoff'] as const;
export const reviewStep = z.enum(REVIEW_STEPS);
export type ReviewStep = z.infer<typeof reviewStep>;

export const reviewSummary = z.strictObject({
  id,
  cycleId: z.string(),
  cycleName: z.string(),
  employeeId: z.string(),
  employeeName: z.string(),
  employeeNumber: z.string(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  status: reviewStatus,
  dueDate: z.string(),
  /** Not complete and the due date has passed. */
  overdue: z.boolean(),
  startedAt: z.string().nullable(),
  readyAt: z.string().nullable(),
  finalAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  computedRating: z.number().nullable(),
  overrideRating: z.number().nullable(),
  /** The override when there is one, otherwise the computed rating. */
  finalRating: z.number().nullable(),
  /** Label of the scale level nearest the final rating. */
  finalLabel: z.string().nullable(),
  version,
});
export type ReviewSummary = z.infer<typeof reviewSummary>;

/** The cycle page grid's columns, as the review window sorts and filters them (on the text the grid shows). */
export const REVIEW_GRID_FIELDS = ['employeeName', 'employeeNumber', 'departmentName', 'jobTitle', 'managerName', 'status', 'overdueText', 'dueDate', 'finalText', 'completedDay'] as const;
export const reviewGridField = z.enum(REVIEW_GRID_FIELDS);
export type ReviewGridField = z.infer<typeof reviewGridField>;

/** A row of the cycle page grid: the review's summary with the texts of its computed columns. */
export const reviewGridRow = reviewSummary.extend({
  /** "Overdue" or null. */
  overdueText: z.string().nullable(),
  /** "3.4 · Meets expectations", with " (override)" when overridden; null when not rated. */
  finalText: z.string().nullable(),
  /** The day it was completed (YYYY-MM-DD). */
  completedDay: z.string().nullable(),
});
export type ReviewGridRow = z.infer<typeof reviewGridRow>;

/** The page's own filters of a cycle's reviews: status, department (and below), overdue, name or number. */
const reviewScope = {
  cycleId: id,
  status: reviewStatus.optional(),
  departmentId: id.optional(),
  overdue: z.boolean().optional(),
  /** Name or employee number (the page's search box). */
  person: z.string().max(200).optional(),
};
export const reviewWindowQuery = z.strictObject({ ...reviewScope, ...gridWindow(reviewGridField) });
export type ReviewWindowQuery = z.infer<typeof reviewWindowQuery>;
export const reviewExportQuery = z.strictObject({
  ...reviewScope,
  ...gridView(reviewGridField),
  format: z.enum(['csv', 'xlsx']),
  title: z.string().min(1).max(100),
  columns: z.array(z.strictObject({ field: reviewGridField, header: z.string().max(200) })).min(1).max(50),
});
export type ReviewExportQuery = z.infer<typeof reviewExportQuery>;

/** One thing to rate or answer in a review: a goal, a competency (required skill) or a template question. */
export const reviewItem = z.strictObject({
  /** `goal:<id>`, `skill:<id>` or `question:<id>` — what answers refer to. */
  key: z.string(),
  sectionIndex: z.number().int(),
  kind: sectionKind,
  title: z.string(),
  description: z.string().nullable(),
  /** rating = answered with a scale value (and a comment); text = a comment only. */
  answer: z.enum(QUESTION_KINDS),
  required: z.boolean(),
  /** Goals: the goal's weight; competencies: the requirement's weight; questions: 1. */
  weight: z.number(),
  /** Goals: measurement as of now, or as snapshotted at completion. */
  goal: z
    .strictObject({
      unit: z.string(), startValue: z.number().nullable(), targetValue: z.number().nullable(), actualValue: z.number().nullable(),
      progress: z.number(), status: z.string(), stretch: z.boolean(), periodStart: z.string(), periodEnd: z.string(),
    })
    .nullable(),
  /** Competencies: the level the job requires and the person's latest level (rating-model labels). */
  competency: z.strictObject({ requiredLevel: z.string().nullable(), currentLevel: z.string().nullable() }).nullable(),
});
export type ReviewItem = z.infer<typeof reviewItem>;

export const reviewAnswer = z.strictObject({
  respondent,
  /** The peer who answered (peer answers only). */
  peerId: z.string().nullable(),
  peerName: z.string().nullable(),
  itemKey: z.string(),
  rating: z.number().nullable(),
  comment: z.string().nullable(),
  author: z.string(),
  updatedAt: z.string(),
});
export type ReviewAnswer = z.infer<typeof reviewAnswer>;

export const reviewStepState = z.strictObject({
  step: reviewStep,
  peerId: z.string().nullable(),
  peerName: z.string().nullable(),
  status: z.enum(['requested', 'submitted']),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
});
export type ReviewStepState = z.infer<typeof reviewStepState>;

export const sectionScore = z.strictObject({
  sectionIndex: z.number().int(),
  kind: sectionKind,
  title: z.string(),
  weight: z.number(),
  /** Weighted mean of the manager's ratings in the section; null when nothing in it is rated. */
  score: z.number().nullable(),
});
export type SectionScore = z.infer<typeof sectionScore>;

export const reviewDetail = z.strictObject({
  review: reviewSummary,
  cycle: z.strictObject({
    id, name: z.string(), periodStart: z.string(), periodEnd: z.string(), status: cycleStatus,
    levels: z.array(z.strictObject({ value: z.number(), label: z.string(), description: z.string().nullable() })),
    sections: z.array(storedSection),
    steps: templateSteps,
  }),
  items: z.array(reviewItem),
  answers: z.array(reviewAnswer),
  steps: z.array(reviewStepState),
  sectionScores: z.array(sectionScore),
  overrideReason: z.string().nullable(),
  /** Set once a calibration session wrote to the review: the rating before calibration stays visible. */
  calibration: z
    .strictObject({
      sessionId: z.string(), sessionName: z.string(), sessionFinalised: z.boolean(), calibratedAt: z.string(), calibratedBy: z.string(),
      ratingBefore: z.number().nullable(),
      /** The calibrated rating counts at another level than the one before (or there was none before). */
      changed: z.boolean(),
    })
    .nullable(),
  /** True once completed: items show the goals and measurements as they were at completion. */
  snapshotted: z.boolean(),
});
export type ReviewDetail = z.infer<typeof reviewDetail>;

const answerInput = z.strictObject({
  itemKey: z.string().min(1).max(80),
  rating: z.number().finite().nullable().optional(),
  comment: optionalText(MAX_LONG_TEXT),
});

/* ───────────── reports ───────────── */

export const cycleProgress = z.strictObject({
  cycleId: z.string(),
  total: z.number().int(),
  byStatus: z.strictObject(Object.fromEntries(REVIEW_STATUSES.map((s) => [s, z.number().int()])) as Record<ReviewStatus, z.ZodNumber>),
  overdue: z.number().int(),
  completedOnTime: z.number().int(),
  completedLate: z.number().int(),
  departments: z.array(
    z.strictObject({
      departmentId: z.string().nullable(),
      departmentName: z.string(),
      total: z.number().int(),
      byStatus: z.strictObject(Object.fromEntries(REVIEW_STATUSES.map((s) => [s, z.number().int()])) as Record<ReviewStatus, z.ZodNumber>),
      overdue: z.number().int(),
      /** Complete / total, 0–100. */
      completionRate: z.number(),
    }),
  ),
});
export type CycleProgress = z.infer<typeof cycleProgress>;

export const ratingDistribution = z.strictObject({
  cycleId: z.string(),
  /** Reviews with a final rating, counted at the nearest scale level. */
  levels: z.array(z.strictObject({ value: z.number(), label: z.string(), count: z.number().int(), percent: z.number() })),
  rated: z.number().int(),
  unrated: z.number().int(),
  average: z.number().nullable(),
});
export type RatingDistribution = z.infer<typeof ratingDistribution>;


export const cycleMethods = {
  'reviews.listRatingScales': read(listAll, z.strictObject({ rows: z.array(ratingScale) })),
  'reviews.saveRatingScale': write(ratingScaleFields.extend({ id: id.optional(), version: version.optional() }), ratingScale),
  'reviews.archiveRatingScales': write(archiveInput, countOutput),

  'reviews.listTemplates': read(listAll, z.strictObject({ rows: z.array(reviewTemplate) })),
  'reviews.saveTemplate': write(templateFields.extend({ id: id.optional(), version: version.optional() }), reviewTemplate),
  'reviews.archiveTemplates': write(archiveInput, countOutput),

  'reviews.listCycles': read(listAll, z.strictObject({ rows: z.array(reviewCycle) })),
  'reviews.getCycle': read(z.strictObject({ id }), reviewCycle, ['reviews', 'people']),
  /** Drafts only may change scale, template or population. */
  'reviews.saveCycle': write(cycleFields.extend({ id: id.optional(), version: version.optional() }), reviewCycle),
  /** Creates one not-started review per person in the population and freezes the scale and template. */
  'reviews.launchCycle': write(z.strictObject({ id, version }), z.strictObject({ cycle: reviewCycle, created: z.number().int() })),
  /** Late joiners: one review each for active people not yet in the running cycle (people already in it are counted, not added twice). */
  'reviews.addToCycle': write(
    z.strictObject({ id, version, employeeIds: z.array(id).min(1, 'Choose at least one person.').max(20_000) }),
    z.strictObject({ cycle: reviewCycle, created: z.number().int(), alreadyIn: z.number().int() }),
  ),
  'reviews.closeCycle': write(z.strictObject({ id, version }), reviewCycle),
  'reviews.archiveCycles': write(archiveInput, countOutput),

  'reviews.listReviews': read(
    z.strictObject({
      cycleId: id.optional(), employeeId: id.optional(), managerId: id.optional(), departmentId: id.optional(),
      status: reviewStatus.optional(), overdue: z.boolean().optional(), search: z.string().max(200).optional(),
      offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(20_000).optional(),
    }),
    z.strictObject({ rows: z.array(reviewSummary), total: z.number().int() }),
    ['reviews', 'people'],
  ),
  /** A window of a cycle's reviews for the cycle page grid: sort, filters and quick filter in SQL on the text the grid shows. */
  'reviews.listReviewWindow': read(reviewWindowQuery, z.strictObject({ rows: z.array(reviewGridRow), total: z.number().int() }), ['reviews', 'people']),
  /** Every review of the same view as a CSV or XLSX file, columns as the grid shows them. */
  'reviews.exportReviews': read(reviewExportQuery, exportedFile, ['reviews', 'people']),
  'reviews.getReview': read(z.strictObject({ id }), reviewDetail, ['reviews', 'goals', 'skills', 'people']),
  /** Saves draft answers of one respondent; the first self (or manager, when there is no self-review) answer starts the review. */
  'reviews.saveAnswers': write(
    z.strictObject({ reviewId: id, respondent, peerId: id.optional(), answers: z.array(answerInput).min(1).max(500) }),
    reviewDetail,
  ),
  /** Submits a step; checks required answers and moves the status one step when the step completes it. */
  'reviews.submitStep': write(z.strictObject({ reviewId: id, version, step: reviewStep, peerId: id.optional() }), reviewDetail),
  /** Moves the status exactly one step forward when the step's prerequisites are met. */
  'reviews.advanceReview': write(z.strictObject({ id, version, to: reviewStatus }), reviewDetail),
  'reviews.requestPeerFeedback': write(z.strictObject({ reviewId: id, peerIds: z.array(id).min(1).max(20) }), reviewDetail),
  /** Sets (rating) or clears (null) the override of the computed overall rating; a reason is required to set one. */
  'reviews.overrideRating': write(z.strictObject({ id, version, rating: z.number().finite().nullable(), reason: optionalText(2000) }), reviewDetail),
  /** Complete → final review; sign-offs are cleared and the reason is audited. */
  'reviews.reopenReview': write(z.strictObject({ id, version, reason: requiredText('Reason', 2000) }), reviewDetail),

  'reviews.getCycleProgress': read(z.strictObject({ cycleId: id, asOf: calendarDate.optional() }), cycleProgress, ['reviews', 'people']),
  'reviews.getRatingDistribution': read(z.strictObject({ cycleId: id, departmentId: id.optional() }), ratingDistribution),
  'reviews.exportReviewPdf': read(z.strictObject({ reviewId: id }), exportedFile, ['reviews', 'goals', 'skills', 'people']),
  /** XLSX: reviews with ratings, progress by department, rating distribution. */
  'reviews.exportCycle': read(z.strictObject({ cycleId: id }), exportedFile, ['reviews', 'people']),
};
