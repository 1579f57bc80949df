import { z } from 'zod';
import { filePath, passphrase, securityMethods } from './admin-security';
import { defineArea, id, read, sentenceIssue, write, MAX_TEXT } from './common';

export const IMPORT_KINDS = ['employees', 'departments', 'jobs', 'positions', 'skills'] as const;
export const importKind = z.enum(IMPORT_KINDS);
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * A field an import may fill. Headers match a field by its key, label or aliases, ignoring case,
 * punctuation, CamelCase and snake_case. `input` says what a value typed for every row is
 * (a date, a status…); plain text otherwise.
 */
export interface ImportField {
  key: string;
  label: string;
  required: boolean;
  aliases: readonly string[];
  input?: 'date' | 'status' | 'yesNo';
  hint?: string;
}

/** Fields an employee file may fill. */
export const EMPLOYEE_IMPORT_FIELDS = [
  { key: 'employeeNumber', label: 'Employee number', required: true, aliases: ['employee id', 'emp no', 'emp id', 'employee no', 'staff id', 'staff number', 'personnel number', 'number', 'id'] },
  { key: 'firstName', label: 'First name', required: true, aliases: ['given name', 'forename', 'first'] },
  { key: 'lastName', label: 'Last name', required: true, aliases: ['surname', 'family name', 'last'] },
  { key: 'email', label: 'Email', required: false, aliases: ['e-mail', 'email address', 'work email'] },
  { key: 'hireDate', label: 'Hire date', required: true, aliases: ['start date', 'date hired', 'hired', 'date of hire', 'joining date'], input: 'date' },
  { key: 'status', label: 'Status', required: false, aliases: ['employment status'], input: 'status' },
  { key: 'managerNumber', label: 'Manager', required: false, aliases: ['manager number', 'manager id', 'manager employee number', 'line manager', 'supervisor', 'reports to'], hint: 'employee number, email or "Name (Number)"' },
  { key: 'department', label: 'Department', required: false, aliases: ['dept', 'department name', 'team'] },
  { key: 'parentDepartment', label: 'Parent department', required: false, aliases: ['division', 'parent'] },
  { key: 'jobTitle', label: 'Job title', required: false, aliases: ['job', 'title', 'role', 'job role', 'position title', 'job name'] },
  { key: 'jobFamily', label: 'Job family', required: false, aliases: ['family', 'function', 'job function'] },
  { key: 'jobLevel', label: 'Job level', required: false, aliases: ['level', 'grade', 'job grade'] },
  { key: 'positionTitle', label: 'Position', required: false, aliases: ['position name'] },
  { key: 'location', label: 'Location', required: false, aliases: ['office', 'site', 'city', 'work location'] },
] as const satisfies readonly ImportField[];
export type EmployeeImportField = (typeof EMPLOYEE_IMPORT_FIELDS)[number]['key'];

/** The departments grid's export (Name, Code, Parent department) and files like it. */
export const DEPARTMENT_IMPORT_FIELDS = [
  { key: 'name', label: 'Name', required: true, aliases: ['department', 'department name', 'dept', 'team'] },
  { key: 'code', label: 'Code', required: false, aliases: ['department code', 'dept code'] },
  { key: 'parent', label: 'Parent department', required: false, aliases: ['parent', 'parent name', 'division', 'reports into'] },
] as const satisfies readonly ImportField[];

/** The jobs grid's export (Title, Job family, Level / grade, Description). */
export const JOB_IMPORT_FIELDS = [
  { key: 'title', label: 'Title', required: true, aliases: ['job title', 'job', 'role', 'job role', 'position title'] },
  { key: 'family', label: 'Job family', required: false, aliases: ['family', 'function', 'job function'] },
  { key: 'level', label: 'Level / grade', required: false, aliases: ['level', 'grade', 'job level', 'job grade'] },
  { key: 'description', label: 'Description', required: false, aliases: ['summary'] },
] as const satisfies readonly ImportField[];

/** The positions grid's export (Title, Job, Department, Reports to, Incumbent, Key position). */
export const POSITION_IMPORT_FIELDS = [
  { key: 'title', label: 'Title', required: true, aliases: ['position', 'position title', 'position name'] },
  { key: 'job', label: 'Job', required: true, aliases: ['job title', 'role', 'job role'], hint: 'job title, or "Title (Level)"' },
  { key: 'department', label: 'Department', required: true, aliases: ['dept', 'department name', 'team'] },
  { key: 'reportsTo', label: 'Reports to', required: false, aliases: ['reports to position', 'parent position'], hint: 'position as "Title · Department"' },
  { key: 'incumbent', label: 'Incumbent', required: false, aliases: ['holder', 'employee', 'incumbent number'], hint: 'employee number, email or "Name (Number)"' },
  { key: 'isKey', label: 'Key position', required: false, aliases: ['key', 'is key'], input: 'yesNo' },
] as const satisfies readonly ImportField[];

/** A skills taxonomy file; the aliases cover ESCO's skills file (conceptUri, preferredLabel, altLabels, skillType, description). */
export const SKILL_IMPORT_FIELDS = [
  { key: 'externalId', label: 'External id', required: false, aliases: ['concepturi', 'uri', 'external id', 'esco uri', 'code'] },
  { key: 'name', label: 'Name', required: true, aliases: ['preferredlabel', 'preferred label', 'skill', 'skill name', 'title'] },
  { key: 'altLabels', label: 'Other names', required: false, aliases: ['altlabels', 'alt labels', 'alternative labels', 'synonyms'] },
  { key: 'skillType', label: 'Skill type', required: false, aliases: ['skilltype', 'type', 'category'] },
  { key: 'description', label: 'Description', required: false, aliases: ['definition', 'scopenote'] },
  { key: 'ratingModel', label: 'Rating model', required: false, aliases: ['rating model', 'scale'] },
  { key: 'parent', label: 'Parent skill', required: false, aliases: ['parent', 'broader', 'broader skill', 'parent id'] },
] as const satisfies readonly ImportField[];

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  employees: EMPLOYEE_IMPORT_FIELDS,
  departments: DEPARTMENT_IMPORT_FIELDS,
  jobs: JOB_IMPORT_FIELDS,
  positions: POSITION_IMPORT_FIELDS,
  skills: SKILL_IMPORT_FIELDS,
};

const MAX_FILE_BASE64 = 60 * 1024 * 1024;
export const importFile = {
  kind: importKind,
  fileName: z.string().min(1).max(MAX_TEXT),
  contentBase64: z.string().min(1, 'The file is empty.').max(MAX_FILE_BASE64, 'The file is larger than 45 MB.'),
  /** Which sheet of a workbook to read; a workbook with several sheets must name one. */
  sheet: z.string().max(MAX_TEXT).optional(),
};

/**
 * Where a field's value comes from: a column of the file (its header), one value for every
 * row, or a pattern that names other columns in braces ("Employee {EmployeeNumber}").
 */
export const importSource = z.union([
  z.string().max(MAX_TEXT),
  z.strictObject({ value: z.string().max(MAX_TEXT) }),
  z.strictObject({ pattern: z.string().max(MAX_TEXT) }),
]);
export type ImportSource = z.infer<typeof importSource>;
/** field key → its source (absent = not imported). */
export const importMapping = z.record(z.string().max(64), importSource);
export type ImportMapping = z.infer<typeof importMapping>;

export const importIssue = z.strictObject({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportIssue = z.infer<typeof importIssue>;

/** The preview lists at most this many problems; the report file has them all. */
export const MAX_PREVIEW_ISSUES = 1000;

export const IMPORT_CREATES = ['department', 'job', 'position', 'skill type'] as const;
export const importPreview = z.strictObject({
  /** The workbook's sheets ([] for CSV). */
  sheets: z.array(z.string()),
  /** The sheet read; null when a workbook has several sheets and none was chosen yet. */
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: importMapping,
  rowCount: z.number().int(),
  sampleRows: z.array(z.array(z.string())),
  /** The first MAX_PREVIEW_ISSUES problems, by row. */
  issues: z.array(importIssue),
  /** How many problems there are in all. */
  issueCount: z.number().int(),
  summary: z.strictObject({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() }),
  /** Records the import creates besides the rows themselves (departments and jobs an employee file names…). */
  creates: z.array(z.strictObject({ entity: z.enum(IMPORT_CREATES), count: z.number().int(), names: z.array(z.string()) })),
});
export type ImportPreview = z.infer<typeof importPreview>;
export const importResult = z.strictObject({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export type ImportResult = z.infer<typeof importResult>;

/** One field of an audit event as the UI shows it: its label and its values as names, labels and dates. */
export const auditChange = z.strictObject({
  field: z.string(),
  label: z.string(),
  /** `changed`: before → after; `set`: the event records only the value (a creation, a note of what happened). */
  kind: z.enum(['changed', 'set']),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditChange = z.infer<typeof auditChange>;

export const auditEvent = z.strictObject({
  id,
  at: z.string(),
  actor: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  /** The raw payloads (JSON), for the "raw" view. */
  before: z.string().nullable(),
  after: z.string().nullable(),
  entityLabel: z.string(),
  /** The record by name ("Ada Lovelace (E000123)"); a record that no longer exists by its last known name. */
  recordLabel: z.string(),
  recordExists: z.boolean(),
  actionLabel: z.string(),
  changes: z.array(auditChange),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditQuery = z.strictObject({
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
  entity: z.string().max(64).optional(),
  entityId: z.string().max(4096).optional(),
  actor: z.string().max(200).optional(),
  /** From this instant (inclusive) to that one (exclusive), ISO 8601 UTC: the UI turns the user's days into instants. */
  from: z.iso.datetime({ message: 'Use an ISO date and time.' }).optional(),
  to: z.iso.datetime({ message: 'Use an ISO date and time.' }).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditRecord = z.strictObject({ entity: z.string(), entityId: z.string(), entityLabel: z.string(), label: z.string() });
export type AuditRecord = z.infer<typeof auditRecord>;

export const databaseStatus = z.strictObject({
  path: z.string(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  isEmpty: z.boolean(),
  sizeBytes: z.number().int(),
  counts: z.strictObject({
    departments: z.number().int(),
    jobs: z.number().int(),
    positions: z.number().int(),
    employees: z.number().int(),
  }),
});
export type DatabaseStatus = z.infer<typeof databaseStatus>;

export const settings = z.strictObject({ actorName: z.string() });

export const exportTableInput = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  title: z.string().min(1).max(100),
  headers: z.array(z.string().max(MAX_TEXT)).min(1).max(500),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))).max(200_000),
}).superRefine((table, ctx) => {
  const wide = table.rows.findIndex((row) => row.length > table.headers.length);
  const columns = table.headers.length === 1 ? '1 column' : `${table.headers.length} columns`;
  if (wide >= 0) ctx.addIssue(sentenceIssue(['rows', wide], `Row ${wide + 1} has ${table.rows[wide].length} cells but the table has only ${columns}. Nothing was exported.`));
});
export const exportedFile = z.strictObject({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });
export type ExportedFile = z.infer<typeof exportedFile>;

export const adminArea = defineArea({
  key: 'admin',
  label: 'Admin',
  summary: 'Database file, backups, settings and the audit log.',
  methods: {
    'admin.getDatabaseStatus': read(z.strictObject({}), databaseStatus, ['admin', 'people']),
    'admin.backupDatabase': write(z.strictObject({ path: filePath }), z.strictObject({ path: z.string(), sizeBytes: z.number().int() })),
    'admin.openDatabase': write(
      z.strictObject({ path: filePath, create: z.boolean().optional(), passphrase: passphrase.optional(), unencrypted: z.boolean().optional() }),
      databaseStatus,
      ['*'],
    ),
    'admin.listAuditEvents': read(
      auditQuery,
      z.strictObject({
        rows: z.array(auditEvent),
        total: z.number().int(),
        /** Everyone who appears in the log, and every record type, for the filters. */
        actors: z.array(z.string()),
        entities: z.array(z.strictObject({ value: z.string(), label: z.string() })),
      }),
      ['*'],
    ),
    /** Records with audit events whose name matches (the record filter's type-ahead), or one record by id. */
    'admin.findAuditRecords': read(
      z.strictObject({ search: z.string().max(MAX_TEXT).optional(), entity: z.string().max(64).optional(), entityId: z.string().max(4096).optional(), limit: z.number().int().min(1).max(50).optional() }),
      z.strictObject({ rows: z.array(auditRecord) }),
      ['*'],
    ),
    'admin.getSettings': read(z.strictObject({}), settings),
    'admin.updateSettings': write(z.strictObject({ actorName: z.string().trim().min(1).max(100) }), settings),
    'admin.loadDemoOrganisation': write(
      z.strictObject({ employees: z.number().int().min(10).max(50_000).optional(), seed: z.number().int().optional() }),
      z.strictObject({ departments: z.number().int(), jobs: z.number().int(), positions: z.number().int(), employees: z.number().int() }),
      ['*'],
    ),
    'admin.previewImport': read(z.strictObject({ ...importFile, mapping: importMapping.optional() }), importPreview, ['people', 'skills']),
    'admin.commitImport': write(
      z.strictObject({ ...importFile, mapping: importMapping, jobId: z.string().max(64).optional() }),
      importResult,
      ['people', 'skills', 'admin'],
    ),
    /** Every problem the preview found, as a CSV file (the preview shows the first 1,000). */
    'admin.exportImportReport': read(z.strictObject({ ...importFile, mapping: importMapping }), exportedFile, ['people', 'skills']),
    'admin.exportTable': read(exportTableInput, exportedFile, []),
    ...securityMethods,
  },
});
