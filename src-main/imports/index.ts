import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { MAX_PREVIEW_ISSUES, type ImportKind, type ImportMapping, type ImportPreview, type ImportResult } from '../../src-shared/api';
import { AppError } from '../../src-shared/errors';
import { exportTable } from '../exports/table';
import type { ServiceContext } from '../services/context';
import { employeeImport } from './employees';
import { cellProblemIssues, compileMapping, suggestMapping } from './mapping';
import { departmentImport } from './department-import';
import { jobImport } from './job-import';
import { positionImport } from './position-import';
import { emptyPlan, type ImportKindHandler, type PlannedImport } from './pipeline';
import { readTable, type Table } from './read-table';
import { importFailed, plural, rememberedMapping, rememberMapping, type ImportRequest } from './request';
import { skillImport } from './skills';

const HANDLERS: Record<ImportKind, ImportKindHandler> = {
  employees: employeeImport,
  departments: departmentImport,
  jobs: jobImport,
  positions: positionImport,
  skills: skillImport,
};

interface Prepared {
  table: Table;
  mapping: ImportMapping;
  plan: PlannedImport;
}

/*
 * A preview is usually followed by the commit (or a report) of the same file with the same
 * mapping. The last file read and the last plan are kept so that they are not worked out
 * twice: the table by the file's bytes, name and sheet; the plan also by the mapping and by
 * the database it was made on, unchanged since (no write on this connection —
 * total_changes() — and none by another — data_version).
 */
let lastRead: { key: string; table: Table } | null = null;
let lastPlan: { key: string; db: Database.Database; state: string; prepared: Prepared } | null = null;

const fileKey = (input: ImportRequest) => createHash('sha256').update(`${input.fileName}\u0000${input.sheet ?? ''}\u0000`).update(input.contentBase64).digest('hex');
const canonical = (mapping: ImportMapping) => JSON.stringify(Object.keys(mapping).sort().map((key) => [key, mapping[key]]));

function databaseState(db: Database.Database): string {
  const { n } = db.prepare('SELECT total_changes() AS n').get() as { n: number };
  return `${n}:${db.pragma('data_version', { simple: true })}`;
}

async function readOnce(input: ImportRequest, key: string): Promise<Table> {
  if (lastRead?.key === key) return lastRead.table;
  lastRead = null;
  const table = await readTable(input.fileName, input.contentBase64, { sheet: input.sheet, askForSheet: true });
  lastRead = { key, table };
  return table;
}

/** Reads the file, settles the mapping and plans the import: the same steps for preview, report and commit. */
async function prepare(ctx: ServiceContext, input: ImportRequest): Promise<Prepared> {
  const file = fileKey(input);
  const table = await readOnce(input, file);
  const handler = HANDLERS[input.kind];
  const mapping = input.mapping ?? suggestMapping(table.headers, handler.fields, rememberedMapping(ctx, input.kind));
  const key = `${input.kind}\u0000${file}\u0000${canonical(mapping)}`;
  const db = ctx.store.raw;
  const state = databaseState(db);
  if (lastPlan && lastPlan.key === key && lastPlan.db === db && lastPlan.state === state) return lastPlan.prepared;
  const prepared = { table, mapping, plan: planFor(ctx, handler, table, mapping) };
  lastPlan = { key, db, state, prepared };
  return prepared;
}

function planFor(ctx: ServiceContext, handler: ImportKindHandler, table: Table, mapping: ImportMapping): PlannedImport {
  if (table.sheet === null && table.sheets.length > 1) return emptyPlan([]);
  if (table.rows.length === 0) return emptyPlan([{ row: 2, column: '', message: 'The file has a header row but no data rows.' }]);
  const compiled = compileMapping(table, handler.fields, mapping);
  const plan = handler.plan(ctx, table, compiled);
  const cellIssues = plan.issues.some((i) => i.row === 1) ? [] : cellProblemIssues(table, compiled);
  if (cellIssues.length) plan.issues = [...plan.issues, ...cellIssues].sort((a, b) => a.row - b.row);
  return plan;
}

export async function previewImport(ctx: ServiceContext, input: ImportRequest): Promise<ImportPreview> {
  const { table, mapping, plan } = await prepare(ctx, input);
  return {
    sheets: table.sheets,
    sheet: table.sheet,
    headers: table.headers,
    mapping,
    rowCount: table.rows.length,
    sampleRows: table.rows.slice(0, 10),
    issues: plan.issues.slice(0, MAX_PREVIEW_ISSUES),
    issueCount: plan.issues.length,
    summary: plan.summary,
    creates: plan.creates,
  };
}

/** All or nothing: every row is checked first; one problem anywhere and nothing is stored. */
export async function commitImport(ctx: ServiceContext, input: ImportRequest & { mapping: ImportMapping }): Promise<ImportResult> {
  const { table, plan } = await prepare(ctx, input);
  if (table.sheet === null && table.sheets.length > 1) throw chooseSheet(input.fileName, table.sheets);
  if (plan.issues.length > 0) throw importFailed(plan.issues);
  lastRead = null;
  lastPlan = null;
  await plan.write(ctx, { id: input.jobId ?? randomUUID(), fileName: input.fileName });
  await rememberMapping(ctx, input.kind, input.mapping);
  return { created: plan.summary.create, updated: plan.summary.update, unchanged: plan.summary.unchanged };
}

/** Every problem of the file as a CSV (the preview shows the first thousand). */
export async function exportImportReport(ctx: ServiceContext, input: ImportRequest & { mapping: ImportMapping }) {
  const { table, plan } = await prepare(ctx, input);
  if (table.sheet === null && table.sheets.length > 1) throw chooseSheet(input.fileName, table.sheets);
  const title = `Import problems ${input.fileName.replace(/\.[^.]+$/, '')}`.slice(0, 100);
  return exportTable({
    format: 'csv',
    title,
    headers: ['Row', 'Column', 'Problem'],
    rows: plan.issues.map((issue) => [issue.row, issue.column, issue.message]),
  });
}

const chooseSheet = (fileName: string, sheets: string[]) =>
  new AppError('VALIDATION', `${fileName} has ${plural(sheets.length, 'sheet')} (${sheets.join(', ')}): choose the one to import.`);
