// The plans as a workbook: one row per successor (and per plan without one), the bench of every
// plan, talent pools, and the readiness scale with the bench-strength rule.
import ExcelJS from 'exceljs';
import type { KeyPosition, Nomination, Plan, PoolMember, PoolPosition, ReadinessLevel } from '../../../src-shared/api/succession';
import { LEVEL_LABELS } from '../../../src-shared/api/succession';
import { STRENGTH_LABELS, STRENGTH_RULE, strengthBand } from '../../../src-shared/domain/succession';
import { addTableSheet, type Cell } from '../table';

export interface PlansWorkbook {
  readiness: ReadinessLevel[];
  plans: Plan[];
  keyPositions: KeyPosition[];
  nominations: Nomination[];
  members: PoolMember[];
  poolPositions: PoolPosition[];
}

const level = (value: keyof typeof LEVEL_LABELS | null) => (value ? LEVEL_LABELS[value] : null);
/** Text cells starting like a formula are written as text. */
const safe = (value: string | null) => (value && /^[=+\-@]/.test(value) ? `'${value}` : value);

export async function plansXlsx(data: PlansWorkbook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Canopy';
  const readiness = new Map(data.readiness.map((r) => [r.id, r.label]));
  const keyByPosition = new Map(data.keyPositions.map((k) => [k.positionId, k]));
  const byPlan = new Map<string, Nomination[]>();
  for (const n of data.nominations) byPlan.set(n.planId, [...(byPlan.get(n.planId) ?? []), n]);

  const headers = ['Plan', 'Position / job', 'Department', 'Criticality', 'Vacancy risk', 'Planned leave date', 'Incumbent', 'Incumbent risk of loss', 'Incumbent impact of loss',
    'Successor', 'Internal / external', 'Current position', 'Rank', 'Readiness', 'Emergency (interim)', 'Skill match %', 'Latest rating', 'Potential (calibrated)', 'Successor risk of loss', 'Notes', 'Development actions'];
  const rows: Cell[][] = [];
  for (const plan of data.plans) {
    const key = plan.positionId ? keyByPosition.get(plan.positionId) : undefined;
    const base: Cell[] = [plan.positionId ? 'Key position' : 'Job', safe(plan.label), plan.departmentName, level(key?.criticality ?? null), level(key?.vacancyRisk ?? null), key?.plannedLeaveDate ?? null,
      plan.incumbentName, level(key?.riskOfLoss ?? null), level(key?.impactOfLoss ?? null)];
    const successors = byPlan.get(plan.id) ?? [];
    if (successors.length === 0) rows.push([...base, '(no successor)', null, null, null, null, null, null, null, null, null, null, null]);
    for (const n of successors) {
      rows.push([...base, safe(n.successorName), n.kind === 'employee' ? 'Internal' : 'External', n.currentPositionTitle, n.rank, readiness.get(n.readinessId) ?? null, n.emergency ? 'Yes' : 'No',
        n.skillMatch, n.latestRatingLabel ? `${n.latestRatingLabel} (${n.latestRating}, ${n.latestRatingCycle})` : null,
        n.latestPotentialLabel, level(n.riskOfLoss), safe(n.notes), safe(n.developmentActions)]);
    }
  }
  addTableSheet(workbook, 'Succession plans', headers, rows);

  const benchHeaders = ['Plan', 'Incumbent', ...data.readiness.map((r) => r.label), 'Successors', 'Emergency cover', 'Bench strength', 'Band'];
  addTableSheet(workbook, 'Bench strength', benchHeaders, data.plans.map((plan) => [
    safe(plan.label), plan.incumbentName, ...data.readiness.map((r) => plan.counts.find((c) => c.readinessId === r.id)?.count ?? 0),
    plan.successors, plan.emergencyCover ? 'Yes' : 'No', plan.strength, STRENGTH_LABELS[strengthBand(plan.strength, plan.successors)],
  ]));

  const poolRows: Cell[][] = [
    ...data.members.map((m): Cell[] => [safe(m.poolName), 'Member', safe(m.employeeName), m.positionTitle, safe(m.notes)]),
    ...data.poolPositions.map((p): Cell[] => [safe(p.poolName), 'Feeds position', safe(p.positionTitle), p.isKey ? 'Key position' : null, null]),
  ];
  addTableSheet(workbook, 'Talent pools', ['Pool', 'Kind', 'Name', 'Position / note', 'Notes'], poolRows);

  const scale = addTableSheet(workbook, 'Readiness scale', ['Order', 'Readiness', 'Short label', 'Description'], data.readiness.map((r) => [r.sortOrder, r.label, r.shortLabel, r.description]));
  scale.addRow([]);
  scale.addRow(['Bench strength rule', STRENGTH_RULE]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
