import type { OrgNode } from '../../../src-shared/api';
import type { ServiceContext } from '../context';

/** Department tree with direct and total headcount and the department's most senior person. */
export async function getOrgTree(ctx: ServiceContext): Promise<OrgNode[]> {
  const rows: { id: string; name: string; parentId: string | null; headcount: number; headName: string | null }[] = await ctx.manager.query(
    `SELECT d.id, d.name, d.parent_id AS parentId,
            (SELECT count(*) FROM employee e WHERE e.department_id = d.id AND e.archived = 0 AND e.status <> 'terminated') AS headcount,
            (SELECT e.first_name || ' ' || e.last_name FROM employee e
               WHERE e.department_id = d.id AND e.archived = 0
                 AND (e.manager_id IS NULL OR e.manager_id NOT IN (SELECT id FROM employee WHERE department_id = d.id))
               ORDER BY e.hire_date LIMIT 1) AS headName
       FROM department d WHERE d.archived = 0 ORDER BY d.name COLLATE NOCASE`,
  );
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
    headName: row.headName,
  }));
}
