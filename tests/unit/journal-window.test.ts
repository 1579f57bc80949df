import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { JOURNAL_GRID_FIELDS, JOURNAL_KIND_LABELS, JOURNAL_KINDS, type JournalExportQuery, type JournalGridField, type JournalWindowQuery } from '../../src-shared/api';
import { localDateIso } from '../../src-shared/domain/journal';
import { employeeLabel } from '../../src-shared/domain/people-labels';
import { openTestApp, type TestApp } from './helpers';

/*
 * The feedback journal grid's row source (reviews.listJournalWindow) and its export against a
 * brute-force reference: every entry read from the tables, the text each column shows built here
 * (the employee's label with the shared label function, kind and visibility labels, the goal's
 * title, the review's cycle name), then filtered, sorted and sliced in TypeScript. Case folds
 * ASCII only, as SQLite's NOCASE and LIKE do.
 */

const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
/** SQLite's BINARY order (UTF-8 bytes). */
const binary = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const contains = (value: string | null, part: string) => value !== null && nocase(value).includes(nocase(part.trim()));

interface Entry {
  id: string;
  employeeId: string;
  date: string;
  author: string;
  kind: string;
  shared: boolean;
  text: string;
  goalId: string | null;
  reviewId: string | null;
  archived: boolean;
  createdAt: string;
  /** The employee's first and last name, as the page's text search reads it. */
  name: string;
  shown: Record<JournalGridField, string | null>;
}

/** Every entry, archived too, with the text the grid shows, from the tables themselves. */
function allEntries(app: TestApp): Entry[] {
  const db = app.store().raw;
  const people = new Map((db.prepare(`SELECT id, first_name AS firstName, last_name AS lastName, employee_number AS employeeNumber FROM employee`).all() as
    { id: string; firstName: string; lastName: string; employeeNumber: string }[]).map((e) => [e.id, e]));
  const goals = new Map((db.prepare(`SELECT id, title FROM goal`).all() as { id: string; title: string }[]).map((g) => [g.id, g.title]));
  const cycles = new Map((db.prepare(`SELECT id, name FROM review_cycle`).all() as { id: string; name: string }[]).map((c) => [c.id, c.name]));
  const reviews = new Map((db.prepare(`SELECT id, cycle_id AS cycleId FROM review`).all() as { id: string; cycleId: string }[]).map((r) => [r.id, cycles.get(r.cycleId)!]));
  const rows = db.prepare(`SELECT id, employee_id AS employeeId, date, author, kind, shared, text, goal_id AS goalId, review_id AS reviewId, archived, created_at AS createdAt FROM journal_entry`).all() as
    (Omit<Entry, 'shared' | 'archived' | 'name' | 'shown'> & { shared: number; archived: number })[];
  return rows.map((r) => {
    const person = people.get(r.employeeId)!;
    return {
      ...r,
      shared: Boolean(r.shared),
      archived: Boolean(r.archived),
      name: `${person.firstName} ${person.lastName}`,
      shown: {
        date: r.date,
        employeeId: employeeLabel(person),
        kind: JOURNAL_KIND_LABELS[r.kind as keyof typeof JOURNAL_KIND_LABELS],
        shared: r.shared ? 'Shared' : 'Private',
        author: r.author,
        text: r.text,
        goalTitle: r.goalId ? goals.get(r.goalId)! : null,
        reviewLabel: r.reviewId ? reviews.get(r.reviewId)! : null,
      },
    };
  });
}

type View = Omit<JournalWindowQuery, 'offset' | 'limit'>;

/** The whole view in order, worked out by brute force. */
function expectedView(entries: Entry[], view: View): Entry[] {
  const kept = entries.filter((e) => {
    if (e.archived && !view.includeArchived) return false;
    if (view.employeeId && e.employeeId !== view.employeeId) return false;
    if (view.author?.trim() && !contains(e.author, view.author)) return false;
    if (view.kind && e.kind !== view.kind) return false;
    if (view.shared !== undefined && e.shared !== view.shared) return false;
    if (view.from && e.date < view.from) return false;
    if (view.to && e.date > view.to) return false;
    if (view.goalId && e.goalId !== view.goalId) return false;
    if (view.reviewId && e.reviewId !== view.reviewId) return false;
    if (view.textSearch?.trim() && ![e.text, e.author, e.name].some((t) => contains(t, view.textSearch!))) return false;
    if (!(view.filters ?? []).every((f) => !f.contains.trim() || contains(e.shown[f.field], f.contains))) return false;
    const search = view.search?.trim();
    if (!search) return true;
    const fields = view.searchFields?.length ? view.searchFields : JOURNAL_GRID_FIELDS;
    return fields.some((field) => contains(e.shown[field], search));
  });
  const newestFirst = (a: Entry, b: Entry) => binary(b.date, a.date) || binary(b.createdAt, a.createdAt) || binary(b.id, a.id);
  return kept.sort((a, b) => {
    if (view.sort) {
      const [x, y] = [a.shown[view.sort.field], b.shown[view.sort.field]];
      if ((x === null) !== (y === null)) return x === null ? 1 : -1;
      const c = x === null || y === null ? 0 : binary(nocase(x), nocase(y));
      if (c !== 0) return view.sort.desc ? -c : c;
    }
    return newestFirst(a, b);
  });
}

const TEXT_UNITS = ['a', 'B', 'c', ' ', '%', '_', 'Demo', 'note', '(', 'x'];
const entryText = fc.array(fc.constantFrom(...TEXT_UNITS), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('').trim() || 'a');

/** A small demo organisation (cycles, goals, journal) and random entries added through the API, some archived. */
async function seed(seedNumber: number): Promise<{ app: TestApp; entries: Entry[] }> {
  const app = await openTestApp();
  await app.ok('admin.loadDemoOrganisation', { employees: 60, seed: seedNumber });
  const db = app.store().raw;
  // People with their own reviews and goals, so random entries can link to them.
  const people = db.prepare(`SELECT e.id,
      (SELECT r.id FROM review r WHERE r.employee_id = e.id ORDER BY r.id LIMIT 1) AS reviewId,
      (SELECT g.id FROM goal g WHERE g.employee_id = e.id AND g.archived = 0 ORDER BY g.id LIMIT 1) AS goalId
    FROM employee e WHERE e.archived = 0 ORDER BY e.id LIMIT 12`).all() as { id: string; reviewId: string | null; goalId: string | null }[];
  const today = localDateIso();
  const generated = fc.sample(fc.array(fc.record({
    person: fc.nat(people.length - 1),
    // Few days, so entries share dates (and a batch shares its time): the order's tiebreak counts.
    day: fc.integer({ min: 0, max: 12 }),
    kind: fc.constantFrom(...JOURNAL_KINDS),
    shared: fc.boolean(),
    author: fc.option(entryText, { nil: undefined }),
    text: entryText,
    linkGoal: fc.boolean(),
    linkReview: fc.boolean(),
    archived: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
  }), { minLength: 20, maxLength: 40 }), { seed: seedNumber, numRuns: 1 })[0];
  const { rows } = await app.ok('reviews.saveJournalEntries', {
    rows: generated.map((g) => {
      const person = people[g.person];
      const date = new Date(Date.parse(today) - g.day * 86_400_000).toISOString().slice(0, 10);
      return { values: {
        employeeId: person.id, date: date > today ? today : date, kind: g.kind, shared: g.shared, text: g.text, ...(g.author ? { author: g.author } : {}),
        goalId: g.linkGoal ? person.goalId : null, reviewId: g.linkReview ? person.reviewId : null,
      } };
    }),
  });
  const archived = rows.filter((_, i) => generated[i].archived).map((r) => r.id);
  if (archived.length) await app.ok('reviews.archiveJournalEntries', { ids: archived });
  return { app, entries: allEntries(app) };
}

const field = fc.constantFrom(...JOURNAL_GRID_FIELDS);
const FIXED_NEEDLES = ['a', 'e', 'An', '(', ')', '20', '-0', 'Praise', 'priv', 'sha', 'annual', '2025', 'review', 'demo', '%', '_', ' x', 'zzq', 'Grow', 'ote'];

/** Texts to look for: fixed ones, and pieces of what some column shows (in another case at times), so filters find some rows and not others. */
function needles(entries: Entry[]): fc.Arbitrary<string> {
  const shown = [...new Set(entries.flatMap((e) => Object.values(e.shown).filter((v): v is string => v !== null)))];
  const piece = fc.constantFrom(...shown).chain((t) => fc.tuple(fc.nat(Math.max(0, t.length - 1)), fc.integer({ min: 1, max: 7 }), fc.boolean())
    .map(([at, length, upper]) => (upper ? t.slice(at, at + length).toUpperCase() : t.slice(at, at + length))));
  return fc.oneof(fc.constantFrom(...FIXED_NEEDLES), fc.string({ unit: fc.constantFrom(...TEXT_UNITS), maxLength: 2 }), piece, piece);
}

function viewArb(entries: Entry[]) {
  const people = [...new Set(entries.map((e) => e.employeeId))];
  const goals = [...new Set(entries.flatMap((e) => (e.goalId ? [e.goalId] : [])))];
  const reviews = [...new Set(entries.flatMap((e) => (e.reviewId ? [e.reviewId] : [])))];
  const dates = entries.map((e) => e.date);
  const needle = needles(entries);
  // Each page filter in about one view in six, so that views combining them are seldom empty.
  const rare = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: arb, weight: 1 });
  const often = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: arb, weight: 1 });
  return fc.record({
    sort: often(fc.record({ field, desc: fc.boolean() })),
    filters: fc.oneof({ arbitrary: fc.constant([]), weight: 2 }, { arbitrary: fc.array(fc.record({ field, contains: needle }), { minLength: 1, maxLength: 2 }), weight: 1 }),
    search: often(needle),
    searchFields: often(fc.uniqueArray(field, { minLength: 1, maxLength: 3 })),
    employeeId: rare(fc.constantFrom(...people)),
    author: rare(needle),
    kind: rare(fc.constantFrom(...JOURNAL_KINDS)),
    shared: rare(fc.boolean()),
    from: rare(fc.constantFrom(...dates)),
    to: rare(fc.constantFrom(...dates)),
    goalId: goals.length ? rare(fc.constantFrom(...goals)) : fc.constant(undefined),
    reviewId: reviews.length ? rare(fc.constantFrom(...reviews)) : fc.constant(undefined),
    textSearch: rare(needle),
    includeArchived: often(fc.constant(true)),
  });
}

/** Drops the keys fast-check left undefined: the contract refuses none, but the view reads cleaner. */
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

describe('the feedback journal window (reviews.listJournalWindow)', () => {
  it('returns the window, total, sort, page filters, column filters and quick filter a brute-force pass works out', async () => {
    for (const seedNumber of [3, 11]) {
      const { app, entries } = await seed(seedNumber);
      expect(entries.length).toBeGreaterThan(30);
      expect(entries.some((e) => e.reviewId) && entries.some((e) => e.goalId) && entries.some((e) => e.archived)).toBe(true);
      await fc.assert(
        fc.asyncProperty(viewArb(entries), fc.oneof(fc.constant(0), fc.nat(60)), fc.integer({ min: 1, max: 40 }), async (rawView, offset, limit) => {
          const view = defined(rawView) as View;
          const expected = expectedView(entries, view);
          const window = await app.ok('reviews.listJournalWindow', { ...view, offset, limit });
          expect(window.total).toBe(expected.length);
          expect(window.rows.map((r) => r.id)).toEqual(expected.slice(offset, offset + limit).map((e) => e.id));
          for (const row of window.rows) {
            const entry = entries.find((e) => e.id === row.id)!;
            expect(row).toMatchObject({ employeeId: entry.employeeId, date: entry.date, kind: entry.kind, shared: entry.shared, text: entry.text, goalTitle: entry.shown.goalTitle, reviewLabel: entry.shown.reviewLabel, archived: entry.archived });
          }
        }),
        { numRuns: 120, seed: seedNumber },
      );
      await app.close();
    }
  }, 120_000);
});

describe('the feedback journal export (reviews.exportJournal)', () => {
  it('holds every row of the filtered, sorted view as the grid shows it, in CSV and XLSX', async () => {
    const { app, entries } = await seed(5);
    const columns: JournalExportQuery['columns'] = [
      { field: 'date', header: 'Date' }, { field: 'employeeId', header: 'Employee' }, { field: 'kind', header: 'Kind' }, { field: 'shared', header: 'Visibility' },
      { field: 'author', header: 'Author' }, { field: 'text', header: 'Text' }, { field: 'goalTitle', header: 'Goal' }, { field: 'reviewLabel', header: 'Review' },
    ];
    const views: View[] = [
      {},
      { sort: { field: 'employeeId' }, filters: [{ field: 'kind', contains: 'e' }] },
      { sort: { field: 'reviewLabel', desc: true }, search: 'a', includeArchived: true },
      { shared: true, textSearch: 'a', sort: { field: 'goalTitle' } },
    ];
    for (const view of views) {
      const expected = expectedView(entries, view);
      expect(expected.length).toBeGreaterThan(0);
      const file = await app.ok('reviews.exportJournal', { ...view, format: 'csv', title: 'Feedback journal', columns });
      expect(file.fileName).toMatch(/^Feedback journal \d{4}-\d{2}-\d{2}\.csv$/);
      const csv = Buffer.from(file.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
      const [headers, ...rows] = Papa.parse<string[]>(csv.trim()).data;
      expect(headers).toEqual(columns.map((c) => c.header));
      expect(rows).toEqual(expected.map((e) => columns.map((c) => e.shown[c.field] ?? '')));
    }
    // Every entry, as a workbook: a row per entry and real dates in the date column.
    const expected = expectedView(entries, { includeArchived: true });
    const xlsx = await app.ok('reviews.exportJournal', { includeArchived: true, format: 'xlsx', title: 'Feedback journal', columns: columns.slice(0, 3) });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(expected.length + 1);
    expect(sheet.getRow(2).getCell(2).value).toBe(expected[0].shown.employeeId);
    expect(sheet.getRow(2).getCell(1).value).toBeInstanceOf(Date);
  }, 60_000);
});
