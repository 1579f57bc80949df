import { describe, expect, it } from 'vitest';
import type { ImportKind } from '../../src-shared/api';
import { openTestApp, type TestApp } from './helpers';

const file = (kind: ImportKind, lines: string[]) => ({ kind, fileName: `${kind}.csv`, contentBase64: Buffer.from(lines.join('\n')).toString('base64') });

async function importFile(app: TestApp, kind: ImportKind, lines: string[]) {
  const input = file(kind, lines);
  const preview = await app.ok('admin.previewImport', input);
  const result = preview.issueCount ? null : await app.ok('admin.commitImport', { ...input, mapping: preview.mapping });
  return { preview, result };
}

const departments = (app: TestApp) =>
  app.store().raw.prepare(`SELECT d.name, d.code, p.name AS parent, d.version FROM department d LEFT JOIN department p ON p.id = d.parent_id ORDER BY d.name`).all();

describe('importing departments', () => {
  it('creates a tree in any order, listing parents no row defines, then moves a department by its unique name', async () => {
    const app = await openTestApp();
    const { preview, result } = await importFile(app, 'departments', ['Name,Parent department,Code', 'Brand,Marketing,MK-B', 'Marketing,,MK', 'EMEA,Sales,']);
    expect(preview.summary).toEqual({ create: 3, update: 0, unchanged: 0 });
    expect(preview.creates).toEqual([{ entity: 'department', count: 1, names: ['Sales'] }]);
    expect(result).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(departments(app)).toEqual([
      { name: 'Brand', code: 'MK-B', parent: 'Marketing', version: 1 },
      { name: 'EMEA', code: null, parent: 'Sales', version: 1 },
      { name: 'Marketing', code: 'MK', parent: null, version: 1 },
      { name: 'Sales', code: null, parent: null, version: 1 },
    ]);
    const move = await importFile(app, 'departments', ['Name,Parent department', 'Brand,Sales', 'EMEA,Sales']);
    expect(move.result).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(departments(app)[0]).toEqual({ name: 'Brand', code: 'MK-B', parent: 'Sales', version: 2 });
    // Renaming needs something that identifies the department: its code.
    await importFile(app, 'departments', ['Code,Name', 'MK,Marketing & Brand']);
    expect(departments(app).map((d) => (d as { name: string }).name)).toContain('Marketing & Brand');
  });

  it('refuses a loop and two same-named departments under one parent, storing nothing', async () => {
    const app = await openTestApp();
    const loop = await importFile(app, 'departments', ['Name,Parent department', 'A,B', 'B,A']);
    expect(loop.preview.issues.map((i) => i.message)).toEqual(['"A" would sit under itself or one of its own sub-departments.', '"B" would sit under itself or one of its own sub-departments.']);
    const twice = await importFile(app, 'departments', ['Name,Parent department', 'Ops,', 'ops,']);
    expect(twice.preview.issues).toEqual([{ row: 3, column: 'Name', message: 'Two departments would be named "ops" under the same parent (also row 2).' }]);
    expect(app.count('department')).toBe(0);
  });
});

describe('importing jobs', () => {
  it('matches by title and level, updates family and description only, and reads "Title (Level)"', async () => {
    const app = await openTestApp();
    const first = await importFile(app, 'jobs', ['Title,Level / grade,Job family', 'Analyst,L1,Finance', 'Analyst,L2,Finance', 'Director,,Finance']);
    expect(first.result).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const second = await importFile(app, 'jobs', ['Title,Job family,Description', 'Analyst (L2),Data,Reads the numbers.', 'Director,Finance,']);
    expect(second.preview.issues).toEqual([]);
    expect(second.result).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(app.store().raw.prepare(`SELECT title, level, family, description, version FROM job ORDER BY title, level`).all()).toEqual([
      { title: 'Analyst', level: 'L1', family: 'Finance', description: null, version: 1 },
      { title: 'Analyst', level: 'L2', family: 'Data', description: 'Reads the numbers.', version: 2 },
      { title: 'Director', level: null, family: 'Finance', description: null, version: 1 },
    ]);
    const ambiguous = await importFile(app, 'jobs', ['Title,Job family', 'Analyst,Data']);
    expect(ambiguous.preview.issues).toEqual([{ row: 2, column: 'Title', message: '"Analyst" matches 2 jobs (Analyst (L1), Analyst (L2)): write it as "Title (Level)" or add a job level column.' }]);
  });
});

describe('importing positions', () => {
  async function setUp(app: TestApp) {
    await importFile(app, 'departments', ['Name', 'Platform']);
    await importFile(app, 'jobs', ['Title,Level / grade', 'Engineer,L2', 'Engineering Manager,M1']);
    await app.ok('admin.commitImport', { ...file('employees', ['Number,First,Last,Start', 'E1,Ann,Lee,2020-01-01', 'E2,Bo,Chen,2020-01-01', 'E3,Cy,Diaz,2020-01-01']), mapping: { employeeNumber: 'Number', firstName: 'First', lastName: 'Last', hireDate: 'Start' } });
  }
  const seats = (app: TestApp) =>
    app.store().raw.prepare(`SELECT p.title, r.title AS reportsTo, e.employee_number AS incumbent, p.is_key AS isKey FROM position p LEFT JOIN position r ON r.id = p.reports_to_id
      LEFT JOIN employee e ON e.position_id = p.id ORDER BY p.title, e.employee_number`).all();

  it('creates seats with incumbents and reporting lines, then moves an incumbent, changing each person once', async () => {
    const app = await openTestApp();
    await setUp(app);
    const header = 'Title,Job,Department,Reports to,Incumbent,Key position';
    const created = await importFile(app, 'positions', [header, 'Engineer,Engineer (L2),Platform,Lead · Platform,Bo Chen (E2),No', 'Engineer,Engineer (L2),Platform,Lead · Platform,,No', 'Lead,Engineering Manager (M1),Platform,,E1,Yes']);
    expect(created.preview.issues).toEqual([]);
    expect(created.result).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(seats(app)).toEqual([
      { title: 'Engineer', reportsTo: 'Lead', incumbent: null, isKey: 0 },
      { title: 'Engineer', reportsTo: 'Lead', incumbent: 'E2', isKey: 0 },
      { title: 'Lead', reportsTo: null, incumbent: 'E1', isKey: 1 },
    ]);
    // Two seats share a title: the vacant one takes E3, the other stays as it is.
    const moved = await importFile(app, 'positions', [header, 'Engineer,Engineer (L2),Platform,Lead · Platform,E3,No', 'Engineer,Engineer (L2),Platform,Lead · Platform,E2,No']);
    expect(moved.result).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(seats(app).filter((s) => (s as { title: string }).title === 'Engineer')).toEqual([
      { title: 'Engineer', reportsTo: 'Lead', incumbent: 'E2', isKey: 0 },
      { title: 'Engineer', reportsTo: 'Lead', incumbent: 'E3', isKey: 0 },
    ]);
    expect(app.store().raw.prepare(`SELECT employee_number AS n, version FROM employee ORDER BY 1`).all()).toEqual([{ n: 'E1', version: 2 }, { n: 'E2', version: 2 }, { n: 'E3', version: 2 }]);
  });

  it('refuses one person in two seats and a reporting loop', async () => {
    const app = await openTestApp();
    await setUp(app);
    const header = 'Title,Job,Department,Reports to,Incumbent';
    const { preview } = await importFile(app, 'positions', [header, 'A,Engineer (L2),Platform,B · Platform,E1', 'B,Engineer (L2),Platform,A · Platform,E1']);
    expect(preview.issues).toEqual([
      { row: 2, column: 'Reports to', message: '"A" cannot report to itself or to a position that reports to it.' },
      { row: 3, column: 'Incumbent', message: 'Ann Lee (E1) already holds the position on row 2.' },
      { row: 3, column: 'Reports to', message: '"B" cannot report to itself or to a position that reports to it.' },
    ]);
    expect(app.count('position')).toBe(0);
  });
});
