import { z } from 'zod';
import { archiveInput, batchOf, calendarDate, countOutput, id, read, requiredText, text, timestamps, write, MAX_LONG_TEXT } from '../common';

/* ───────────── feedback journal ───────────── */

export const JOURNAL_KINDS = ['praise', 'development', 'note'] as const;
export const journalKind = z.enum(JOURNAL_KINDS, { message: 'Kind must be praise, development or note.' });
export type JournalKind = z.infer<typeof journalKind>;
export const JOURNAL_KIND_LABELS: Record<JournalKind, string> = { praise: 'Praise', development: 'Development', note: 'Note' };

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




export const journalMethods = {
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
  'reviews.listJournalLinkOptions': read(z.strictObject({ employeeId: id }), journalLinkOptions, ['reviews', 'goals']),
  'reviews.saveJournalEntries': write(batchOf(journalEntryFields), z.strictObject({ rows: z.array(journalEntry) })),
  'reviews.archiveJournalEntries': write(archiveInput, countOutput),
};
