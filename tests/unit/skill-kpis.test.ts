// Skill growth on the Insights page (level rises per month and the people who grew) is answered in one
// pass over the history; it must equal a brute-force count from the rows, for any history and period.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { employeeValues, openTestApp } from './helpers';

const day = (n: number) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

interface Entry { employee: number; skill: number; level: number | null; day: number; recorded: number }

/** Each pair's entries in (effective date, recorded at) order; a rise is a level above the one before it, or after none or a removal. */
function expectedGrowth(entries: Entry[], from: string, to: string) {
  const byPair = new Map<string, Entry[]>();
  for (const entry of entries) byPair.set(`${entry.employee}|${entry.skill}`, [...(byPair.get(`${entry.employee}|${entry.skill}`) ?? []), entry]);
  const months = new Map<string, number>();
  const people = new Set<number>();
  for (const list of byPair.values()) {
    list.sort((a, b) => a.day - b.day || a.recorded - b.recorded);
    list.forEach((entry, i) => {
      const previous = i > 0 ? list[i - 1].level : null;
      const date = day(entry.day);
      if (date < from || date > to || entry.level === null || (previous !== null && entry.level <= previous)) return;
      months.set(date.slice(0, 7), (months.get(date.slice(0, 7)) ?? 0) + 1);
      people.add(entry.employee);
    });
  }
  const acquiredByMonth = [...months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, count]) => ({ month, count }));
  return { acquiredByMonth, skillsAcquired: acquiredByMonth.reduce((sum, m) => sum + m.count, 0), peopleWhoGrew: people.size };
}

describe('skills KPIs: growth', () => {
  it('equals a brute-force count of level rises for any history and period', async () => {
    const app = await openTestApp();
    const model = await app.ok('skills.saveRatingModel', { name: 'Levels', levels: [{ label: 'A', factor: 1 }, { label: 'B', factor: 4 }, { label: 'C', factor: 9 }] });
    const [type] = (await app.ok('skills.saveSkillTypes', { rows: [{ values: { name: 'Technical' } }] })).rows;
    const skills = (await app.ok('skills.saveSkills', { rows: ['SQL', 'Go', 'Excel'].map((name) => ({ values: { name, skillTypeId: type.id, ratingModelId: model.id } })) })).rows;
    const people = (await app.ok('people.saveEmployees', { rows: [1, 2, 3].map((n) => ({ values: employeeValues(n) })) })).rows;
    const db = app.store().raw;
    const insert = db.prepare(`INSERT INTO employee_skill (id, employee_id, skill_id, level, effective_date, source, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, 'manager', ?, 'test')`);
    const entry = fc.record({
      employee: fc.integer({ min: 0, max: 2 }),
      skill: fc.integer({ min: 0, max: 2 }),
      level: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      day: fc.integer({ min: 0, max: 1100 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 40 }), fc.integer({ min: 0, max: 1100 }), fc.integer({ min: 0, max: 1100 }), async (drawn, a, b) => {
        db.exec(`DELETE FROM employee_skill; DELETE FROM employee_skill_latest;`);
        // Recorded one after another (recorded_at unique) with random effective dates, so the two orders disagree.
        const entries = drawn.map((e, i) => ({ ...e, recorded: i * 1000 }));
        entries.forEach((e, i) => insert.run(`es-${i}`, people[e.employee].id, skills[e.skill].id, e.level, day(e.day), new Date(Date.UTC(2024, 0, 1) + e.recorded).toISOString()));
        const [from, to] = [day(Math.min(a, b)), day(Math.max(a, b))];
        const kpis = await app.ok('insights.getSkillKpis', { from, to });
        expect({ acquiredByMonth: kpis.acquiredByMonth, skillsAcquired: kpis.skillsAcquired, peopleWhoGrew: kpis.peopleWhoGrew }).toEqual(expectedGrowth(entries, from, to));
      }),
      { numRuns: 150 },
    );
  });
});
