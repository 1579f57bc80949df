// The organisation-wide gap summary and the cycle progress report answer from tallies kept by
// triggers (migration 14). After random writes, through the services and straight into the tables
// (as an import or another tool would), they must equal a brute-force recomputation from the rows.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, applySkillWrite, buildOrganisation, insertRow, rebuiltTallies, skillWrite, tallies, TODAY } from './analytics-fixtures';
import { expectedCycleProgress, expectedGapSummary } from './analytics-oracle';
import { storeSchema } from '../../src-main/areas';
import { openTestApp, tempDir } from './helpers';

describe('org gap summary from the tallies', () => {
  it('equals the full recomputation after random writes, today and on other days', async () => {
    const app = await openTestApp();
    const db = app.store().raw;
    const org = buildOrganisation(db);
    await fc.assert(
      fc.asyncProperty(fc.array(skillWrite, { minLength: 1, maxLength: 8 }), async (writes) => {
        for (const write of writes) await applySkillWrite(app, org, write);
        for (const asOf of [TODAY, '2024-06-30', addDays(TODAY, 30)]) {
          expect(await app.ok('skills.getOrgGapSummary', { asOf, limit: 100 })).toEqual(expectedGapSummary(db, asOf, 100));
        }
        expect(await app.ok('skills.getOrgGapSummary', { limit: 2 })).toEqual(expectedGapSummary(db, TODAY, 2));
        expect(tallies(db)).toEqual(rebuiltTallies(db));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('recomputes from the people when a file breaks what the tallies assume, and still agrees', async () => {
    const app = await openTestApp();
    const db = app.store().raw;
    const org = buildOrganisation(db);
    await applySkillWrite(app, org, { kind: 'level', employee: 0, skill: 0, level: 2, date: '2024-01-01' });
    // Factors falling with the levels (the rating model service never stores this).
    db.prepare(`UPDATE rating_level SET factor = 9 - factor WHERE rating_model_id = ?`).run(org.models[0].id);
    expect(await app.ok('skills.getOrgGapSummary', { limit: 100 })).toEqual(expectedGapSummary(db, TODAY, 100));
  });
});

// ---- Reviews: a cycle whose reviews move -------------------------------------------------------------

const STATUSES = ['not_started', 'in_progress', 'ready_for_review', 'final_review', 'complete'] as const;

function buildCycle(db: Database.Database, employees: string[], departments: string[]) {
  const scale = randomUUID();
  const template = randomUUID();
  insertRow(db, 'rating_scale', { id: scale, name: 'Five', levels: '[]' });
  insertRow(db, 'review_template', { id: template, name: 'Annual', sections: '[]', steps: '{}' });
  const cycles = ['2024-12-31', '2025-01-31'].map((dueDate, i) => {
    const id = randomUUID();
    insertRow(db, 'review_cycle', {
      id, name: `Cycle ${i}`, period_start: '2024-01-01', period_end: '2024-12-31', rating_scale_id: scale, template_id: template,
      population: '{}', due_date: dueDate, status: 'active',
    });
    return id;
  });
  return { cycles, employees, departments };
}

const reviewWrite = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), cycle: fc.nat(1), employee: fc.nat(7), department: fc.nat(4), status: fc.constantFrom(...STATUSES), completedOn: fc.constantFrom('2024-12-20', '2024-12-31', '2025-01-15', '2025-02-10') }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES), completedOn: fc.constantFrom('2024-12-20', '2024-12-31T23:30:00.000Z', '2025-01-31', '2025-02-10') }),
  fc.record({ kind: fc.constant('department' as const), pick: fc.nat(), department: fc.nat(4) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('dueDate' as const), cycle: fc.nat(1), dueDate: fc.constantFrom('2024-12-31', '2025-01-15', '2025-02-28') }),
);
type ReviewWrite = typeof reviewWrite extends fc.Arbitrary<infer T> ? T : never;

function applyReviewWrite(db: Database.Database, setup: ReturnType<typeof buildCycle>, write: ReviewWrite): void {
  const reviews = (db.prepare(`SELECT id FROM review ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
  const picked = reviews.length ? reviews[('pick' in write ? write.pick : 0) % reviews.length] : null;
  const completion = (status: string, on: string) => (status === 'complete' ? (on.length > 10 ? on : `${on}T10:00:00.000Z`) : null);
  switch (write.kind) {
    case 'add': {
      const cycle = setup.cycles[write.cycle];
      const employee = setup.employees[write.employee];
      if (db.prepare(`SELECT 1 FROM review WHERE cycle_id = ? AND employee_id = ?`).get(cycle, employee)) return;
      insertRow(db, 'review', { id: randomUUID(), cycle_id: cycle, employee_id: employee, department_id: setup.departments[write.department] ?? null, status: write.status, completed_at: completion(write.status, write.completedOn) });
      return;
    }
    case 'move':
      if (picked) db.prepare(`UPDATE review SET status = ?, completed_at = ? WHERE id = ?`).run(write.status, completion(write.status, write.completedOn), picked);
      return;
    case 'department':
      if (picked) db.prepare(`UPDATE review SET department_id = ? WHERE id = ?`).run(setup.departments[write.department] ?? null, picked);
      return;
    case 'remove':
      if (picked) db.prepare(`DELETE FROM review WHERE id = ?`).run(picked);
      return;
    case 'dueDate':
      db.prepare(`UPDATE review_cycle SET due_date = ? WHERE id = ?`).run(write.dueDate, setup.cycles[write.cycle]);
      return;
  }
}

describe('cycle progress from the tally', () => {
  it('equals the full recomputation after reviews are added, move status, change department or go, and due dates move', async () => {
    const app = await openTestApp();
    const db = app.store().raw;
    const org = buildOrganisation(db);
    const setup = buildCycle(db, org.employees, org.departments);
    await fc.assert(
      fc.asyncProperty(fc.array(reviewWrite, { minLength: 1, maxLength: 10 }), fc.constantFrom('2024-12-31', '2025-01-20', '2025-03-01'), async (writes, asOf) => {
        for (const write of writes) applyReviewWrite(db, setup, write);
        for (const cycleId of setup.cycles) {
          expect(await app.ok('reviews.getCycleProgress', { cycleId, asOf })).toEqual(expectedCycleProgress(db, cycleId, asOf));
        }
        expect(tallies(db)).toEqual(rebuiltTallies(db));
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

// ---- The demo and the review workflow ----------------------------------------------------------------

describe('the demo organisation', () => {
  it('loads with its tallies built, and they follow the review workflow and skill writes', async () => {
    const app = await openTestApp();
    const db = app.store().raw;
    const schema = () => db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name`).all();
    const emptySchema = schema();
    await app.ok('admin.loadDemoOrganisation', { employees: 120, seed: 5 });
    // The triggers and indexes set aside while loading are all back, as they were.
    expect(schema()).toEqual(emptySchema);
    expect(tallies(db)).toEqual(rebuiltTallies(db));
    expect(await app.ok('skills.getOrgGapSummary', { limit: 100 })).toEqual(expectedGapSummary(db, TODAY, 100));

    const cycle = (await app.ok('reviews.listCycles', {})).rows.find((c) => c.status === 'active')!;
    const { rows } = await app.ok('reviews.listReviews', { cycleId: cycle.id });
    const waiting = rows.find((r) => r.status === 'not_started')!;
    const detail = await app.ok('reviews.getReview', { id: waiting.id });
    const rated = detail.items.find((item) => item.answer === 'rating')!;
    await app.ok('reviews.saveAnswers', { reviewId: waiting.id, respondent: 'self', answers: [{ itemKey: rated.key, rating: 3 }] });
    const before = await app.ok('reviews.getCycleProgress', { cycleId: cycle.id });
    const complete = rows.find((r) => r.status === 'complete')!;
    await app.ok('reviews.reopenReview', { id: complete.id, version: complete.version, reason: 'Calibration' });
    const after = await app.ok('reviews.getCycleProgress', { cycleId: cycle.id });
    expect(after).toEqual(expectedCycleProgress(db, cycle.id, TODAY));
    // Worked out by hand: one complete review went back to final review.
    expect([after.byStatus.complete, after.byStatus.final_review]).toEqual([before.byStatus.complete - 1, before.byStatus.final_review + 1]);
    expect(after.completedOnTime + after.completedLate).toBe(before.completedOnTime + before.completedLate - 1);
    expect(tallies(db)).toEqual(rebuiltTallies(db));

    // Calibration writes ratings back into the reviews on finalising and puts them back on reopening:
    // ratings are not tallied, so the progress stays as it was and the tallies stay whole.
    const session = (await app.ok('calibration.listSessions', {})).rows.find((s) => s.status === 'in_session')!;
    const holding = (await app.ok('calibration.listMembers', { sessionId: session.id })).rows.filter((m) => m.performance === null).map((m) => m.id);
    const ready = holding.length ? (await app.ok('calibration.removePeople', { id: session.id, version: session.version, memberIds: holding, reason: 'Not rated this cycle' })).session : session;
    const ratingsBefore = db.prepare(`SELECT count(*) AS n FROM review WHERE calibration_session_id = ?`).get(session.id) as { n: number };
    const finalised = await app.ok('calibration.finaliseSession', { id: ready.id, version: ready.version, acknowledgement: 'Agreed in the session.' });
    expect(ratingsBefore.n).toBe(0);
    expect((db.prepare(`SELECT count(*) AS n FROM review WHERE calibration_session_id = ?`).get(session.id) as { n: number }).n).toBe(finalised.summary.members);
    expect(await app.ok('reviews.getCycleProgress', { cycleId: cycle.id })).toEqual(after);
    expect(tallies(db)).toEqual(rebuiltTallies(db));
    await app.ok('calibration.reopenSession', { id: finalised.session.id, version: finalised.session.version, reason: 'One more look' });
    expect(await app.ok('reviews.getCycleProgress', { cycleId: cycle.id })).toEqual(after);
    expect(tallies(db)).toEqual(rebuiltTallies(db));
  }, 60_000);
});

describe('migration 14 on a file with data', () => {
  it('builds the tallies from what is there: the answers equal the recomputation', async () => {
    const demo = await openTestApp();
    await demo.ok('admin.loadDemoOrganisation', { employees: 80, seed: 9 });
    const demoFile = demo.store().path;

    // A file at version 13 holding the demo's rows (the tables of that version), then opened: migration 14 runs.
    const file = path.join(tempDir(), 'v13.sqlite');
    const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], migrations: storeSchema.migrations.slice(0, 13), migrationsTableName: 'migrations' });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'all' });
    await dataSource.destroy();
    const old = new Database(file);
    old.pragma('user_version = 13');
    old.pragma('foreign_keys = OFF');
    old.prepare('ATTACH DATABASE ? AS demo').run(demoFile);
    const tables = (old.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations'`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).not.toContain('skill_gap_tally');
    // Over the columns each table had then: later migrations add some (migration 18 to the level history).
    for (const table of tables) {
      const columns = (old.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).all(table) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
      old.exec(`INSERT OR IGNORE INTO main."${table}" (${columns}) SELECT ${columns} FROM demo."${table}"`);
    }
    old.exec('DETACH DATABASE demo');
    old.close();

    const app = await openTestApp(file);
    const db = app.store().raw;
    expect(db.pragma('user_version', { simple: true })).toBe(storeSchema.version);
    expect((db.prepare(`SELECT count(*) AS n FROM skill_gap_tally`).get() as { n: number }).n).toBeGreaterThan(0);
    expect(tallies(db)).toEqual(rebuiltTallies(db));
    expect(await app.ok('skills.getOrgGapSummary', { limit: 100 })).toEqual(expectedGapSummary(db, TODAY, 100));
    for (const { id } of db.prepare(`SELECT id FROM review_cycle`).all() as { id: string }[]) {
      expect(await app.ok('reviews.getCycleProgress', { cycleId: id })).toEqual(expectedCycleProgress(db, id, TODAY));
    }
  }, 60_000);
});
