import { randomUUID } from 'node:crypto';
import type { EntitySchema, ObjectLiteral } from 'typeorm';
import { In } from 'typeorm';
import type { z } from 'zod';
import { auditFieldLabel } from '../../../src-shared/domain/audit';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { recordAudit } from './audit';
import { assertStartedFrom, versionProblem } from './records';

export interface RowChangeInput {
  id?: string;
  version?: number;
  values: Record<string, unknown>;
}

/** A row of a batch after merging its change into the stored record. */
export interface Candidate<V> {
  index: number;
  id: string;
  isNew: boolean;
  values: V;
  changedFields: string[];
}

export interface BatchSpec<Row extends ObjectLiteral & { id: string; version: number }, V extends Record<string, unknown>> {
  entity: EntitySchema<Row>;
  /** Shown to users ("Employee"); audit events name the record by its table. */
  label: string;
  fields: z.ZodObject;
  /** Stored record → the editable field values. */
  toValues(row: Row): V;
  /** Fields that are not columns (e.g. a position's incumbent) are handled in afterWrite. */
  toColumns(values: V): Partial<Row>;
  /** Domain rules across the whole batch and the stored data: uniqueness, references, loops. */
  check(candidates: Candidate<V>[], ctx: ServiceContext): Promise<ErrorIssue[]>;
  afterWrite?(candidates: Candidate<V>[], ctx: ServiceContext): Promise<void>;
}

/**
 * Saves one batch all-or-nothing: every row is validated (field rules, then domain
 * rules) and nothing is written unless all pass; edits carry the version they started
 * from and a moved version fails the whole batch with CONFLICT.
 */
export async function saveBatch<Row extends ObjectLiteral & { id: string; version: number }, V extends Record<string, unknown>>(
  spec: BatchSpec<Row, V>,
  changes: RowChangeInput[],
  ctx: ServiceContext,
): Promise<Row[]> {
  const existing = await loadExisting(spec, changes, ctx);
  const issues: ErrorIssue[] = [];
  const candidates: Candidate<V>[] = [];
  changes.forEach((change, index) => {
    const stored = change.id ? existing.get(change.id) : undefined;
    if (change.id && !stored) {
      issues.push(rowIssue(index, undefined, `${spec.label} ${change.id} does not exist (it may have been deleted).`));
      return;
    }
    if (stored) assertRowStartedFrom(spec.label, stored, change.version, index);
    const merged = { ...(stored ? spec.toValues(stored) : {}), ...change.values };
    const parsed = spec.fields.safeParse(merged);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push(rowIssue(index, String(issue.path[0] ?? ''), issue.message));
      return;
    }
    candidates.push({
      index,
      id: change.id ?? randomUUID(),
      isNew: !stored,
      values: parsed.data as V,
      changedFields: Object.keys(change.values),
    });
  });
  if (issues.length === 0) issues.push(...(await spec.check(candidates, ctx)));
  if (issues.length > 0) throw batchError(tableOf(spec.entity), issues, changes.length);
  return writeCandidates(spec, candidates, existing, ctx);
}

async function loadExisting<Row extends ObjectLiteral & { id: string; version: number }, V extends Record<string, unknown>>(
  spec: BatchSpec<Row, V>,
  changes: RowChangeInput[],
  ctx: ServiceContext,
): Promise<Map<string, Row>> {
  const ids = changes.map((c) => c.id).filter((id): id is string => Boolean(id));
  const found = new Map<string, Row>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ctx.manager.find(spec.entity, { where: { id: In(ids.slice(i, i + 500)) } as never });
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

async function writeCandidates<Row extends ObjectLiteral & { id: string; version: number }, V extends Record<string, unknown>>(
  spec: BatchSpec<Row, V>,
  candidates: Candidate<V>[],
  existing: Map<string, Row>,
  ctx: ServiceContext,
): Promise<Row[]> {
  const saved: Row[] = [];
  const audit = [];
  for (const candidate of candidates) {
    const before = existing.get(candidate.id);
    const columns = spec.toColumns(candidate.values);
    if (before) {
      const patch = { ...columns, updatedAt: ctx.now, version: before.version + 1 } as Partial<Row>;
      await ctx.manager.update(spec.entity, { id: candidate.id } as never, patch as never);
      const after = { ...before, ...patch } as Row;
      saved.push(after);
      audit.push({ entity: tableOf(spec.entity), entityId: candidate.id, action: 'update' as const, before, after });
    } else {
      const row = { ...columns, id: candidate.id, archived: false, createdAt: ctx.now, updatedAt: ctx.now, version: 1 } as unknown as Row;
      await ctx.manager.insert(spec.entity, row as never);
      saved.push(row);
      audit.push({ entity: tableOf(spec.entity), entityId: candidate.id, action: 'create' as const, after: row });
    }
  }
  await spec.afterWrite?.(candidates, ctx);
  await recordAudit(ctx, audit);
  return saved;
}

/** The table an entity is stored in: the name audit events give its records, whatever the action. */
export const tableOf = (entity: EntitySchema<any>): string => entity.options.tableName!;

/** A grid row's edit carries the version it started from (the shared rule, with the row named). */
function assertRowStartedFrom(label: string, stored: { version: number }, sent: number | undefined, index: number): void {
  const problem = versionProblem(stored, sent);
  if (problem) {
    const issue = rowIssue(index, undefined, problem === 'missing' ? 'No version sent: the edit cannot say what it started from.' : 'Changed elsewhere since you loaded it.');
    assertStartedFrom(stored, sent, label.toLowerCase(), [issue], `Row ${index + 1}: `);
  }
}

export const rowIssue = (index: number, field: string | undefined, message: string): ErrorIssue => ({
  path: field ? ['rows', index, 'values', field] : ['rows', index],
  row: index + 1,
  field,
  message,
});

function batchError(table: string, issues: ErrorIssue[], rowCount: number): AppError {
  const first = issues[0];
  const where = rowCount > 1 && first.row ? `Row ${first.row}${first.field ? `, ${auditFieldLabel(table, first.field)}` : ''}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new AppError('VALIDATION', `${where}${first.message}${more} Nothing was saved.`, issues);
}

/** Archive or restore records (archiving keeps history; nothing is hard-deleted). */
export async function setArchived<Row extends ObjectLiteral & { id: string; version: number; archived: boolean }>(
  entity: EntitySchema<Row>,
  label: string,
  ids: string[],
  archived: boolean,
  ctx: ServiceContext,
): Promise<number> {
  const rows = await ctx.manager.find(entity, { where: { id: In(ids) } as never });
  if (rows.length !== new Set(ids).size) throw new AppError('NOT_FOUND', `Some of the chosen ${label.toLowerCase()} records no longer exist.`);
  const changing = rows.filter((row) => row.archived !== archived);
  for (const row of changing) {
    await ctx.manager.update(entity, { id: row.id } as never, { archived, updatedAt: ctx.now, version: row.version + 1 } as never);
  }
  await recordAudit(
    ctx,
    changing.map((row) => ({ entity: tableOf(entity), entityId: row.id, action: archived ? ('archive' as const) : ('restore' as const), before: { archived: !archived }, after: { archived } })),
  );
  return changing.length;
}

/** Finds a cycle through `start` in a parent map (child → parent). Returns true when one exists. */
export function formsLoop(start: string, parentOf: (id: string) => string | null | undefined): boolean {
  const seen = new Set<string>([start]);
  let current = parentOf(start);
  while (current) {
    if (seen.has(current)) return true;
    seen.add(current);
    current = parentOf(current);
  }
  return false;
}
