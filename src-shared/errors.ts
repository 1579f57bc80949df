export const ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one input field; `row` is set for batches and imports (1-based, as a user counts). */
export interface ErrorIssue {
  path: (string | number)[];
  message: string;
  row?: number;
  field?: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
}

export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

/** An error meant for the user: its message is shown as is. Anything else thrown becomes INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ApiErrorBody {
    return this.issues?.length
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

export const validationError = (message: string, issues?: ErrorIssue[]) =>
  new AppError('VALIDATION', message, issues);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const conflict = (message: string) => new AppError('CONFLICT', message);
