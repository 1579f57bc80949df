// The organisation-wide gap summary and the cycle progress report answer from tallies kept by
// triggers (migration 14). After random writes, through the services and straight into the tables
// (as an import or another tool would), they must equal a brute-force recomputation from the rows.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Input, Method } from '../../src-shared/api';
import { todayIso } from '../../src-shared/domain/dates';
import { rebuildDerivedTables } from '../../src-main/services/shared/bulk-load';
import { expectedCycleProgress, expectedGapSummary } from './analytics-oracle';
import { storeSchema } from '../../src-main/areas';
import { openTestApp, tempDir, type TestApp } from './helpers';

const STAMP = '2024-01-01T00:00:00.000Z';
const TODAY = todayIso();
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function insertRow(db: Database.Database, table: string, values: Record<string, unknown>) {
  const row = { created_at: STAMP, updated_at: STAMP, version: 1, ...values };
  db.prepare(`INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((k) => `@${k}`).join(', ')})`).run(row);
}

/** The tallies without rows that count nothing (a tally may keep a row at zero). */
function tallies(db: Database.Database) {
  return {
    skill: db.prepare(`SELECT * FROM skill_gap_tally WHERE pairs <> 0 ORDER BY 1, 2, 3`).all(),
    department: db.prepare(`SELECT * FROM department_gap_tally WHERE pairs <> 0 OR at_or_above <> 0 OR unrated_at_level_one <> 0 ORDER BY 1, 2`).all(),
    progress: db.prepare(`SELECT * FROM review_progress_tally WHERE not_started + in_progress + ready_for_review + final_review + complete + on_time + late <> 0 ORDER BY 1, 2`).all(),
  };
}

/** The tallies rebuilt from scratch, in a transaction that is rolled back. */
function rebuiltTallies(db: Database.Database) {
  let rebuilt!: ReturnType<typeof tallies>;
  db.exec('SAVEPOINT rebuild');
  try {
    rebuildDerivedTables(db);
    rebuilt = tallies(db);
  } finally {
    db.exec('ROLLBACK TO rebuild; RELEASE rebuild');
  }
  return rebuilt;
}

// ---- Skills: an organisation to write into ----------------------------------------------------

interface Organisation {
  models: { id: string; levels: number }[];
  skills: { id: string; levels: number }[];
  jobs: string[];
  departments: string[];
  employees: string[];
}

/** Two models (5 levels from factor 1; 4 levels from factor 0, so an unrated level-1 requirement is met), 6 skills, 3 jobs, 4 departments, 8 people. */
function buildOrganisation(db: Database.Database): Organisation {
  const id = () => randomUUID();
  const type = id();
  insertRow(db, 'skill_type', { id: type, name: 'Technical' });
  const models = [{ id: id(), levels: 5, factors: [1, 3, 5, 7, 9] }, { id: id(), levels: 4, factors: [0, 3, 6, 9] }];
  for (const [i, model] of models.entries()) {
    insertRow(db, 'rating_model', { id: model.id, name: `Model ${i + 1}` });
    model.factors.forEach((factor, level) => db.prepare(`INSERT INTO rating_level (rating_model_id, value, label, factor) VALUES (?, ?, ?, ?)`).run(model.id, level + 1, `L${level + 1}`, factor));
  }
  const skills = ['Alpha', 'beta', 'Gamma', 'delta', 'Epsilon', 'zeta'].map((name, i) => {
    const model = models[i % 2];
    const skill = { id: id(), levels: model.levels };
    insertRow(db, 'skill', { id: skill.id, name, skill_type_id: type, rating_model_id: model.id });
    return skill;
  });
  const jobs = ['Developer', 'Lead', 'Analyst'].map((title) => {
    const job = id();
    insertRow(db, 'job', { id: job, title });
    return job;
  });
  const root = id();
  insertRow(db, 'department', { id: root, name: 'Org' });
  const departments = [root, ...['Web', 'data', 'Ops'].map((name) => {
    const department = id();
    insertRow(db, 'department', { id: department, name, parent_id: root });
    return department;
  })];
  const employees = Array.from({ length: 8 }, (_, i) => {
    const employee = id();
    insertRow(db, 'employee', {
      id: employee, employee_number: `E${i}`, first_name: `P${i}`, last_name: `Person ${i}`, hire_date: '2020-01-01', status: i === 7 ? 'terminated' : 'active',
      job_id: i === 6 ? null : jobs[i % 3], department_id: i === 5 ? null : departments[i % 4],
    });
    return employee;
  });
  for (const [j, job] of jobs.entries()) {
    for (const skill of skills.filter((_, s) => (s + j) % 2 === 0)) insertRow(db, 'job_skill', { id: id(), job_id: job, skill_id: skill.id, level: 1 + ((j + skill.levels) % 3), weight: 1 });
  }
  return { models: models.map(({ id: modelId, levels }) => ({ id: modelId, levels })), skills, jobs, departments, employees };
}

const DATES = ['2023-06-01', '2024-01-01', '2024-09-15', TODAY, addDays(TODAY, 20)];

const skillWrite = fc.oneof(
  fc.record({ kind: fc.constant('level' as const), employee: fc.nat(7), skill: fc.nat(5), level: fc.nat(5), date: fc.constantFrom(...DATES) }),
  fc.record({ kind: fc.constant('requirement' as const), job: fc.nat(2), skill: fc.nat(5), level: fc.nat(4) }),
  fc.record({ kind: fc.constant('move' as const), employee: fc.nat(7), job: fc.nat(3), department: fc.nat(4) }),
  fc.record({ kind: fc.constant('status' as const), employee: fc.nat(7), status: fc.constantFrom('active' as const, 'on_leave' as const, 'terminated' as const) }),
  fc.record({ kind: fc.constant('archiveEmployee' as const), employee: fc.nat(7), archived: fc.boolean() }),
  fc.record({ kind: fc.constant('archiveSkill' as const), skill: fc.nat(5), archived: fc.boolean() }),
  fc.record({ kind: fc.constant('factors' as const), model: fc.nat(1), start: fc.nat(1), step: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('hire' as const), job: fc.nat(2), department: fc.nat(3) }),
  fc.record({ kind: fc.constant('rawDepartment' as const), employee: fc.nat(7), department: fc.nat(4) }),
);
type SkillWrite = typeof skillWrite extends fc.Arbitrary<infer T> ? T : never;

/** A write the services may refuse (an archived skill, a level off the model): refused, it changes nothing. */
async function attempt<M extends Method>(app: TestApp, method: M, input: Input<M>): Promise<void> {
  const response = await app.call(method, input);
  if (!response.ok && response.error.code !== 'VALIDATION') throw new Error(`${method}: ${response.error.message}`);
}

async function employeeVersion(app: TestApp, id: string): Promise<number> {
  return (await app.ok('people.getEmployee', { id })).employee.version;
}

async function applySkillWrite(app: TestApp, org: Organisation, write: SkillWrite): Promise<void> {
  const db = app.store().raw;
  switch (write.kind) {
    case 'level': {
      const skill = org.skills[write.skill];
      const level = write.level === 0 ? null : Math.min(write.level, skill.levels);
      await attempt(app, 'skills.recordLevels', { rows: [{ employeeId: org.employees[write.employee], skillId: skill.id, level, effectiveDate: write.date, source: 'manager' }] });
      return;
    }
    case 'requirement': {
      const skill = org.skills[write.skill];
      await attempt(app, 'skills.saveRequirements', { changes: [{ jobId: org.jobs[write.job], skillId: skill.id, level: write.level === 0 ? null : Math.min(write.level, skill.levels) }] });
      return;
    }
    case 'move': {
      const id = org.employees[write.employee];
      const values = { jobId: org.jobs[write.job] ?? null, departmentId: org.departments[write.department] ?? null };
      await attempt(app, 'people.saveEmployees', { rows: [{ id, version: await employeeVersion(app, id), values }] });
      return;
    }
    case 'status': {
      const id = org.employees[write.employee];
      // Leaving needs the day they left; a status other than terminated clears it.
      const values = write.status === 'terminated' ? { status: write.status, terminationDate: '2024-06-01' } : { status: write.status };
      await attempt(app, 'people.saveEmployees', { rows: [{ id, version: await employeeVersion(app, id), values }] });
      return;
    }
    case 'archiveEmployee':
      await app.ok('people.archiveEmployees', { ids: [org.employees[write.employee]], archived: write.archived });
      return;
    case 'archiveSkill':
      await app.ok('skills.archiveSkills', { ids: [org.skills[write.skill].id], archived: write.archived });
      return;
    case 'factors': {
      // New factors, still rising with the levels: the tallies count levels, so only the reading changes.
      const model = org.models[write.model];
      const stored = (await app.ok('skills.listRatingModels', {})).rows.find((m) => m.id === model.id)!;
      const levels = stored.levels.map((level, i) => ({ label: level.label, description: level.description, factor: Math.min(9, write.start + i * write.step) }));
      if (new Set(levels.map((l) => l.factor)).size < levels.length) return;
      await app.ok('skills.saveRatingModel', { id: model.id, version: stored.version, name: stored.name, levels });
      return;
    }
    case 'hire': {
      const n = org.employees.length;
      const [saved] = (await app.ok('people.saveEmployees', {
        rows: [{ values: { employeeNumber: `H${n}`, firstName: `New${n}`, lastName: 'Hire', hireDate: '2024-02-01', status: 'active', jobId: org.jobs[write.job], departmentId: org.departments[write.department] } }],
      })).rows;
      org.employees.push(saved.id);
      return;
    }
    case 'rawDepartment':
      // Another tool writing the file directly: the triggers keep the tallies all the same.
      db.prepare(`UPDATE employee SET department_id = ? WHERE id = ?`).run(org.departments[write.department] ?? null, org.employees[write.employee]);
      return;
  }
}

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
    for (const table of tables) old.exec(`INSERT OR IGNORE INTO main."${table}" SELECT * FROM demo."${table}"`);
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
