import { z } from 'zod';
import { exportedFile } from '../admin';
import { archiveInput, batchOf, calendarDate, countOutput, gridView, gridWindow, id, pageOf, read, requiredText, text, timestamps, write, MAX_LONG_TEXT } from '../common';

/* ───────────── feedback journal ───────────── */

export const JOURNAL_KINDS = ['praise', 'development', 'note'] as const;
export const journalKind = z.enum(JOURNAL_KINDS, { message: 'Kind must be praise, development or note.' });
export type JournalKind = z.infer<typeof journalKind>;
export const JOURNAL_KIND_LABELS: Record<JournalKind, string> = { praise: 'Praise', development: 'Development', note: 'Note' };
/** How the grid shows an entry's visibility (the `shared` flag). */
export const JOURNAL_SHARED_LABELS = { shared: 'Shared', private: 'Private' } as const;

/** Field rules of one entry; the date (not in the future) and the goal/review links are checked by the service. */
export const journalEntryFields = z.strictObject({
  employeeId: id,
  date: calendarDate,
  /** Who wrote it; a new entry without one takes the actor name from Settings. */
  author: requiredText('Author', 100),
  kind: journalKind,
  /** Shared with the employee, or private to HR and the manager. */
  shared: z.boolean(),
  text: requiredText('Text', MAX_LONG_TEXT),
  /** The employee's own goal, or a department or organisation goal. */
  goalId: id.nullable().optional(),
  /** One of the employee's reviews. */
  reviewId: id.nullable().optional(),
});
export type JournalEntryValues = z.infer<typeof journalEntryFields>;

export const journalEntry = z.strictObject({
  id,
  employeeId: z.string(),
  employeeName: z.string(),
  date: z.string(),
  author: z.string(),
  kind: journalKind,
  shared: z.boolean(),
  text: z.string(),
  goalId: z.string().nullable(),
  goalTitle: z.string().nullable(),
  reviewId: z.string().nullable(),
  /** The review's cycle name. */
  reviewLabel: z.string().nullable(),
  archived: z.boolean(),
  ...timestamps,
});
export type JournalEntry = z.infer<typeof journalEntry>;

/** What an entry about one employee may link to. */
export const journalLinkOptions = z.strictObject({
  goals: z.array(z.strictObject({ id, title: z.string(), scope: z.string(), periodStart: z.string(), periodEnd: z.string() })),
  reviews: z.array(z.strictObject({ id, label: z.string(), periodStart: z.string(), periodEnd: z.string(), status: z.string() })),
});
export type JournalLinkOptions = z.infer<typeof journalLinkOptions>;

/** The journal page's own filters (besides the grid's sort, column filters and quick filter). */
const journalScope = {
  employeeId: id.optional(),
  /** Author contains. */
  author: text(100).optional(),
  kind: journalKind.optional(),
  shared: z.boolean().optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  goalId: id.optional(),
  reviewId: id.optional(),
  /** The page's "Text contains" box: the text, the author or the employee's name contains it (`search` of `listJournalEntries`). */
  textSearch: text(200).optional(),
  includeArchived: z.boolean().optional(),
};

/** The journal grid's columns, as its row source sorts and filters them (on the text each shows). */
export const JOURNAL_GRID_FIELDS = ['date', 'employeeId', 'kind', 'shared', 'author', 'text', 'goalTitle', 'reviewLabel'] as const;
export const journalGridField = z.enum(JOURNAL_GRID_FIELDS);
export type JournalGridField = z.infer<typeof journalGridField>;
export const journalWindowQuery = z.strictObject({ ...journalScope, ...gridWindow(journalGridField) });
export type JournalWindowQuery = z.infer<typeof journalWindowQuery>;
export const journalExportQuery = z.strictObject({
  ...journalScope,
  ...gridView(journalGridField),
  format: z.enum(['csv', 'xlsx']),
  title: z.string().min(1).max(100),
  columns: z.array(z.strictObject({ field: journalGridField, header: z.string().max(200) })).min(1).max(50),
});
export type JournalExportQuery = z.infer<typeof journalExportQuery>;

export const journalMethods = {
  /** Entries newest first, up to `limit` (5,000): one employee's, for their page and their reviews. The journal page reads windows (`listJournalWindow`). */
  'reviews.listJournalEntries': read(
    z.strictObject({
      employeeId: id.optional(),
      author: text(100).optional(),
      kind: journalKind.optional(),
      shared: z.boolean().optional(),
      from: calendarDate.optional(),
      to: calendarDate.optional(),
      goalId: id.optional(),
      reviewId: id.optional(),
      /** Also include the entries linked to this review, whatever their date (a review pulls in its own notes). */
      orLinkedToReviewId: id.optional(),
      search: text(200).optional(),
      includeArchived: z.boolean().optional(),
      limit: z.number().int().min(1).max(100_000).optional(),
    }),
    z.strictObject({ rows: z.array(journalEntry), total: z.number().int() }),
    ['reviews', 'goals', 'people'],
  ),
  /** The journal page's grid: a window of the entries, newest first unless sorted, with the grid's filters applied on the text it shows. */
  'reviews.listJournalWindow': read(journalWindowQuery, pageOf(journalEntry), ['reviews', 'goals', 'people']),
  /** Every entry of the same view as a CSV or XLSX file, columns as the grid shows them. */
  'reviews.exportJournal': read(journalExportQuery, exportedFile, ['reviews', 'goals', 'people']),
  'reviews.listJournalLinkOptions': read(z.strictObject({ employeeId: id }), journalLinkOptions, ['reviews', 'goals']),
  'reviews.saveJournalEntries': write(batchOf(journalEntryFields), z.strictObject({ rows: z.array(journalEntry) })),
  'reviews.archiveJournalEntries': write(archiveInput, countOutput),
};
