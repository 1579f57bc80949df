// Brute-force answers for the organisation-wide analytics, worked out in plain TypeScript from the
// stored rows (no SQL beyond reading tables whole): what the tallies must agree with.
import type Database from 'better-sqlite3';
import type { CycleProgress, OrgGapSummary, ReviewStatus } from '../../src-shared/api';
import { REVIEW_STATUSES } from '../../src-shared/api';

interface Row { [column: string]: unknown }
const all = (db: Database.Database, table: string) => db.prepare(`SELECT rowid AS _rowid, * FROM ${table}`).all() as Row[];
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
/** SQLite's NOCASE: ASCII letters folded, everything else compared by code unit. */
const nocase = (a: string, b: string) => {
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const [x, y] = [fold(a), fold(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};
const percent = (part: number, whole: number) => (whole === 0 ? 100 : round((100 * part) / whole, 1));

/** The level in force on `asOf`: the newest entry effective on or before it, ties to the later recording, then the later insert. */
function levelsOn(db: Database.Database, asOf: string): Map<string, number | null> {
  const newest = new Map<string, Row>();
  for (const entry of all(db, 'employee_skill')) {
    if ((entry.effective_date as string) > asOf) continue;
    const key = `${entry.employee_id}|${entry.skill_id}`;
    const held = newest.get(key);
    if (!held || compareEntries(entry, held) > 0) newest.set(key, entry);
  }
  return new Map([...newest].map(([key, entry]) => [key, entry.level as number | null]));
}

function compareEntries(a: Row, b: Row): number {
  for (const column of ['effective_date', 'recorded_at'] as const) {
    if (a[column] !== b[column]) return (a[column] as string) < (b[column] as string) ? -1 : 1;
  }
  return (a._rowid as number) - (b._rowid as number);
}

export function expectedGapSummary(db: Database.Database, asOf: string, limit: number): OrgGapSummary {
  const factor = new Map(all(db, 'rating_level').map((l) => [`${l.rating_model_id}|${l.value}`, l.factor as number]));
  const skills = new Map(all(db, 'skill').map((s) => [s.id as string, s]));
  const departments = new Map(all(db, 'department').map((d) => [d.id as string, d]));
  const levels = levelsOn(db, asOf);
  const requirements = all(db, 'job_skill');
  const bySkill = new Map<string, { requirements: number; met: number; shortfall: number }>();
  const byDepartment = new Map<string, { requirements: number; met: number }>();
  for (const person of all(db, 'employee')) {
    if (person.archived !== 0 || person.status === 'terminated') continue;
    for (const requirement of requirements.filter((r) => r.job_id === person.job_id)) {
      const skill = skills.get(requirement.skill_id as string)!;
      if (skill.archived !== 0) continue;
      const required = factor.get(`${skill.rating_model_id}|${requirement.level}`);
      if (required === undefined) continue;
      const level = levels.get(`${person.id}|${skill.id}`) ?? null;
      const current = level === null ? 0 : (factor.get(`${skill.rating_model_id}|${level}`) ?? 0);
      const shortfall = Math.max(0, required - current);
      const s = bySkill.get(skill.id as string) ?? { requirements: 0, met: 0, shortfall: 0 };
      bySkill.set(skill.id as string, { requirements: s.requirements + 1, met: s.met + (shortfall === 0 ? 1 : 0), shortfall: s.shortfall + shortfall });
      if (person.department_id !== null) {
        const d = byDepartment.get(person.department_id as string) ?? { requirements: 0, met: 0 };
        byDepartment.set(person.department_id as string, { requirements: d.requirements + 1, met: d.met + (shortfall === 0 ? 1 : 0) });
      }
    }
  }
  const total = [...bySkill.values()].reduce((sum, s) => ({ requirements: sum.requirements + s.requirements, met: sum.met + s.met }), { requirements: 0, met: 0 });
  const skillRows = [...bySkill]
    .filter(([, s]) => s.requirements > s.met)
    .map(([id, s]) => ({ id, name: skills.get(id)!.name as string, ...s, gap: s.shortfall / s.requirements / 9 }))
    .sort((a, b) => b.requirements - b.met - (a.requirements - a.met) || b.gap - a.gap || nocase(a.name, b.name))
    .slice(0, limit);
  const departmentRows = [...byDepartment]
    .filter(([, d]) => d.requirements > d.met)
    .map(([id, d]) => ({ id, name: departments.get(id)!.name as string, ...d }))
    .sort((a, b) => b.requirements - b.met - (a.requirements - a.met) || a.met / a.requirements - b.met / b.requirements || nocase(a.name, b.name))
    .slice(0, limit);
  return {
    asOf,
    requirements: total.requirements,
    met: total.met,
    coverage: percent(total.met, total.requirements),
    topSkills: skillRows.map((s) => ({ skillId: s.id, name: s.name, requirements: s.requirements, unmet: s.requirements - s.met, averageGap: round(s.gap, 3) })),
    topDepartments: departmentRows.map((d) => ({ departmentId: d.id, name: d.name, requirements: d.requirements, unmet: d.requirements - d.met, coverage: percent(d.met, d.requirements) })),
  };
}

const noneByStatus = () => Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;

export function expectedCycleProgress(db: Database.Database, cycleId: string, asOf: string): CycleProgress {
  const cycle = all(db, 'review_cycle').find((c) => c.id === cycleId)!;
  const departments = new Map(all(db, 'department').map((d) => [d.id as string, d]));
  const progress: CycleProgress = { cycleId, total: 0, byStatus: noneByStatus(), overdue: 0, completedOnTime: 0, completedLate: 0, departments: [] };
  const groups = new Map<string | null, CycleProgress['departments'][number]>();
  const overdue = (cycle.due_date as string) < asOf;
  for (const review of all(db, 'review').filter((r) => r.cycle_id === cycleId)) {
    const status = review.status as ReviewStatus;
    const departmentId = review.department_id as string | null;
    progress.total++;
    progress.byStatus[status]++;
    if (status !== 'complete' && overdue) progress.overdue++;
    if (status === 'complete' && review.completed_at !== null) {
      if ((review.completed_at as string).slice(0, 10) <= (cycle.due_date as string)) progress.completedOnTime++;
      else progress.completedLate++;
    }
    if (!groups.has(departmentId)) {
      const department = departmentId ? departments.get(departmentId) : undefined;
      const parent = department?.parent_id ? departments.get(department.parent_id as string) : undefined;
      // A team is named with the department above it, unless that is the top of the tree.
      const name = department ? (parent?.parent_id ? `${department.name} · ${parent.name}` : (department.name as string)) : 'No department';
      groups.set(departmentId, { departmentId, departmentName: name, total: 0, byStatus: noneByStatus(), overdue: 0, completionRate: 0 });
    }
    const group = groups.get(departmentId)!;
    group.total++;
    group.byStatus[status]++;
    if (status !== 'complete' && overdue) group.overdue++;
  }
  for (const group of groups.values()) group.completionRate = Math.round((group.byStatus.complete / group.total) * 1000) / 10;
  progress.departments = [...groups.values()].sort((a, b) => a.departmentName.localeCompare(b.departmentName));
  return progress;
}
