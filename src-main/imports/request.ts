import type { ImportIssue, ImportKind } from '../../src-shared/api';
import { AppError } from '../../src-shared/errors';
import { readSetting, writeSetting } from '../services/admin/settings';
import type { ServiceContext } from '../services/context';

export interface ImportRequest {
  kind: ImportKind;
  fileName: string;
  contentBase64: string;
  mapping?: Record<string, string>;
}

/** The all-or-nothing refusal: the first problem in the message, every problem in the issues. */
export function importFailed(issues: ImportIssue[]): AppError {
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : '';
  return new AppError(
    'VALIDATION',
    `Row ${first.row}, ${first.column}: ${first.message}${more}. Nothing was imported.`,
    issues.slice(0, 1000).map((issue) => ({ path: [issue.row, issue.column], row: issue.row, field: issue.column, message: issue.message })),
  );
}

const mappingKey = (kind: ImportKind) => `import.mapping.${kind}`;

/** The column mapping last used for this kind of file, offered again for the next one. */
export function rememberedMapping(ctx: ServiceContext, kind: ImportKind): Record<string, string> {
  try {
    return JSON.parse(readSetting(ctx.store, mappingKey(kind)) ?? '{}');
  } catch {
    return {};
  }
}

export const rememberMapping = (ctx: ServiceContext, kind: ImportKind, mapping: Record<string, string>) =>
  writeSetting(ctx, mappingKey(kind), JSON.stringify(mapping));
