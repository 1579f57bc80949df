import type Database from 'better-sqlite3';
import { importMapping, type ImportIssue, type ImportKind, type ImportMapping } from '../../src-shared/api';
import { AppError } from '../../src-shared/errors';
import { readSetting, writeSetting } from '../services/admin/settings';
import type { ServiceContext } from '../services/context';

export interface ImportRequest {
  kind: ImportKind;
  fileName: string;
  contentBase64: string;
  sheet?: string;
  mapping?: ImportMapping;
  jobId?: string;
}

export const plural = (n: number, word: string, many = `${word}s`) => `${n.toLocaleString('en')} ${n === 1 ? word : many}`;

const MAX_ERROR_ISSUES = 1000;

/** The all-or-nothing refusal: the first problem in the message, the first thousand in the issues, the total counted. */
export function importFailed(issues: ImportIssue[]): AppError {
  const [first] = issues;
  const where = first.column ? `Row ${first.row}, ${first.column}` : `Row ${first.row}`;
  // "…YYYY-MM-DD. (and 1,499 more problems). Nothing was imported."
  const said = issues.length > 1 ? `${first.message} (and ${plural(issues.length - 1, 'more problem')}).` : /[.!?]$/.test(first.message) ? first.message : `${first.message}.`;
  return new AppError(
    'VALIDATION',
    `${where}: ${said} Nothing was imported.`,
    issues.slice(0, MAX_ERROR_ISSUES).map((issue) => ({ path: [issue.row, issue.column], row: issue.row, field: issue.column, message: issue.message })),
  );
}

const mappingKey = (kind: ImportKind) => `import.mapping.${kind}`;

/** The column mapping last used for this kind of file, offered again for the next one. */
export function rememberedMapping(ctx: ServiceContext, kind: ImportKind): ImportMapping {
  try {
    const parsed = importMapping.safeParse(JSON.parse(readSetting(ctx.store, mappingKey(kind)) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export const rememberMapping = (ctx: ServiceContext, kind: ImportKind, mapping: ImportMapping) =>
  writeSetting(ctx, mappingKey(kind), JSON.stringify(mapping));

/** Tells the window how far a long write has got, and lets the event loop deliver it. */
export async function reportProgress(ctx: ServiceContext, jobId: string, label: string, done: number, total: number) {
  ctx.emit({ type: 'progress', jobId, label, done, total });
  await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A large import touches pages all over the tables and their indexes; with SQLite's default
 * 2 MB page cache they are spilled and re-read many times before the commit. The cache grows
 * for the write (it holds only pages actually touched) and goes back to its size after.
 */
export async function withRoomToWrite<T>(db: Database.Database, write: () => Promise<T>): Promise<T> {
  const previous = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${-IMPORT_CACHE_KIB}`);
  try {
    return await write();
  } finally {
    db.pragma(`cache_size = ${previous}`);
  }
}
const IMPORT_CACHE_KIB = 256 * 1024;
