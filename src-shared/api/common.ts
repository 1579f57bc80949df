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
  .string({ error: (issue) => (issue.input == null ? 'Enter a date.' : 'Use the date format YYYY-MM-DD.') })
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

/** Most rows one window of a grid's row source may ask for. */
export const MAX_WINDOW = 500;

/**
 * A grid's view of a table, applied in SQL: sort, "contains" filters on the text shown in
 * columns, and a quick filter over `searchFields` (every column when left out). `field` is the
 * area's own enum of grid columns, so an unknown column is refused.
 */
export const gridView = <F extends z.ZodType<string>>(field: F) => ({
  sort: z.strictObject({ field, desc: z.boolean().optional() }).optional(),
  filters: z.array(z.strictObject({ field, contains: z.string().max(MAX_TEXT) })).max(50).optional(),
  search: z.string().max(MAX_TEXT).optional(),
  searchFields: z.array(field).max(100).optional(),
});

/** One window of rows of a grid's view, by index: `offset` and at most `MAX_WINDOW` rows. */
export const gridWindow = <F extends z.ZodType<string>>(field: F) => ({
  ...gridView(field),
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(MAX_WINDOW),
});

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

/**
 * One method of the contract. `topics` is what the method touches, as area keys: for a read,
 * the areas whose data its answer depends on; for a write, the areas whose data it changes.
 * The renderer refreshes a read when a write's topics meet its own (`'*'` meets everything).
 * Left out, it is the method's own area (filled in by `defineArea`); a misspelt area fails
 * to compile in `./index.ts`.
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, T extends string = string> {
  input: I;
  output: O;
  /** Writes are serialised and run in one transaction with their audit records. */
  kind: 'read' | 'write';
  topics?: readonly T[];
}

export const read = <I extends z.ZodType, O extends z.ZodType, const T extends string = never>(input: I, output: O, topics?: readonly T[]): MethodDef<I, O, T> => ({
  input,
  output,
  kind: 'read',
  topics,
});
export const write = <I extends z.ZodType, O extends z.ZodType, const T extends string = never>(input: I, output: O, topics?: readonly T[]): MethodDef<I, O, T> => ({
  input,
  output,
  kind: 'write',
  topics,
});

/** One area's part of the contract: its key (the method prefix), its name in the navigation, and its methods. */
/** Loose on purpose: a stricter bound would type the topics of undeclared methods as `string`. */
type MethodTable = Record<string, { kind: 'read' | 'write' }>;

export interface AreaContract<K extends string = string, M extends MethodTable = Record<string, MethodDef>> {
  key: K;
  label: string;
  /** One sentence for the home page and for the "not built yet" page. */
  summary: string;
  methods: M;
}

/** Declares an area; methods that name no topics touch their own area. */
export function defineArea<const K extends string, M extends MethodTable>(area: AreaContract<K, M>): AreaContract<K, M> {
  for (const def of Object.values(area.methods) as MethodDef[]) def.topics ??= [area.key];
  return area;
}

// ---- Shapes every area uses -------------------------------------------------------
/** Grid saves: one validated batch, all or nothing. Edits of existing rows carry the version they started from. */
export const rowChange = <F extends z.ZodObject>(fields: F) =>
  z.strictObject({
    id: id.optional(),
    version: version.optional(),
    values: fields.partial(),
  });
export const MAX_BATCH = 20_000;
export const batchOf = <F extends z.ZodObject>(fields: F) => z.strictObject({ rows: z.array(rowChange(fields)).min(1).max(MAX_BATCH) });
export const archiveInput = z.strictObject({ ids: z.array(id).min(1).max(MAX_BATCH), archived: z.boolean().optional() });
export const countOutput = z.strictObject({ count: z.number().int() });
export const listAll = z.strictObject({ includeArchived: z.boolean().optional() });
