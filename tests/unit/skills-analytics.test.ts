import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { gapPeople, heatmap, orgGapSummary, personGap, savedSearch, skillSearchResult } from '../../src-shared/api';
import type { AppError } from '../../src-shared/errors';
import type { ServiceContext } from '../../src-main/services/context';
import { getHeatmap, getOrgGapSummary, getPersonGap, listGapPeople } from '../../src-main/services/skills/gaps';
import { deleteSearch, listSavedSearches, saveSearch, searchBySkills } from '../../src-main/services/skills/search';
import type { Store } from '../../src-main/store/data-source';
import { openTestApp } from './helpers';

const STAMP = '2024-01-01T00:00:00.000Z';
const END_OF_2024 = '2024-12-31';

function contextFor(store: Store): ServiceContext {
  return { manager: store.dataSource.manager, store, actor: 'test', now: new Date().toISOString(), registry: { demoParts: [], recordLabels: {} }, emit: () => {}, switchDatabase: async () => store };
}

/**
 * A small organisation whose numbers are worked out by hand in the tests.
 * Models: P (5 levels, factors 1 3 5 7 9) and B (4 levels, factors 0 3 6 9).
 * Jobs: Developer needs SQL 4 (f7, weight 3), TypeScript 3 (f5, weight 1), Communication 3 (f6, weight 2)
 * and an archived skill (ignored); Lead needs Communication 4 (f9, weight 5) and SQL 2 (f3, weight 1).
 * Departments: Org > Engineering > Web, Org > Operations.
 */
function buildFixture(db: Database.Database) {
  const id = () => randomUUID();
  const tracked = (table: string, values: Record<string, unknown>) => {
    const row = { ...values, created_at: STAMP, updated_at: STAMP, version: 1 };
    db.prepare(`INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((k) => `@${k}`).join(', ')})`).run(row);
  };
  const ids = {
    technical: id(), behavioural: id(), p: id(), b: id(),
    sql: id(), ts: id(), comm: id(), old: id(),
    developer: id(), lead: id(),
    org: id(), engineering: id(), web: id(), operations: id(),
    ann: id(), bob: id(), cat: id(), dan: id(), eve: id(), fay: id(),
  };
  tracked('skill_type', { id: ids.technical, name: 'Technical' });
  tracked('skill_type', { id: ids.behavioural, name: 'Behavioural' });
  tracked('rating_model', { id: ids.p, name: 'Proficiency' });
  tracked('rating_model', { id: ids.b, name: 'Behaviour' });
  const level = db.prepare(`INSERT INTO rating_level (rating_model_id, value, label, factor) VALUES (?, ?, ?, ?)`);
  [1, 3, 5, 7, 9].forEach((factor, i) => level.run(ids.p, i + 1, `P${i + 1}`, factor));
  [0, 3, 6, 9].forEach((factor, i) => level.run(ids.b, i + 1, `B${i + 1}`, factor));
  tracked('skill', { id: ids.sql, name: 'SQL', skill_type_id: ids.technical, rating_model_id: ids.p });
  tracked('skill', { id: ids.ts, name: 'TypeScript', skill_type_id: ids.technical, rating_model_id: ids.p });
  tracked('skill', { id: ids.comm, name: 'Communication', skill_type_id: ids.behavioural, rating_model_id: ids.b });
  tracked('skill', { id: ids.old, name: 'COBOL', skill_type_id: ids.technical, rating_model_id: ids.p, archived: 1 });
  tracked('job', { id: ids.developer, title: 'Developer' });
  tracked('job', { id: ids.lead, title: 'Lead' });
  const requires = (job: string, skill: string, lvl: number, weight: number) => tracked('job_skill', { id: id(), job_id: job, skill_id: skill, level: lvl, weight });
  requires(ids.developer, ids.sql, 4, 3);
  requires(ids.developer, ids.ts, 3, 1);
  requires(ids.developer, ids.comm, 3, 2);
  requires(ids.developer, ids.old, 2, 1);
  requires(ids.lead, ids.comm, 4, 5);
  requires(ids.lead, ids.sql, 2, 1);
  tracked('department', { id: ids.org, name: 'Org', parent_id: null });
  tracked('department', { id: ids.engineering, name: 'Engineering', parent_id: ids.org });
  tracked('department', { id: ids.web, name: 'Web', parent_id: ids.engineering });
  tracked('department', { id: ids.operations, name: 'Operations', parent_id: ids.org });
  const person = (key: keyof typeof ids, first: string, last: string, job: string | null, department: string, location: string, extra: Record<string, unknown> = {}) =>
    tracked('employee', {
      id: ids[key], employee_number: first.toUpperCase(), first_name: first, last_name: last, hire_date: '2020-01-01', status: 'active',
      job_id: job, department_id: department, location, ...extra,
    });
  person('ann', 'Ann', 'Archer', ids.developer, ids.web, 'London');
  person('bob', 'Bob', 'Baker', ids.developer, ids.engineering, 'Berlin');
  person('cat', 'Cat', 'Cole', ids.lead, ids.operations, 'London');
  person('dan', 'Dan', 'Dunn', ids.developer, ids.engineering, 'London', { status: 'terminated' });
  person('eve', 'Eve', 'Evans', ids.developer, ids.web, 'London', { archived: 1 });
  person('fay', 'Fay', 'Ford', null, ids.engineering, 'Berlin');
  const history = db.prepare(`INSERT INTO employee_skill (id, employee_id, skill_id, level, effective_date, source, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, 'manager', ?, 'test')`);
  const rate = (employee: string, skill: string, lvl: number | null, effective: string, recordedAt = `${effective}T09:00:00.000Z`) =>
    history.run(id(), employee, skill, lvl, effective, recordedAt);
  rate(ids.ann, ids.sql, 2, '2024-01-01');
  rate(ids.ann, ids.sql, 4, '2024-06-01');
  rate(ids.ann, ids.sql, 3, '2024-03-01', '2024-07-01T09:00:00.000Z'); // recorded in July, effective from March
  rate(ids.ann, ids.ts, 3, '2024-01-01');
  rate(ids.ann, ids.ts, null, '2024-09-01'); // removed
  rate(ids.ann, ids.comm, 2, '2024-01-01');
  rate(ids.bob, ids.sql, 5, '2024-02-01', '2024-02-01T09:00:00.000Z');
  rate(ids.bob, ids.sql, 4, '2024-02-01', '2024-02-01T10:00:00.000Z'); // same day, recorded later: wins
  rate(ids.bob, ids.comm, 4, '2024-01-01');
  rate(ids.cat, ids.comm, 3, '2024-05-01');
  rate(ids.cat, ids.sql, 2, '2024-05-01');
  rate(ids.dan, ids.sql, 5, '2024-01-01');
  rate(ids.eve, ids.sql, 5, '2024-01-01');
  return ids;
}

async function setup() {
  const app = await openTestApp();
  const ids = buildFixture(app.store().raw);
  return { app, ids, ctx: contextFor(app.store()) };
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected an error');
}

describe('person gap', () => {
  it('scores a person against their job, largest gap first, with coverage and weighted match', async () => {
    const { ids, ctx } = await setup();
    const result = personGap.parse(await getPersonGap(ctx, { employeeId: ids.ann, asOf: END_OF_2024 }));
    expect(result).toMatchObject({ employeeId: ids.ann, jobId: ids.developer, jobTitle: 'Developer', asOf: END_OF_2024, coverage: 33.3, match: 66.7 });
    expect(result.rows.map((r) => [r.skillName, r.currentLevel, r.currentLabel, r.gap, r.met])).toEqual([
      ['TypeScript', null, null, 0.556, false], // removed in September
      ['Communication', 2, 'B2', 0.333, false],
      ['SQL', 4, 'P4', 0, true],
    ]);
    expect(result.rows[2]).toMatchObject({ skillTypeId: ids.technical, weight: 3, requiredLevel: 4, requiredLabel: 'P4' });
  });

  it('reads the level in force on the date: backdated entries, same-day ties and removals', async () => {
    const { ids, ctx } = await setup();
    const level = async (employeeId: string, skillName: string, asOf: string) =>
      (await getPersonGap(ctx, { employeeId, asOf })).rows.find((r) => r.skillName === skillName)!.currentLevel;
    expect(await level(ids.ann, 'SQL', '2023-12-31')).toBeNull();
    expect(await level(ids.ann, 'SQL', '2024-02-01')).toBe(2);
    expect(await level(ids.ann, 'SQL', '2024-04-01')).toBe(3); // the entry recorded in July, effective in March
    expect(await level(ids.ann, 'SQL', '2024-06-01')).toBe(4);
    expect(await level(ids.ann, 'TypeScript', '2024-08-31')).toBe(3);
    expect(await level(ids.ann, 'TypeScript', '2024-09-01')).toBeNull();
    expect(await level(ids.bob, 'SQL', '2024-02-01')).toBe(4);
  });

  it('shows what another job would take (what-if), and nothing for someone without a job', async () => {
    const { ids, ctx } = await setup();
    const whatIf = await getPersonGap(ctx, { employeeId: ids.ann, jobId: ids.lead, asOf: END_OF_2024 });
    expect(whatIf).toMatchObject({ jobId: ids.lead, jobTitle: 'Lead', coverage: 50, match: 44.4 });
    expect(whatIf.rows.map((r) => [r.skillName, r.gap, r.met])).toEqual([['Communication', 0.667, false], ['SQL', 0, true]]);
    expect(await getPersonGap(ctx, { employeeId: ids.fay, asOf: END_OF_2024 })).toMatchObject({ jobId: null, jobTitle: null, rows: [], coverage: 100, match: 100 });
  });

  it('defaults to today and reports unknown employees and jobs as NOT_FOUND', async () => {
    const { ids, ctx } = await setup();
    expect((await getPersonGap(ctx, { employeeId: ids.bob })).asOf).toBe(new Date().toISOString().slice(0, 10));
    expect((await errorOf(getPersonGap(ctx, { employeeId: randomUUID() }))).code).toBe('NOT_FOUND');
    expect((await errorOf(getPersonGap(ctx, { employeeId: ids.ann, jobId: randomUUID() }))).code).toBe('NOT_FOUND');
  });
});

describe('heatmap', () => {
  it('lists the department (and below) × the skills their jobs require, with a cell only where required', async () => {
    const { ids, ctx } = await setup();
    const result = heatmap.parse(await getHeatmap(ctx, { departmentId: ids.engineering, includeSubdepartments: true, asOf: END_OF_2024 }));
    expect(result.employees).toEqual([
      { id: ids.ann, name: 'Ann Archer', jobTitle: 'Developer' },
      { id: ids.bob, name: 'Bob Baker', jobTitle: 'Developer' },
      { id: ids.fay, name: 'Fay Ford', jobTitle: null },
    ]);
    expect(result.skills.map((s) => s.name)).toEqual(['Communication', 'SQL', 'TypeScript']);
    expect(result.cells).toHaveLength(6);
    expect(result.cells).toContainEqual({ employeeId: ids.ann, skillId: ids.comm, requiredLevel: 3, currentLevel: 2, gap: 0.333 });
    expect(result.cells).toContainEqual({ employeeId: ids.bob, skillId: ids.ts, requiredLevel: 3, currentLevel: null, gap: 0.556 });
  });

  it('keeps to the department itself unless asked, and filters by skill type', async () => {
    const { ids, ctx } = await setup();
    const own = await getHeatmap(ctx, { departmentId: ids.engineering, asOf: END_OF_2024 });
    expect(own.employees.map((e) => e.name)).toEqual(['Bob Baker', 'Fay Ford']);
    expect(own.cells).toHaveLength(3);
    const behavioural = await getHeatmap(ctx, { departmentId: ids.engineering, includeSubdepartments: true, skillTypeId: ids.behavioural, asOf: END_OF_2024 });
    expect(behavioural.skills).toEqual([{ id: ids.comm, name: 'Communication' }]);
    expect(behavioural.cells.map((c) => c.employeeId).sort()).toEqual([ids.ann, ids.bob].sort());
    expect((await errorOf(getHeatmap(ctx, { departmentId: randomUUID() }))).code).toBe('NOT_FOUND');
  });
});

describe('org gap summary', () => {
  it('gives coverage over every requirement of active people and ranks skills and departments by unmet', async () => {
    const { ids, ctx } = await setup();
    const result = orgGapSummary.parse(await getOrgGapSummary(ctx, { asOf: END_OF_2024 }));
    expect(result).toMatchObject({ asOf: END_OF_2024, requirements: 8, met: 4, coverage: 50 });
    expect(result.topSkills).toEqual([
      { skillId: ids.ts, name: 'TypeScript', requirements: 2, unmet: 2, averageGap: 0.556 },
      { skillId: ids.comm, name: 'Communication', requirements: 3, unmet: 2, averageGap: 0.222 },
    ]);
    expect(result.topDepartments).toEqual([
      { departmentId: ids.web, name: 'Web', requirements: 3, unmet: 2, coverage: 33.3 },
      { departmentId: ids.operations, name: 'Operations', requirements: 2, unmet: 1, coverage: 50 },
      { departmentId: ids.engineering, name: 'Engineering', requirements: 3, unmet: 1, coverage: 66.7 },
    ]);
    const top = await getOrgGapSummary(ctx, { asOf: END_OF_2024, limit: 1 });
    expect([top.topSkills.map((s) => s.name), top.topDepartments.map((d) => d.name)]).toEqual([['TypeScript'], ['Web']]);
  });

  it('agrees with the person gaps of everyone on any date', async () => {
    const { ids, ctx } = await setup();
    for (const asOf of ['2023-12-31', '2024-04-01', END_OF_2024]) {
      const people = await Promise.all([ids.ann, ids.bob, ids.cat].map((employeeId) => getPersonGap(ctx, { employeeId, asOf })));
      const rows = people.flatMap((p) => p.rows);
      const summary = await getOrgGapSummary(ctx, { asOf, limit: 100 });
      expect([summary.requirements, summary.met]).toEqual([rows.length, rows.filter((r) => r.met).length]);
      for (const skill of summary.topSkills) {
        const ofSkill = rows.filter((r) => r.skillId === skill.skillId);
        expect(skill.unmet).toBe(ofSkill.filter((r) => !r.met).length);
        expect(skill.averageGap).toBeCloseTo(ofSkill.reduce((sum, r) => sum + r.gap, 0) / ofSkill.length, 2);
      }
    }
    expect(await getOrgGapSummary(ctx, { asOf: '2024-04-01' })).toMatchObject({ requirements: 8, met: 3 });
  });

  it('reports an organisation without requirements as fully covered, with nothing to rank', async () => {
    const app = await openTestApp();
    const summary = orgGapSummary.parse(await getOrgGapSummary(contextFor(app.store()), {}));
    expect(summary).toMatchObject({ requirements: 0, met: 0, coverage: 100, topSkills: [], topDepartments: [] });
  });
});

describe('people behind a skill gap', () => {
  it('lists everyone whose job requires the skill, largest gap first, optionally only unmet or in a department', async () => {
    const { ids, ctx } = await setup();
    const all = gapPeople.parse(await listGapPeople(ctx, { skillId: ids.comm, asOf: END_OF_2024 }));
    expect(all.rows.map((r) => [r.name, r.departmentName, r.jobTitle, r.requiredLevel, r.currentLevel, r.gap])).toEqual([
      ['Ann Archer', 'Web', 'Developer', 3, 2, 0.333],
      ['Cat Cole', 'Operations', 'Lead', 4, 3, 0.333],
      ['Bob Baker', 'Engineering', 'Developer', 3, 4, 0],
    ]);
    expect((await listGapPeople(ctx, { skillId: ids.comm, onlyUnmet: true, asOf: END_OF_2024 })).rows.map((r) => r.name)).toEqual(['Ann Archer', 'Cat Cole']);
    expect((await listGapPeople(ctx, { skillId: ids.comm, departmentId: ids.engineering, asOf: END_OF_2024 })).rows.map((r) => r.name)).toEqual(['Ann Archer', 'Bob Baker']);
    expect((await errorOf(listGapPeople(ctx, { skillId: randomUUID() }))).code).toBe('NOT_FOUND');
    expect((await errorOf(listGapPeople(ctx, { skillId: ids.comm, departmentId: randomUUID() }))).code).toBe('NOT_FOUND');
  });
});

describe('skill search', () => {
  const criteriaOf = (ids: ReturnType<typeof buildFixture>) => [
    { skillId: ids.sql, minLevel: 4, weight: 2 },
    { skillId: ids.comm, minLevel: 3 },
  ];

  it('ranks active people by weighted match with partial credit and says which criteria each meets', async () => {
    const { ids, ctx } = await setup();
    const result = skillSearchResult.parse(await searchBySkills(ctx, { criteria: criteriaOf(ids), asOf: END_OF_2024 }));
    expect(result.total).toBe(3);
    expect(result.rows.map((r) => [r.name, r.match])).toEqual([['Bob Baker', 100], ['Ann Archer', 83.3], ['Cat Cole', 61.9]]);
    expect(result.rows[1]).toMatchObject({ jobTitle: 'Developer', departmentName: 'Web', location: 'London' });
    expect(result.rows[1].levels).toEqual([{ skillId: ids.sql, level: 4, meets: true }, { skillId: ids.comm, level: 2, meets: false }]);
  });

  it('filters by department (and below), job and location, and pages with the full total', async () => {
    const { ids, ctx } = await setup();
    const names = async (filters: Record<string, unknown>) =>
      (await searchBySkills(ctx, { criteria: criteriaOf(ids), asOf: END_OF_2024, ...filters })).rows.map((r) => r.name);
    expect(await names({ departmentId: ids.engineering })).toEqual(['Bob Baker', 'Ann Archer']);
    expect(await names({ jobId: ids.lead })).toEqual(['Cat Cole']);
    expect(await names({ location: 'london' })).toEqual(['Ann Archer', 'Cat Cole']);
    const firstPage = await searchBySkills(ctx, { criteria: criteriaOf(ids), asOf: END_OF_2024, limit: 1 });
    expect([firstPage.rows.map((r) => r.name), firstPage.total]).toEqual([['Bob Baker'], 3]);
    expect(await names({ asOf: '2023-12-31' })).toEqual([]);
  });

  it('counts a criterion whose minimum level has factor 0 as met by everyone, history or not', async () => {
    const { ids, ctx } = await setup();
    const result = await searchBySkills(ctx, { criteria: [{ skillId: ids.sql, minLevel: 4 }, { skillId: ids.comm, minLevel: 1 }], asOf: END_OF_2024 });
    expect(result.total).toBe(4);
    expect(result.rows.map((r) => [r.name, r.match])).toEqual([['Ann Archer', 100], ['Bob Baker', 100], ['Cat Cole', 71.4], ['Fay Ford', 50]]);
    expect(result.rows[3].levels).toEqual([{ skillId: ids.sql, level: null, meets: false }, { skillId: ids.comm, level: null, meets: true }]);
  });

  it('rejects unknown skills, repeated skills and levels outside the model, and unknown filters', async () => {
    const { ids, ctx } = await setup();
    const missing = randomUUID();
    const unknown = await errorOf(searchBySkills(ctx, { criteria: [{ skillId: missing, minLevel: 1 }] }));
    expect([unknown.code, unknown.message]).toEqual(['VALIDATION', `Skill ${missing} does not exist.`]);
    expect((await errorOf(searchBySkills(ctx, { criteria: [{ skillId: ids.sql, minLevel: 1 }, { skillId: ids.sql, minLevel: 2 }] }))).code).toBe('VALIDATION');
    expect((await errorOf(searchBySkills(ctx, { criteria: [{ skillId: ids.comm, minLevel: 5 }] }))).message).toMatch(/Level 5 is not in the rating model of "Communication"/);
    expect((await errorOf(searchBySkills(ctx, { criteria: [{ skillId: ids.sql, minLevel: 1 }], departmentId: randomUUID() }))).code).toBe('NOT_FOUND');
  });
});

describe('saved searches', () => {
  it('saves, lists, renames with version checks and deletes, auditing each change', async () => {
    const { app, ids, ctx } = await setup();
    const criteria = { criteria: [{ skillId: ids.sql, minLevel: 3 }], location: 'London' };
    const created = savedSearch.parse(await saveSearch(ctx, { name: 'SQL in London', criteria }));
    expect(created).toMatchObject({ name: 'SQL in London', criteria, version: 1 });
    expect((await listSavedSearches(ctx)).rows).toEqual([created]);

    const renamed = await saveSearch(ctx, { id: created.id, version: 1, name: 'London SQL', criteria });
    expect(renamed).toMatchObject({ id: created.id, name: 'London SQL', version: 2 });
    const stale = await errorOf(saveSearch(ctx, { id: created.id, version: 1, name: 'Stale edit', criteria }));
    expect(stale.code).toBe('CONFLICT');
    expect((await listSavedSearches(ctx)).rows.map((r) => r.name)).toEqual(['London SQL']);

    await deleteSearch(ctx, { id: created.id });
    expect((await listSavedSearches(ctx)).rows).toEqual([]);
    expect((await errorOf(deleteSearch(ctx, { id: created.id }))).code).toBe('NOT_FOUND');
    const actions = app.store().raw.prepare(`SELECT action FROM audit_event WHERE entity_id = ? ORDER BY rowid`).all(created.id) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses a duplicate name (any case) and criteria naming unknown skills', async () => {
    const { ids, ctx } = await setup();
    const criteria = { criteria: [{ skillId: ids.sql, minLevel: 3 }] };
    await saveSearch(ctx, { name: 'Strong SQL', criteria });
    const duplicate = await errorOf(saveSearch(ctx, { name: 'strong sql', criteria }));
    expect([duplicate.code, duplicate.issues?.[0].field]).toEqual(['VALIDATION', 'name']);
    const missing = randomUUID();
    const unknown = await errorOf(saveSearch(ctx, { name: 'Ghost', criteria: { criteria: [{ skillId: missing, minLevel: 1 }] } }));
    expect([unknown.code, unknown.message]).toEqual(['VALIDATION', `Skill ${missing} does not exist.`]);
    expect((await listSavedSearches(ctx)).rows.map((r) => r.name)).toEqual(['Strong SQL']);
  });
});
