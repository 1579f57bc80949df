import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { EmployeeSkill, levelRecord, targetChange } from '../../../src-shared/api';
import { todayIso } from '../../../src-shared/domain/dates';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { existingIdSet, loadSkillInfo, skillLevelIssues, throwIfIssues } from './skill-levels';

type LevelRecord = z.infer<typeof levelRecord>;
type TargetChange = z.infer<typeof targetChange>;

/** The employee's skills on a date: current level (from history), target, and what their job requires. */
export async function listEmployeeSkills(ctx: ServiceContext, employeeId: string, asOf = todayIso()): Promise<{ asOf: string; rows: EmployeeSkill[] }> {
  const db = ctx.store.raw;
  const employee = db.prepare(`SELECT job_id AS jobId FROM employee WHERE id = ?`).get(employeeId) as { jobId: string | null } | undefined;
  if (!employee) throw new AppError('NOT_FOUND', 'The employee was not found.');
  const current = db
    .prepare(
      `SELECT skill_id AS skillId, level, effective_date AS effectiveDate, source, verified_by AS verifiedBy, notes FROM (
         SELECT *, row_number() OVER (PARTITION BY skill_id ORDER BY effective_date DESC, recorded_at DESC) AS newest
           FROM employee_skill WHERE employee_id = ? AND effective_date <= ?)
        WHERE newest = 1 AND level IS NOT NULL`,
    )
    .all(employeeId, asOf) as Pick<EmployeeSkill, 'skillId' | 'level' | 'effectiveDate' | 'source' | 'verifiedBy' | 'notes'>[];
  const targets = db.prepare(`SELECT skill_id AS skillId, level, due_date AS dueDate FROM employee_skill_target WHERE employee_id = ?`).all(employeeId) as {
    skillId: string; level: number; dueDate: string | null;
  }[];
  const required = employee.jobId
    ? (db.prepare(`SELECT skill_id AS skillId, level FROM job_skill WHERE job_id = ?`).all(employee.jobId) as { skillId: string; level: number }[])
    : [];
  const rows = new Map<string, EmployeeSkill>();
  const row = (skillId: string) => {
    if (!rows.has(skillId)) rows.set(skillId, { skillId, level: null, effectiveDate: null, source: null, verifiedBy: null, notes: null, targetLevel: null, targetDueDate: null, requiredLevel: null });
    return rows.get(skillId)!;
  };
  for (const c of current) Object.assign(row(c.skillId), c);
  for (const t of targets) Object.assign(row(t.skillId), { targetLevel: t.level, targetDueDate: t.dueDate });
  for (const r of required) row(r.skillId).requiredLevel = r.level;
  return { asOf, rows: [...rows.values()] };
}

export async function getSkillHistory(ctx: ServiceContext, employeeId: string, skillId?: string) {
  const rows = ctx.store.raw
    .prepare(
      `SELECT id, skill_id AS skillId, level, effective_date AS effectiveDate, source, verified_by AS verifiedBy, notes,
              recorded_at AS recordedAt, recorded_by AS recordedBy
         FROM employee_skill WHERE employee_id = ? ${skillId ? 'AND skill_id = ?' : ''}
        ORDER BY effective_date DESC, recorded_at DESC`,
    )
    .all(...(skillId ? [employeeId, skillId] : [employeeId]));
  return { rows: rows as never[] };
}

/** Appends level records (history is never rewritten), all or nothing, each audited. */
export async function recordLevels(ctx: ServiceContext, records: LevelRecord[]): Promise<{ recorded: number }> {
  const issues = checkRows(ctx, records);
  throwIfIssues(issues, 'levels');
  const insert = ctx.store.raw.prepare(
    `INSERT INTO employee_skill (id, employee_id, skill_id, level, effective_date, source, verified_by, notes, recorded_at, recorded_by)
     VALUES (@id, @employeeId, @skillId, @level, @effectiveDate, @source, @verifiedBy, @notes, @recordedAt, @recordedBy)`,
  );
  const audit = records.map((record) => {
    const row = { id: randomUUID(), ...record, verifiedBy: record.verifiedBy ?? null, notes: record.notes ?? null, recordedAt: ctx.now, recordedBy: ctx.actor };
    insert.run(row);
    return { entity: 'employee_skill', entityId: row.id, action: 'create' as const, after: row };
  });
  await recordAudit(ctx, audit);
  return { recorded: records.length };
}

export async function setTargets(ctx: ServiceContext, changes: TargetChange[]): Promise<{ saved: number; removed: number }> {
  throwIfIssues(checkRows(ctx, changes), 'targets');
  const db = ctx.store.raw;
  const find = db.prepare(`SELECT id, level, due_date AS dueDate FROM employee_skill_target WHERE employee_id = ? AND skill_id = ?`);
  let saved = 0;
  let removed = 0;
  const audit = [];
  for (const change of changes) {
    const before = find.get(change.employeeId, change.skillId) as { id: string; level: number; dueDate: string | null } | undefined;
    if (change.level === null) {
      if (before) db.prepare(`DELETE FROM employee_skill_target WHERE id = ?`).run(before.id), removed++, audit.push({ entity: 'employee_skill_target', entityId: before.id, action: 'delete' as const, before });
      continue;
    }
    const id = before?.id ?? randomUUID();
    if (before) db.prepare(`UPDATE employee_skill_target SET level = ?, due_date = ?, updated_at = ?, version = version + 1 WHERE id = ?`).run(change.level, change.dueDate ?? null, ctx.now, id);
    else db.prepare(`INSERT INTO employee_skill_target (id, employee_id, skill_id, level, due_date, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`).run(id, change.employeeId, change.skillId, change.level, change.dueDate ?? null, ctx.now, ctx.now);
    audit.push({ entity: 'employee_skill_target', entityId: id, action: before ? ('update' as const) : ('create' as const), before, after: change });
    saved++;
  }
  await recordAudit(ctx, audit);
  return { saved, removed };
}

function checkRows(ctx: ServiceContext, rows: { employeeId: string; skillId: string; level: number | null }[]): ErrorIssue[] {
  const skills = loadSkillInfo(ctx);
  const employees = existingIdSet(ctx, 'employee');
  return rows.flatMap((row, index) => [
    ...(employees.has(row.employeeId) ? [] : [{ path: ['rows', index, 'employeeId'], row: index + 1, field: 'employeeId', message: 'The employee does not exist.' }]),
    ...skillLevelIssues(skills, index, row.skillId, row.level, row.level === null),
  ]);
}
