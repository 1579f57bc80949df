// Migration 18 gives the level history the shape of steps: each entry knows the level and date of the
// entry before it, and the gap tallies' changes are kept by month. Triggers keep both; skill growth and
// the gap summary on past days read them. After random histories (back-dated entries, same-day and
// same-instant ties, entries edited and deleted straight in the table, people and requirements moving)
// everything must equal a brute force from the raw rows.
import path from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storeSchema } from '../../src-main/areas';
import { addDays, applySkillWrite, attempt, buildOrganisation, rebuiltTallies, skillWrite, tallies, TODAY, type Organisation } from './analytics-fixtures';
import { expectedGapSummary } from './analytics-oracle';
import { openTestApp, tempDir, type TestApp } from './helpers';

interface Entry {
  rowid: number;
  employee_id: string;
  skill_id: string;
  level: number | null;
  effective_date: string;
  recorded_at: string;
  previous_level: number | null;
  previous_date: string | null;
}

const entries = (db: Database.Database) => db.prepare(`SELECT rowid, * FROM employee_skill ORDER BY rowid`).all() as Entry[];

/** Each person's and skill's entries in the order the level in force is read: date, recording time, then insertion (rowid). */
function histories(rows: Entry[]): Entry[][] {
  const byPair = new Map<string, Entry[]>();
  for (const row of rows) {
    const key = `${row.employee_id}|${row.skill_id}`;
    byPair.set(key, [...(byPair.get(key) ?? []), row]);
  }
  const order = (a: Entry, b: Entry) =>
    a.effective_date !== b.effective_date ? (a.effective_date < b.effective_date ? -1 : 1)
      : a.recorded_at !== b.recorded_at ? (a.recorded_at < b.recorded_at ? -1 : 1)
        : a.rowid - b.rowid;
  return [...byPair.values()].map((list) => list.sort(order));
}

/** What previous_level and previous_date must hold: the entry just before, in that order. */
function expectedPrevious(rows: Entry[]) {
  const expected = histories(rows).flatMap((list) =>
    list.map((entry, i) => ({ rowid: entry.rowid, previous_level: i > 0 ? list[i - 1].level : null, previous_date: i > 0 ? list[i - 1].effective_date : null })));
  return expected.sort((a, b) => a.rowid - b.rowid);
}

/** The newest entry of each pair, as employee_skill_latest holds it. */
function expectedLatest(rows: Entry[]) {
  return histories(rows)
    .map((list) => list.at(-1)!)
    .map(({ employee_id, skill_id, level, effective_date, recorded_at }) => ({ employee_id, skill_id, level, effective_date, recorded_at }))
    .sort((a, b) => (a.employee_id + a.skill_id < b.employee_id + b.skill_id ? -1 : 1));
}

/** Skill growth from the raw rows: a rise is an entry of the period above the one before it (or after none, or after a removal). */
function expectedGrowth(rows: Entry[], from: string, to: string) {
  const months = new Map<string, number>();
  const people = new Set<string>();
  for (const list of histories(rows)) {
    list.forEach((entry, i) => {
      const previous = i > 0 ? list[i - 1].level : null;
      if (entry.effective_date < from || entry.effective_date > to || entry.level === null || (previous !== null && entry.level <= previous)) return;
      const month = entry.effective_date.slice(0, 7);
      months.set(month, (months.get(month) ?? 0) + 1);
      people.add(entry.employee_id);
    });
  }
  const acquiredByMonth = [...months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, count]) => ({ month, count }));
  return { acquiredByMonth, skillsAcquired: acquiredByMonth.reduce((sum, m) => sum + m.count, 0), peopleWhoGrew: people.size };
}

// Days over two years around today, with every month's first and last days likely: the summary reads
// whole months from the change tallies and the days of the asked day's month from the history.
const START = addDays(TODAY, -400);
const day = fc.oneof(
  fc.integer({ min: 0, max: 460 }).map((n) => addDays(START, n)),
  fc.integer({ min: 0, max: 15 }).map((n) => {
    const first = `${addDays(START, n * 31).slice(0, 7)}-01`;
    return n % 2 ? first : addDays(first, -1);
  }),
);
const RECORDED = ['2024-05-01T10:00:00.000Z', '2024-05-01T10:00:00.000Z', '2025-01-01T08:00:00.000Z', '2026-02-01T09:30:00.000Z'];

const historyWrite = fc.oneof(
  // Through the service: a batch is recorded at one instant, so two rows of one pair and day tie exactly.
  fc.record({
    kind: fc.constant('record' as const),
    rows: fc.array(fc.record({ employee: fc.nat(7), skill: fc.nat(5), level: fc.nat(5), date: day }), { minLength: 1, maxLength: 3 }),
    twice: fc.boolean(),
  }),
  // Straight into the table, as an import or another tool would: recording times chosen to tie.
  fc.record({ kind: fc.constant('insert' as const), employee: fc.nat(7), skill: fc.nat(5), level: fc.nat(5), date: day, recorded: fc.constantFrom(...RECORDED) }),
  fc.record({
    kind: fc.constant('edit' as const),
    pick: fc.nat(),
    change: fc.oneof(
      fc.record({ column: fc.constant('level' as const), value: fc.nat(5) }),
      fc.record({ column: fc.constant('effective_date' as const), value: day }),
      fc.record({ column: fc.constant('recorded_at' as const), value: fc.constantFrom(...RECORDED) }),
      fc.record({ column: fc.constant('employee_id' as const), value: fc.nat(7) }),
      fc.record({ column: fc.constant('skill_id' as const), value: fc.nat(5) }),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);
type HistoryWrite = typeof historyWrite extends fc.Arbitrary<infer T> ? T : never;

/** A level the skill's model has (0 = removed); raw edits keep to the model, as the services do. */
const levelOf = (org: Organisation, skill: number, level: number) => (level === 0 ? null : Math.min(level, org.skills[skill].levels));

async function applyHistoryWrite(app: TestApp, org: Organisation, write: HistoryWrite): Promise<void> {
  const db = app.store().raw;
  const rowids = (db.prepare(`SELECT rowid AS id FROM employee_skill ORDER BY rowid`).all() as { id: number }[]).map((r) => r.id);
  const picked = (pick: number) => (rowids.length ? rowids[pick % rowids.length] : null);
  switch (write.kind) {
    case 'record': {
      const rows = write.rows.map((r) => ({ employeeId: org.employees[r.employee], skillId: org.skills[r.skill].id, level: levelOf(org, r.skill, r.level), effectiveDate: r.date, source: 'manager' as const }));
      await attempt(app, 'skills.recordLevels', { rows: write.twice ? [...rows, ...rows] : rows });
      return;
    }
    case 'insert':
      db.prepare(`INSERT INTO employee_skill (id, employee_id, skill_id, level, effective_date, source, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, 'import', ?, 'tool')`)
        .run(`raw-${rowids.length}-${Math.random()}`, org.employees[write.employee], org.skills[write.skill].id, levelOf(org, write.skill, write.level), write.date, write.recorded);
      return;
    case 'edit': {
      const rowid = picked(write.pick);
      if (rowid === null) return;
      const { column, value } = write.change;
      const skillIndex = org.skills.findIndex((s) => s.id === (db.prepare(`SELECT skill_id FROM employee_skill WHERE rowid = ?`).get(rowid) as { skill_id: string }).skill_id);
      const values = {
        level: () => levelOf(org, skillIndex, value as number),
        effective_date: () => value,
        recorded_at: () => value,
        employee_id: () => org.employees[(value as number) % org.employees.length],
        // Another skill: its level kept within the new skill's model.
        skill_id: () => org.skills[value as number].id,
      };
      db.prepare(`UPDATE employee_skill SET ${column} = ? WHERE rowid = ?`).run(values[column](), rowid);
      if (column === 'skill_id') db.prepare(`UPDATE employee_skill SET level = min(level, ?) WHERE rowid = ?`).run(org.skills[value as number].levels, rowid);
      return;
    }
    case 'delete': {
      const rowid = picked(write.pick);
      if (rowid !== null) db.prepare(`DELETE FROM employee_skill WHERE rowid = ?`).run(rowid);
      return;
    }
  }
}

describe('the level history as steps', () => {
  it('keeps each entry\'s predecessor, the newest levels and the changes by month equal to a brute force, and answers growth and past days from them', async () => {
    const app = await openTestApp();
    const db = app.store().raw;
    const org = buildOrganisation(db);
    const write = fc.oneof({ arbitrary: historyWrite, weight: 4 }, { arbitrary: skillWrite, weight: 1 });
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 10 }), fc.array(day, { minLength: 3, maxLength: 3 }), day, day, async (writes, days, a, b) => {
        for (const w of writes) {
          if (w.kind === 'record' || w.kind === 'insert' || w.kind === 'edit' || w.kind === 'delete') await applyHistoryWrite(app, org, w);
          else await applySkillWrite(app, org, w);
        }
        const rows = entries(db);
        expect(rows.map(({ rowid, previous_level, previous_date }) => ({ rowid, previous_level, previous_date }))).toEqual(expectedPrevious(rows));
        expect(db.prepare(`SELECT employee_id, skill_id, level, effective_date, recorded_at FROM employee_skill_latest ORDER BY employee_id || skill_id`).all()).toEqual(expectedLatest(rows));
        expect(tallies(db)).toEqual(rebuiltTallies(db));
        for (const asOf of [...days, TODAY]) {
          expect(await app.ok('skills.getOrgGapSummary', { asOf, limit: 100 })).toEqual(expectedGapSummary(db, asOf, 100));
        }
        const [from, to] = a <= b ? [a, b] : [b, a];
        const kpis = await app.ok('insights.getSkillKpis', { from, to });
        expect({ acquiredByMonth: kpis.acquiredByMonth, skillsAcquired: kpis.skillsAcquired, peopleWhoGrew: kpis.peopleWhoGrew }).toEqual(expectedGrowth(rows, from, to));
      }),
      { numRuns: 80 },
    );
  }, 180_000);

  it('reads growth and the steps of a month from the date index, and who grew from their rises', async () => {
    const app = await openTestApp();
    const db = app.store().raw;
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('\n');
    expect(plan(`SELECT effective_date, count(*) FROM employee_skill WHERE effective_date BETWEEN '2025-01-01' AND '2025-12-31'
                  AND level IS NOT NULL AND (previous_level IS NULL OR level > previous_level) GROUP BY effective_date`))
      .toMatch(/USING COVERING INDEX employee_skill_by_date/);
    expect(plan(`SELECT 1 FROM employee_skill es WHERE es.employee_id = 'x' AND es.effective_date BETWEEN '2025-01-01' AND '2025-12-31'
                  AND es.level IS NOT NULL AND (es.previous_level IS NULL OR es.level > es.previous_level)`))
      .toMatch(/USING (COVERING )?INDEX employee_skill_rises/);
  });
});

describe('migration 18 on a file with data', () => {
  it('links every entry to its predecessor and counts the changes by month from what is there', async () => {
    const demo = await openTestApp();
    await demo.ok('admin.loadDemoOrganisation', { employees: 80, seed: 11 });
    const demoFile = demo.store().path;

    // A file at version 17 holding the demo's rows over the columns of that version, then opened: migration 18 runs.
    const file = path.join(tempDir(), 'v17.sqlite');
    const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], migrations: storeSchema.migrations.slice(0, 17), migrationsTableName: 'migrations' });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'all' });
    await dataSource.destroy();
    const old = new Database(file);
    old.pragma('user_version = 17');
    old.pragma('foreign_keys = OFF');
    old.prepare('ATTACH DATABASE ? AS demo').run(demoFile);
    expect((old.prepare(`SELECT name FROM pragma_table_info('employee_skill', 'main')`).all() as { name: string }[]).map((c) => c.name)).not.toContain('previous_level');
    const tables = old.prepare(`SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations'`).all() as { name: string; sql: string }[];
    const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
    for (const { name } of tables.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)))) {
      const columns = (old.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).all(name) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
      old.exec(`INSERT OR IGNORE INTO main."${name}" (${columns}) SELECT ${columns} FROM demo."${name}"`);
    }
    old.exec('DETACH DATABASE demo');
    old.close();

    const app = await openTestApp(file);
    const db = app.store().raw;
    expect(db.pragma('user_version', { simple: true })).toBe(storeSchema.version);
    const rows = entries(db);
    expect(rows.filter((row) => row.previous_date !== null).length).toBeGreaterThan(0);
    expect(rows.map(({ rowid, previous_level, previous_date }) => ({ rowid, previous_level, previous_date }))).toEqual(expectedPrevious(rows));
    expect((db.prepare(`SELECT count(*) AS n FROM skill_gap_change`).get() as { n: number }).n).toBeGreaterThan(0);
    expect(tallies(db)).toEqual(rebuiltTallies(db));
    for (const asOf of [TODAY, addDays(TODAY, -365), `${addDays(TODAY, -200).slice(0, 7)}-01`, addDays(TODAY, -3000)]) {
      expect(await app.ok('skills.getOrgGapSummary', { asOf, limit: 100 })).toEqual(expectedGapSummary(db, asOf, 100));
    }
    const kpis = await app.ok('insights.getSkillKpis', {});
    expect({ acquiredByMonth: kpis.acquiredByMonth, skillsAcquired: kpis.skillsAcquired, peopleWhoGrew: kpis.peopleWhoGrew }).toEqual(expectedGrowth(rows, kpis.from, kpis.to));
  }, 60_000);
});
