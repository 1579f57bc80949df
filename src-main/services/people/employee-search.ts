import type Database from 'better-sqlite3';
import type { EmployeeHit, EmployeeSearchInput } from '../../../src-shared/api';
import type { ServiceContext } from '../context';

const HIT_COLUMNS = `e.id, e.employee_number AS employeeNumber, e.first_name AS firstName, e.last_name AS lastName,
  e.email, e.status, e.archived, d.name AS departmentName, j.title AS jobTitle`;
const HIT_FROM = 'employee e LEFT JOIN department d ON d.id = e.department_id LEFT JOIN job j ON j.id = e.job_id';
/** The employee_name index's order, so a name-ordered query with a LIMIT stops early. */
const BY_NAME = 'e.last_name COLLATE NOCASE, e.first_name COLLATE NOCASE';
/** Everything a person is found by, in one string: one LIKE per word instead of one per column. */
const HAYSTACK = `(e.first_name || ' ' || e.last_name || ' ' || e.employee_number || ' ' || coalesce(e.email, ''))`;
/** Texts a query may start: "Last First" too, so "Smith, Ann" (commas read as spaces) finds Ann Smith. */
const PREFIX_SQL = ['e.first_name', 'e.last_name', 'e.employee_number', 'e.email', `e.first_name || ' ' || e.last_name`, `e.last_name || ' ' || e.first_name`]
  .map((target) => `${target} LIKE @prefix ESCAPE '\\'`)
  .join(' OR ');
/** Up to this many matches are ranked in memory; more means a short query, answered by indexed stages. */
const RANK_IN_MEMORY = 500;

type HitRow = Omit<EmployeeHit, 'archived'> & { archived: number };
const toHit = (row: HitRow): EmployeeHit => ({ ...row, archived: Boolean(row.archived) });

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const normalise = (query: string) => query.replace(/,/g, ' ').trim().replace(/\s+/g, ' ');

/**
 * Pickers' type-ahead, in SQL so nobody loads the organisation. Rank 0: the exact employee number;
 * rank 1: the start of a first or last name, "First Last", "Last First", the number or the email;
 * rank 2: every word of the query somewhere in the name, number or email. By last and first name
 * within a rank. Archived people never; terminated people on request.
 */
export function searchEmployees(ctx: ServiceContext, input: EmployeeSearchInput): { rows: EmployeeHit[]; more: boolean } {
  return searchEmployeesIn(ctx.store.raw, input);
}

/** The search on a given connection (the benchmark's raw floor runs it on its own). */
export function searchEmployeesIn(db: Database.Database, input: EmployeeSearchInput): { rows: EmployeeHit[]; more: boolean } {
  if (input.ids) return { rows: employeesByIds(db, input.ids), more: false };
  const limit = input.limit ?? 50;
  const query = normalise(input.query ?? '');
  const scope = `e.archived = 0${input.includeTerminated ? '' : ` AND e.status <> 'terminated'`}`;
  const words = query ? query.split(' ') : [];
  const containsAll = words.map((_, i) => ` AND ${HAYSTACK} LIKE @w${i} ESCAPE '\\'`).join('');
  const wordParams = Object.fromEntries(words.map((word, i) => [`w${i}`, `%${escapeLike(word)}%`]));
  const find = (where: string, params: Record<string, string>, max: number, useIndexes = false) => firstByName(db, `${scope} ${where}`, params, max, useIndexes);

  const matches = find(containsAll, wordParams, RANK_IN_MEMORY + 1, !query);
  if (!query || matches.length <= RANK_IN_MEMORY) {
    const rankOf = ranker(query);
    const ranked = matches.map((hit, order) => ({ hit, order, rank: rankOf(hit) })).sort((a, b) => a.rank - b.rank || a.order - b.order);
    return { rows: ranked.slice(0, limit).map((r) => r.hit), more: ranked.length > limit };
  }
  // A short query that many people match: the exact number and the prefixes come from their own
  // queries; the rest from the first matches by name, already read.
  const exact = find(`AND e.employee_number = @exact COLLATE NOCASE`, { exact: query }, 1, true);
  const prefixed = find(`AND (${PREFIX_SQL})`, { prefix: `${escapeLike(query)}%` }, limit + 1);
  const seen = new Set<string>();
  const rows = [...exact, ...prefixed, ...matches].filter((hit) => !seen.has(hit.id) && seen.add(hit.id));
  return { rows: rows.slice(0, limit), more: true };
}

/**
 * The first `max` people by name that `where` selects, in one sequential pass with a top-N sort.
 * (Walking the name index instead visits rows out of order, several times slower unless the
 * matches come first; only the empty query, which every row matches, walks it.)
 */
function firstByName(db: Database.Database, where: string, params: Record<string, string>, max: number, useIndexes: boolean): EmployeeHit[] {
  const first = `SELECT * FROM employee e ${useIndexes ? '' : 'NOT INDEXED'} WHERE ${where} ORDER BY ${BY_NAME}, e.id LIMIT ${max}`;
  // Department and job are joined to the few rows kept, not to every match.
  const sql = `SELECT ${HIT_COLUMNS} FROM (${first}) e LEFT JOIN department d ON d.id = e.department_id LEFT JOIN job j ON j.id = e.job_id ORDER BY ${BY_NAME}, e.id`;
  return (db.prepare(sql).all(params) as HitRow[]).map(toHit);
}

/** SQLite's NOCASE folding (ASCII letters only), so in-memory ranks agree with the SQL. */
const nocase = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The same ranks as the exact and prefix queries, for matches ranked in memory. */
function ranker(query: string) {
  const q = nocase(query);
  return (hit: EmployeeHit): number => {
    const number = nocase(hit.employeeNumber);
    if (number === q) return 0;
    const [first, last] = [nocase(hit.firstName), nocase(hit.lastName)];
    const starts = [first, last, number, nocase(hit.email ?? ''), `${first} ${last}`, `${last} ${first}`];
    return starts.some((text) => text.startsWith(q)) ? 1 : 2;
  };
}

/** The people a picker currently holds, in the order asked, whatever their status. */
function employeesByIds(db: Database.Database, ids: string[]): EmployeeHit[] {
  if (!ids.length) return [];
  const unique = [...new Set(ids)];
  const rows = (db.prepare(`SELECT ${HIT_COLUMNS} FROM ${HIT_FROM} WHERE e.id IN (${unique.map(() => '?').join(',')})`).all(...unique) as HitRow[]).map(toHit);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return unique.flatMap((id) => byId.get(id) ?? []);
}
