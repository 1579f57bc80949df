import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './kit';

/*
 * The people page, the pickers and the organisation as of a day at 50,000 employees (the issue "scale
 * to 50,000 employees"). Kept in the writing transaction by triggers, whichever path writes:
 *
 *   employee_search     FTS5 trigram index of what pickers find people by (first and last name,
 *                       number, email), keyed by the employee's rowid: words of three letters or
 *                       more find their candidates here, folding case beyond ASCII.
 *   employee_headcount  people per department ('' = none), status and archived flag: the people
 *                       page's count for a department (and its sub-departments) and a status.
 *
 * Indexes: the name index also carries what a picker's search reads (status, number, email), so a
 * walk in name order never visits the table; the history's newest-row seek reads department and
 * job from the index; employment (hire and termination dates) is read in id order from an index;
 * departments by parent for the sub-department trees; a department's people by name with the id and
 * archived flag. This file is frozen: a later change is a new
 * migration.
 */
export class PeopleAtScale0016 implements MigrationInterface {
  name = migrationName('PeopleAtScale', 16);

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of [...SEARCH, ...HEADCOUNT, ...INDEXES]) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of TRIGGER_NAMES) await runner.query(`DROP TRIGGER IF EXISTS ${name}`);
    await runner.query(`DROP TABLE IF EXISTS employee_search`);
    await runner.query(`DROP TABLE IF EXISTS employee_headcount`);
    for (const name of ['department_parent', 'employee_assignment_asof', 'employee_employment', 'employee_name']) await runner.query(`DROP INDEX IF EXISTS ${name}`);
    await runner.query(`CREATE INDEX employee_name ON employee (last_name COLLATE NOCASE, first_name COLLATE NOCASE, id, archived)`);
    await runner.query(`DROP INDEX IF EXISTS employee_department`);
    await runner.query(`CREATE INDEX employee_department ON employee (department_id, last_name COLLATE NOCASE, first_name COLLATE NOCASE)`);
  }
}

/** The text a picker searches, as employee-search.ts checks it. */
const haystack = (row: 'NEW' | 'OLD' | 'e') => `${row}.first_name || ' ' || ${row}.last_name || ' ' || ${row}.employee_number || ' ' || coalesce(${row}.email, '')`;

const trigger = (name: string, event: string, body: string[], when?: string) =>
  `CREATE TRIGGER ${name} ${event}${when ? ` WHEN ${when}` : ''} BEGIN\n${body.map((sql) => `  ${sql};`).join('\n')}\nEND`;

const changed = (...columns: string[]) => columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

const SEARCH = [
  `CREATE VIRTUAL TABLE employee_search USING fts5(haystack, tokenize = 'trigram')`,
  trigger('employee_search_insert', 'AFTER INSERT ON employee', [`INSERT INTO employee_search (rowid, haystack) VALUES (NEW.rowid, ${haystack('NEW')})`]),
  trigger('employee_search_update', 'AFTER UPDATE OF first_name, last_name, employee_number, email ON employee',
    [`DELETE FROM employee_search WHERE rowid = OLD.rowid`, `INSERT INTO employee_search (rowid, haystack) VALUES (NEW.rowid, ${haystack('NEW')})`],
    changed('first_name', 'last_name', 'employee_number', 'email')),
  trigger('employee_search_delete', 'AFTER DELETE ON employee', [`DELETE FROM employee_search WHERE rowid = OLD.rowid`]),
  `INSERT INTO employee_search (rowid, haystack) SELECT e.rowid, ${haystack('e')} FROM employee e`,
];

const count = (sign: 1 | -1, row: 'NEW' | 'OLD') =>
  `INSERT INTO employee_headcount (department_id, status, archived, people) VALUES (coalesce(${row}.department_id, ''), ${row}.status, ${row}.archived, ${sign})
     ON CONFLICT (department_id, status, archived) DO UPDATE SET people = people + excluded.people`;

const HEADCOUNT = [
  `CREATE TABLE employee_headcount (
     department_id TEXT NOT NULL, status TEXT NOT NULL, archived INTEGER NOT NULL, people INTEGER NOT NULL,
     PRIMARY KEY (department_id, status, archived)) WITHOUT ROWID`,
  trigger('employee_headcount_insert', 'AFTER INSERT ON employee', [count(1, 'NEW')]),
  trigger('employee_headcount_update', 'AFTER UPDATE OF department_id, status, archived ON employee', [count(-1, 'OLD'), count(1, 'NEW')], changed('department_id', 'status', 'archived')),
  trigger('employee_headcount_delete', 'AFTER DELETE ON employee', [count(-1, 'OLD')]),
  `INSERT INTO employee_headcount (department_id, status, archived, people)
     SELECT coalesce(department_id, ''), status, archived, count(*) FROM employee GROUP BY coalesce(department_id, ''), status, archived`,
];

const TRIGGER_NAMES = [...SEARCH, ...HEADCOUNT].flatMap((sql) => /CREATE TRIGGER (\w+)/.exec(sql)?.[1] ?? []);

const INDEXES = [
  `DROP INDEX employee_name`,
  `CREATE INDEX employee_name ON employee (last_name COLLATE NOCASE, first_name COLLATE NOCASE, id, archived, status, employee_number, email)`,
  // A department's people by name, covering the window's sort by department label (which ranks departments).
  `DROP INDEX employee_department`,
  `CREATE INDEX employee_department ON employee (department_id, archived, last_name COLLATE NOCASE, first_name COLLATE NOCASE, id)`,
  `CREATE INDEX employee_employment ON employee (id, archived, hire_date, termination_date, status)`,
  `CREATE INDEX employee_assignment_asof ON employee_assignment (employee_id, effective_date, recorded_at, department_id, job_id)`,
  `CREATE INDEX department_parent ON department (parent_id)`,
];
