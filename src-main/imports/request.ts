import type { ImportIssue, ImportKind } from '../../src-shared/api';
import { AppError } from '../../src-shared/errors';

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
