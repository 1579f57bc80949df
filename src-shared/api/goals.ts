import { z } from 'zod';
import { exportedFile } from './admin';
import { archiveInput, batchOf, calendarDate, countOutput, defineArea, gridView, gridWindow, id, optionalText, pageOf, read, requiredText, text, timestamps, write, MAX_LONG_TEXT } from './common';

export const GOAL_SCOPES = ['organisation', 'department', 'individual'] as const;
export const goalScope = z.enum(GOAL_SCOPES, { message: 'Scope must be organisation, department or individual.' });
export type GoalScope = z.infer<typeof goalScope>;
export const GOAL_UNITS = ['number', 'percent', 'currency', 'date', 'rating'] as const;
export const goalUnit = z.enum(GOAL_UNITS, { message: 'Unit must be number, percent, currency, date or rating.' });
export const GOAL_STATUSES = ['not_started', 'on_track', 'at_risk', 'behind', 'achieved', 'missed', 'cancelled'] as const;
export const goalStatus = z.enum(GOAL_STATUSES, { message: 'Status must be not started, on track, at risk, behind, achieved, missed or cancelled.' });
export const GOAL_STATUS_LABELS: Record<(typeof GOAL_STATUSES)[number], string> = {
  not_started: 'Not started', on_track: 'On track', at_risk: 'At risk', behind: 'Behind', achieved: 'Achieved', missed: 'Missed', cancelled: 'Cancelled',
};
export const GOAL_SCOPE_LABELS: Record<GoalScope, string> = { organisation: 'Organisation', department: 'Department', individual: 'Individual' };
export const GOAL_UNIT_LABELS: Record<(typeof GOAL_UNITS)[number], string> = { number: 'Number', percent: 'Percent', currency: 'Currency', date: 'Date', rating: 'Rating' };

const measure = z.number().finite().nullable().optional();
const weight = z.number().min(0, 'Weight runs from 0 to 100.').max(100, 'Weight runs from 0 to 100.');

/** Field rules of one goal; scope/owner/period/alignment rules across records are checked by the service. */
export const goalFields = z.strictObject({
  scope: goalScope,
  /** Individual: the employee; department: the department; organisation: none. */
  ownerId: id.nullable().optional(),
  title: requiredText('Title', 200),
  description: optionalText(MAX_LONG_TEXT),
  periodStart: calendarDate,
  periodEnd: calendarDate,
  category: optionalText(100),
  unit: goalUnit,
  startValue: measure,
  targetValue: measure,
  actualValue: measure,
  stretch: z.boolean(),
  weight,
  status: goalStatus,
  alignedToId: id.nullable().optional(),
});
export type GoalValues = z.infer<typeof goalFields>;

export const goal = z.strictObject({
  id,
  scope: goalScope,
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  category: z.string().nullable(),
  unit: goalUnit,
  startValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  actualValue: z.number().nullable(),
  stretch: z.boolean(),
  weight: z.number(),
  status: goalStatus,
  alignedToId: z.string().nullable(),
  /** Title of the goal it aligns to, so lists need not load that goal. */
  alignedToTitle: z.string().nullable(),
  /** The latest check-in's progress (0-100), 0 when none. */
  progress: z.number(),
  /** Weighted average of the rolled-up progress of the active goals aligned to it; its own progress when none are. */
  rolledUp: z.number(),
  archived: z.boolean(),
  ...timestamps,
});
export type Goal = z.infer<typeof goal>;

export const checkIn = z.strictObject({
  id, goalId: z.string(), date: z.string(), progress: z.number(), actualValue: z.number().nullable(), comment: z.string().nullable(),
  author: z.string(), recordedAt: z.string(),
});
export type CheckIn = z.infer<typeof checkIn>;

export const alignmentNode = z.strictObject({
  id, parentId: z.string().nullable(), depth: z.number().int(), title: z.string(), scope: goalScope, ownerName: z.string().nullable(),
  status: goalStatus, weight: z.number(), progress: z.number(), rolledUp: z.number(),
});
export type AlignmentNode = z.infer<typeof alignmentNode>;
/** A node of the alignment tree as the tree page reads it, a level at a time: with how many active goals align to it. */
export const alignmentBranch = alignmentNode.omit({ depth: true }).extend({ childCount: z.number().int() });
export type AlignmentBranch = z.infer<typeof alignmentBranch>;

/** A goal others may align to (organisation and department goals), as an option: few even in a large organisation. */
export const alignableGoal = z.strictObject({
  id, scope: goalScope, ownerName: z.string().nullable(), title: z.string(), periodStart: z.string(), periodEnd: z.string(), archived: z.boolean(),
});
export type AlignableGoal = z.infer<typeof alignableGoal>;

const goalListShape = {
  scope: goalScope.optional(), ownerId: id.optional(), departmentId: id.optional(),
  periodFrom: calendarDate.optional(), periodTo: calendarDate.optional(), includeArchived: z.boolean().optional(),
};

/** The goals grid's columns, as the row source sorts and filters them (on the text the grid shows). */
export const GOAL_GRID_FIELDS = [
  'title', 'scope', 'employeeId', 'departmentId', 'alignedToId', 'periodStart', 'periodEnd', 'status', 'progress', 'rolledUp',
  'weight', 'category', 'unit', 'startValue', 'targetValue', 'actualValue', 'stretch', 'description',
] as const;
export const goalGridField = z.enum(GOAL_GRID_FIELDS);
export type GoalGridField = z.infer<typeof goalGridField>;
/** A window of the goals grid: the page's own filters, then the grid's sort, column filters and quick filter. */
export const goalWindowQuery = z.strictObject({ ...goalListShape, ...gridWindow(goalGridField) });
export type GoalWindowQuery = z.infer<typeof goalWindowQuery>;
/** Every row of the same view as a CSV or XLSX file, columns as the grid shows them (labels, not ids). */
export const goalExportQuery = z.strictObject({
  ...goalListShape,
  ...gridView(goalGridField),
  format: z.enum(['csv', 'xlsx']),
  title: z.string().min(1).max(100),
  columns: z.array(z.strictObject({ field: goalGridField, header: z.string().max(200) })).min(1).max(50),
});
export type GoalExportQuery = z.infer<typeof goalExportQuery>;

/* ───────────── goal library ───────────── */


export const goalLibraryFields = z.strictObject({
  title: requiredText('Title', 200),
  description: optionalText(MAX_LONG_TEXT),
  category: optionalText(100),
  unit: goalUnit,
  targetValue: z.number().finite().nullable().optional(),
  stretch: z.boolean(),
  /** The weight a copied goal starts with. */
  suggestedWeight: weight,
});
export type GoalLibraryValues = z.infer<typeof goalLibraryFields>;

export const goalLibraryItem = z.strictObject({
  id,
  title: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  unit: goalUnit,
  targetValue: z.number().nullable(),
  stretch: z.boolean(),
  suggestedWeight: z.number(),
  /** Goals copied from this item so far. */
  timesUsed: z.number().int(),
  archived: z.boolean(),
  ...timestamps,
});
export type GoalLibraryItem = z.infer<typeof goalLibraryItem>;

export const goalsArea = defineArea({
  key: 'goals',
  label: 'Goals',
  summary: 'Organisation, department and individual goals with alignment, check-ins, roll-up and a goal library.',
  methods: {
    'goals.listGoals': read(
      z.strictObject({ ...goalListShape, ids: z.array(id).max(2000).optional() }),
      z.strictObject({ rows: z.array(goal) }),
      ['goals', 'people'],
    ),
    /** The goals grid's row source: a window of the view, sorted and filtered in SQL. */
    'goals.listGoalWindow': read(goalWindowQuery, pageOf(goal), ['goals', 'people']),
    'goals.exportGoals': read(goalExportQuery, exportedFile, ['goals', 'people']),
    /** Organisation and department goals (the ones a goal may align to), for options; archived ones only when asked. */
    'goals.listAlignableGoals': read(z.strictObject({ includeArchived: z.boolean().optional() }), z.strictObject({ rows: z.array(alignableGoal) }), ['goals', 'people']),
    'goals.saveGoals': write(batchOf(goalFields), z.strictObject({ rows: z.array(goal) })),
    'goals.archiveGoals': write(archiveInput, countOutput),
    'goals.recordCheckIn': write(
      z.strictObject({
        goalId: id, date: calendarDate,
        progress: z.number().min(0, 'Progress runs from 0 to 100.').max(100, 'Progress runs from 0 to 100.'),
        actualValue: z.number().finite().nullable().optional(), comment: optionalText(2000),
        /** The goal's status from now on; left out, a goal not started yet moves to on track once it has progress. */
        status: goalStatus.optional(),
      }),
      checkIn,
    ),
    'goals.listCheckIns': read(z.strictObject({ goalId: id }), z.strictObject({ rows: z.array(checkIn) })),
    'goals.getAlignmentTree': read(z.strictObject({ rootId: id }), z.strictObject({ nodes: z.array(alignmentNode) }), ['goals', 'people']),
    /** One goal of the alignment tree and the active goals aligned directly to it, each with its roll-up and child count. */
    'goals.getAlignmentBranch': read(z.strictObject({ goalId: id, /** Left out: true. False: the goal alone (its child count and roll-up). */ withChildren: z.boolean().optional() }), z.strictObject({ node: alignmentBranch, children: z.array(alignmentBranch) }), ['goals', 'people']),
    'goals.assignToTeam': write(
      z.strictObject({
        goalId: id.optional(),
        template: goalFields.omit({ scope: true, ownerId: true, alignedToId: true }).optional(),
        alignToId: id.optional(),
        employeeIds: z.array(id).min(1).max(20_000).optional(),
        departmentId: id.optional(),
      }),
      z.strictObject({ created: z.number().int(), ids: z.array(z.string()) }),
    ),

    'goals.listGoalLibrary': read(
      z.strictObject({ search: text(200).optional(), includeArchived: z.boolean().optional() }),
      z.strictObject({ rows: z.array(goalLibraryItem) }),
    ),
    'goals.saveGoalLibrary': write(batchOf(goalLibraryFields), z.strictObject({ rows: z.array(goalLibraryItem) })),
    'goals.archiveGoalLibrary': write(archiveInput, countOutput),
    /** One individual goal per person, copied from a library item for the period, optionally aligned to a higher goal. */
    'goals.copyFromLibrary': write(
      z.strictObject({
        itemId: id,
        employeeIds: z.array(id).min(1).max(20_000).optional(),
        departmentId: id.optional(),
        periodStart: calendarDate,
        periodEnd: calendarDate,
        alignToId: id.optional(),
      }),
      z.strictObject({ created: z.number().int(), ids: z.array(z.string()) }),
    ),
  },
});
