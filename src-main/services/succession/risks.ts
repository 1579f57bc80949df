// Risk of loss and impact of loss per person (incumbents of key positions, successors, anyone).
import type { z } from 'zod';
import { lossRiskFields, type LossRisk } from '../../../src-shared/api/succession';
import type { ErrorIssue } from '../../../src-shared/errors';
import { LossRiskEntity, type LossRiskRow } from '../../store/entities/succession';
import type { ServiceContext } from '../context';
import { rowIssue, saveBatch, setArchived, type BatchSpec, type Candidate, type RowChangeInput } from '../shared/batch';
import { jsonIds, PERSON_NAME } from './common';

type Values = z.infer<typeof lossRiskFields>;

const SELECT = `SELECT r.id, r.employee_id AS employeeId, ${PERSON_NAME('e')} AS employeeName, p.title AS positionTitle, coalesce(p.is_key, 0) AS isKeyIncumbent,
    r.risk_of_loss AS riskOfLoss, r.impact_of_loss AS impactOfLoss, r.reason, r.archived, r.created_at AS createdAt, r.updated_at AS updatedAt, r.version
  FROM loss_risk r JOIN employee e ON e.id = r.employee_id LEFT JOIN position p ON p.id = e.position_id`;

type Row = Omit<LossRisk, 'archived' | 'isKeyIncumbent'> & { archived: number; isKeyIncumbent: number };
const toDto = (row: Row): LossRisk => ({ ...row, archived: Boolean(row.archived), isKeyIncumbent: Boolean(row.isKeyIncumbent) });

export async function listLossRisks(ctx: ServiceContext, includeArchived = false): Promise<LossRisk[]> {
  return (ctx.store.raw
    .prepare(`${SELECT} ${includeArchived ? '' : 'WHERE r.archived = 0'}
              ORDER BY CASE r.risk_of_loss WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, e.last_name COLLATE NOCASE, e.first_name COLLATE NOCASE`)
    .all() as Row[]).map(toDto);
}

const spec: BatchSpec<LossRiskRow, Values> = {
  entity: LossRiskEntity,
  label: 'Risk of loss',
  fields: lossRiskFields,
  toValues: (row) => ({ employeeId: row.employeeId, riskOfLoss: row.riskOfLoss, impactOfLoss: row.impactOfLoss, reason: row.reason }),
  toColumns: (v) => ({ employeeId: v.employeeId, riskOfLoss: v.riskOfLoss, impactOfLoss: v.impactOfLoss, reason: v.reason ?? null }),
  check: checkRisks,
};

async function checkRisks(candidates: Candidate<Values>[], ctx: ServiceContext): Promise<ErrorIssue[]> {
  const issues: ErrorIssue[] = [];
  const person = ctx.store.raw.prepare(`SELECT ${PERSON_NAME('e')} AS name, e.archived FROM employee e WHERE e.id = ?`);
  const taken = ctx.store.raw.prepare(`SELECT 1 FROM loss_risk WHERE employee_id = ? AND archived = 0 AND id <> ?`);
  const seen = new Set<string>();
  for (const c of candidates) {
    const found = person.get(c.values.employeeId) as { name: string; archived: number } | undefined;
    if (!found || found.archived) issues.push(rowIssue(c.index, 'employeeId', 'The employee does not exist (they may have been archived).'));
    else if (seen.has(c.values.employeeId) || taken.get(c.values.employeeId, c.id)) issues.push(rowIssue(c.index, 'employeeId', `${found.name} already has a risk assessment; edit that row.`));
    else if (!c.isNew && c.changedFields.includes('employeeId')) issues.push(rowIssue(c.index, 'employeeId', 'A risk assessment stays with its person; add a row for the other person.'));
    seen.add(c.values.employeeId);
  }
  return issues;
}

export async function saveLossRisks(ctx: ServiceContext, rows: RowChangeInput[]): Promise<LossRisk[]> {
  const saved = await saveBatch(spec, rows, ctx);
  const found = new Map((ctx.store.raw.prepare(`${SELECT} WHERE r.id IN (SELECT value FROM json_each(?))`).all(jsonIds(saved.map((r) => r.id))) as Row[]).map((row) => [row.id, toDto(row)]));
  return saved.map((row) => found.get(row.id)!);
}

export const archiveLossRisks = (ctx: ServiceContext, ids: string[], archived = true) => setArchived(LossRiskEntity, 'Risk of loss', ids, archived, ctx);
