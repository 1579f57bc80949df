import { z } from 'zod';
import { isRealDate } from '../domain/dates';

export const MAX_TEXT = 200;
export const MAX_LONG_TEXT = 5000;

export const id = z.uuid({ message: 'Must be a record id (UUID).' });
export const version = z.number().int().min(1);
export const text = (max = MAX_TEXT) => z.string().trim().max(max, `At most ${max} characters.`);
export const requiredText = (label: string, max = MAX_TEXT) =>
  text(max).min(1, `${label} is required.`);
export const optionalText = (max = MAX_TEXT) => text(max).nullable().optional();

export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the date format YYYY-MM-DD.')
  .refine(isRealDate, 'This date does not exist.');

export const email = z.string().trim().max(MAX_TEXT).pipe(z.email('Not a valid email address.'));

export const sortSpec = z.strictObject({
  field: z.string().max(64),
  desc: z.boolean().optional(),
});

export const pageInput = {
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
  search: z.string().max(MAX_TEXT).optional(),
  sort: sortSpec.optional(),
  includeArchived: z.boolean().optional(),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({ rows: z.array(item), total: z.number().int() });

/**
 * An issue for a cross-field rule whose message is a whole sentence that already says where
 * ("Section 2 (Values): add at least one question."), so error messages do not prefix the path.
 */
export const sentenceIssue = (path: (string | number)[], message: string) => ({ code: 'custom' as const, path, message, params: { sentence: true } });

export const empty = z.strictObject({});
export const okResult = z.strictObject({ ok: z.literal(true) });

export const timestamps = {
  createdAt: z.string(),
  updatedAt: z.string(),
  version,
};

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Writes are serialised and run in one transaction with their audit records. */
  kind: 'read' | 'write';
}

export const read = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodDef<I, O> => ({
  input,
  output,
  kind: 'read',
});
export const write = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodDef<I, O> => ({
  input,
  output,
  kind: 'write',
});
