// The small organisation the analytics properties write into (skills, jobs, departments, people), the
// random writes they make through the services and straight into the tables, and the tallies kept by
// triggers next to their rebuild from scratch. Shared by analytics-tallies and skill-history tests.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import type { Input, Method } from '../../src-shared/api';
import { todayIso } from '../../src-shared/domain/dates';
import { rebuildDerivedTables } from '../../src-main/services/shared/bulk-load';
import type { TestApp } from './helpers';

export const STAMP = '2024-01-01T00:00:00.000Z';
export const TODAY = todayIso();
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function insertRow(db: Database.Database, table: string, values: Record<string, unknown>) {
  const row = { created_at: STAMP, updated_at: STAMP, version: 1, ...values };
  db.prepare(`INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((k) => `@${k}`).join(', ')})`).run(row);
}

/** The tallies without rows that count nothing (a tally may keep a row at zero). */
export function tallies(db: Database.Database) {
  return {
    skill: db.prepare(`SELECT * FROM skill_gap_tally WHERE pairs <> 0 ORDER BY 1, 2, 3`).all(),
    department: db.prepare(`SELECT * FROM department_gap_tally WHERE pairs <> 0 OR at_or_above <> 0 OR unrated_at_level_one <> 0 ORDER BY 1, 2`).all(),
    progress: db.prepare(`SELECT * FROM review_progress_tally WHERE not_started + in_progress + ready_for_review + final_review + complete + on_time + late <> 0 ORDER BY 1, 2`).all(),
    // Migration 18: each level entry's predecessor, the newest levels, and the gap tallies' changes by month.
    previous: db.prepare(`SELECT rowid, previous_level, previous_date FROM employee_skill ORDER BY rowid`).all(),
    latest: db.prepare(`SELECT * FROM employee_skill_latest ORDER BY 1, 2`).all(),
    skillChange: db.prepare(`SELECT * FROM skill_gap_change WHERE pairs <> 0 ORDER BY 1, 2, 3, 4`).all(),
    departmentChange: db.prepare(`SELECT * FROM department_gap_change WHERE at_or_above <> 0 OR unrated_at_level_one <> 0 ORDER BY 1, 2, 3`).all(),
  };
}

/** The tallies rebuilt from scratch, in a transaction that is rolled back. */
export function rebuiltTallies(db: Database.Database) {
  let rebuilt!: ReturnType<typeof tallies>;
  db.exec('SAVEPOINT rebuild');
  try {
    rebuildDerivedTables(db);
    rebuilt = tallies(db);
  } finally {
    db.exec('ROLLBACK TO rebuild; RELEASE rebuild');
  }
  return rebuilt;
}

// ---- Skills: an organisation to write into ----------------------------------------------------

export interface Organisation {
  models: { id: string; levels: number }[];
  skills: { id: string; levels: number }[];
  jobs: string[];
  departments: string[];
  employees: string[];
}

/** Two models (5 levels from factor 1; 4 levels from factor 0, so an unrated level-1 requirement is met), 6 skills, 3 jobs, 4 departments, 8 people. */
export function buildOrganisation(db: Database.Database): Organisation {
  const id = () => randomUUID();
  const type = id();
  insertRow(db, 'skill_type', { id: type, name: 'Technical' });
  const models = [{ id: id(), levels: 5, factors: [1, 3, 5, 7, 9] }, { id: id(), levels: 4, factors: [0, 3, 6, 9] }];
  for (const [i, model] of models.entries()) {
    insertRow(db, 'rating_model', { id: model.id, name: `Model ${i + 1}` });
    model.factors.forEach((factor, level) => db.prepare(`INSERT INTO rating_level (rating_model_id, value, label, factor) VALUES (?, ?, ?, ?)`).run(model.id, level + 1, `L${level + 1}`, factor));
  }
  const skills = ['Alpha', 'beta', 'Gamma', 'delta', 'Epsilon', 'zeta'].map((name, i) => {
    const model = models[i % 2];
    const skill = { id: id(), levels: model.levels };
    insertRow(db, 'skill', { id: skill.id, name, skill_type_id: type, rating_model_id: model.id });
    return skill;
  });
  const jobs = ['Developer', 'Lead', 'Analyst'].map((title) => {
    const job = id();
    insertRow(db, 'job', { id: job, title });
    return job;
  });
  const root = id();
  insertRow(db, 'department', { id: root, name: 'Org' });
  const departments = [root, ...['Web', 'data', 'Ops'].map((name) => {
    const department = id();
    insertRow(db, 'department', { id: department, name, parent_id: root });
    return department;
  })];
  const employees = Array.from({ length: 8 }, (_, i) => {
    const employee = id();
    insertRow(db, 'employee', {
      id: employee, employee_number: `E${i}`, first_name: `P${i}`, last_name: `Person ${i}`, hire_date: '2020-01-01', status: i === 7 ? 'terminated' : 'active',
      job_id: i === 6 ? null : jobs[i % 3], department_id: i === 5 ? null : departments[i % 4],
    });
    return employee;
  });
  for (const [j, job] of jobs.entries()) {
    for (const skill of skills.filter((_, s) => (s + j) % 2 === 0)) insertRow(db, 'job_skill', { id: id(), job_id: job, skill_id: skill.id, level: 1 + ((j + skill.levels) % 3), weight: 1 });
  }
  return { models: models.map(({ id: modelId, levels }) => ({ id: modelId, levels })), skills, jobs, departments, employees };
}

export const DATES = ['2023-06-01', '2024-01-01', '2024-09-15', TODAY, addDays(TODAY, 20)];

export const skillWrite = fc.oneof(
  fc.record({ kind: fc.constant('level' as const), employee: fc.nat(7), skill: fc.nat(5), level: fc.nat(5), date: fc.constantFrom(...DATES) }),
  fc.record({ kind: fc.constant('requirement' as const), job: fc.nat(2), skill: fc.nat(5), level: fc.nat(4) }),
  fc.record({ kind: fc.constant('move' as const), employee: fc.nat(7), job: fc.nat(3), department: fc.nat(4) }),
  fc.record({ kind: fc.constant('status' as const), employee: fc.nat(7), status: fc.constantFrom('active' as const, 'on_leave' as const, 'terminated' as const) }),
  fc.record({ kind: fc.constant('archiveEmployee' as const), employee: fc.nat(7), archived: fc.boolean() }),
  fc.record({ kind: fc.constant('archiveSkill' as const), skill: fc.nat(5), archived: fc.boolean() }),
  fc.record({ kind: fc.constant('factors' as const), model: fc.nat(1), start: fc.nat(1), step: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('hire' as const), job: fc.nat(2), department: fc.nat(3) }),
  fc.record({ kind: fc.constant('rawDepartment' as const), employee: fc.nat(7), department: fc.nat(4) }),
);
export type SkillWrite = typeof skillWrite extends fc.Arbitrary<infer T> ? T : never;

/** A write the services may refuse (an archived skill, a level off the model): refused, it changes nothing. */
export async function attempt<M extends Method>(app: TestApp, method: M, input: Input<M>): Promise<void> {
  const response = await app.call(method, input);
  if (!response.ok && response.error.code !== 'VALIDATION') throw new Error(`${method}: ${response.error.message}`);
}

export async function employeeVersion(app: TestApp, id: string): Promise<number> {
  return (await app.ok('people.getEmployee', { id })).employee.version;
}

export async function applySkillWrite(app: TestApp, org: Organisation, write: SkillWrite): Promise<void> {
  const db = app.store().raw;
  switch (write.kind) {
    case 'level': {
      const skill = org.skills[write.skill];
      const level = write.level === 0 ? null : Math.min(write.level, skill.levels);
      await attempt(app, 'skills.recordLevels', { rows: [{ employeeId: org.employees[write.employee], skillId: skill.id, level, effectiveDate: write.date, source: 'manager' }] });
      return;
    }
    case 'requirement': {
      const skill = org.skills[write.skill];
      await attempt(app, 'skills.saveRequirements', { changes: [{ jobId: org.jobs[write.job], skillId: skill.id, level: write.level === 0 ? null : Math.min(write.level, skill.levels) }] });
      return;
    }
    case 'move': {
      const id = org.employees[write.employee];
      const values = { jobId: org.jobs[write.job] ?? null, departmentId: org.departments[write.department] ?? null };
      await attempt(app, 'people.saveEmployees', { rows: [{ id, version: await employeeVersion(app, id), values }] });
      return;
    }
    case 'status': {
      const id = org.employees[write.employee];
      // Leaving needs the day they left; a status other than terminated clears it.
      const values = write.status === 'terminated' ? { status: write.status, terminationDate: '2024-06-01' } : { status: write.status };
      await attempt(app, 'people.saveEmployees', { rows: [{ id, version: await employeeVersion(app, id), values }] });
      return;
    }
    case 'archiveEmployee':
      await app.ok('people.archiveEmployees', { ids: [org.employees[write.employee]], archived: write.archived });
      return;
    case 'archiveSkill':
      await app.ok('skills.archiveSkills', { ids: [org.skills[write.skill].id], archived: write.archived });
      return;
    case 'factors': {
      // New factors, still rising with the levels: the tallies count levels, so only the reading changes.
      const model = org.models[write.model];
      const stored = (await app.ok('skills.listRatingModels', {})).rows.find((m) => m.id === model.id)!;
      const levels = stored.levels.map((level, i) => ({ label: level.label, description: level.description, factor: Math.min(9, write.start + i * write.step) }));
      if (new Set(levels.map((l) => l.factor)).size < levels.length) return;
      await app.ok('skills.saveRatingModel', { id: model.id, version: stored.version, name: stored.name, levels });
      return;
    }
    case 'hire': {
      const n = org.employees.length;
      const [saved] = (await app.ok('people.saveEmployees', {
        rows: [{ values: { employeeNumber: `H${n}`, firstName: `New${n}`, lastName: 'Hire', hireDate: '2024-02-01', status: 'active', jobId: org.jobs[write.job], departmentId: org.departments[write.department] } }],
      })).rows;
      org.employees.push(saved.id);
      return;
    }
    case 'rawDepartment':
      // Another tool writing the file directly: the triggers keep the tallies all the same.
      db.prepare(`UPDATE employee SET department_id = ? WHERE id = ?`).run(org.departments[write.department] ?? null, org.employees[write.employee]);
      return;
  }
}
