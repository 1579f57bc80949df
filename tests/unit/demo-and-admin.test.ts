import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateDemoOrganisation } from '../../src-main/services/people/demo';
import { openTestApp, tempDir } from './helpers';

describe('demo organisation', () => {
  it('is deterministic and plausible', () => {
    const a = generateDemoOrganisation(400, 7);
    const b = generateDemoOrganisation(400, 7);
    expect(a).toEqual(b);
    expect(a.employees).toHaveLength(400);
    expect(new Set(a.employees.map((e) => e.employeeNumber)).size).toBe(400);
    expect(new Set(a.employees.map((e) => e.email)).size).toBe(400);
    expect(a.employees.filter((e) => e.managerId === null)).toHaveLength(1);
    const managerOf = new Map(a.employees.map((e) => [e.id, e.managerId]));
    for (const person of a.employees) {
      let steps = 0;
      for (let m = person.managerId; m; m = managerOf.get(m) ?? null) expect(++steps).toBeLessThan(20);
    }
  });

  it('loads only into an empty database', async () => {
    const app = await openTestApp();
    const counts = await app.ok('admin.loadDemoOrganisation', { employees: 100 });
    expect(counts.employees).toBe(100);
    expect((await app.ok('admin.getDatabaseStatus', {})).isEmpty).toBe(false);
    expect((await app.fail('admin.loadDemoOrganisation', { employees: 100 })).code).toBe('CONFLICT');
  });
});

describe('database administration', () => {
  it('backs up online to a file that opens with the same data', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 50 });
    const target = path.join(tempDir(), 'backup.sqlite');
    const result = await app.ok('admin.backupDatabase', { path: target });
    expect(result.sizeBytes).toBeGreaterThan(0);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM employee').get()).toEqual({ n: 50 });
    copy.close();
    expect((await app.fail('admin.backupDatabase', { path: '/no/such/folder/x.sqlite' })).message).toMatch(/does not exist/);
  });

  it('opens another database, and refuses a file that is not one without closing the current', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 20 });
    const current = app.store().path;
    const junk = path.join(tempDir(), 'junk.sqlite');
    fs.writeFileSync(junk, 'hello');
    expect((await app.fail('admin.openDatabase', { path: junk })).message).toMatch(/not a Canopy database/);
    expect(app.store().path).toBe(current);
    const other = path.join(tempDir(), 'other.sqlite');
    const status = await app.ok('admin.openDatabase', { path: other, create: true });
    expect(status).toMatchObject({ path: other, isEmpty: true });
    expect((await app.ok('people.listEmployees', {})).total).toBe(0);
  });

  it('records the actor name from settings in the audit log', async () => {
    const app = await openTestApp();
    await app.ok('admin.updateSettings', { actorName: 'Priya (HR)' });
    await app.ok('people.saveJobs', { rows: [{ values: { title: 'Analyst' } }] });
    const { rows } = await app.ok('admin.listAuditEvents', { entity: 'job' });
    expect(rows[0].actor).toBe('Priya (HR)');
  });
});
