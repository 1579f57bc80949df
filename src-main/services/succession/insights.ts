// Succession KPIs for the Insights page: coverage, bench strength by division, the readiness
// distribution, key positions without successors, successors at high risk of loss, and people
// nominated for three or more positions. Counted by set-based SQL; strength by the shared rule.
import type { Level, PersonSuccession, SuccessionInsights } from '../../../src-shared/api/succession';
import { coveragePercent, planStrength, readinessCounts, readyNowCount } from '../../../src-shared/domain/succession';
import { roundTo } from '../../../src-shared/domain/skills';
import type { ServiceContext } from '../context';
import { PERSON_NAME, readinessLevels } from './common';
import { benchOf } from './plans';

export async function getInsights(ctx: ServiceContext): Promise<SuccessionInsights> {
  const db = ctx.store.raw;
  const levels = readinessLevels(ctx);
  const keyRows = db.prepare(`SELECT p.id, p.title, p.department_id AS departmentId, d.name AS departmentName, ${PERSON_NAME('e')} AS incumbentName,
        coalesce(kp.criticality, 'medium') AS criticality, sp.id AS planId
      FROM position p LEFT JOIN department d ON d.id = p.department_id LEFT JOIN employee e ON e.position_id = p.id
      LEFT JOIN key_position kp ON kp.id = p.id LEFT JOIN succession_plan sp ON sp.position_id = p.id AND sp.archived = 0
      WHERE p.is_key = 1 AND p.archived = 0 ORDER BY p.title COLLATE NOCASE`).all() as {
    id: string; title: string; departmentId: string; departmentName: string | null; incumbentName: string | null; criticality: Level; planId: string | null;
  }[];
  const bench = benchOf(ctx);
  const entriesOf = (planId: string | null) => (planId && bench.get(planId)?.entries) || [];
  const covered = keyRows.filter((row) => readyNowCount(entriesOf(row.planId), levels) > 0).length;
  const strengths = keyRows.map((row) => planStrength(entriesOf(row.planId), levels));
  const average = (values: number[]) => (values.length ? roundTo(values.reduce((a, b) => a + b, 0) / values.length, 1) : 0);

  // Every active nomination on a live plan (key positions and jobs) counts in the distribution.
  const live = db.prepare(`SELECT n.readiness_id AS readinessId FROM succession_nomination n JOIN succession_plan sp ON sp.id = n.plan_id AND sp.archived = 0
      LEFT JOIN position p ON p.id = sp.position_id WHERE n.archived = 0 AND (sp.position_id IS NULL OR p.is_key = 1)`).all() as { readinessId: string }[];
  const labels = new Map(levels.map((level) => [level.id, level.label]));

  const divisionOf = divisions(ctx);
  const byDivision = new Map<string, { name: string; keyPositions: number; covered: number; strengths: number[] }>();
  keyRows.forEach((row, k) => {
    const division = divisionOf(row.departmentId);
    const entry = byDivision.get(division.id) ?? { name: division.name, keyPositions: 0, covered: 0, strengths: [] };
    entry.keyPositions++;
    if (readyNowCount(entriesOf(row.planId), levels) > 0) entry.covered++;
    entry.strengths.push(strengths[k]);
    byDivision.set(division.id, entry);
  });

  const atRisk = db.prepare(`SELECT e.id AS employeeId, ${PERSON_NAME('e')} AS name, lr.risk_of_loss AS riskOfLoss, lr.impact_of_loss AS impactOfLoss, count(*) AS nominations
      FROM succession_nomination n JOIN succession_plan sp ON sp.id = n.plan_id AND sp.archived = 0 LEFT JOIN position p ON p.id = sp.position_id
      JOIN employee e ON e.id = n.employee_id JOIN loss_risk lr ON lr.employee_id = e.id AND lr.archived = 0
      WHERE n.archived = 0 AND lr.risk_of_loss = 'high' AND (sp.position_id IS NULL OR p.is_key = 1)
      GROUP BY e.id ORDER BY CASE lr.impact_of_loss WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, nominations DESC, name COLLATE NOCASE`).all() as SuccessionInsights['successorsAtRisk'];
  const widely = db.prepare(`SELECT coalesce(n.employee_id, n.external_candidate_id) AS id, coalesce(${PERSON_NAME('e')}, x.name) AS name, count(*) AS count
      FROM succession_nomination n JOIN succession_plan sp ON sp.id = n.plan_id AND sp.archived = 0 LEFT JOIN position p ON p.id = sp.position_id
      LEFT JOIN employee e ON e.id = n.employee_id LEFT JOIN external_candidate x ON x.id = n.external_candidate_id
      WHERE n.archived = 0 AND (sp.position_id IS NULL OR p.is_key = 1)
      GROUP BY 1 HAVING count(*) >= 3 ORDER BY count DESC, name COLLATE NOCASE`).all() as SuccessionInsights['widelyNominated'];

  const criticalityRank: Record<Level, number> = { high: 0, medium: 1, low: 2 };
  return {
    keyPositions: keyRows.length,
    covered,
    coverage: coveragePercent(covered, keyRows.length),
    nominations: live.length,
    averageStrength: average(strengths),
    readiness: readinessCounts(live, levels).map((count) => ({ ...count, label: labels.get(count.readinessId)! })),
    byDepartment: [...byDivision]
      .map(([departmentId, entry]) => ({ departmentId, name: entry.name, keyPositions: entry.keyPositions, covered: entry.covered, averageStrength: average(entry.strengths) }))
      .sort((a, b) => b.keyPositions - a.keyPositions || a.name.localeCompare(b.name)),
    withoutSuccessor: keyRows
      .filter((row) => entriesOf(row.planId).length === 0)
      .map((row) => ({ positionId: row.id, title: row.title, departmentName: row.departmentName, incumbentName: row.incumbentName, criticality: row.criticality }))
      .sort((a, b) => criticalityRank[a.criticality] - criticalityRank[b.criticality] || a.title.localeCompare(b.title)),
    successorsAtRisk: atRisk,
    widelyNominated: widely,
  };
}

/** A department's division: its ancestor directly under a top-level department (the top-level one itself for positions there). */
function divisions(ctx: ServiceContext): (departmentId: string) => { id: string; name: string } {
  const rows = ctx.store.raw.prepare(`SELECT id, name, parent_id AS parentId FROM department`).all() as { id: string; name: string; parentId: string | null }[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return (departmentId) => {
    let current = byId.get(departmentId);
    const seen = new Set<string>();
    while (current?.parentId && byId.get(current.parentId)?.parentId && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.parentId);
    }
    return current ? { id: current.id, name: current.name } : { id: departmentId, name: 'Unknown department' };
  };
}

/** Everything about one person's succession: where they are nominated, the key position they hold, their risk, their pools. */
export async function getPersonSuccession(ctx: ServiceContext, employeeId: string): Promise<PersonSuccession> {
  const db = ctx.store.raw;
  const levels = readinessLevels(ctx, true);
  const label = new Map(levels.map((level) => [level.id, level.label]));
  const nominations = (db.prepare(`SELECT n.id AS nominationId, n.plan_id AS planId, sp.position_id AS positionId,
        CASE WHEN sp.position_id IS NOT NULL THEN p.title || coalesce(' · ' || d.name, '') ELSE 'Job: ' || j.title || coalesce(' (' || j.level || ')', '') END AS label,
        n.rank, n.readiness_id AS readinessId, n.emergency
      FROM succession_nomination n JOIN succession_plan sp ON sp.id = n.plan_id AND sp.archived = 0
      LEFT JOIN position p ON p.id = sp.position_id LEFT JOIN department d ON d.id = p.department_id LEFT JOIN job j ON j.id = sp.job_id
      WHERE n.employee_id = ? AND n.archived = 0 AND (sp.position_id IS NULL OR p.is_key = 1)
      ORDER BY n.rank, label COLLATE NOCASE`).all(employeeId) as { nominationId: string; planId: string; positionId: string | null; label: string; rank: number; readinessId: string; emergency: number }[])
    .map((row) => ({ ...row, emergency: Boolean(row.emergency), readinessLabel: label.get(row.readinessId) ?? '?' }));
  const holds = db.prepare(`SELECT p.id AS positionId, p.title, p.is_key AS isKey, sp.id AS planId FROM employee e JOIN position p ON p.id = e.position_id
      LEFT JOIN succession_plan sp ON sp.position_id = p.id AND sp.archived = 0 WHERE e.id = ?`).get(employeeId) as { positionId: string; title: string; isKey: number; planId: string | null } | undefined;
  const entries = holds?.planId && holds.isKey ? benchOf(ctx, [holds.planId]).get(holds.planId)?.entries ?? [] : [];
  const risk = db.prepare(`SELECT risk_of_loss AS riskOfLoss, impact_of_loss AS impactOfLoss, reason FROM loss_risk WHERE employee_id = ? AND archived = 0`).get(employeeId) as PersonSuccession['risk'] | undefined;
  const pools = db.prepare(`SELECT t.id AS poolId, t.name FROM talent_pool_member m JOIN talent_pool t ON t.id = m.pool_id AND t.archived = 0
      WHERE m.employee_id = ? AND m.archived = 0 ORDER BY t.name COLLATE NOCASE`).all(employeeId) as PersonSuccession['pools'];
  const hasPhoto = Boolean(db.prepare(`SELECT 1 FROM employee_photo WHERE employee_id = ?`).get(employeeId));
  return {
    employeeId,
    nominations,
    holds: holds ? { positionId: holds.positionId, title: holds.title, isKey: Boolean(holds.isKey), successors: entries.length, readyNow: readyNowCount(entries, readinessLevels(ctx)) } : null,
    risk: risk ?? null,
    pools,
    hasPhoto,
  };
}
