import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Employee } from '../../src-shared/api';
import { searchEmployeesIn } from '../../src-main/services/people/employee-search';
import { openTestApp, type TestApp } from './helpers';

/*
 * people.searchEmployees against a brute-force reference: every person checked in plain TypeScript
 * for the ranks of the search's contract (exact number, then a prefix of a name, "First Last",
 * "Last First", the number or the email, then every word somewhere), by last and first name (NOCASE:
 * ASCII folding, then the id) within a rank. A letter of the query matches itself, its lower case or
 * its upper case (one letter each), beyond ASCII. The walk along the first people by name is
 * shortened so that each of the search's three ways is taken.
 */

const LETTERS = ['a', 'A', 'n', 'N', 'é', 'É', 's', 'S', 'ö', 'Ö', 'm', 'i', 'ß', '_', '%', '*', '?', '[', '1', '-', 'x'];
const namePart = fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 5 });
const nameArb = fc.array(namePart, { minLength: 1, maxLength: 2 }).map((parts) => parts.join(' '));
const personArb = fc.record({
  firstName: nameArb,
  lastName: nameArb,
  email: fc.option(fc.string({ unit: fc.constantFrom('a', 'N', 's', '1', '_', 'x'), minLength: 1, maxLength: 4 }), { nil: null }),
  status: fc.constantFrom('active', 'active', 'on_leave', 'terminated'),
  archived: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  number: fc.string({ unit: fc.constantFrom('E', 'e', '1', '2', 'É'), minLength: 1, maxLength: 3 }),
});
type Person = typeof personArb extends fc.Arbitrary<infer T> ? T : never;

const codePoints = (text: string) => [...text];
const cases = (c: string) => new Set([c, c.toLowerCase(), c.toUpperCase()].filter((v) => codePoints(v).length === 1));
/** `word` matches `text` from code point `at`, letter by letter in either case. */
function matchesAt(text: string[], at: number, word: string[]): boolean {
  if (at + word.length > text.length) return false;
  return word.every((c, j) => cases(c).has(text[at + j]));
}
const startsWith = (text: string, query: string) => matchesAt(codePoints(text), 0, codePoints(query));
const equals = (text: string, query: string) => codePoints(text).length === codePoints(query).length && startsWith(text, query);
const contains = (text: string, word: string) => {
  const t = codePoints(text);
  const w = codePoints(word);
  return t.some((_, i) => matchesAt(t, i, w)) || (w.length === 0);
};

/** SQLite's NOCASE: ASCII letters folded, then compared by code point (UTF-8 byte order). */
const nocase = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
const compare = (a: string, b: string) => {
  const [x, y] = [codePoints(nocase(a)).map((c) => c.codePointAt(0)!), codePoints(nocase(b)).map((c) => c.codePointAt(0)!)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
};

function expected(people: Employee[], query: string | undefined, includeTerminated: boolean, limit: number) {
  const q = (query ?? '').replace(/,/g, ' ').trim().replace(/\s+/g, ' ');
  const words = q ? q.split(' ') : [];
  const inScope = people.filter((p) => !p.archived && (includeTerminated || p.status !== 'terminated'));
  const haystack = (p: Employee) => `${p.firstName} ${p.lastName} ${p.employeeNumber} ${p.email ?? ''}`;
  const rankOf = (p: Employee) => {
    if (!q) return 2;
    if (equals(p.employeeNumber, q)) return 0;
    const targets = [p.firstName, p.lastName, p.employeeNumber, p.email ?? '', `${p.firstName} ${p.lastName}`, `${p.lastName} ${p.firstName}`];
    return targets.some((t) => startsWith(t, q)) ? 1 : 2;
  };
  const matches = inScope
    .filter((p) => words.every((w) => contains(haystack(p), w)))
    .map((p) => ({ p, rank: rankOf(p) }))
    .sort((a, b) => a.rank - b.rank || compare(a.p.lastName, b.p.lastName) || compare(a.p.firstName, b.p.firstName) || (a.p.id < b.p.id ? -1 : 1));
  return { ids: matches.slice(0, limit).map((m) => m.p.id), more: matches.length > limit };
}

async function seed(people: Person[]): Promise<{ app: TestApp; employees: Employee[] }> {
  const app = await openTestApp();
  const rows = people.map((p, i) => ({
    values: {
      employeeNumber: `${p.number}${i}`,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email ? `${p.email}@x.org` : null,
      hireDate: '2020-01-01',
      status: p.status,
      terminationDate: p.status === 'terminated' ? '2023-05-01' : null,
    },
  }));
  const employees = (await app.ok('people.saveEmployees', { rows })).rows;
  const archived = employees.filter((_, i) => people[i].archived);
  if (archived.length) await app.ok('people.archiveEmployees', { ids: archived.map((e) => e.id) });
  archived.forEach((e) => (e.archived = true));
  return { app, employees };
}

/** Queries that often match: a piece of someone's name, number or email (case changed at random), or letters at random. */
function queryArb(employees: Employee[]) {
  const texts = employees.flatMap((e) => [e.firstName, e.lastName, e.employeeNumber, e.email ?? '', `${e.lastName}, ${e.firstName}`, `${e.firstName} ${e.lastName}`]);
  const piece = fc.tuple(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 1, max: 6 }), fc.boolean()).map(([text, start, length, flip]) => {
    const cps = codePoints(text);
    const from = cps.length ? start % cps.length : 0;
    const cut = cps.slice(from, from + length).join('');
    return flip ? [...cut].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('') : cut;
  });
  const start = fc.constantFrom(...texts).chain((text) => fc.integer({ min: 1, max: Math.max(1, codePoints(text).length) }).map((n) => codePoints(text).slice(0, n).join('')));
  const random = fc.string({ unit: fc.constantFrom(...LETTERS, ' ', ','), maxLength: 6 });
  return fc.oneof(piece, start, random, fc.tuple(piece, piece).map(([a, b]) => `${a} ${b}`), fc.constant(undefined));
}

describe('people.searchEmployees against a brute-force reference', () => {
  it('ranks, orders, limits and flags more as the reference does, for random people and queries, whichever way it answers', async () => {
    for (const seedValue of [1, 2, 3, 4]) {
      const people = fc.sample(fc.array(personArb, { minLength: 1, maxLength: 40 }), { seed: seedValue, numRuns: 1 })[0];
      const { app, employees } = await seed(people);
      const db = app.store().raw;
      await fc.assert(
        fc.property(queryArb(employees), fc.boolean(), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 50 }), (query, includeTerminated, limit, walkPerHit) => {
          const result = searchEmployeesIn(db, { query, includeTerminated, limit }, walkPerHit);
          const want = expected(employees, query, includeTerminated, limit);
          expect(result.rows.map((r) => r.id)).toEqual(want.ids);
          expect(result.more).toBe(want.more);
        }),
        { numRuns: 300, seed: seedValue },
      );
    }
  }, 120_000);

  it('keeps the trigram index in step with edits, archiving and deletes of people', async () => {
    const app = await openTestApp();
    const [emile] = (await app.ok('people.saveEmployees', { rows: [{ values: { employeeNumber: 'E1', firstName: 'Émile', lastName: 'Zola', hireDate: '2020-01-01', status: 'active' } }] })).rows;
    const search = async (query: string) => (await app.ok('people.searchEmployees', { query })).rows.map((r) => `${r.firstName} ${r.lastName}`);
    expect(await search('émile')).toEqual(['Émile Zola']);
    expect(await search('ÉMILE ZOLA')).toEqual(['Émile Zola']);
    expect(await search('mile')).toEqual(['Émile Zola']);
    await app.ok('people.saveEmployees', { rows: [{ id: emile.id, version: emile.version, values: { lastName: 'Durkheim' } }] });
    expect(await search('zola')).toEqual([]);
    expect(await search('durkh')).toEqual(['Émile Durkheim']);
    await app.ok('people.archiveEmployees', { ids: [emile.id] });
    expect(await search('durkh')).toEqual([]);
    const db = app.store().raw;
    expect(db.prepare(`SELECT count(*) AS n FROM employee_search WHERE employee_search MATCH '"durkheim"'`).get()).toEqual({ n: 1 });
    db.prepare('DELETE FROM employee_assignment WHERE employee_id = ?').run(emile.id);
    db.prepare('DELETE FROM employee WHERE id = ?').run(emile.id);
    expect(db.prepare(`SELECT count(*) AS n FROM employee_search`).get()).toEqual({ n: 0 });
  });
});
