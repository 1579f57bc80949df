import type { z } from 'zod';
import { api, topicsOf, type ApiEvent, type Method } from '../../src-shared/api';
import { fieldLabel } from '../../src-shared/domain/field-labels';
import { AppError, type ApiErrorBody, type ApiResponse, type ErrorIssue } from '../../src-shared/errors';
import type { ServiceContext } from '../services/context';
import type { Store } from '../store/data-source';
import type { StoreSession } from '../store/session';
import { handlers, outsideTransaction, registry } from '../areas';
import { WriteQueue } from './write-queue';

export interface RouterHost {
  store(): Store;
  actor(): string;
  /** Replaces the open database (admin.openDatabase); the router keeps serving the new one. */
  switchDatabase(path: string, create: boolean): Promise<Store>;
  session: StoreSession;
  emit(event: ApiEvent): void;
  /** Output validation is on in tests and development, off in the packaged app. */
  validateOutput: boolean;
}

export type Router = (method: string, input: unknown) => Promise<ApiResponse<unknown>>;

export function createRouter(host: RouterHost): Router {
  const queue = new WriteQueue();
  return async (method, input) => {
    try {
      if (!Object.hasOwn(api, method)) throw new AppError('NOT_FOUND', `Unknown method "${String(method).slice(0, 80)}".`);
      const def = api[method as Method];
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) throw fromZod(parsed.error, input);
      const run = () => invoke(host, method as Method, parsed.data, def.kind === 'write');
      const data = def.kind === 'write' ? await queue.run(run) : await run();
      if (host.validateOutput) def.output.parse(data);
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: toErrorBody(error) };
    }
  };
}

async function invoke(host: RouterHost, method: Method, input: unknown, isWrite: boolean): Promise<unknown> {
  const store = host.store();
  const handler = handlers[method] as (input: unknown, ctx: ServiceContext) => Promise<unknown>;
  const makeContext = (manager: ServiceContext['manager']): ServiceContext => ({
    manager,
    store,
    actor: host.actor(),
    now: new Date().toISOString(),
    registry,
    emit: host.emit,
    switchDatabase: host.switchDatabase,
    session: host.session,
  });
  const result =
    isWrite && !outsideTransaction.has(method)
      ? await store.dataSource.transaction((manager) => handler(input, makeContext(manager)))
      : await handler(input, makeContext(store.dataSource.manager));
  // What a write changed is declared in the contract, so every window refreshes what depends on it.
  if (isWrite && topicsOf(method).length > 0) host.emit({ type: 'changed', topics: topicsOf(method) });
  return result;
}

function fromZod(error: z.ZodError, input: unknown): AppError {
  const issues: ErrorIssue[] = error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
    ...rowAndField(issue.path),
  }));
  const first = issues[0];
  // Cross-field rules written with sentenceIssue() already say where; field rules need the field named.
  const head = error.issues[0];
  const selfDescribing = head?.code === 'custom' && (head.params as { sentence?: boolean } | undefined)?.sentence === true;
  const rows = (input as { rows?: unknown })?.rows;
  const rowCount = Array.isArray(rows) ? rows.length : 0;
  const where = first?.path.length && !selfDescribing ? describePath(first, rowCount) : '';
  return new AppError('VALIDATION', `${where ? `${where}: ` : ''}${first?.message ?? 'Invalid input.'}`, issues);
}

function rowAndField(path: PropertyKey[]): Pick<ErrorIssue, 'row' | 'field'> {
  if (path[0] === 'rows' && typeof path[1] === 'number') {
    return { row: path[1] + 1, field: path[2] === 'values' && typeof path[3] === 'string' ? path[3] : undefined };
  }
  return { field: typeof path[0] === 'string' ? path[0] : undefined };
}

/** Where a field problem is, in words: "Row 3, Hire date", or just "Hire date" in a one-record save. */
function describePath(issue: ErrorIssue, rowCount: number): string {
  if (issue.row) return [rowCount > 1 ? `Row ${issue.row}` : '', issue.field ? fieldLabel(issue.field) : ''].filter(Boolean).join(', ');
  return issue.path.map((part) => (typeof part === 'number' ? String(part + 1) : fieldLabel(String(part)))).join(' › ');
}

export function toErrorBody(error: unknown): ApiErrorBody {
  if (error instanceof AppError) return error.toBody();
  const driverError = (error as { driverError?: { code?: string } })?.driverError;
  const sqliteCode = (error as { code?: string })?.code ?? driverError?.code ?? '';
  const message = (error as Error)?.message ?? '';
  if (sqliteCode.startsWith('SQLITE_CONSTRAINT') || /constraint failed/i.test(message)) {
    return { code: 'CONFLICT', message: `The change conflicts with existing data (${message.replace(/^.*constraint failed: /i, '')}). Nothing was saved.` };
  }
  // SQLITE_BUSY, _SNAPSHOT, _RECOVERY, _TIMEOUT and SQLITE_LOCKED, _SHAREDCACHE, _VTAB: contention, never damage.
  if (/^SQLITE_(BUSY|LOCKED)/.test(sqliteCode) || /database (table )?is (locked|busy)/i.test(message)) {
    return { code: 'CONFLICT', message: 'The database was busy with another change, so this change was not saved. Try again in a moment; it is safe to repeat.' };
  }
  console.error('[canopy] internal error:', error);
  return { code: 'INTERNAL', message: 'Something went wrong inside Canopy. Nothing was saved. Details are in the log.' };
}
