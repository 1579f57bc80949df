import { z } from 'zod';
import { exportedFile } from './admin';
import {
  archiveInput, batchOf, calendarDate, countOutput, defineArea, email, gridView, gridWindow, id, listAll, optionalText, pageOf, read, requiredText, text, timestamps, write,
  MAX_LONG_TEXT, MAX_TEXT,
} from './common';

// ---- Scales shared by key positions and people -------------------------------------------------

export const LEVELS = ['low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { low: 'Low', medium: 'Medium', high: 'High' };
const level = (what: string) => z.enum(LEVELS, { message: `${what} must be low, medium or high.` });

/** At most this many readiness levels; ranks run 1..MAX_RANK. */
export const MAX_READINESS_LEVELS = 8;
export const MAX_RANK = 99;

// ---- Readiness levels (configurable; the first in order is "ready now") -------------------------

export const readinessFields = z.strictObject({
  label: requiredText('Label', 60),
  shortLabel: requiredText('Short label', 12),
  sortOrder: z.number().int().min(1, `Order runs from 1 to ${MAX_READINESS_LEVELS}.`).max(MAX_READINESS_LEVELS, `Order runs from 1 to ${MAX_READINESS_LEVELS}.`),
  description: optionalText(500),
});
export const readinessLevel = z.strictObject({
  id, label: z.string(), shortLabel: z.string(), sortOrder: z.number().int(), description: z.string().nullable(), archived: z.boolean(), ...timestamps,
});
export type ReadinessLevel = z.infer<typeof readinessLevel>;

// ---- Key positions ------------------------------------------------------------------------------

export const keyPositionFields = z.strictObject({
  positionId: id,
  criticality: level('Criticality'),
  vacancyRisk: level('Vacancy risk'),
  reason: optionalText(1000),
  plannedLeaveDate: calendarDate.nullable().optional(),
});
/** A position marked key, with its details and its plan's bench. `id` is the position's id; `version` is 0 until details are saved. */
export const keyPosition = z.strictObject({
  id,
  positionId: z.string(),
  title: z.string(),
  departmentId: z.string(),
  departmentName: z.string().nullable(),
  jobId: z.string(),
  jobTitle: z.string().nullable(),
  incumbentId: z.string().nullable(),
  incumbentName: z.string().nullable(),
  criticality: z.enum(LEVELS),
  vacancyRisk: z.enum(LEVELS),
  reason: z.string().nullable(),
  plannedLeaveDate: z.string().nullable(),
  riskOfLoss: z.enum(LEVELS).nullable(),
  impactOfLoss: z.enum(LEVELS).nullable(),
  planId: z.string().nullable(),
  successors: z.number().int(),
  readyNow: z.number().int(),
  strength: z.number().int(),
  archived: z.boolean(),
  version: z.number().int(),
});
export type KeyPosition = z.infer<typeof keyPosition>;

// ---- Plans (one per key position; optionally one per job) --------------------------------------

export const planFields = z.strictObject({
  positionId: id.nullable().optional(),
  jobId: id.nullable().optional(),
  notes: optionalText(MAX_LONG_TEXT),
  reviewedOn: calendarDate.nullable().optional(),
});
export const readinessCount = z.strictObject({ readinessId: z.string(), count: z.number().int() });
export const plan = z.strictObject({
  id,
  positionId: z.string().nullable(),
  jobId: z.string().nullable(),
  /** "Head of Sales · Sales" or "Job: Account Executive (L3)". */
  label: z.string(),
  departmentName: z.string().nullable(),
  incumbentName: z.string().nullable(),
  notes: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  counts: z.array(readinessCount),
  successors: z.number().int(),
  readyNow: z.number().int(),
  emergencyCover: z.boolean(),
  strength: z.number().int(),
  archived: z.boolean(),
  ...timestamps,
});
export type Plan = z.infer<typeof plan>;

/** A count of successors at one readiness level, as a plans grid column: `count:<readiness level id>`. */
export type ReadinessCountField = `count:${string}`;
export const readinessCountField = (readinessId: string): ReadinessCountField => `count:${readinessId}`;
const readinessCountFieldSchema = z.templateLiteral(['count:', z.uuid()]);

/** The plans grid's columns, as its row source sorts and filters them (and a count column per readiness level). */
export const PLAN_GRID_FIELDS = ['positionId', 'jobId', 'incumbentName', 'emergencyLabel', 'strength', 'band', 'reviewedOn', 'notes'] as const;
export const planGridField = z.union([z.enum(PLAN_GRID_FIELDS), readinessCountFieldSchema]);
export type PlanGridField = z.infer<typeof planGridField>;
const planScope = { includeArchived: z.boolean().optional() };
export const planWindowQuery = z.strictObject({ ...planScope, ...gridWindow(planGridField) });
export type PlanWindowQuery = z.infer<typeof planWindowQuery>;
const exportShape = <F extends z.ZodType<string>>(field: F) => ({
  format: z.enum(['csv', 'xlsx']),
  title: z.string().min(1).max(100),
  columns: z.array(z.strictObject({ field, header: z.string().max(200) })).min(1).max(50),
});
export const planExportQuery = z.strictObject({ ...planScope, ...gridView(planGridField), ...exportShape(planGridField) });
export type PlanExportQuery = z.infer<typeof planExportQuery>;

/** A plan found for a picker or a grid cell; `listed` false for an archived plan or one whose position is no longer key. */
export const planHit = z.strictObject({
  id,
  positionId: z.string().nullable(),
  jobId: z.string().nullable(),
  /** The plan's label ("Head of Sales · Sales", "Job: Account Executive (L3)"). */
  label: z.string(),
  /** The position's title, or the job's label ("Account Executive (L3)"): what a user may type for it alone. */
  title: z.string(),
  listed: z.boolean(),
});
export type PlanHit = z.infer<typeof planHit>;
/** Type-ahead over the plans the plans page lists (labels containing every word typed), or the plans of `ids` / of positions `positionIds` whatever their state. */
export const planSearchInput = z.strictObject({
  query: text(MAX_TEXT).optional(),
  /** Only plans of key positions, or only plans of jobs. */
  of: z.enum(['position', 'job']).optional(),
  ids: z.array(id).max(2000).optional(),
  positionIds: z.array(id).max(2000).optional(),
  limit: z.number().int().min(1).max(50).optional(),
});
/** Texts naming plans (a label, a position's title, a job, an id), each to every listed plan it names. */
export const planResolveInput = z.strictObject({ texts: z.array(z.string().max(MAX_TEXT)).min(1).max(5000) });

/** The key positions grid's columns, as its row source sorts and filters them. */
export const KEY_POSITION_GRID_FIELDS = [
  'positionId', 'incumbentName', 'criticality', 'vacancyRisk', 'reason', 'plannedLeaveDate', 'riskOfLoss', 'impactOfLoss', 'successors', 'readyNow', 'strength', 'departmentName',
] as const;
export const keyPositionGridField = z.enum(KEY_POSITION_GRID_FIELDS);
export type KeyPositionGridField = z.infer<typeof keyPositionGridField>;
export const keyPositionWindowQuery = z.strictObject({ ...planScope, ...gridWindow(keyPositionGridField) });
export type KeyPositionWindowQuery = z.infer<typeof keyPositionWindowQuery>;
export const keyPositionExportQuery = z.strictObject({ ...planScope, ...gridView(keyPositionGridField), ...exportShape(keyPositionGridField) });
export type KeyPositionExportQuery = z.infer<typeof keyPositionExportQuery>;

// ---- Nominations (successors on a plan) ---------------------------------------------------------

export const nominationFields = z.strictObject({
  planId: id,
  employeeId: id.nullable().optional(),
  externalCandidateId: id.nullable().optional(),
  rank: z.number({ message: `Rank must be a whole number from 1 to ${MAX_RANK}.` }).int(`Rank must be a whole number from 1 to ${MAX_RANK}.`)
    .min(1, `Rank must be a whole number from 1 to ${MAX_RANK}.`).max(MAX_RANK, `Rank must be a whole number from 1 to ${MAX_RANK}.`),
  readinessId: id,
  /** Interim cover if the position falls vacant suddenly; left out, no. */
  emergency: z.boolean().optional(),
  notes: optionalText(2000),
  developmentActions: optionalText(2000),
});
export const SUCCESSOR_KINDS = ['employee', 'external'] as const;
export const nomination = z.strictObject({
  id,
  planId: z.string(),
  planLabel: z.string(),
  positionId: z.string().nullable(),
  jobId: z.string().nullable(),
  employeeId: z.string().nullable(),
  externalCandidateId: z.string().nullable(),
  kind: z.enum(SUCCESSOR_KINDS),
  successorName: z.string(),
  /** Where an internal successor sits today. */
  currentPositionTitle: z.string().nullable(),
  rank: z.number().int(),
  readinessId: z.string(),
  emergency: z.boolean(),
  notes: z.string().nullable(),
  developmentActions: z.string().nullable(),
  /** Weighted match of the successor's current skill levels to the requirements of the plan's job (0–100), internal successors only. */
  skillMatch: z.number().nullable(),
  /** The final rating of their latest completed review, with its label on that cycle's scale. */
  latestRating: z.number().nullable(),
  latestRatingLabel: z.string().nullable(),
  latestRatingCycle: z.string().nullable(),
  /** Potential agreed in their latest finalised calibration session, labelled on that session's scale. */
  latestPotentialLabel: z.string().nullable(),
  latestPotentialSession: z.string().nullable(),
  riskOfLoss: z.enum(LEVELS).nullable(),
  archived: z.boolean(),
  ...timestamps,
});
export type Nomination = z.infer<typeof nomination>;

export const nominateInput = z.strictObject({
  positionId: id,
  employeeId: id.optional(),
  externalCandidateId: id.optional(),
  readinessId: id,
  /** Left out: after the plan's last successor. */
  rank: nominationFields.shape.rank.optional(),
  emergency: z.boolean().optional(),
  notes: optionalText(2000),
});

// ---- External candidates -------------------------------------------------------------------------

export const externalCandidateFields = z.strictObject({
  name: requiredText('Name', 120),
  organisation: optionalText(120),
  currentRole: optionalText(120),
  email: email.nullable().optional(),
  notes: optionalText(2000),
});
export const externalCandidate = z.strictObject({
  id, name: z.string(), organisation: z.string().nullable(), currentRole: z.string().nullable(), email: z.string().nullable(), notes: z.string().nullable(),
  nominations: z.number().int(), archived: z.boolean(), ...timestamps,
});
export type ExternalCandidate = z.infer<typeof externalCandidate>;

// ---- Risk and impact of loss per person ----------------------------------------------------------

export const lossRiskFields = z.strictObject({
  employeeId: id,
  riskOfLoss: level('Risk of loss'),
  impactOfLoss: level('Impact of loss'),
  reason: optionalText(1000),
});
export const lossRisk = z.strictObject({
  id, employeeId: z.string(), employeeName: z.string(), positionTitle: z.string().nullable(), isKeyIncumbent: z.boolean(),
  riskOfLoss: z.enum(LEVELS), impactOfLoss: z.enum(LEVELS), reason: z.string().nullable(), archived: z.boolean(), ...timestamps,
});
export type LossRisk = z.infer<typeof lossRisk>;

// ---- Talent pools --------------------------------------------------------------------------------

export const talentPoolFields = z.strictObject({ name: requiredText('Name', 100), description: optionalText(2000) });
export const talentPool = z.strictObject({
  id, name: z.string(), description: z.string().nullable(), members: z.number().int(), positions: z.number().int(), archived: z.boolean(), ...timestamps,
});
export type TalentPool = z.infer<typeof talentPool>;
export const poolMemberFields = z.strictObject({ poolId: id, employeeId: id, notes: optionalText(1000) });
export const poolMember = z.strictObject({
  id, poolId: z.string(), poolName: z.string(), employeeId: z.string(), employeeName: z.string(), positionTitle: z.string().nullable(),
  notes: z.string().nullable(), archived: z.boolean(), ...timestamps,
});
export type PoolMember = z.infer<typeof poolMember>;
export const poolPositionFields = z.strictObject({ poolId: id, positionId: id });
export const poolPosition = z.strictObject({
  id, poolId: z.string(), poolName: z.string(), positionId: z.string(), positionTitle: z.string(), isKey: z.boolean(), archived: z.boolean(), ...timestamps,
});
export type PoolPosition = z.infer<typeof poolPosition>;

// ---- The chart's data (laid out by src-shared/domain/succession, on screen and in every export) ----

export const chartPerson = z.strictObject({
  id, name: z.string(), employeeNumber: z.string(), hasPhoto: z.boolean(), riskOfLoss: z.enum(LEVELS).nullable(), impactOfLoss: z.enum(LEVELS).nullable(),
});
export type ChartPerson = z.infer<typeof chartPerson>;
export const chartSuccessor = z.strictObject({
  nominationId: z.string(), planId: z.string(), kind: z.enum(SUCCESSOR_KINDS),
  /** The employee's or external candidate's id. */
  personId: z.string(),
  name: z.string(),
  rank: z.number().int(),
  readinessId: z.string(),
  emergency: z.boolean(),
  /** Where an internal successor sits today (vacancy chains move on from there). */
  currentPositionId: z.string().nullable(),
  riskOfLoss: z.enum(LEVELS).nullable(),
  hasPhoto: z.boolean(),
});
export type ChartSuccessor = z.infer<typeof chartSuccessor>;
export const chartPosition = z.strictObject({
  id, title: z.string(), reportsToId: z.string().nullable(), departmentId: z.string(), departmentName: z.string().nullable(),
  jobId: z.string(), jobTitle: z.string().nullable(), isKey: z.boolean(),
  criticality: z.enum(LEVELS).nullable(), vacancyRisk: z.enum(LEVELS).nullable(), reason: z.string().nullable(), plannedLeaveDate: z.string().nullable(),
  planId: z.string().nullable(),
  /** The position's own plan, its job's plan (when it has none), or none. */
  planSource: z.enum(['position', 'job']).nullable(),
  incumbent: chartPerson.nullable(),
  successors: z.array(chartSuccessor),
});
export type ChartPosition = z.infer<typeof chartPosition>;
export const chartData = z.strictObject({ readiness: z.array(readinessLevel), positions: z.array(chartPosition) });
export type ChartData = z.infer<typeof chartData>;

// ---- The chart on screen: only the positions shown, loaded as the user opens them ----------------

/** Levels the chart opens with below the top (or the focused position): the leadership tree. */
export const CHART_OPEN_LEVELS = 2;
/** "Expand all" loads whole levels while the chart stays at most this large. */
export const CHART_MAX_POSITIONS = 3_000;

export const chartNodesInput = z.strictObject({
  /** Start from this position (focus); left out, from the top of the organisation. */
  rootId: id.optional(),
  /** Whole levels below the start to load (0 = the start only); default CHART_OPEN_LEVELS. */
  levels: z.number().int().min(0).max(50).optional(),
  /** Stop before a level that would take the chart past this many positions. */
  maxPositions: z.number().int().min(1).max(CHART_MAX_POSITIONS).optional(),
  /** Also the direct reports of these positions (expanded on screen). */
  parentIds: z.array(id).max(5_000).optional(),
  /** Also these positions, every position above them, and the direct reports of those (search hits, chains, links). */
  revealIds: z.array(id).max(500).optional(),
});
export type ChartNodesInput = z.infer<typeof chartNodesInput>;
export const chartNode = chartPosition.extend({
  /** Direct reports in the whole organisation (loaded or not). */
  reports: z.number().int(),
  /** Every position below, at any level. */
  below: z.number().int(),
});
export type ChartNode = z.infer<typeof chartNode>;
export const chartNodes = z.strictObject({
  readiness: z.array(readinessLevel),
  positions: z.array(chartNode),
  /** Levels were cut short by `maxPositions`. */
  truncated: z.boolean(),
  /** Any employee has a photo (the export dialog says so). */
  hasPhotos: z.boolean(),
});
export type ChartNodes = z.infer<typeof chartNodes>;

export const chartSearchHit = z.strictObject({
  kind: z.enum(['position', 'person']),
  id: z.string(),
  /** What the search box lists: "Title · Department — Incumbent" or "Person: Name". */
  label: z.string(),
});
export type ChartSearchHit = z.infer<typeof chartSearchHit>;

/** Where a person (employee or external candidate) is on the chart: the position they hold and every position they are a successor for. */
export const chartPersonPlaces = z.strictObject({
  personId: z.string(),
  name: z.string().nullable(),
  kind: z.enum(SUCCESSOR_KINDS),
  holds: z.strictObject({ positionId: z.string(), title: z.string() }).nullable(),
  nominations: z.array(z.strictObject({
    positionId: z.string(), title: z.string(), departmentName: z.string().nullable(), nominationId: z.string(), rank: z.number().int(), readinessId: z.string(),
  })),
});
export type ChartPersonPlaces = z.infer<typeof chartPersonPlaces>;

const chainCandidate = z.strictObject({
  nominationId: z.string(), kind: z.enum(SUCCESSOR_KINDS), personId: z.string(), name: z.string(), rank: z.number().int(), readinessId: z.string(), currentPositionId: z.string().nullable(),
});
export const vacancyChainResult = z.strictObject({
  steps: z.array(z.strictObject({
    positionId: z.string(),
    title: z.string(),
    leaver: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
    successor: chainCandidate.nullable(),
    skipped: z.array(z.strictObject({ personId: z.string(), name: z.string(), reason: z.enum(['left', 'moved']) })),
  })),
  end: z.enum(['no-ready-successor', 'external', 'no-position']),
  gaps: z.array(z.string()),
});

// ---- Exports -------------------------------------------------------------------------------------

export const CHART_FORMATS = ['svg', 'png', 'pdf', 'pptx'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];
/** Cap on PNG exports: the longer side and the pixel count. */
export const PNG_MAX_SIDE = 16_000;
export const PNG_MAX_PIXELS = 64_000_000;

export const chartScope = z.strictObject({
  /** A position whose subtree is charted; left out, the whole organisation. */
  rootId: id.optional(),
  /** How many levels below the root (1 = the root and its direct reports). */
  levels: z.number().int().min(1, 'Levels run from 1 to 50.').max(50, 'Levels run from 1 to 50.').optional(),
  /** Positions shown collapsed (their reports left out), as on screen. */
  collapsedIds: z.array(id).max(20_000).optional(),
});
export type ChartScope = z.infer<typeof chartScope>;

export const chartExportInput = z.strictObject({
  format: z.enum(CHART_FORMATS, { message: 'Format must be svg, png, pdf or pptx.' }),
  scope: chartScope,
  photos: z.boolean(),
  /** PDF: one page scaled to fit, or pages split by subtree with an index. */
  pdfLayout: z.enum(['fit', 'tiled']).optional(),
  paper: z.enum(['A4', 'A3']).optional(),
  /** PNG: the width in pixels, or a resolution (96 dpi = one pixel per point of the chart). */
  pngWidth: z.number().int().min(100, 'The width runs from 100 px.').max(PNG_MAX_SIDE, `At most ${PNG_MAX_SIDE.toLocaleString('en')} px wide.`).optional(),
  pngDpi: z.number().int().min(24, 'The resolution runs from 24 to 600 dpi.').max(600, 'The resolution runs from 24 to 600 dpi.').optional(),
});
export type ChartExportInput = z.infer<typeof chartExportInput>;

// ---- Photos --------------------------------------------------------------------------------------

/** Photos larger than this are refused (each file, before decoding). */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** A zip of photos is at most this large. */
export const MAX_PHOTO_ZIP_BYTES = 40 * 1024 * 1024;
const base64Of = (bytes: number, what: string) =>
  z.string().min(1, 'The file is empty.').max(Math.ceil((bytes * 4) / 3) + 4, `${what} is larger than ${Math.round(bytes / 1024 / 1024)} MB.`);
export const photoFile = z.strictObject({ fileName: requiredText('File name', 255), contentBase64: base64Of(MAX_PHOTO_ZIP_BYTES, 'The file') });
export const photoImportInput = z.strictObject({
  /** Images named by employee number (E000123.jpg), or one .zip of them. */
  files: z.array(photoFile).min(1, 'Choose at least one image or a zip.').max(500, 'At most 500 files at a time.'),
  /** Check everything and store nothing (a folder sent in several calls is checked whole before any is stored). */
  dryRun: z.boolean().optional(),
});
export const photoImportResult = z.strictObject({ imported: z.number().int(), replaced: z.number().int() });

// ---- Per person, insights ------------------------------------------------------------------------

export const personSuccession = z.strictObject({
  employeeId: z.string(),
  nominations: z.array(z.strictObject({
    nominationId: z.string(), planId: z.string(), positionId: z.string().nullable(), label: z.string(), rank: z.number().int(),
    readinessId: z.string(), readinessLabel: z.string(), emergency: z.boolean(),
  })),
  /** The key position they hold, with its bench. */
  holds: z.strictObject({ positionId: z.string(), title: z.string(), isKey: z.boolean(), successors: z.number().int(), readyNow: z.number().int() }).nullable(),
  risk: z.strictObject({ riskOfLoss: z.enum(LEVELS), impactOfLoss: z.enum(LEVELS), reason: z.string().nullable() }).nullable(),
  pools: z.array(z.strictObject({ poolId: z.string(), name: z.string() })),
  hasPhoto: z.boolean(),
});
export type PersonSuccession = z.infer<typeof personSuccession>;

const namedCount = z.strictObject({ id: z.string(), name: z.string(), count: z.number().int() });
export const successionInsights = z.strictObject({
  keyPositions: z.number().int(),
  /** Key positions with at least one successor at the first readiness level. */
  covered: z.number().int(),
  coverage: z.number(),
  nominations: z.number().int(),
  averageStrength: z.number(),
  readiness: z.array(z.strictObject({ readinessId: z.string(), label: z.string(), count: z.number().int() })),
  byDepartment: z.array(z.strictObject({
    departmentId: z.string(), name: z.string(), keyPositions: z.number().int(), covered: z.number().int(), averageStrength: z.number(),
  })),
  withoutSuccessor: z.array(z.strictObject({ positionId: z.string(), title: z.string(), departmentName: z.string().nullable(), incumbentName: z.string().nullable(), criticality: z.enum(LEVELS) })),
  successorsAtRisk: z.array(z.strictObject({ employeeId: z.string(), name: z.string(), riskOfLoss: z.enum(LEVELS), impactOfLoss: z.enum(LEVELS), nominations: z.number().int() })),
  /** People nominated for three or more positions. */
  widelyNominated: z.array(namedCount),
});
export type SuccessionInsights = z.infer<typeof successionInsights>;

const rowsOf = <T extends z.ZodType>(item: T) => z.strictObject({ rows: z.array(item) });
const everything = ['succession', 'people', 'skills', 'reviews'] as const;

export const successionArea = defineArea({
  key: 'succession',
  label: 'Succession',
  summary: 'Key positions, succession plans with ready-now / 1–2 / 3+ successors, charts exported to files.',
  methods: {
    'succession.listReadinessLevels': read(listAll, rowsOf(readinessLevel)),
    'succession.saveReadinessLevels': write(batchOf(readinessFields), rowsOf(readinessLevel)),
    'succession.archiveReadinessLevels': write(archiveInput, countOutput),

    /** With `ids`, only those positions (when key): the chart's panel reads one. */
    'succession.listKeyPositions': read(listAll.extend({ ids: z.array(id).max(500).optional() }), rowsOf(keyPosition), ['succession', 'people']),
    /** A window of the key positions grid: sort, column filters and quick filter on the text it shows, in SQL. `includeArchived`: also positions unmarked since. */
    'succession.listKeyPositionWindow': read(keyPositionWindowQuery, pageOf(keyPosition), ['succession', 'people']),
    /** Every row of the same view as a CSV or XLSX file, columns as the grid shows them. */
    'succession.exportKeyPositions': read(keyPositionExportQuery, exportedFile, ['succession', 'people']),
    /** Marks positions key (a new row names the position) and edits their details. */
    'succession.saveKeyPositions': write(batchOf(keyPositionFields), rowsOf(keyPosition), ['succession', 'people']),
    /** Unmarks key positions (ids are position ids); details and plans are kept for when they are marked again. */
    'succession.unmarkKeyPositions': write(archiveInput, countOutput, ['succession', 'people']),

    /** Every plan with its bench: for tools and tests; the plans page reads `listPlanWindow`. */
    'succession.listPlans': read(listAll, rowsOf(plan), ['succession', 'people']),
    /** A window of the plans grid: sort, column filters and quick filter on the text it shows (bench figures included), in SQL. */
    'succession.listPlanWindow': read(planWindowQuery, pageOf(plan), ['succession', 'people']),
    /** Every row of the same view as a CSV or XLSX file, columns as the grid shows them. */
    'succession.exportPlanView': read(planExportQuery, exportedFile, ['succession', 'people']),
    'succession.searchPlans': read(planSearchInput, z.strictObject({ rows: z.array(planHit), more: z.boolean() }), ['succession', 'people']),
    'succession.resolvePlans': read(planResolveInput, z.strictObject({ matches: z.array(z.array(planHit)) }), ['succession', 'people']),
    /** How many plans the plans page lists and how many successors are named on them. */
    'succession.getPlanTotals': read(z.strictObject({}), z.strictObject({ plans: z.number().int(), successors: z.number().int() }), ['succession', 'people']),
    'succession.savePlans': write(batchOf(planFields), rowsOf(plan)),
    'succession.archivePlans': write(archiveInput, countOutput),

    'succession.listNominations': read(
      z.strictObject({ planId: id.optional(), employeeId: id.optional(), includeArchived: z.boolean().optional() }),
      rowsOf(nomination),
      [...everything],
    ),
    'succession.saveNominations': write(batchOf(nominationFields), rowsOf(nomination)),
    'succession.archiveNominations': write(archiveInput, countOutput),
    /** Nominates a successor for a key position from the chart (its plan is made when it has none). */
    'succession.nominateSuccessor': write(nominateInput, nomination),

    'succession.listExternalCandidates': read(listAll, rowsOf(externalCandidate)),
    'succession.saveExternalCandidates': write(batchOf(externalCandidateFields), rowsOf(externalCandidate)),
    'succession.archiveExternalCandidates': write(archiveInput, countOutput),

    'succession.listLossRisks': read(listAll, rowsOf(lossRisk), ['succession', 'people']),
    'succession.saveLossRisks': write(batchOf(lossRiskFields), rowsOf(lossRisk)),
    'succession.archiveLossRisks': write(archiveInput, countOutput),

    'succession.listTalentPools': read(listAll, rowsOf(talentPool)),
    'succession.saveTalentPools': write(batchOf(talentPoolFields), rowsOf(talentPool)),
    'succession.archiveTalentPools': write(archiveInput, countOutput),
    'succession.listPoolMembers': read(z.strictObject({ poolId: id.optional(), includeArchived: z.boolean().optional() }), rowsOf(poolMember), ['succession', 'people']),
    'succession.savePoolMembers': write(batchOf(poolMemberFields), rowsOf(poolMember)),
    'succession.archivePoolMembers': write(archiveInput, countOutput),
    'succession.listPoolPositions': read(z.strictObject({ poolId: id.optional(), includeArchived: z.boolean().optional() }), rowsOf(poolPosition), ['succession', 'people']),
    'succession.savePoolPositions': write(batchOf(poolPositionFields), rowsOf(poolPosition)),
    'succession.archivePoolPositions': write(archiveInput, countOutput),

    /** The whole chart (every position): for tests and tools; the screen reads `getChartNodes`. */
    'succession.getChart': read(z.strictObject({}), chartData, ['succession', 'people']),
    /** The positions the chart shows: a number of levels from the top or a focus, expanded positions' reports, revealed paths. */
    'succession.getChartNodes': read(chartNodesInput, chartNodes, ['succession', 'people']),
    /** Positions (title, department, incumbent) and people (incumbents, successors) matching typed text, for the chart's search box. */
    'succession.searchChart': read(z.strictObject({ query: z.string().trim().min(1, 'Type something to search for.').max(100) }), z.strictObject({ hits: z.array(chartSearchHit) }), ['succession', 'people']),
    'succession.getChartPerson': read(z.strictObject({ personId: id }), chartPersonPlaces, ['succession', 'people']),
    /** "What if they leave": the moves when the holder of a position leaves (see vacancyChain). */
    'succession.getVacancyChain': read(z.strictObject({ positionId: id, readyLevels: z.number().int().min(1).max(MAX_READINESS_LEVELS) }), vacancyChainResult, ['succession', 'people']),
    'succession.getPersonSuccession': read(z.strictObject({ employeeId: id }), personSuccession, ['succession', 'people']),
    'succession.getInsights': read(z.strictObject({}), successionInsights, ['succession', 'people']),

    'succession.getPhotos': read(z.strictObject({ employeeIds: z.array(id).max(1000) }), z.strictObject({ photos: z.array(z.strictObject({ employeeId: z.string(), dataUrl: z.string() })) })),
    'succession.importPhotos': write(photoImportInput, photoImportResult),
    'succession.removePhotos': write(z.strictObject({ employeeIds: z.array(id).min(1).max(20_000) }), countOutput),

    'succession.exportChart': read(chartExportInput, exportedFile, ['succession', 'people']),
    'succession.exportPlans': read(z.strictObject({}), exportedFile, [...everything]),
  },
});
