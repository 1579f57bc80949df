import type Database from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { todayIso } from '../../../src-shared/domain/dates';
import { generateDemoOrganisation, type DemoOrganisation } from './demo-data';
import { generateDemoGoals, insertDemoGoals } from './demo-goals';
import { generateDemoSkills, insertDemoSkills, type DemoSkills } from './demo-skills';
import type { DemoContext } from './demo-context';
import { insertDemoJournal } from './demo-journal';
import { insertDemoQuestionnaires } from './demo-questionnaires';
import { insertDemoReviews } from './demo-reviews';

/** Loads the demo organisation into an empty database (it never mixes with real data). */
export async function loadDemoOrganisation(ctx: ServiceContext, input: { employees?: number; seed?: number }) {
  const { n } = ctx.store.raw.prepare(`SELECT (SELECT count(*) FROM employee) + (SELECT count(*) FROM department) + (SELECT count(*) FROM skill) + (SELECT count(*) FROM goal) AS n`).get() as { n: number };
  if (n > 0) throw new AppError('CONFLICT', 'The demo organisation can only be loaded into an empty database. Open or create an empty file first.');
  const seed = input.seed ?? 42;
  const org = generateDemoOrganisation(input.employees ?? 500, seed);
  const skills = generateDemoSkills(org, seed, todayIso());
  insertDemoOrganisation(ctx.store.raw, org, ctx.now);
  insertDemoSkills(ctx.store.raw, skills, ctx.now, ctx.actor);
  const goals = generateDemoGoals(org, seed, todayIso());
  insertDemoGoals(ctx.store.raw, goals, ctx.now, ctx.actor);
  const demo: DemoContext = { db: ctx.store.raw, org, skills, goals, seed, today: todayIso(), now: ctx.now, actor: ctx.actor };
  const later = { ...insertDemoReviews(demo), ...insertDemoJournal(demo), ...insertDemoQuestionnaires(demo) };
  await recordAudit(ctx, [{ entity: 'database', entityId: ctx.store.path, action: 'load-demo', after: { ...counts(org), ...skillCounts(skills), goals: goals.goals.length, goalCheckIns: goals.checkIns.length, ...later } }]);
  ctx.changed('people', 'skills', 'goals', 'reviews', 'admin');
  return counts(org);
}

const counts = (org: DemoOrganisation) => ({
  departments: org.departments.length,
  jobs: org.jobs.length,
  positions: org.positions.length,
  employees: org.employees.length,
});

const skillCounts = (skills: DemoSkills) => ({ skills: skills.skills.length, requirements: skills.requirements.length, skillLevels: skills.levels.length });

/** Bulk insert with prepared statements on the caller's connection (inside its transaction). */
export function insertDemoOrganisation(db: Database.Database, org: DemoOrganisation, now: string): void {
  const stamp = { createdAt: now, updatedAt: now };
  const department = db.prepare(`INSERT INTO department (id, name, code, parent_id, archived, created_at, updated_at, version) VALUES (@id, @name, @code, @parentId, 0, @createdAt, @updatedAt, 1)`);
  const job = db.prepare(`INSERT INTO job (id, title, family, level, description, archived, created_at, updated_at, version) VALUES (@id, @title, @family, @level, @description, 0, @createdAt, @updatedAt, 1)`);
  const position = db.prepare(`INSERT INTO position (id, title, job_id, department_id, reports_to_id, is_key, archived, created_at, updated_at, version) VALUES (@id, @title, @jobId, @departmentId, @reportsToId, @isKey, 0, @createdAt, @updatedAt, 1)`);
  const employee = db.prepare(`INSERT INTO employee (id, employee_number, first_name, last_name, email, hire_date, status, manager_id, position_id, department_id, job_id, location, archived, created_at, updated_at, version)
    VALUES (@id, @employeeNumber, @firstName, @lastName, @email, @hireDate, @status, NULL, @positionId, @departmentId, @jobId, @location, 0, @createdAt, @updatedAt, 1)`);
  const manager = db.prepare(`UPDATE employee SET manager_id = ? WHERE id = ?`);
  for (const row of org.departments) department.run({ ...row, ...stamp });
  for (const row of org.jobs) job.run({ ...row, ...stamp });
  for (const row of org.positions) position.run({ ...row, isKey: row.isKey ? 1 : 0, ...stamp });
  for (const row of org.employees) employee.run({ ...row, ...stamp });
  for (const row of org.employees) if (row.managerId) manager.run(row.managerId, row.id);
}
