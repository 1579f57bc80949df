import type { z } from 'zod';
import { departmentFields, type Department } from '../../../src-shared/api';
import type { ErrorIssue } from '../../../src-shared/errors';
import { DepartmentEntity, type DepartmentRow } from '../../store/entities/people';
import type { ServiceContext } from '../context';
import { formsLoop, rowIssue, saveBatch, setArchived, type BatchSpec, type RowChangeInput } from '../shared/batch';
import { existingIds, parentMap } from '../shared/lookups';
import { withFieldLabels } from './labels';

type Values = z.infer<typeof departmentFields>;

export async function listDepartments(ctx: ServiceContext, includeArchived = false): Promise<Department[]> {
  const rows: (DepartmentRow & { headcount: number })[] = await ctx.manager.query(
    `SELECT d.id, d.name, d.code, d.parent_id AS parentId, d.archived, d.created_at AS createdAt,
            d.updated_at AS updatedAt, d.version,
            (SELECT count(*) FROM employee e WHERE e.department_id = d.id AND e.archived = 0 AND e.status <> 'terminated') AS headcount
       FROM department d ${includeArchived ? '' : 'WHERE d.archived = 0'}
      ORDER BY d.name COLLATE NOCASE`,
  );
  return rows.map((row) => toDepartment(row, row.headcount));
}

export const toDepartment = (row: DepartmentRow, headcount = 0): Department => ({
  id: row.id,
  name: row.name,
  code: row.code ?? null,
  parentId: row.parentId ?? null,
  archived: Boolean(row.archived),
  headcount,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

const spec: BatchSpec<DepartmentRow, Values> = {
  entity: DepartmentEntity,
  label: 'Department',
  fields: departmentFields,
  toValues: (row) => ({ name: row.name, code: row.code, parentId: row.parentId }),
  toColumns: (values) => ({ name: values.name, code: values.code ?? null, parentId: values.parentId ?? null }),
  check: checkDepartments,
};

async function checkDepartments(candidates: { index: number; id: string; values: Values }[], ctx: ServiceContext): Promise<ErrorIssue[]> {
  const issues: ErrorIssue[] = [];
  const parents = await parentMap(ctx, 'department', 'parent_id');
  const batchIds = new Set(candidates.map((c) => c.id));
  const known = await existingIds(ctx, 'department', candidates.map((c) => c.values.parentId).filter(isId));
  for (const c of candidates) parents.set(c.id, c.values.parentId ?? null);
  const siblings: { id: string; parent: string | null; name: string }[] = await ctx.manager.query(
    `SELECT id, parent_id AS parent, name FROM department`,
  );
  const nameKey = (parent: string | null | undefined, name: string) => `${parent ?? ''}\u0000${name.toLowerCase()}`;
  const taken = new Map(siblings.filter((s) => !batchIds.has(s.id)).map((s) => [nameKey(s.parent, s.name), s.id]));
  for (const c of candidates) {
    const parentId = c.values.parentId;
    if (parentId && !known.has(parentId) && !batchIds.has(parentId)) {
      issues.push(rowIssue(c.index, 'parentId', 'The parent department does not exist.'));
    } else if (parentId && formsLoop(c.id, (id) => parents.get(id))) {
      issues.push(rowIssue(c.index, 'parentId', `"${c.values.name}" cannot sit under itself or one of its own sub-departments.`));
    }
    const key = nameKey(parentId, c.values.name);
    if (taken.has(key)) issues.push(rowIssue(c.index, 'name', `A department named "${c.values.name}" already exists at this level.`));
    taken.set(key, c.id);
  }
  return issues;
}

const isId = (value: string | null | undefined): value is string => Boolean(value);

export async function saveDepartments(ctx: ServiceContext, rows: RowChangeInput[]): Promise<Department[]> {
  const saved = await withFieldLabels('department', () => saveBatch(spec, rows, ctx));
  return saved.map((row) => toDepartment(row));
}

export async function archiveDepartments(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  const count = await setArchived(DepartmentEntity, 'Department', ids, archived, ctx);
  return count;
}
