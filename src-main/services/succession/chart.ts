// The succession chart's data: every active position with its incumbent, key details, risk flags
// and successors (its own plan's, or its job's plan's when it has none). Laid out by the shared
// pure function on screen and in the exports.
import type { ChartData, ChartPosition, ChartSuccessor, Level } from '../../../src-shared/api/succession';
import type { ServiceContext } from '../context';
import { jsonIds, PERSON_NAME, readinessLevels } from './common';

interface PositionSqlRow {
  id: string; title: string; reportsToId: string | null; departmentId: string; departmentName: string | null; jobId: string; jobTitle: string | null;
  isKey: number; criticality: Level | null; vacancyRisk: Level | null; reason: string | null; plannedLeaveDate: string | null;
  incumbentId: string | null; incumbentName: string | null; employeeNumber: string | null; hasPhoto: number; riskOfLoss: Level | null; impactOfLoss: Level | null;
  positionPlanId: string | null; jobPlanId: string | null;
}

const POSITIONS_SQL = `SELECT p.id, p.title, p.reports_to_id AS reportsToId, p.department_id AS departmentId, d.name AS departmentName,
    p.job_id AS jobId, j.title AS jobTitle, p.is_key AS isKey,
    CASE WHEN p.is_key = 1 THEN coalesce(kp.criticality, 'medium') END AS criticality, CASE WHEN p.is_key = 1 THEN coalesce(kp.vacancy_risk, 'medium') END AS vacancyRisk,
    CASE WHEN p.is_key = 1 THEN kp.reason END AS reason, CASE WHEN p.is_key = 1 THEN kp.planned_leave_date END AS plannedLeaveDate,
    e.id AS incumbentId, ${PERSON_NAME('e')} AS incumbentName, e.employee_number AS employeeNumber,
    EXISTS (SELECT 1 FROM employee_photo ph WHERE ph.employee_id = e.id) AS hasPhoto,
    lr.risk_of_loss AS riskOfLoss, lr.impact_of_loss AS impactOfLoss,
    spp.id AS positionPlanId, spj.id AS jobPlanId
  FROM position p
  LEFT JOIN department d ON d.id = p.department_id
  LEFT JOIN job j ON j.id = p.job_id
  LEFT JOIN key_position kp ON kp.id = p.id AND kp.archived = 0
  LEFT JOIN employee e ON e.position_id = p.id AND e.archived = 0
  LEFT JOIN loss_risk lr ON lr.employee_id = e.id AND lr.archived = 0
  LEFT JOIN succession_plan spp ON spp.position_id = p.id AND spp.archived = 0 AND p.is_key = 1
  LEFT JOIN succession_plan spj ON spj.job_id = p.job_id AND spj.archived = 0
  WHERE p.archived = 0`;

const SUCCESSORS_SQL = `SELECT n.id AS nominationId, n.plan_id AS planId,
    CASE WHEN n.employee_id IS NOT NULL THEN 'employee' ELSE 'external' END AS kind,
    coalesce(n.employee_id, n.external_candidate_id) AS personId, coalesce(${PERSON_NAME('e')}, x.name) AS name,
    n.rank, n.readiness_id AS readinessId, n.emergency, cp.id AS currentPositionId, lr.risk_of_loss AS riskOfLoss,
    EXISTS (SELECT 1 FROM employee_photo ph WHERE ph.employee_id = n.employee_id) AS hasPhoto
  FROM succession_nomination n
  JOIN succession_plan sp ON sp.id = n.plan_id AND sp.archived = 0
  LEFT JOIN employee e ON e.id = n.employee_id
  LEFT JOIN position cp ON cp.id = e.position_id AND cp.archived = 0
  LEFT JOIN external_candidate x ON x.id = n.external_candidate_id
  LEFT JOIN loss_risk lr ON lr.employee_id = n.employee_id AND lr.archived = 0
  WHERE n.archived = 0
  ORDER BY n.plan_id, n.rank, name`;

type SuccessorSqlRow = Omit<ChartSuccessor, 'emergency' | 'hasPhoto'> & { emergency: number; hasPhoto: number };

const ONLY_IDS = ` AND p.id IN (SELECT value FROM json_each(@ids))`;
const ONLY_PLANS = ` AND n.plan_id IN (SELECT value FROM json_each(@plans))`;

/** Chart positions with incumbents and successors: all of them, or those with the given ids (in no particular order). */
export function chartPositions(ctx: ServiceContext, ids?: readonly string[]): ChartPosition[] {
  const db = ctx.store.raw;
  const rows = (ids
    ? db.prepare(POSITIONS_SQL + ONLY_IDS).all({ ids: jsonIds(ids) })
    : db.prepare(POSITIONS_SQL).all()) as PositionSqlRow[];
  const plans = ids ? rows.flatMap((row) => { const plan = row.positionPlanId ?? row.jobPlanId; return plan ? [plan] : []; }) : null;
  const sql = plans ? SUCCESSORS_SQL.replace('WHERE n.archived = 0', `WHERE n.archived = 0${ONLY_PLANS}`) : SUCCESSORS_SQL;
  const byPlan = new Map<string, ChartSuccessor[]>();
  if (!plans || plans.length) {
    for (const row of db.prepare(sql).all(plans ? { plans: jsonIds(plans) } : {}) as SuccessorSqlRow[]) {
      const successor: ChartSuccessor = { ...row, emergency: Boolean(row.emergency), hasPhoto: Boolean(row.hasPhoto) };
      const list = byPlan.get(row.planId);
      if (list) list.push(successor);
      else byPlan.set(row.planId, [successor]);
    }
  }
  return rows.map((row): ChartPosition => {
    const planId = row.positionPlanId ?? row.jobPlanId;
    // A job plan's successors exclude the position's own incumbent (they already hold the job).
    const successors = (planId ? byPlan.get(planId) ?? [] : []).filter((s) => row.positionPlanId || s.personId !== row.incumbentId);
    return {
      id: row.id, title: row.title, reportsToId: row.reportsToId, departmentId: row.departmentId, departmentName: row.departmentName,
      jobId: row.jobId, jobTitle: row.jobTitle, isKey: Boolean(row.isKey), criticality: row.criticality, vacancyRisk: row.vacancyRisk,
      reason: row.reason, plannedLeaveDate: row.plannedLeaveDate, planId, planSource: row.positionPlanId ? 'position' : row.jobPlanId ? 'job' : null,
      incumbent: row.incumbentId
        ? { id: row.incumbentId, name: row.incumbentName!, employeeNumber: row.employeeNumber!, hasPhoto: Boolean(row.hasPhoto), riskOfLoss: row.riskOfLoss, impactOfLoss: row.impactOfLoss }
        : null,
      successors,
    };
  });
}

/** The whole chart: every active position (the exports, and tools). */
export async function getChart(ctx: ServiceContext): Promise<ChartData> {
  return { readiness: readinessLevels(ctx), positions: chartPositions(ctx) };
}
