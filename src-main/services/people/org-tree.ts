import type { OrgNode } from '../../../src-shared/api';
import type { ServiceContext } from '../context';
import { assignmentAsOfJoin, employedOn } from './assignments';

/**
 * Department tree with direct and total headcount and the department's head: the holder of its top
 * position (the one that reports to no position in the same department), named only when the
 * department has exactly one such position and someone holds it. With `asOf`, the people employed
 * that day where they were then (the departments and positions themselves are today's).
 */
export async function getOrgTree(ctx: ServiceContext, asOf?: string): Promise<OrgNode[]> {
  const placed = asOf
    ? `SELECT a.department_id AS departmentId, a.position_id AS positionId, e.first_name || ' ' || e.last_name AS name
         FROM employee e ${assignmentAsOfJoin('e')} WHERE e.archived = 0 AND ${employedOn('e')}`
    : `SELECT e.department_id AS departmentId, e.position_id AS positionId, e.first_name || ' ' || e.last_name AS name
         FROM employee e WHERE e.archived = 0 AND e.status <> 'terminated'`;
  const rows = ctx.store.raw
    .prepare(
      `WITH placed AS MATERIALIZED (${placed}),
            tops AS (SELECT p.department_id AS departmentId, p.id AS positionId, p.title
                       FROM position p LEFT JOIN position up ON up.id = p.reports_to_id
                      WHERE p.archived = 0 AND (p.reports_to_id IS NULL OR up.department_id IS NOT p.department_id))
       SELECT d.id, d.name, d.parent_id AS parentId, coalesce(hc.n, 0) AS headcount,
              CASE WHEN h.tops = 1 THEN h.holder END AS headName, CASE WHEN h.tops = 1 AND h.holder IS NOT NULL THEN h.title END AS headPosition
         FROM department d
         LEFT JOIN (SELECT departmentId, count(*) AS n FROM placed GROUP BY departmentId) hc ON hc.departmentId = d.id
         LEFT JOIN (SELECT t.departmentId, count(*) AS tops, max(t.title) AS title, max(pl.name) AS holder
                      FROM tops t LEFT JOIN placed pl ON pl.positionId = t.positionId GROUP BY t.departmentId) h ON h.departmentId = d.id
        WHERE d.archived = 0 ORDER BY d.name COLLATE NOCASE`,
    )
    .all(...(asOf ? [asOf, asOf, asOf] : [])) as Omit<OrgNode, 'totalHeadcount'>[];
  const children = new Map<string | null, string[]>();
  for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row.id]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const totals = new Map<string, number>();
  const total = (id: string, depth = 0): number => {
    if (totals.has(id)) return totals.get(id)!;
    const own = byId.get(id)?.headcount ?? 0;
    const sum = depth > 100 ? own : own + (children.get(id) ?? []).reduce((acc, child) => acc + total(child, depth + 1), 0);
    totals.set(id, sum);
    return sum;
  };
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    parentId: row.parentId && byId.has(row.parentId) ? row.parentId : null,
    headcount: row.headcount,
    totalHeadcount: total(row.id),
    headName: row.headName ?? null,
    headPosition: row.headPosition ?? null,
  }));
}
