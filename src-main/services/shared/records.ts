import { randomUUID } from 'node:crypto';
import { AppError, notFound, type ErrorIssue } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { recordAudit } from './audit';

type SqlValue = string | number | null;

/** What is wrong with the version an edit says it started from: none sent, or one that moved since. */
export function versionProblem(stored: { version: number }, sent: number | undefined): 'missing' | 'moved' | null {
  if (sent === undefined) return 'missing';
  return sent === stored.version ? null : 'moved';
}

export const versionMessages = (noun: string, where = '') => ({
  missing: `${where}Changing this ${noun} needs the version you started from; nothing was saved. Reload and edit again.`,
  moved: `${where}This ${noun} was changed elsewhere since you opened it. Nothing was saved; reload to see the latest values.`,
});

/**
 * The one check of "the version you started from" for every edit: a form, a grid row or an
 * action on a record (launch, close, advance). An edit of an existing record without a version
 * is refused (it would overwrite blindly); a version that moved is a CONFLICT.
 */
export function assertStartedFrom(stored: { version: number }, sent: number | undefined, noun: string, issues?: ErrorIssue[], where = ''): void {
  const problem = versionProblem(stored, sent);
  if (!problem) return;
  const message = versionMessages(noun, where)[problem];
  if (problem === 'moved') throw new AppError('CONFLICT', message, issues);
  throw new AppError('VALIDATION', message, issues ?? [{ path: ['version'], field: 'version', message }]);
}

/** A record edited as a whole in a form: rating scales, templates, cycles, answer groups, questionnaires, rating models, saved searches… */
export interface RecordSpec<Dto extends { version: number }, In extends { id?: string; version?: number }> {
  /** Its table, which is also the name audit events give it. */
  table: string;
  /** In messages: "rating scale". */
  noun: string;
  load(ctx: ServiceContext, id: string): Dto | undefined;
  /** Fields unique without regard to case, among records not archived when `activeOnly`. */
  unique?: { field: keyof In & string; column?: string; activeOnly?: boolean }[];
  /** Rules across fields and stored data (references, levels in use…): the problems, or none. */
  check?(ctx: ServiceContext, input: In, before: Dto | undefined): ErrorIssue[];
  /** The columns to write, nested shapes as JSON. */
  columns(input: In, ctx: ServiceContext, before: Dto | undefined): Record<string, SqlValue>;
  /** Child rows and follow-on changes, after the record itself is written. */
  afterWrite?(ctx: ServiceContext, id: string, input: In, before: Dto | undefined): void;
}

/**
 * Creates or edits one record, all or nothing, in the caller's transaction: the version it
 * started from, unique fields (a message naming the field), the spec's own rules, the write,
 * and its audit event. Change events come from the method's declared topics.
 */
export async function saveRecord<Dto extends { version: number }, In extends { id?: string; version?: number }>(
  ctx: ServiceContext,
  spec: RecordSpec<Dto, In>,
  input: In,
): Promise<Dto> {
  const before = input.id ? spec.load(ctx, input.id) : undefined;
  if (input.id && !before) throw notFound(`The ${spec.noun}`);
  if (before) assertStartedFrom(before, input.version, spec.noun);
  const issues = [...uniqueIssues(ctx, spec, input), ...(spec.check?.(ctx, input, before) ?? [])];
  if (issues.length) throw refusal(issues);
  const id = input.id ?? randomUUID();
  const columns = spec.columns(input, ctx, before);
  if (before) updateRow(ctx, spec, id, before.version, columns);
  else insertRow(ctx, spec.table, id, columns);
  spec.afterWrite?.(ctx, id, input, before);
  const after = spec.load(ctx, id)!;
  await recordAudit(ctx, [{ entity: spec.table, entityId: id, action: before ? 'update' : 'create', before, after }]);
  return after;
}

/** The all-or-nothing refusal of a form: the first problem in the message, every problem in the issues. */
export function refusal(issues: ErrorIssue[]): AppError {
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new AppError('VALIDATION', `${issues[0].message}${more} Nothing was saved.`, issues);
}

function uniqueIssues<Dto extends { version: number }, In extends { id?: string; version?: number }>(ctx: ServiceContext, spec: RecordSpec<Dto, In>, input: In): ErrorIssue[] {
  return (spec.unique ?? []).flatMap(({ field, column = field, activeOnly }) => {
    const value = input[field];
    if (typeof value !== 'string') return [];
    const taken = ctx.store.raw
      .prepare(`SELECT 1 FROM ${spec.table} WHERE ${column} = ? COLLATE NOCASE AND id <> ? ${activeOnly ? 'AND archived = 0' : ''}`)
      .get(value, input.id ?? '');
    const message = `Another ${spec.noun} is already called "${value}"; choose another ${column === 'name' ? 'name' : field}.`;
    return taken ? [{ path: [field], field, message }] : [];
  });
}

function insertRow(ctx: ServiceContext, table: string, id: string, columns: Record<string, SqlValue>): void {
  const row = { ...columns, id, created_at: ctx.now, updated_at: ctx.now, version: 1 };
  const names = Object.keys(row);
  ctx.store.raw.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
}

function updateRow<Dto extends { version: number }, In extends { id?: string; version?: number }>(
  ctx: ServiceContext,
  spec: RecordSpec<Dto, In>,
  id: string,
  version: number,
  columns: Record<string, SqlValue>,
): void {
  const sets = Object.keys(columns).map((name) => `${name} = @${name}`);
  const { changes } = ctx.store.raw
    .prepare(`UPDATE ${spec.table} SET ${[...sets, 'updated_at = @updated_at', 'version = version + 1'].join(', ')} WHERE id = @id AND version = @version`)
    .run({ ...columns, id, version, updated_at: ctx.now });
  if (changes !== 1) throw new AppError('CONFLICT', versionMessages(spec.noun).moved);
}
