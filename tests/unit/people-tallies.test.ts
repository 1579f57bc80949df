import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEmployeeQuery } from '../../src-main/services/people/employees';
import { withDerivedTablesRebuilt } from '../../src-main/services/shared/bulk-load';
import { openTestApp } from './helpers';

/*
 * Migration 16's derived data against what it is derived from, after random writes straight to the
 * tables (as an import or another tool would make them): the headcount tally, the picker's trigram
 * index, and the people page's count as of a day against the history worked out in TypeScript.
 */

const DEPARTMENTS = ['d1', 'd2', 'd3'];
const op = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), department: fc.option(fc.constantFrom(...DEPARTMENTS), { nil: null }), status: fc.constantFrom('active', 'on_leave', 'terminated'), name: fc.string({ maxLength: 4 }) }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), department: fc.option(fc.constantFrom(...DEPARTMENTS), { nil: null }) }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom('active', 'on_leave', 'terminated') }),
  fc.record({ kind: fc.constant('archive' as const), pick: fc.nat(), archived: fc.boolean() }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), name: fc.string({ maxLength: 4 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

describe('people tallies (migration 16)', () => {
  it('keeps the headcount tally and the trigram index equal to the employees, whatever is written', async () => {
    const app = await openTestApp();
    const db = app.store().raw;
    db.pragma('foreign_keys = OFF');
    for (const id of DEPARTMENTS) db.prepare(`INSERT INTO department (id, name, created_at, updated_at) VALUES (?, ?, 'now', 'now')`).run(id, id);
    let n = 0;
    await fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const ids = () => (db.prepare('SELECT id FROM employee ORDER BY id').pluck().all() as string[]);
        for (const o of ops) {
          const all = ids();
          const target = 'pick' in o && all.length ? all[o.pick % all.length] : null;
          if (o.kind === 'insert') {
            n += 1;
            db.prepare(`INSERT INTO employee (id, employee_number, first_name, last_name, hire_date, status, department_id, created_at, updated_at) VALUES (?, ?, ?, 'Last', '2020-01-01', ?, ?, 'now', 'now')`)
              .run(`p${n}`, `N${n}`, `F${o.name}`, o.status, o.department);
          } else if (target && o.kind === 'move') db.prepare('UPDATE employee SET department_id = ? WHERE id = ?').run(o.department, target);
          else if (target && o.kind === 'status') db.prepare('UPDATE employee SET status = ? WHERE id = ?').run(o.status, target);
          else if (target && o.kind === 'archive') db.prepare('UPDATE employee SET archived = ? WHERE id = ?').run(o.archived ? 1 : 0, target);
          else if (target && o.kind === 'rename') db.prepare('UPDATE employee SET first_name = ? WHERE id = ?').run(`F${o.name}`, target);
          else if (target && o.kind === 'delete') db.prepare('DELETE FROM employee WHERE id = ?').run(target);
        }
        const tally = db.prepare(`SELECT department_id, status, archived, people FROM employee_headcount WHERE people <> 0 ORDER BY 1, 2, 3`).all();
        const counted = db.prepare(`SELECT coalesce(department_id, '') AS department_id, status, archived, count(*) AS people FROM employee GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`).all();
        expect(tally).toEqual(counted);
        const indexed = db.prepare(`SELECT rowid, haystack FROM employee_search ORDER BY rowid`).all();
        const texts = db.prepare(`SELECT rowid, first_name || ' ' || last_name || ' ' || employee_number || ' ' || coalesce(email, '') AS haystack FROM employee ORDER BY rowid`).all();
        expect(indexed).toEqual(texts);
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('a bulk load sets the search and headcount triggers aside, rebuilds both the same, and puts the triggers back', async () => {
    const app = await openTestApp();
    const db = app.store().raw;
    const triggers = () => db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND (name LIKE 'employee_search%' OR name LIKE 'employee_headcount%') ORDER BY name`).pluck().all();
    const before = triggers();
    expect(before).toHaveLength(6);
    const insert = db.prepare(`INSERT INTO employee (id, employee_number, first_name, last_name, email, hire_date, status, created_at, updated_at) VALUES (?, ?, ?, 'Łukasz', ?, '2020-01-01', ?, 'now', 'now')`);
    db.transaction(() =>
      withDerivedTablesRebuilt(db, () => {
        expect(triggers()).toEqual([]);
        for (let i = 1; i <= 30; i++) insert.run(`b${i}`, `B${i}`, `Zoë${i}`, i % 3 ? `z${i}@example.com` : null, i % 4 ? 'active' : 'terminated');
      }),
    )();
    expect(triggers()).toEqual(before);
    // Worked out by hand: 30 people, every fourth (4, 8, …, 28: 7 of them) terminated, none in a department.
    expect(db.prepare(`SELECT department_id, status, archived, people FROM employee_headcount WHERE people <> 0 ORDER BY status`).all()).toEqual([
      { department_id: '', status: 'active', archived: 0, people: 23 },
      { department_id: '', status: 'terminated', archived: 0, people: 7 },
    ]);
    expect(db.prepare(`SELECT haystack FROM employee_search WHERE rowid = (SELECT rowid FROM employee WHERE id = 'b3')`).pluck().get()).toBe('Zoë3 Łukasz B3 ');
    expect(db.prepare(`SELECT count(*) FROM employee_search WHERE employee_search MATCH '"łukasz"'`).pluck().get()).toBe(30);
  });

  it('counts the people page as of a day as the history says, ties on the same day going to the row recorded last', async () => {
    const app = await openTestApp();
    const db = app.store().raw;
    db.pragma('foreign_keys = OFF');
    for (const id of DEPARTMENTS) db.prepare(`INSERT INTO department (id, name, parent_id, created_at, updated_at) VALUES (?, ?, ?, 'now', 'now')`).run(id, id, id === 'd1' ? null : 'd1');
    const day = fc.integer({ min: 1, max: 9 }).map((d) => `2020-01-0${d}`);
    const personArb = fc.record({
      hire: day,
      leave: fc.option(day, { nil: null }),
      archived: fc.integer({ min: 0, max: 5 }).map((v) => v === 0),
      rows: fc.array(fc.record({ effective: day, recorded: fc.constantFrom('t1', 't2'), department: fc.constantFrom(...DEPARTMENTS) }), { minLength: 1, maxLength: 4 }),
    });
    await fc.assert(
      fc.property(fc.array(personArb, { maxLength: 12 }), day, fc.constantFrom(...DEPARTMENTS), fc.boolean(), (people, asOf, departmentId, includeSubdepartments) => {
        db.exec('DELETE FROM employee_assignment; DELETE FROM employee;');
        const expected = people.filter((p, i) => {
          const id = `p${i}`;
          db.prepare(`INSERT INTO employee (id, employee_number, first_name, last_name, hire_date, termination_date, status, archived, created_at, updated_at) VALUES (?, ?, 'F', 'L', ?, ?, ?, ?, 'now', 'now')`)
            .run(id, id, p.hire, p.leave, p.leave ? 'terminated' : 'active', p.archived ? 1 : 0);
          const inserted = p.rows.map((r, k) => {
            db.prepare(`INSERT INTO employee_assignment (id, employee_id, effective_date, department_id, source, recorded_at, recorded_by) VALUES (?, ?, ?, ?, 'demo', ?, 'test')`)
              .run(`${id}-${k}`, id, r.effective, r.department, r.recorded);
            return { ...r, order: k };
          });
          const inForce = inserted.filter((r) => r.effective <= asOf).sort((a, b) => (a.effective < b.effective ? 1 : a.effective > b.effective ? -1 : a.recorded < b.recorded ? 1 : a.recorded > b.recorded ? -1 : b.order - a.order))[0];
          const employed = p.hire <= asOf && (p.leave === null || p.leave >= asOf);
          const inDepartment = inForce && (inForce.department === departmentId || (includeSubdepartments && departmentId === 'd1'));
          return !p.archived && employed && inDepartment;
        }).length;
        const { countSql, params } = buildEmployeeQuery({ asOf, departmentId, includeSubdepartments });
        expect((db.prepare(countSql).get(...params) as { total: number }).total).toBe(expected);
      }),
      { numRuns: 150, seed: 9 },
    );
  });
});
