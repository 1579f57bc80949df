import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOURNAL_KINDS } from '../../src-shared/api';
import { localDateIso, summariseJournal } from '../../src-shared/domain/journal';
import { employeeValues, openTestApp, type TestApp } from './helpers';

const goalBase = { periodStart: '2026-01-01', periodEnd: '2026-12-31', unit: 'percent' as const, stretch: false, weight: 0, status: 'on_track' as const };

async function setUp(app: TestApp) {
  const [dept] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Sales' } }] })).rows;
  const [ann, bob] = (await app.ok('people.saveEmployees', { rows: [1, 2].map((n) => ({ values: employeeValues(n, { departmentId: dept.id }) })) })).rows;
  const [org, annGoal, bobGoal] = (await app.ok('goals.saveGoals', {
    rows: [
      { values: { ...goalBase, scope: 'organisation', title: 'Grow' } },
      { values: { ...goalBase, scope: 'individual', ownerId: ann.id, title: 'Ann closes deals' } },
      { values: { ...goalBase, scope: 'individual', ownerId: bob.id, title: 'Bob closes deals' } },
    ],
  })).rows;
  return { dept, ann, bob, org, annGoal, bobGoal, annReview: insertReview(app, ann.id, '2025 review'), bobReview: insertReview(app, bob.id, '2025 review (B)') };
}

/** A review row straight in the table: the journal only needs one to link to. */
function insertReview(app: TestApp, employeeId: string, cycleName: string): string {
  const raw = app.store().raw;
  const [scale, template, cycle, review] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const t = '2025-01-01T00:00:00.000Z';
  raw.prepare(`INSERT INTO rating_scale (id, created_at, updated_at, version, name, levels) VALUES (?, ?, ?, 1, 'Scale', '[]')`).run(scale, t, t);
  raw.prepare(`INSERT INTO review_template (id, created_at, updated_at, version, name, sections, steps) VALUES (?, ?, ?, 1, 'T', '[]', '{}')`).run(template, t, t);
  raw.prepare(`INSERT INTO review_cycle (id, created_at, updated_at, version, name, period_start, period_end, rating_scale_id, template_id, population, due_date)
    VALUES (?, ?, ?, 1, ?, '2025-01-01', '2025-12-31', ?, ?, '{}', '2026-01-31')`).run(cycle, t, t, cycleName, scale, template);
  raw.prepare(`INSERT INTO review (id, created_at, updated_at, version, cycle_id, employee_id) VALUES (?, ?, ?, 1, ?, ?)`).run(review, t, t, cycle, employeeId);
  return review;
}

const today = localDateIso();

describe('feedback journal', () => {
  it('adds entries with the Settings name as default author, links them and lists them with filters', async () => {
    const app = await openTestApp();
    const { ann, bob, org, annGoal, annReview } = await setUp(app);
    await app.ok('admin.updateSettings', { actorName: 'Hana HR' });
    const { rows } = await app.ok('reviews.saveJournalEntries', {
      rows: [
        { values: { employeeId: ann.id, date: '2025-03-01', kind: 'praise', shared: true, text: 'Great client demo.', goalId: annGoal.id } },
        { values: { employeeId: ann.id, date: '2025-06-15', kind: 'development', shared: false, text: 'Work on estimates.', reviewId: annReview, author: 'Mia Manager' } },
        { values: { employeeId: ann.id, date: '2024-11-02', kind: 'note', shared: false, text: 'Asked about 50% remote.', goalId: org.id } },
        { values: { employeeId: bob.id, date: today, kind: 'praise', shared: true, text: 'Helped Ann with the demo.' } },
      ],
    });
    expect(rows[0]).toMatchObject({ author: 'Hana HR', employeeName: 'First1 Last1', goalTitle: 'Ann closes deals', reviewLabel: null, version: 1, archived: false });
    expect(rows[1]).toMatchObject({ author: 'Mia Manager', reviewId: annReview, reviewLabel: '2025 review' });
    expect(app.store().raw.prepare(`SELECT count(*) AS n FROM audit_event WHERE entity = 'journal_entry' AND action = 'create'`).get()).toEqual({ n: 4 });

    const list = async (input: Parameters<typeof app.ok<'reviews.listJournalEntries'>>[1]) => (await app.ok('reviews.listJournalEntries', input)).rows.map((r) => r.text);
    expect(await list({ employeeId: ann.id })).toEqual(['Work on estimates.', 'Great client demo.', 'Asked about 50% remote.']);
    expect(await list({ kind: 'praise' })).toEqual(['Helped Ann with the demo.', 'Great client demo.']);
    expect(await list({ shared: false, employeeId: ann.id })).toEqual(['Work on estimates.', 'Asked about 50% remote.']);
    expect(await list({ author: 'mia' })).toEqual(['Work on estimates.']);
    expect(await list({ from: '2025-01-01', to: '2025-12-31' })).toEqual(['Work on estimates.', 'Great client demo.']);
    expect(await list({ goalId: annGoal.id })).toEqual(['Great client demo.']);
    expect(await list({ reviewId: annReview })).toEqual(['Work on estimates.']);
    expect(await list({ search: '50%' })).toEqual(['Asked about 50% remote.']);
    expect(await list({ search: '5_%' })).toEqual([]);
    // A review's panel: the entries of its period, plus those linked to it whatever their date.
    expect(await list({ employeeId: ann.id, from: '2025-01-01', to: '2025-05-31', orLinkedToReviewId: annReview })).toEqual(['Work on estimates.', 'Great client demo.']);
    expect((await app.ok('reviews.listJournalEntries', { limit: 1 }))).toMatchObject({ total: 4, rows: [{ text: 'Helped Ann with the demo.' }] });

    const options = await app.ok('reviews.listJournalLinkOptions', { employeeId: ann.id });
    expect(options.goals.map((g) => g.title)).toEqual(['Ann closes deals', 'Grow']);
    expect(options.reviews).toEqual([{ id: annReview, label: '2025 review', periodStart: '2025-01-01', periodEnd: '2025-12-31', status: 'not_started' }]);
  });

  it('edits with the loaded version (CONFLICT when it moved) and archives instead of deleting', async () => {
    const app = await openTestApp();
    const { ann } = await setUp(app);
    const [entry] = (await app.ok('reviews.saveJournalEntries', { rows: [{ values: { employeeId: ann.id, date: '2025-03-01', kind: 'note', shared: false, text: 'First draft' } }] })).rows;
    const [edited] = (await app.ok('reviews.saveJournalEntries', { rows: [{ id: entry.id, version: 1, values: { text: 'Second draft', shared: true } }] })).rows;
    expect(edited).toMatchObject({ text: 'Second draft', shared: true, version: 2, author: entry.author });
    const stale = await app.fail('reviews.saveJournalEntries', { rows: [{ id: entry.id, version: 1, values: { text: 'Lost update' } }] });
    expect(stale.code).toBe('CONFLICT');
    expect(await app.ok('reviews.archiveJournalEntries', { ids: [entry.id] })).toEqual({ count: 1 });
    expect((await app.ok('reviews.listJournalEntries', {})).rows).toHaveLength(0);
    expect((await app.ok('reviews.listJournalEntries', { includeArchived: true })).rows[0]).toMatchObject({ text: 'Second draft', archived: true, version: 3 });
    expect(app.count('journal_entry')).toBe(1);
    expect(app.store().raw.prepare(`SELECT action FROM audit_event WHERE entity_id = ? ORDER BY rowid`).all(entry.id)).toEqual([{ action: 'create' }, { action: 'update' }, { action: 'archive' }]);
  });

  it('refuses future dates, missing text, someone else\'s goal or review, and unknown employees, storing nothing', async () => {
    const app = await openTestApp();
    const { ann, bobGoal, bobReview } = await setUp(app);
    const entry = { employeeId: ann.id, date: '2025-03-01', kind: 'note' as const, shared: false, text: 'Fine' };
    const before = app.count('journal_entry');
    const audits = app.count('audit_event');
    const tomorrow = localDateIso(new Date(Date.now() + 86_400_000));
    expect((await app.fail('reviews.saveJournalEntries', { rows: [{ values: { ...entry, date: tomorrow } }] })).message).toMatch(/cannot be in the future/);
    expect((await app.fail('reviews.saveJournalEntries', { rows: [{ values: { ...entry, text: '   ' } }] })).message).toMatch(/Text is required/);
    expect((await app.fail('reviews.saveJournalEntries', { rows: [{ values: { ...entry, goalId: bobGoal.id } }] })).message).toMatch(/goal belongs to someone else/);
    expect((await app.fail('reviews.saveJournalEntries', { rows: [{ values: { ...entry, reviewId: bobReview } }] })).message).toMatch(/review is someone else's/);
    expect((await app.fail('reviews.saveJournalEntries', { rows: [{ values: { ...entry, employeeId: randomUUID() } }] })).message).toMatch(/employee does not exist/);
    expect((await app.fail('reviews.saveJournalEntries', { rows: [{ values: { ...entry, date: '2025-02-30' } }] })).message).toMatch(/date does not exist/);
    // One bad row fails the whole batch.
    const batch = await app.fail('reviews.saveJournalEntries', { rows: [{ values: entry }, { values: { ...entry, kind: 'gossip' } }] });
    expect(batch).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Row 2, Kind: Kind must be praise, development or note/) });
    expect(app.count('journal_entry')).toBe(before);
    expect(app.count('audit_event')).toBe(audits);
  });
});

describe('demo journal', () => {
  it('writes entries for about 40% of people, some linked to their goals, and a goal library', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 200 });
    const { n: people } = app.store().raw.prepare(`SELECT count(DISTINCT employee_id) AS n FROM journal_entry`).get() as { n: number };
    expect(people).toBeGreaterThan(50);
    expect(people).toBeLessThan(110);
    const raw = app.store().raw;
    expect(raw.prepare(`SELECT count(*) AS n FROM journal_entry j JOIN goal g ON g.id = j.goal_id WHERE g.scope = 'individual' AND g.employee_id <> j.employee_id`).get()).toEqual({ n: 0 });
    expect((raw.prepare(`SELECT count(*) AS n FROM journal_entry WHERE goal_id IS NOT NULL`).get() as { n: number }).n).toBeGreaterThan(0);
    expect((raw.prepare(`SELECT count(DISTINCT kind) AS n FROM journal_entry`).get() as { n: number }).n).toBe(3);
    expect((raw.prepare(`SELECT max(date) AS d FROM journal_entry`).get() as { d: string }).d <= localDateIso()).toBe(true);
    expect((await app.ok('goals.listGoalLibrary', {})).rows.length).toBeGreaterThanOrEqual(12);
  });
});

describe('journal summary (pure)', () => {
  it('counts every entry once, by kind and shared', () => {
    const entry = fc.record({ kind: fc.constantFrom(...JOURNAL_KINDS), shared: fc.boolean() });
    fc.assert(fc.property(fc.array(entry), (entries) => {
      const s = summariseJournal(entries);
      expect(s.total).toBe(entries.length);
      expect(s.byKind.praise + s.byKind.development + s.byKind.note).toBe(entries.length);
      expect(s.shared).toBe(entries.filter((e) => e.shared).length);
    }));
  });

  it('gives the local calendar date', () => {
    expect(localDateIso(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
  });
});
