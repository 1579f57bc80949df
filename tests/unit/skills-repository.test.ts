import { describe, expect, it } from 'vitest';
import { employeeValues, openTestApp, type TestApp } from './helpers';

async function setUp(app: TestApp) {
  const model = await app.ok('skills.saveRatingModel', {
    name: 'Proficiency',
    levels: [{ label: 'Basic', factor: 1 }, { label: 'Working', factor: 4 }, { label: 'Expert', factor: 9 }],
  });
  const [type] = (await app.ok('skills.saveSkillTypes', { rows: [{ values: { name: 'Technical' } }] })).rows;
  const [sql] = (await app.ok('skills.saveSkills', { rows: [{ values: { name: 'SQL', skillTypeId: type.id, ratingModelId: model.id } }] })).rows;
  const [job] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Analyst' } }] })).rows;
  const [person] = (await app.ok('people.saveEmployees', { rows: [{ values: employeeValues(1, { jobId: job.id }) }] })).rows;
  return { model, type, sql, job, person };
}

describe('skills repository', () => {
  it('refuses a rating model with duplicate or falling factors, and stores nothing', async () => {
    const app = await openTestApp();
    const duplicate = await app.fail('skills.saveRatingModel', { name: 'Bad', levels: [{ label: 'A', factor: 3 }, { label: 'B', factor: 3 }] });
    expect(duplicate).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/both have factor 3/) });
    const falling = await app.fail('skills.saveRatingModel', { name: 'Bad', levels: [{ label: 'A', factor: 5 }, { label: 'B', factor: 2 }] });
    expect(falling.message).toMatch(/must rise/);
    expect(app.count('rating_model')).toBe(0);
    expect(app.count('rating_level')).toBe(0);
  });

  it('refuses two skills with the same name in one type, and a parent-skill loop', async () => {
    const app = await openTestApp();
    const { type, model, sql } = await setUp(app);
    const duplicate = await app.fail('skills.saveSkills', { rows: [{ values: { name: 'sql', skillTypeId: type.id, ratingModelId: model.id } }] });
    expect(duplicate.message).toMatch(/already exists in this skill type/);
    const [child] = (await app.ok('skills.saveSkills', { rows: [{ values: { name: 'SQL tuning', skillTypeId: type.id, ratingModelId: model.id, parentId: sql.id } }] })).rows;
    const loop = await app.fail('skills.saveSkills', { rows: [{ id: sql.id, version: sql.version, values: { parentId: child.id } }] });
    expect(loop.message).toMatch(/cannot sit under itself/);
    expect(app.count('skill')).toBe(2);
  });

  it('sets, updates and removes requirements; refuses a level outside the model and an archived skill', async () => {
    const app = await openTestApp();
    const { sql, job, type, model } = await setUp(app);
    expect(await app.ok('skills.saveRequirements', { changes: [{ jobId: job.id, skillId: sql.id, level: 2, weight: 3 }] })).toEqual({ saved: 1, removed: 0 });
    await app.ok('skills.saveRequirements', { changes: [{ jobId: job.id, skillId: sql.id, level: 3 }] });
    expect((await app.ok('skills.listRequirements', { jobId: job.id })).rows).toEqual([expect.objectContaining({ level: 3, weight: 3, version: 2 })]);
    const outside = await app.fail('skills.saveRequirements', { changes: [{ jobId: job.id, skillId: sql.id, level: 4 }] });
    expect(outside.message).toMatch(/Level 4 is not in the rating model of "SQL"/);
    const [old] = (await app.ok('skills.saveSkills', { rows: [{ values: { name: 'COBOL', skillTypeId: type.id, ratingModelId: model.id } }] })).rows;
    await app.ok('skills.archiveSkills', { ids: [old.id] });
    const archived = await app.fail('skills.saveRequirements', { changes: [{ jobId: job.id, skillId: old.id, level: 1 }] });
    expect(archived.message).toMatch(/archived/);
    expect(await app.ok('skills.saveRequirements', { changes: [{ jobId: job.id, skillId: sql.id, level: null }] })).toEqual({ saved: 0, removed: 1 });
  });

  it('copies requirements to other jobs, merging or replacing', async () => {
    const app = await openTestApp();
    const { sql, job, type, model } = await setUp(app);
    const [excel] = (await app.ok('skills.saveSkills', { rows: [{ values: { name: 'Excel', skillTypeId: type.id, ratingModelId: model.id } }] })).rows;
    const [other] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Senior Analyst' } }] })).rows;
    await app.ok('skills.saveRequirements', { changes: [{ jobId: job.id, skillId: sql.id, level: 2 }, { jobId: other.id, skillId: excel.id, level: 1 }] });
    await app.ok('skills.copyRequirements', { fromJobId: job.id, toJobIds: [other.id], mode: 'merge' });
    expect((await app.ok('skills.listRequirements', { jobId: other.id })).rows).toHaveLength(2);
    await app.ok('skills.copyRequirements', { fromJobId: job.id, toJobIds: [other.id], mode: 'replace' });
    expect((await app.ok('skills.listRequirements', { jobId: other.id })).rows.map((r) => r.skillId)).toEqual([sql.id]);
  });

  it('keeps level history: the level on any date, and a correction with an earlier date', async () => {
    const app = await openTestApp();
    const { sql, person } = await setUp(app);
    const record = (level: number | null, effectiveDate: string) =>
      app.ok('skills.recordLevels', { rows: [{ employeeId: person.id, skillId: sql.id, level, effectiveDate, source: 'manager' }] });
    await record(1, '2024-01-10');
    await record(3, '2025-06-01');
    await record(2, '2024-09-01');
    const on = async (asOf: string) => (await app.ok('skills.listEmployeeSkills', { employeeId: person.id, asOf })).rows.find((r) => r.skillId === sql.id);
    expect((await on('2023-12-31'))?.level ?? null).toBeNull();
    expect((await on('2024-05-01'))!.level).toBe(1);
    expect((await on('2024-12-01'))!.level).toBe(2);
    expect((await on('2025-07-01'))!.level).toBe(3);
    await record(null, '2026-01-01');
    expect((await on('2026-02-01'))?.level ?? null).toBeNull();
    expect((await app.ok('skills.getSkillHistory', { employeeId: person.id })).rows).toHaveLength(4);
    expect((await app.ok('admin.listAuditEvents', { entity: 'employee_skill' })).total).toBe(4);
    const bad = await app.fail('skills.recordLevels', { rows: [{ employeeId: person.id, skillId: sql.id, level: 7, effectiveDate: '2025-01-01', source: 'self' }] });
    expect(bad.message).toMatch(/Level 7 is not in the rating model/);
    expect(app.count('employee_skill')).toBe(4);
  });

  it('refuses to shrink a rating model below a level in use', async () => {
    const app = await openTestApp();
    const { model, sql, job } = await setUp(app);
    await app.ok('skills.saveRequirements', { changes: [{ jobId: job.id, skillId: sql.id, level: 3 }] });
    const error = await app.fail('skills.saveRatingModel', { id: model.id, version: model.version, name: model.name, levels: [{ label: 'A', factor: 1 }, { label: 'B', factor: 5 }] });
    expect(error.message).toMatch(/Level 3 of this model is in use/);
  });

  it('loads demo skills with requirements for every job', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 200 });
    expect(app.count('skill')).toBeGreaterThan(550);
    const jobsWithout = app.store().raw.prepare(`SELECT count(*) AS n FROM job j WHERE NOT EXISTS (SELECT 1 FROM job_skill r WHERE r.job_id = j.id)`).get();
    expect(jobsWithout).toEqual({ n: 0 });
    expect(app.count('employee_skill')).toBeGreaterThan(1000);
  });
});

describe('skills KPIs', () => {
  it('counts level rises in a period and reports coverage and top gaps', async () => {
    const app = await openTestApp();
    const { sql, person, job } = await setUp(app);
    await app.ok('skills.saveRequirements', { changes: [{ jobId: job.id, skillId: sql.id, level: 3 }] });
    const record = (level: number, effectiveDate: string) =>
      app.ok('skills.recordLevels', { rows: [{ employeeId: person.id, skillId: sql.id, level, effectiveDate, source: 'manager' }] });
    await record(1, '2024-03-01');
    await record(2, '2025-02-01');
    await record(2, '2025-03-01');
    const kpis = await app.ok('insights.getSkillKpis', { from: '2025-01-01', to: '2025-12-31' });
    expect(kpis).toMatchObject({ skillsAcquired: 1, peopleWhoGrew: 1, requirements: 1, met: 0, coverage: 0 });
    expect(kpis.acquiredByMonth).toEqual([{ month: '2025-02', count: 1 }]);
    expect(kpis.topGaps[0]).toMatchObject({ name: 'SQL', unmet: 1 });
    expect((await app.fail('insights.getSkillKpis', { from: '2025-12-01', to: '2025-01-01' })).message).toMatch(/starts after it ends/);
  });
});

describe('demo skills', () => {
  it('never records a level outside the skill’s rating model', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 500 });
    const outside = app.store().raw.prepare(
      `SELECT count(*) AS n FROM employee_skill es JOIN skill s ON s.id = es.skill_id
        WHERE es.level > (SELECT count(*) FROM rating_level l WHERE l.rating_model_id = s.rating_model_id)`,
    ).get();
    expect(outside).toEqual({ n: 0 });
  });
});

describe('current level on a date', () => {
  it('agrees with the history for any order of recordings and any date (fast path and fallback)', async () => {
    const fc = (await import('fast-check')).default;
    const app = await openTestApp();
    const { sql, person, job } = await setUp(app);
    await app.ok('skills.saveRequirements', { changes: [{ jobId: job.id, skillId: sql.id, level: 3 }] });
    const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 2100 }),
        async (days, levels, asOfDay) => {
          app.store().raw.exec(`DELETE FROM employee_skill; DELETE FROM employee_skill_latest;`);
          for (const [i, d] of days.entries()) {
            await app.ok('skills.recordLevels', { rows: [{ employeeId: person.id, skillId: sql.id, level: levels[i], effectiveDate: day(d), source: 'manager' }] });
          }
          const effective = days.map((d, i) => ({ d, level: levels[i] })).filter((e) => e.d <= asOfDay).sort((a, b) => b.d - a.d)[0];
          const gap = await app.ok('skills.getPersonGap', { employeeId: person.id, asOf: day(asOfDay) });
          expect(gap.rows[0].currentLevel).toBe(effective ? effective.level : null);
        },
      ),
      { numRuns: 40 },
    );
  });
});
