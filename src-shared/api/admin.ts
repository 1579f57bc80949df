import { z } from 'zod';
import { filePath, passphrase, securityMethods } from './admin-security';
import { defineArea, id, read, sentenceIssue, write, MAX_TEXT } from './common';

export const IMPORT_KINDS = ['employees', 'skills'] as const;
export const importKind = z.enum(IMPORT_KINDS);

/** Fields an employee file may fill; each maps from one column of the file. */
export const EMPLOYEE_IMPORT_FIELDS = [
  { key: 'employeeNumber', label: 'Employee number', required: true, aliases: ['employee id', 'emp no', 'employee no', 'number', 'id'] },
  { key: 'firstName', label: 'First name', required: true, aliases: ['given name', 'forename', 'first'] },
  { key: 'lastName', label: 'Last name', required: true, aliases: ['surname', 'family name', 'last'] },
  { key: 'email', label: 'Email', required: false, aliases: ['e-mail', 'email address', 'work email'] },
  { key: 'hireDate', label: 'Hire date', required: true, aliases: ['start date', 'date hired', 'hired'] },
  { key: 'status', label: 'Status', required: false, aliases: ['employment status'] },
  { key: 'managerNumber', label: 'Manager number', required: false, aliases: ['manager', 'manager id', 'manager employee number', 'reports to'] },
  { key: 'department', label: 'Department', required: false, aliases: ['dept', 'department name', 'team'] },
  { key: 'parentDepartment', label: 'Parent department', required: false, aliases: ['division', 'parent'] },
  { key: 'jobTitle', label: 'Job title', required: false, aliases: ['job', 'title', 'role'] },
  { key: 'jobFamily', label: 'Job family', required: false, aliases: ['family', 'function'] },
  { key: 'jobLevel', label: 'Job level', required: false, aliases: ['level', 'grade'] },
  { key: 'positionTitle', label: 'Position', required: false, aliases: ['position title', 'position name'] },
  { key: 'location', label: 'Location', required: false, aliases: ['office', 'site', 'city'] },
] as const;
export type EmployeeImportField = (typeof EMPLOYEE_IMPORT_FIELDS)[number]['key'];

/** A skills taxonomy file; the aliases cover ESCO's skills file (conceptUri, preferredLabel, altLabels, skillType, description). */
export const SKILL_IMPORT_FIELDS = [
  { key: 'externalId', label: 'External id', required: false, aliases: ['concepturi', 'uri', 'external id', 'esco uri', 'code'] },
  { key: 'name', label: 'Name', required: true, aliases: ['preferredlabel', 'preferred label', 'skill', 'skill name', 'title'] },
  { key: 'altLabels', label: 'Other names', required: false, aliases: ['altlabels', 'alt labels', 'alternative labels', 'synonyms'] },
  { key: 'skillType', label: 'Skill type', required: false, aliases: ['skilltype', 'type', 'category'] },
  { key: 'description', label: 'Description', required: false, aliases: ['definition', 'scopenote'] },
  { key: 'ratingModel', label: 'Rating model', required: false, aliases: ['rating model', 'scale'] },
  { key: 'parent', label: 'Parent skill', required: false, aliases: ['parent', 'broader', 'broader skill', 'parent id'] },
] as const;

export const IMPORT_FIELDS = { employees: EMPLOYEE_IMPORT_FIELDS, skills: SKILL_IMPORT_FIELDS } as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const MAX_FILE_BASE64 = 60 * 1024 * 1024;
export const importFile = {
  kind: importKind,
  fileName: z.string().min(1).max(MAX_TEXT),
  contentBase64: z.string().min(1, 'The file is empty.').max(MAX_FILE_BASE64, 'The file is larger than 45 MB.'),
};
/** field key → column header in the file (absent = not imported). */
export const importMapping = z.record(z.string().max(64), z.string().max(MAX_TEXT));

export const importIssue = z.strictObject({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportIssue = z.infer<typeof importIssue>;

export const importPreview = z.strictObject({
  headers: z.array(z.string()),
  mapping: importMapping,
  rowCount: z.number().int(),
  sampleRows: z.array(z.array(z.string())),
  issues: z.array(importIssue),
  summary: z.strictObject({ create: z.number().int(), update: z.number().int() }),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const auditEvent = z.strictObject({
  id,
  at: z.string(),
  actor: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

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
  if (wide >= 0) ctx.addIssue(sentenceIssue(['rows', wide], `Row ${wide + 1} has ${table.rows[wide].length} values but the table has ${table.headers.length} columns.`));
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
      z.strictObject({
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
        entity: z.string().max(64).optional(),
        entityId: id.optional(),
      }),
      z.strictObject({ rows: z.array(auditEvent), total: z.number().int() }),
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
      z.strictObject({ created: z.number().int(), updated: z.number().int() }),
      ['people', 'skills', 'admin'],
    ),
    'admin.exportTable': read(exportTableInput, exportedFile, []),
    ...securityMethods,
  },
});
