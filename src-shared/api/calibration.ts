import { z } from 'zod';
import { GUIDELINE_OPERATORS } from '../domain/calibration';
import { exportedFile } from './admin';
import { archiveInput, calendarDate, countOutput, defineArea, id, listAll, optionalText, read, requiredText, sentenceIssue, timestamps, version, write, MAX_LONG_TEXT } from './common';

/* ───────────── shared shapes ───────────── */

const level = z.strictObject({ value: z.number(), label: z.string() });
export type CalibrationLevel = z.infer<typeof level>;

export const SESSION_STATUSES = ['draft', 'in_session', 'finalised'] as const;
export const sessionStatus = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof sessionStatus>;
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = { draft: 'Draft', in_session: 'In session', finalised: 'Finalised' };

export const LOSS_LEVELS = ['low', 'medium', 'high'] as const;
export const lossLevel = z.enum(LOSS_LEVELS, { message: 'Use low, medium or high.' });
export type LossLevel = z.infer<typeof lossLevel>;
export const LOSS_LABELS: Record<LossLevel, string> = { low: 'Low', medium: 'Medium', high: 'High' };

export const guidelineMode = z.enum(['advisory', 'enforced'], { message: 'A guideline set is advisory or enforced.' });
export type GuidelineMode = z.infer<typeof guidelineMode>;

const percent = z.number().finite().min(0, 'A percentage runs from 0 to 100.').max(100, 'A percentage runs from 0 to 100.');

/** A share of the population for one level or a run of neighbouring levels. */
export const guidelineRule = z
  .strictObject({
    fromLevel: z.number().finite(),
    toLevel: z.number().finite(),
    operator: z.enum(GUIDELINE_OPERATORS, { message: 'The operator is =, <, ≤, >, ≥ or between.' }),
    percent,
    percentTo: percent.nullable().optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.operator === 'between' && (rule.percentTo === null || rule.percentTo === undefined)) {
      ctx.addIssue(sentenceIssue(['percentTo'], '"Between" needs an upper percentage.'));
    } else if (rule.operator === 'between' && rule.percentTo! < rule.percent) {
      ctx.addIssue(sentenceIssue(['percentTo'], `"Between ${rule.percent} and ${rule.percentTo} %": the upper percentage must not be below the lower one.`));
    }
  });
export type GuidelineRuleInput = z.infer<typeof guidelineRule>;

export const guidelineSetFields = z.strictObject({
  name: requiredText('Name', 100),
  description: optionalText(500),
  ratingScaleId: id,
  mode: guidelineMode,
  rules: z.array(guidelineRule).min(1, 'Add at least one guideline.').max(30),
});

const storedRule = z.strictObject({ fromLevel: z.number(), toLevel: z.number(), operator: z.enum(GUIDELINE_OPERATORS), percent: z.number(), percentTo: z.number().nullable().optional() });

export const guidelineSet = z.strictObject({
  id,
  name: z.string(),
  description: z.string().nullable(),
  ratingScaleId: z.string(),
  ratingScaleName: z.string(),
  levels: z.array(level),
  mode: guidelineMode,
  rules: z.array(storedRule),
  sessionCount: z.number().int(),
  archived: z.boolean(),
  ...timestamps,
});
export type GuidelineSet = z.infer<typeof guidelineSet>;

export const ruleResult = z.strictObject({
  index: z.number().int(), label: z.string(), fromIndex: z.number().int(), toIndex: z.number().int(),
  actual: z.number().int(), actualPercent: z.number(), min: z.number().int(), max: z.number().int(), target: z.string(),
  status: z.enum(['within', 'over', 'under']), outsideBy: z.number().int(),
});
export const guidelineEvaluation = z.strictObject({ population: z.number().int(), rules: z.array(ruleResult), within: z.boolean() });

/* ───────────── sessions ───────────── */

/** Who is calibrated: people with a review in the cycle, in a department (with its sub-departments), under a manager (all levels), with a job or job level, or listed by name; less anyone excluded. */
export const sessionPopulation = z.strictObject({
  departmentIds: z.array(id).max(5000),
  managerIds: z.array(id).max(5000),
  jobIds: z.array(id).max(5000),
  jobLevels: z.array(z.string().trim().min(1).max(60)).max(200),
  employeeIds: z.array(id).max(20_000),
  excludedEmployeeIds: z.array(id).max(20_000),
});
export type SessionPopulation = z.infer<typeof sessionPopulation>;
export const EMPTY_POPULATION: SessionPopulation = { departmentIds: [], managerIds: [], jobIds: [], jobLevels: [], employeeIds: [], excludedEmployeeIds: [] };

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written #rrggbb.');
const gridSize = z.number().int().min(2, 'The nine-box has 2 to 5 columns and rows.').max(5, 'The nine-box has 2 to 5 columns and rows.');

export const sessionSettings = z
  .strictObject({
    /** The potential scale, lowest first (low / medium / high by default). */
    potentialLevels: z.array(z.strictObject({ value: z.number().int().min(1).max(10), label: requiredText('Potential label', 40) })).min(2, 'Potential needs at least 2 levels.').max(5, 'Potential has at most 5 levels.'),
    columns: gridSize,
    rows: gridSize,
    /** How many performance levels each column holds, lowest first. */
    performanceBands: z.array(z.number().int().min(1)).min(2).max(5),
    /** How many potential levels each row holds, lowest first. */
    potentialBands: z.array(z.number().int().min(1)).min(2).max(5),
    /** Row by row from the lowest potential, each row from the lowest performance. */
    boxes: z.array(z.strictObject({ name: requiredText('Box name', 60), colour })).min(4).max(25),
    /** Why a rating moved. */
    reasonCodes: z.array(z.strictObject({ code: requiredText('Reason code', 30), label: requiredText('Reason', 100) })).min(1, 'Keep at least one reason code.').max(30),
  })
  .superRefine((s, ctx) => {
    s.potentialLevels.forEach((l, i) => {
      if (i > 0 && l.value <= s.potentialLevels[i - 1].value) ctx.addIssue(sentenceIssue(['potentialLevels', i], 'Potential levels must rise from one to the next.'));
    });
    if (s.performanceBands.length !== s.columns) ctx.addIssue(sentenceIssue(['performanceBands'], `Say how many performance levels each of the ${s.columns} columns holds.`));
    if (s.potentialBands.length !== s.rows) ctx.addIssue(sentenceIssue(['potentialBands'], `Say how many potential levels each of the ${s.rows} rows holds.`));
    if (s.potentialBands.reduce((a, b) => a + b, 0) !== s.potentialLevels.length) ctx.addIssue(sentenceIssue(['potentialBands'], `The rows must hold the ${s.potentialLevels.length} potential levels between them.`));
    if (s.boxes.length !== s.columns * s.rows) ctx.addIssue(sentenceIssue(['boxes'], `A ${s.columns}×${s.rows} grid has ${s.columns * s.rows} boxes; ${s.boxes.length} are named.`));
    const codes = s.reasonCodes.map((r) => r.code.toLowerCase());
    if (new Set(codes).size !== codes.length) ctx.addIssue(sentenceIssue(['reasonCodes'], 'Each reason code must be different.'));
  });
export type SessionSettings = z.infer<typeof sessionSettings>;

export const sessionFields = z.strictObject({
  name: requiredText('Name', 150),
  cycleId: id,
  date: calendarDate,
  location: optionalText(150),
  facilitatorId: id.nullable().optional(),
  reviewerIds: z.array(id).max(100),
  population: sessionPopulation,
  guidelineSetId: id.nullable().optional(),
  settings: sessionSettings,
});

export const finaliseSummary = z.strictObject({
  finalisedAt: z.string(),
  finalisedBy: z.string(),
  members: z.number().int(),
  movedUp: z.number().int(),
  movedDown: z.number().int(),
  unchanged: z.number().int(),
  /** People who had no rating before and were given one. */
  placed: z.number().int(),
  /** Reviews whose rating was written (changed) by this finalisation. */
  written: z.number().int(),
  /** Reviews a previous finalisation had changed, put back to their original rating. */
  restored: z.number().int(),
  byLevel: z.array(z.strictObject({ value: z.number(), label: z.string(), before: z.number().int(), after: z.number().int() })),
  evaluation: guidelineEvaluation.nullable(),
  acknowledgement: z.string().nullable(),
});
export type FinaliseSummary = z.infer<typeof finaliseSummary>;

export const calibrationSession = z.strictObject({
  id,
  name: z.string(),
  cycleId: z.string(),
  cycleName: z.string(),
  cycleStatus: z.enum(['draft', 'active', 'closed']),
  date: z.string(),
  location: z.string().nullable(),
  facilitatorId: z.string().nullable(),
  facilitatorName: z.string().nullable(),
  reviewerIds: z.array(z.string()),
  reviewerNames: z.array(z.string()),
  population: sessionPopulation,
  guidelineSetId: z.string().nullable(),
  guidelines: z.strictObject({ id: z.string(), name: z.string(), mode: guidelineMode, rules: z.array(storedRule) }).nullable(),
  settings: sessionSettings,
  /** The cycle's rating scale levels, lowest first. */
  levels: z.array(level),
  status: sessionStatus,
  memberCount: z.number().int(),
  discussedCount: z.number().int(),
  startedAt: z.string().nullable(),
  finalisedAt: z.string().nullable(),
  finalisedBy: z.string().nullable(),
  acknowledgement: z.string().nullable(),
  summary: finaliseSummary.nullable(),
  archived: z.boolean(),
  ...timestamps,
});
export type CalibrationSession = z.infer<typeof calibrationSession>;

/* ───────────── people in a session ───────────── */

export const MOVEMENTS = ['up', 'down', 'same', 'placed'] as const;

export const calibrationMember = z.strictObject({
  id,
  version,
  sessionId: z.string(),
  reviewId: z.string(),
  employeeId: z.string(),
  employeeName: z.string(),
  employeeNumber: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  jobId: z.string().nullable(),
  jobTitle: z.string().nullable(),
  jobLevel: z.string().nullable(),
  reviewStatus: z.string(),
  /** The review's final rating before calibration (may lie between levels), or null when not rated yet. */
  originalRating: z.number().nullable(),
  /** The scale level the original counts at. */
  originalLevel: z.number().nullable(),
  /** The calibrated performance level: set in the session, else the original's level; null = holding area. */
  performance: z.number().nullable(),
  /** True once the session has set the performance itself. */
  performanceSet: z.boolean(),
  potential: z.number().nullable(),
  riskOfLoss: lossLevel.nullable(),
  impactOfLoss: lossLevel.nullable(),
  comment: z.string().nullable(),
  privateNote: z.string().nullable(),
  discussed: z.boolean(),
  movement: z.enum(MOVEMENTS).nullable(),
  changeCount: z.number().int(),
  removed: z.boolean(),
});
export type CalibrationMember = z.infer<typeof calibrationMember>;

export const memberFields = z.strictObject({
  performance: z.number().finite().nullable(),
  potential: z.number().int().nullable(),
  riskOfLoss: lossLevel.nullable(),
  impactOfLoss: lossLevel.nullable(),
  comment: optionalText(MAX_LONG_TEXT),
  privateNote: optionalText(MAX_LONG_TEXT),
  discussed: z.boolean(),
});

/** Why a rating moved: one of the session's reason codes and a comment, both required. */
export const changeReason = z.strictObject({
  reasonCode: requiredText('Reason', 30),
  comment: requiredText('Comment', 2000),
});

export const calibrationChange = z.strictObject({
  id,
  sessionId: z.string(),
  memberId: z.string(),
  employeeId: z.string(),
  employeeName: z.string(),
  kind: z.enum(['move', 'added', 'removed']),
  at: z.string(),
  actor: z.string(),
  performanceFrom: z.number().nullable(),
  performanceTo: z.number().nullable(),
  potentialFrom: z.number().nullable(),
  potentialTo: z.number().nullable(),
  reasonCode: z.string().nullable(),
  reasonLabel: z.string().nullable(),
  comment: z.string().nullable(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});
export type CalibrationChange = z.infer<typeof calibrationChange>;

export const distributionGroup = z.strictObject({
  key: z.string(),
  name: z.string(),
  population: z.number().int(),
  counts: z.array(z.number().int()),
  evaluation: guidelineEvaluation.nullable(),
});

export const sessionDistribution = z.strictObject({
  sessionId: z.string(),
  levels: z.array(level),
  /** People placed on a performance level (the population the guidelines count). */
  population: z.number().int(),
  /** People with no performance rating yet. */
  holding: z.number().int(),
  calibrated: z.array(z.number().int()),
  original: z.array(z.number().int()),
  evaluation: guidelineEvaluation.nullable(),
  /** People per box (row by row from the lowest potential), and people with no potential yet. */
  boxes: z.array(z.number().int()),
  potentialHolding: z.number().int(),
  moves: z.strictObject({ up: z.number().int(), down: z.number().int(), placed: z.number().int(), changes: z.number().int() }),
  groups: z.array(distributionGroup),
});
export type SessionDistribution = z.infer<typeof sessionDistribution>;

export const DISTRIBUTION_SPLITS = ['department', 'jobLevel', 'manager'] as const;

export const personCard = z.strictObject({
  member: calibrationMember,
  history: z.array(calibrationChange),
  ratings: z.array(z.strictObject({ cycleId: z.string(), cycleName: z.string(), periodEnd: z.string(), finalRating: z.number().nullable(), label: z.string().nullable(), calibrated: z.boolean() })),
  goals: z.array(z.strictObject({ id: z.string(), title: z.string(), progress: z.number(), status: z.string(), periodEnd: z.string() })),
  skills: z.strictObject({ jobTitle: z.string().nullable(), requirements: z.number().int(), met: z.number().int(), coverage: z.number(), topGaps: z.array(z.strictObject({ skill: z.string(), required: z.string(), current: z.string().nullable() })) }),
  journal: z.array(z.strictObject({ date: z.string(), kind: z.string(), text: z.string(), author: z.string() })),
});
export type PersonCard = z.infer<typeof personCard>;

export const calibrationOutcomes = z.strictObject({
  sessions: z.array(z.strictObject({ id: z.string(), name: z.string(), cycleName: z.string(), date: z.string(), members: z.number().int(), up: z.number().int(), down: z.number().int(), discussed: z.number().int() })),
  members: z.number().int(),
  up: z.number().int(),
  down: z.number().int(),
  unchanged: z.number().int(),
  discussed: z.number().int(),
  /** Discussed ÷ members, 0–100. */
  discussedShare: z.number(),
  byDepartment: z.array(z.strictObject({ id: z.string().nullable(), name: z.string(), members: z.number().int(), up: z.number().int(), down: z.number().int() })),
  byManager: z.array(z.strictObject({ id: z.string().nullable(), name: z.string(), members: z.number().int(), up: z.number().int(), down: z.number().int() })),
});
export type CalibrationOutcomes = z.infer<typeof calibrationOutcomes>;

const sessionRef = z.strictObject({ id, version });
const peopleCriteria = {
  employeeIds: z.array(id).max(20_000).optional(),
  departmentIds: z.array(id).max(5000).optional(),
  managerIds: z.array(id).max(5000).optional(),
  jobIds: z.array(id).max(5000).optional(),
  jobLevels: z.array(z.string().trim().min(1).max(60)).max(200).optional(),
};

export const calibrationArea = defineArea({
  key: 'calibration',
  label: 'Calibration',
  summary: 'Calibration sessions, the nine-box, rating bins against distribution guidelines.',
  methods: {
    'calibration.listGuidelineSets': read(listAll, z.strictObject({ rows: z.array(guidelineSet) }), ['calibration', 'reviews']),
    'calibration.saveGuidelineSet': write(guidelineSetFields.extend({ id: id.optional(), version: version.optional() }), guidelineSet),
    'calibration.archiveGuidelineSets': write(archiveInput, countOutput),

    'calibration.listSessions': read(listAll, z.strictObject({ rows: z.array(calibrationSession) }), ['calibration', 'reviews', 'people']),
    'calibration.getSession': read(z.strictObject({ id }), calibrationSession, ['calibration', 'reviews', 'people']),
    /** A draft may change everything; a session under way its name, date, place, people in the room, guidelines, box names and reason codes. */
    'calibration.saveSession': write(sessionFields.extend({ id: id.optional(), version: version.optional() }), calibrationSession),
    /** Adds people with a review in the cycle (by name or by criteria); once the session has started a reason is required. */
    'calibration.addPeople': write(
      z.strictObject({ id, version, ...peopleCriteria, reason: optionalText(2000) }),
      z.strictObject({ session: calibrationSession, added: z.number().int(), alreadyIn: z.number().int(), elsewhere: z.array(z.strictObject({ employeeName: z.string(), sessionName: z.string() })) }),
    ),
    'calibration.removePeople': write(
      z.strictObject({ id, version, memberIds: z.array(id).min(1, 'Choose at least one person.').max(20_000), reason: optionalText(2000) }),
      z.strictObject({ session: calibrationSession, removed: z.number().int() }),
    ),
    'calibration.startSession': write(sessionRef, calibrationSession),
    /** Writes the calibrated ratings back to the reviews and locks the session. Outside an advisory guideline it needs an acknowledgement; outside an enforced one it is refused. */
    'calibration.finaliseSession': write(
      sessionRef.extend({ acknowledgement: optionalText(2000) }),
      z.strictObject({ session: calibrationSession, summary: finaliseSummary }),
      ['calibration', 'reviews'],
    ),
    /** Reviews show whether their calibrated rating is locked, so open review pages refresh too. */
    'calibration.reopenSession': write(sessionRef.extend({ reason: requiredText('Reason', 2000) }), calibrationSession, ['calibration', 'reviews']),
    /** A new draft with the same set-up and population on this or another cycle. */
    'calibration.copySession': write(z.strictObject({ id, name: requiredText('Name', 150), cycleId: id.optional(), date: calendarDate.optional() }), calibrationSession),
    'calibration.archiveSessions': write(archiveInput, countOutput),

    'calibration.listMembers': read(z.strictObject({ sessionId: id, includeRemoved: z.boolean().optional() }), z.strictObject({ rows: z.array(calibrationMember) }), ['calibration', 'reviews', 'people']),
    /** One card moved on the nine-box or in the bins: its new performance and potential, with the reason. */
    'calibration.movePerson': write(
      changeReason.extend({ sessionId: id, memberId: id, version, performance: z.number().finite().optional(), potential: z.number().int().optional() }),
      z.strictObject({ member: calibrationMember, distribution: sessionDistribution }),
    ),
    /** Grid edits and pastes: all rows or none; a change of performance or potential needs `reason`. */
    'calibration.saveMembers': write(
      z.strictObject({
        sessionId: id,
        rows: z.array(z.strictObject({ id, version: version.optional(), values: memberFields.partial() })).min(1).max(20_000),
        reason: changeReason.optional(),
      }),
      z.strictObject({ rows: z.array(calibrationMember) }),
    ),
    /** Takes back the session's newest move that is not undone yet; `changeId` is the move the user sees as the last one. */
    'calibration.undoLastMove': write(z.strictObject({ sessionId: id, changeId: id }), z.strictObject({ member: calibrationMember, change: calibrationChange })),
    'calibration.listHistory': read(z.strictObject({ sessionId: id, memberId: id.optional() }), z.strictObject({ rows: z.array(calibrationChange) }), ['calibration', 'people']),
    'calibration.getDistribution': read(
      z.strictObject({ sessionId: id, splitBy: z.enum(DISTRIBUTION_SPLITS).optional() }),
      sessionDistribution,
      ['calibration', 'reviews', 'people'],
    ),
    'calibration.getPersonCard': read(z.strictObject({ sessionId: id, memberId: id }), personCard, ['calibration', 'reviews', 'goals', 'skills', 'people']),
    /** Finalised sessions dated in the period: ratings moved up and down, per department and manager, and the share discussed. */
    'calibration.getOutcomes': read(z.strictObject({ from: calendarDate.optional(), to: calendarDate.optional() }), calibrationOutcomes, ['calibration', 'reviews', 'people']),

    'calibration.exportPdf': read(z.strictObject({ id }), exportedFile, ['calibration', 'reviews', 'people']),
    'calibration.exportPptx': read(z.strictObject({ id }), exportedFile, ['calibration', 'reviews', 'people']),
    'calibration.exportXlsx': read(z.strictObject({ id }), exportedFile, ['calibration', 'reviews', 'people']),
  },
});
