import type Database from 'better-sqlite3';
import type { EmployeeHit, EmployeeSearchInput } from '../../../src-shared/api';
import type { ServiceContext } from '../context';

const HIT_COLUMNS = `e.id, e.employee_number AS employeeNumber, e.first_name AS firstName, e.last_name AS lastName,
  e.email, e.status, e.archived, d.name AS departmentName, j.title AS jobTitle`;
const HIT_FROM = 'employee e LEFT JOIN department d ON d.id = e.department_id LEFT JOIN job j ON j.id = e.job_id';
/** The employee_name index's order (migration 16), so a name-ordered query with a LIMIT stops early. */
const BY_NAME = 'e.last_name COLLATE NOCASE, e.first_name COLLATE NOCASE, e.id';
/** Columns the employee_name index holds: a walk along it that reads only these never visits the table. */
const WALK_COLUMNS = 'e.rowid AS rowid, e.id, e.first_name, e.last_name, e.employee_number, e.email, e.status, e.archived';
/** Everything a person is found by, in one string: one match per word instead of one per column (as in migration 16's employee_search). */
const HAYSTACK = `(e.first_name || ' ' || e.last_name || ' ' || e.employee_number || ' ' || coalesce(e.email, ''))`;
/** Texts a query may start: "Last First" too, so "Smith, Ann" (commas read as spaces) finds Ann Smith. */
const PREFIX_TARGETS = ['e.first_name', 'e.last_name', 'e.employee_number', 'e.email', `e.first_name || ' ' || e.last_name`, `e.last_name || ' ' || e.first_name`];

/**
 * How the SQL compares text with the query. An ASCII query uses LIKE and the NOCASE index (both fold
 * ASCII letters, which is all such a query holds: the same matches as `caseless`, and faster); any
 * other uses GLOB with `caseless` patterns.
 */
function dialect(query: string) {
  const ascii = /^[\x00-\x7f]*$/.test(query);
  const test = (target: string, param: string) => (ascii ? `(${target}) LIKE @${param} ESCAPE '\\'` : `(${target}) GLOB @${param}`);
  const prefixSql = PREFIX_TARGETS.map((target) => test(target, 'prefix')).join(' OR ');
  const isExact = ascii ? 'e.employee_number = @query COLLATE NOCASE' : 'e.employee_number GLOB @exact';
  return {
    /** The exact number (rank 0), through the unique index on the number. */
    exactSql: ascii ? isExact : 'e.rowid IN (SELECT rowid FROM employee INDEXED BY employee_number_unique WHERE employee_number GLOB @exact)',
    notExactSql: `NOT ${isExact}`,
    prefixSql,
    rankSql: `(CASE WHEN ${isExact} THEN 0 WHEN ${prefixSql} THEN 1 ELSE 2 END)`,
    containsSql: (i: number) => test(HAYSTACK, `w${i}`),
    params: (query: string, words: string[]) =>
      ascii
        ? { query, prefix: `${escapeLike(query)}%`, ...Object.fromEntries(words.map((word, i) => [`w${i}`, `%${escapeLike(word)}%`])) }
        : { query, exact: caseless(query), prefix: `${caseless(query)}*`, ...Object.fromEntries(words.map((word, i) => [`w${i}`, `*${caseless(word)}*`])) },
  };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Words this long find their candidates in the trigram index; shorter ones cannot (a trigram is three letters). */
const TRIGRAM = 3;
/**
 * A short query that many people start with is answered from the first people by name: a walk of
 * at most this many per hit asked for (so a query that starts ~1 name in 40 stops there).
 */
const WALK_PER_HIT = 40;

type HitRow = Omit<EmployeeHit, 'archived'> & { archived: number };
const toHit = (row: HitRow): EmployeeHit => ({ ...row, archived: Boolean(row.archived) });

const normalise = (query: string) => query.replace(/,/g, ' ').trim().replace(/\s+/g, ' ');

/**
 * The GLOB pattern of a text that matches each letter in either case, beyond ASCII ("émile" finds
 * "Émile"): a letter whose lower or upper case is another single letter becomes a class of them;
 * GLOB's own wildcards are read literally. Exported for the tests' reference.
 */
export function caseless(text: string): string {
  let pattern = '';
  for (const c of text) {
    const cases = [...new Set([c, c.toLowerCase(), c.toUpperCase()])].filter((v) => [...v].length === 1);
    pattern += cases.length > 1 ? `[${cases.join('')}]` : c === '*' || c === '?' || c === '[' ? `[${c}]` : c;
  }
  return pattern;
}

/** An FTS5 string for each word long enough, all required. */
const trigramMatch = (words: string[]) => words.filter((w) => [...w].length >= TRIGRAM).map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ');

/**
 * Pickers' type-ahead, in SQL so nobody loads the organisation. Rank 0: the exact employee number;
 * rank 1: the start of a first or last name, "First Last", "Last First", the number or the email;
 * rank 2: every word of the query somewhere in the name, number or email. By last and first name
 * within a rank. Archived people never; terminated people on request. Letters match in either case,
 * beyond ASCII (see `caseless`).
 *
 * Three ways to the same answer, the cheapest that can give it: (1) when enough of the first people
 * by name start with the query (a letter, a common name), they are the answer, read along the name
 * index; (2) else a word of three letters or more narrows to its candidates in the trigram index
 * (employee_search), which are ranked in SQL; (3) else (only one- and two-letter words that few
 * people start with) every person is checked along the name index, which holds all it reads.
 */
export function searchEmployees(ctx: ServiceContext, input: EmployeeSearchInput): { rows: EmployeeHit[]; more: boolean } {
  return searchEmployeesIn(ctx.store.raw, input);
}

/** The search on a given connection (the benchmark's raw floor runs it on its own; tests shorten the walk). */
export function searchEmployeesIn(db: Database.Database, input: EmployeeSearchInput, walkPerHit = WALK_PER_HIT): { rows: EmployeeHit[]; more: boolean } {
  if (input.ids) return { rows: employeesByIds(db, input.ids), more: false };
  const limit = input.limit ?? 50;
  const query = normalise(input.query ?? '');
  const scope = `e.archived = 0${input.includeTerminated ? '' : ` AND e.status <> 'terminated'`}`;
  const pick = (rowids: number[]) => ({ rows: hitsOf(db, rowids.slice(0, limit)), more: rowids.length > limit });
  if (!query) {
    return pick(rowidsOf(db, `SELECT e.rowid AS rowid FROM employee e INDEXED BY employee_name WHERE ${scope} ORDER BY ${BY_NAME} LIMIT ${limit + 1}`, {}));
  }
  const words = query.split(' ');
  const sql = dialect(query);
  const params = sql.params(query, words);

  // (1) The exact number, then whoever starts with the query among the first people by name.
  const exact = rowidsOf(db, `SELECT e.rowid AS rowid FROM employee e WHERE ${scope} AND ${sql.exactSql} ORDER BY ${BY_NAME}`, params);
  const walk = `SELECT ${WALK_COLUMNS} FROM employee e INDEXED BY employee_name WHERE ${scope} ORDER BY ${BY_NAME} LIMIT ${(limit + 1) * walkPerHit}`;
  const starting = rowidsOf(db, `SELECT e.rowid AS rowid FROM (${walk}) e WHERE (${sql.prefixSql}) AND ${sql.notExactSql} ORDER BY ${BY_NAME} LIMIT ${limit + 1}`, params);
  if (exact.length + starting.length > limit) return pick([...exact, ...starting]);

  // (2) and (3): every match, ranked; narrowed by the trigram index when a word is long enough.
  const containsAll = words.map((_, i) => sql.containsSql(i)).join(' AND ');
  const match = trigramMatch(words);
  const from = match ? `employee e WHERE e.rowid IN (SELECT rowid FROM employee_search WHERE employee_search MATCH @match) AND` : 'employee e INDEXED BY employee_name WHERE';
  const ranked = rowidsOf(db, `SELECT e.rowid AS rowid FROM ${from} ${scope} AND ${containsAll} ORDER BY ${sql.rankSql}, ${BY_NAME} LIMIT ${limit + 1}`, match ? { ...params, match } : params);
  return pick(ranked);
}

function rowidsOf(db: Database.Database, sql: string, params: Record<string, string>): number[] {
  return db.prepare(sql).pluck().all(params) as number[];
}

/** The hits of people by rowid, in that order, with their department and job. */
function hitsOf(db: Database.Database, rowids: number[]): EmployeeHit[] {
  if (!rowids.length) return [];
  const sql = `SELECT ${HIT_COLUMNS} FROM json_each(?) k JOIN employee e ON e.rowid = k.value LEFT JOIN department d ON d.id = e.department_id LEFT JOIN job j ON j.id = e.job_id ORDER BY k.key`;
  return (db.prepare(sql).all(JSON.stringify(rowids)) as HitRow[]).map(toHit);
}

/** The people a picker currently holds, in the order asked, whatever their status. */
function employeesByIds(db: Database.Database, ids: string[]): EmployeeHit[] {
  if (!ids.length) return [];
  const unique = [...new Set(ids)];
  const rows = (db.prepare(`SELECT ${HIT_COLUMNS} FROM ${HIT_FROM} WHERE e.id IN (${unique.map(() => '?').join(',')})`).all(...unique) as HitRow[]).map(toHit);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return unique.flatMap((id) => byId.get(id) ?? []);
}
