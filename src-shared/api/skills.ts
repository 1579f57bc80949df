import { z } from 'zod';
import { exportedFile } from './admin';
import { archiveInput, batchOf, calendarDate, countOutput, defineArea, id, listAll, optionalText, read, requiredText, timestamps, version, write, MAX_LONG_TEXT } from './common';

export const SKILL_SOURCES = ['self', 'manager', 'assessment', 'course', 'import'] as const;
export const skillSource = z.enum(SKILL_SOURCES, { message: 'Source must be self, manager, assessment, course or import.' });
export const SKILL_SOURCE_LABELS: Record<(typeof SKILL_SOURCES)[number], string> = {
  self: 'Self', manager: 'Manager', assessment: 'Assessment', course: 'Course', import: 'Import',
};

const levelValue = z.number().int().min(1, 'Levels start at 1.').max(10, 'A rating model has at most 10 levels.');
const nullableId = id.nullable().optional();
// ---- Skill types ----------------------------------------------------------------
export const skillTypeFields = z.strictObject({ name: requiredText('Name', 100), description: optionalText(MAX_LONG_TEXT) });
export const skillType = z.strictObject({ id, name: z.string(), description: z.string().nullable(), archived: z.boolean(), skillCount: z.number().int(), ...timestamps });
export type SkillType = z.infer<typeof skillType>;

// ---- Rating models ----------------------------------------------------------------
export const ratingLevelInput = z.strictObject({
  label: requiredText('Level label', 60),
  description: optionalText(1000),
  factor: z.number().int().min(0, 'Factors run from 0 to 9.').max(9, 'Factors run from 0 to 9.'),
});
export const ratingLevel = z.strictObject({ value: z.number().int(), label: z.string(), description: z.string().nullable(), factor: z.number().int() });
export type RatingLevel = z.infer<typeof ratingLevel>;
export const ratingModelInput = z.strictObject({
  id: id.optional(),
  version: version.optional(),
  name: requiredText('Name', 100),
  description: optionalText(MAX_LONG_TEXT),
  /** In order, lowest first; a level's value is its position (1..n). */
  levels: z.array(ratingLevelInput).min(2, 'A rating model needs at least 2 levels.').max(10, 'A rating model has at most 10 levels.'),
});
export const ratingModel = z.strictObject({
  id, name: z.string(), description: z.string().nullable(), archived: z.boolean(), levels: z.array(ratingLevel), skillCount: z.number().int(), ...timestamps,
});
export type RatingModel = z.infer<typeof ratingModel>;

// ---- Skills ----------------------------------------------------------------------
export const skillFields = z.strictObject({
  name: requiredText('Name', 200),
  description: optionalText(MAX_LONG_TEXT),
  skillTypeId: id,
  ratingModelId: id,
  parentId: nullableId,
  externalId: optionalText(500),
});
export const skill = z.strictObject({
  id, name: z.string(), description: z.string().nullable(), skillTypeId: z.string(), ratingModelId: z.string(),
  parentId: z.string().nullable(), externalId: z.string().nullable(), archived: z.boolean(), ...timestamps,
});
export type Skill = z.infer<typeof skill>;

// ---- Job requirements (the skill-mapping matrix) ----------------------------------
export const requirement = z.strictObject({ id, jobId: z.string(), skillId: z.string(), level: z.number().int(), weight: z.number(), ...timestamps });
export type Requirement = z.infer<typeof requirement>;
/** One cell of the matrix: level null removes the requirement; weight 1 (nice to have) … 5 (critical). */
export const requirementChange = z.strictObject({
  jobId: id,
  skillId: id,
  level: levelValue.nullable(),
  weight: z.number().min(0.1, 'Weight runs from 0.1 to 5.').max(5, 'Weight runs from 0.1 to 5.').optional(),
});

// ---- Employee skill levels (history) and targets -----------------------------------
export const levelRecord = z.strictObject({
  employeeId: id,
  skillId: id,
  /** null records that the skill no longer applies. */
  level: levelValue.nullable(),
  effectiveDate: calendarDate,
  source: skillSource,
  verifiedBy: optionalText(100),
  notes: optionalText(2000),
});
export const employeeSkill = z.strictObject({
  skillId: z.string(),
  level: z.number().int().nullable(),
  effectiveDate: z.string().nullable(),
  source: skillSource.nullable(),
  verifiedBy: z.string().nullable(),
  notes: z.string().nullable(),
  targetLevel: z.number().int().nullable(),
  targetDueDate: z.string().nullable(),
  requiredLevel: z.number().int().nullable(),
});
export type EmployeeSkill = z.infer<typeof employeeSkill>;
export const levelHistoryEntry = z.strictObject({
  id, skillId: z.string(), level: z.number().int().nullable(), effectiveDate: z.string(), source: skillSource,
  verifiedBy: z.string().nullable(), notes: z.string().nullable(), recordedAt: z.string(), recordedBy: z.string(),
});
export const targetChange = z.strictObject({ employeeId: id, skillId: id, level: levelValue.nullable(), dueDate: calendarDate.nullable().optional() });

// ---- Gap analysis and search ----------------------------------------------------------
const asOf = calendarDate.optional();
export const gapRow = z.strictObject({
  skillId: z.string(),
  skillName: z.string(),
  skillTypeId: z.string(),
  weight: z.number(),
  requiredLevel: z.number().int(),
  requiredLabel: z.string(),
  currentLevel: z.number().int().nullable(),
  currentLabel: z.string().nullable(),
  /** 0 = met; 1 = the whole scale short (gap in factors / 9). */
  gap: z.number(),
  met: z.boolean(),
});
export type GapRow = z.infer<typeof gapRow>;
export const personGap = z.strictObject({
  employeeId: z.string(),
  jobId: z.string().nullable(),
  jobTitle: z.string().nullable(),
  asOf: z.string(),
  rows: z.array(gapRow),
  /** Share of requirements met, 0-100. */
  coverage: z.number(),
  /** Weighted match, 0-100 (each requirement counts by weight; partial levels count partly). */
  match: z.number(),
});
export type PersonGap = z.infer<typeof personGap>;
export const heatmap = z.strictObject({
  asOf: z.string(),
  employees: z.array(z.strictObject({ id, name: z.string(), jobTitle: z.string().nullable() })),
  skills: z.array(z.strictObject({ id, name: z.string() })),
  /** Only cells where the employee's job requires the skill. */
  cells: z.array(z.strictObject({ employeeId: z.string(), skillId: z.string(), requiredLevel: z.number().int(), currentLevel: z.number().int().nullable(), gap: z.number() })),
});
export type Heatmap = z.infer<typeof heatmap>;
export const orgGapSummary = z.strictObject({
  asOf: z.string(),
  requirements: z.number().int(),
  met: z.number().int(),
  coverage: z.number(),
  topSkills: z.array(z.strictObject({ skillId: z.string(), name: z.string(), requirements: z.number().int(), unmet: z.number().int(), averageGap: z.number() })),
  topDepartments: z.array(z.strictObject({ departmentId: z.string(), name: z.string(), requirements: z.number().int(), unmet: z.number().int(), coverage: z.number() })),
});
export type OrgGapSummary = z.infer<typeof orgGapSummary>;
export const gapPeople = z.strictObject({
  rows: z.array(z.strictObject({ employeeId: z.string(), name: z.string(), departmentName: z.string().nullable(), jobTitle: z.string().nullable(), requiredLevel: z.number().int(), currentLevel: z.number().int().nullable(), gap: z.number() })),
});
export const searchCriterion = z.strictObject({ skillId: id, minLevel: levelValue, weight: z.number().min(0.1).max(5).optional() });
export const skillSearchInput = z.strictObject({
  criteria: z.array(searchCriterion).min(1, 'Add at least one skill.').max(30),
  departmentId: id.optional(),
  jobId: id.optional(),
  location: z.string().max(100).optional(),
  asOf,
  limit: z.number().int().min(1).max(1000).optional(),
});
export type SkillSearchInput = z.infer<typeof skillSearchInput>;
export const skillSearchResult = z.strictObject({
  rows: z.array(z.strictObject({
    employeeId: z.string(), name: z.string(), jobTitle: z.string().nullable(), departmentName: z.string().nullable(), location: z.string().nullable(),
    match: z.number(),
    levels: z.array(z.strictObject({ skillId: z.string(), level: z.number().int().nullable(), meets: z.boolean() })),
  })),
  total: z.number().int(),
});
export const gapReportInput = z.strictObject({
  report: z.enum(['person', 'organisation', 'heatmap']),
  employeeId: id.optional(),
  jobId: id.optional(),
  departmentId: id.optional(),
  includeSubdepartments: z.boolean().optional(),
  skillTypeId: id.optional(),
  asOf,
});
export const savedSearch = z.strictObject({ id, name: z.string(), criteria: skillSearchInput, ...timestamps });

export const skillsArea = defineArea({
  key: 'skills',
  label: 'Skills',
  summary: 'Skill repository, rating models, job requirements, employee skill profiles, gap analysis and skill search.',
  methods: {
    'skills.listSkillTypes': read(listAll, z.strictObject({ rows: z.array(skillType) })),
    'skills.saveSkillTypes': write(batchOf(skillTypeFields), z.strictObject({ rows: z.array(skillType) })),
    'skills.archiveSkillTypes': write(archiveInput, countOutput),

    'skills.listRatingModels': read(listAll, z.strictObject({ rows: z.array(ratingModel) })),
    'skills.saveRatingModel': write(ratingModelInput, ratingModel),
    'skills.archiveRatingModels': write(archiveInput, countOutput),

    'skills.listSkills': read(listAll, z.strictObject({ rows: z.array(skill) })),
    'skills.saveSkills': write(batchOf(skillFields), z.strictObject({ rows: z.array(skill) })),
    'skills.archiveSkills': write(archiveInput, countOutput),

    'skills.listRequirements': read(z.strictObject({ jobId: id.optional(), skillId: id.optional() }), z.strictObject({ rows: z.array(requirement) }), ['skills', 'people']),
    'skills.saveRequirements': write(z.strictObject({ changes: z.array(requirementChange).min(1).max(50_000) }), z.strictObject({ saved: z.number().int(), removed: z.number().int() })),
    'skills.copyRequirements': write(
      z.strictObject({ fromJobId: id, toJobIds: z.array(id).min(1).max(5000), mode: z.enum(['replace', 'merge']) }),
      z.strictObject({ jobs: z.number().int(), requirements: z.number().int() }),
    ),

    'skills.listEmployeeSkills': read(z.strictObject({ employeeId: id, asOf }), z.strictObject({ asOf: z.string(), rows: z.array(employeeSkill) }), ['skills', 'people']),
    'skills.getSkillHistory': read(z.strictObject({ employeeId: id, skillId: id.optional() }), z.strictObject({ rows: z.array(levelHistoryEntry) })),
    'skills.recordLevels': write(z.strictObject({ rows: z.array(levelRecord).min(1).max(50_000) }), z.strictObject({ recorded: z.number().int() })),
    'skills.setTargets': write(z.strictObject({ rows: z.array(targetChange).min(1).max(50_000) }), z.strictObject({ saved: z.number().int(), removed: z.number().int() })),

    'skills.getPersonGap': read(z.strictObject({ employeeId: id, jobId: id.optional(), asOf }), personGap, ['skills', 'people']),
    'skills.getHeatmap': read(z.strictObject({ departmentId: id, includeSubdepartments: z.boolean().optional(), skillTypeId: id.optional(), asOf }), heatmap, ['skills', 'people']),
    'skills.getOrgGapSummary': read(z.strictObject({ asOf, limit: z.number().int().min(1).max(100).optional() }), orgGapSummary, ['skills', 'people']),
    'skills.listGapPeople': read(z.strictObject({ skillId: id, departmentId: id.optional(), onlyUnmet: z.boolean().optional(), asOf }), gapPeople, ['skills', 'people']),
    'skills.searchBySkills': read(skillSearchInput, skillSearchResult, ['skills', 'people']),
    'skills.listSavedSearches': read(z.strictObject({}), z.strictObject({ rows: z.array(savedSearch) })),
    'skills.saveSearch': write(z.strictObject({ id: id.optional(), version: version.optional(), name: requiredText('Name', 100), criteria: skillSearchInput }), savedSearch),
    'skills.deleteSearch': write(z.strictObject({ id }), z.strictObject({ ok: z.literal(true) })),
    'skills.exportGapReport': read(gapReportInput, exportedFile, ['skills', 'people']),
  },
});
