import { describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './helpers';

const person = (employeeNumber: string, firstName: string, lastName: string, extra: Record<string, unknown> = {}) => ({
  values: { employeeNumber, firstName, lastName, hireDate: '2021-01-04', status: 'active' as const, ...extra },
});

async function organisation(app: TestApp) {
  const saved = (
    await app.ok('people.saveEmployees', {
      rows: [
        person('E100', 'Ann', 'Smith', { email: 'ann.smith@corp.example' }),
        person('E1000', 'Zoe', 'Annerby'),
        person('X9', 'Joanna', 'Brown'),
        person('E200', 'Annabel', 'Young', { email: 'annabel@corp.example' }),
        person('E300', 'Ann', 'Quinn', { status: 'terminated', terminationDate: '2024-05-31' }),
        person('E400', 'Ann', 'Archer'),
        person('E500', 'Bob', 'Stone', { email: 'bob.e100@corp.example' }),
      ],
    })
  ).rows;
  const byNumber = Object.fromEntries(saved.map((e) => [e.employeeNumber, e]));
  await app.ok('people.archiveEmployees', { ids: [byNumber.E400.id] });
  return byNumber;
}

const names = (result: { rows: { firstName: string; lastName: string }[] }) => result.rows.map((r) => `${r.firstName} ${r.lastName}`);

describe('people.searchEmployees (pickers)', () => {
  it('ranks exact number, then prefixes (by last name), then text inside; leaves out archived and, unless asked, terminated people', async () => {
    const app = await openTestApp();
    await organisation(app);
    // "ann": first-name prefix (Ann Smith, Annabel Young), last-name prefix (Zoe Annerby), inside "Joanna".
    expect(names(await app.ok('people.searchEmployees', { query: 'ann' }))).toEqual(['Zoe Annerby', 'Ann Smith', 'Annabel Young', 'Joanna Brown']);
    expect(names(await app.ok('people.searchEmployees', { query: 'ANN', includeTerminated: true }))).toEqual(['Zoe Annerby', 'Ann Quinn', 'Ann Smith', 'Annabel Young', 'Joanna Brown']);
    // "e100": the exact number E100, then the number E1000 that starts with it, then an email that holds it.
    expect(names(await app.ok('people.searchEmployees', { query: 'e100' }))).toEqual(['Ann Smith', 'Zoe Annerby', 'Bob Stone']);
  });

  it('finds "Last, First", "First Last" and emails, and reads wildcards literally', async () => {
    const app = await openTestApp();
    await organisation(app);
    expect(names(await app.ok('people.searchEmployees', { query: 'smith, a' }))).toEqual(['Ann Smith']);
    expect(names(await app.ok('people.searchEmployees', { query: '  ann   smith ' }))).toEqual(['Ann Smith']);
    expect(names(await app.ok('people.searchEmployees', { query: 'annabel@' }))).toEqual(['Annabel Young']);
    expect((await app.ok('people.searchEmployees', { query: '_' })).rows).toEqual([]);
    expect((await app.ok('people.searchEmployees', { query: '%' })).rows).toEqual([]);
  });

  it('returns at most the limit and says there are more; returns everyone by name for an empty query', async () => {
    const app = await openTestApp();
    await organisation(app);
    const two = await app.ok('people.searchEmployees', { query: 'ann', limit: 2 });
    expect(names(two)).toEqual(['Zoe Annerby', 'Ann Smith']);
    expect(two.more).toBe(true);
    expect((await app.ok('people.searchEmployees', { query: 'ann' })).more).toBe(false);
    expect(names(await app.ok('people.searchEmployees', {}))).toEqual(['Zoe Annerby', 'Joanna Brown', 'Ann Smith', 'Bob Stone', 'Annabel Young']);
    expect((await app.fail('people.searchEmployees', { query: 'a', limit: 51 })).code).toBe('VALIDATION');
  });

  it('resolves ids to people whatever their status, in the order asked, with department and job', async () => {
    const app = await openTestApp();
    const [dept] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Finance' } }] })).rows;
    const [job] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Analyst' } }] })).rows;
    const people = await organisation(app);
    await app.ok('people.saveEmployees', { rows: [{ id: people.E500.id, version: people.E500.version, values: { departmentId: dept.id, jobId: job.id } }] });
    const result = await app.ok('people.searchEmployees', { ids: [people.E500.id, people.E400.id, people.E300.id] });
    expect(result.rows.map((r) => [r.employeeNumber, r.status, r.archived, r.departmentName, r.jobTitle])).toEqual([
      ['E500', 'active', false, 'Finance', 'Analyst'],
      ['E400', 'active', true, null, null],
      ['E300', 'terminated', false, null, null],
    ]);
  });
});
