import { DEPARTMENT_IMPORT_FIELDS } from '../../src-shared/api';
import { recordAudit } from '../services/shared/audit';
import type { CompiledMapping } from './mapping';
import { auditRows, runUpdate, settle, startPlan, summarise, tooLong, type Issue, type RowChange } from './org-common';
import { DepartmentIndex, loadPeople, lower, type PeopleData, type Resolved } from './people-data';
import { changedFields, createdList, idsInLoops, rowNumberOf, timeOrderedId, type ImportKindHandler, type PlannedImport } from './pipeline';
import type { Table } from './read-table';

type DepartmentValues = { name: string; code: string | null; parentId: string | null };

/**
 * A row is the department with its code, else the one of its name under its parent, else the
 * only one of its name (a move), else a new one. Parents named in the file but defined by no
 * row (and not stored) are created too, and listed.
 */
export function planDepartmentImport(table: Table, m: CompiledMapping, data: PeopleData, newId = timeOrderedId) {
  const { issues, issue } = startPlan(m, ['name']);
  const changes: RowChange<DepartmentValues>[] = [];
  const index = new DepartmentIndex(data.departments, newId);
  const result = { issues, changes, implicit: [] as (DepartmentValues & { id: string })[], index };
  if (issues.length) return result;
  const stored = new Map(data.departments.map((d) => [d.id, d]));
  const byCode = new Map<string, string[]>();
  for (const d of data.departments) if (d.code) byCode.set(lower(d.code), [...(byCode.get(lower(d.code)) ?? []), d.id]);
  const rowOf = new Map<string, number>();
  /** The department a row is: by its (unique) code, by name under its parent, by its unique name, or a new one. */
  const match = (name: string, code: string | null | undefined, parentId: string | null | undefined): { id: string; byCode: boolean } | Resolved => {
    const coded = code ? byCode.get(lower(code)) : undefined;
    if (coded?.length === 1) return { id: coded[0], byCode: true };
    const free = index.named(name).filter((d) => !rowOf.has(d.id));
    const found = (parentId !== undefined ? free.find((d) => d.parentId === parentId) : undefined) ?? (free.length === 1 ? free[0] : undefined);
    return found ? { id: found.id, byCode: false } : index.create(name, parentId ?? null);
  };

  table.rows.forEach((cells, i) => {
    const row = rowNumberOf(table, i);
    const issuesBefore = issues.length;
    const name = m.get('name', cells);
    if (!name) return void issue(row, 'name', `${m.label('name')} is empty${m.emptyReason('name', cells)}.`);
    const code = m.has('code') ? m.get('code', cells) || null : undefined;
    tooLong(issue, row, 'name', name, 200);
    tooLong(issue, row, 'code', code, 40);
    const parentText = m.has('parent') ? m.get('parent', cells) : undefined;
    const parentId = parentText ? settle(issue, row, 'parent', index.resolve(parentText)) : parentText === undefined ? undefined : null;
    if (issues.length > issuesBefore) return;
    const found = match(name, code, parentId);
    if ('problem' in found) return void issue(row, 'name', found.problem);
    if (rowOf.has(found.id)) return void issue(row, 'name', `This department is also on row ${rowOf.get(found.id)}.`);
    rowOf.set(found.id, row);
    const s = stored.get(found.id);
    const before: DepartmentValues = s ? { name: s.name, code: s.code, parentId: s.parentId } : { name, code: null, parentId: index.get(found.id)?.parentId ?? null };
    const values = { ...before, name: !s || ('byCode' in found && found.byCode) ? name : before.name };
    if (code !== undefined) values.code = code;
    if (parentId !== undefined) values.parentId = parentId;
    const fields = ['name', 'code', 'parentId'] as const;
    changes.push({ id: found.id, row, isNew: !s, version: s?.version ?? 1, before, values, changed: s ? changedFields(before, values, fields) : [...fields] });
  });
  result.implicit = index.created.filter((d) => !rowOf.has(d.id)).map((d) => ({ ...d, code: null }));
  checkTree(changes, result.implicit, data, issue);
  return result;
}

/** No loops, and no two departments with one name under one parent. */
function checkTree(changes: RowChange<DepartmentValues>[], implicit: { id: string; name: string; parentId: string | null }[], data: PeopleData, issue: Issue) {
  const final = new Map(data.departments.map((d) => [d.id, { name: d.name, parentId: d.parentId, row: 0 }]));
  for (const d of implicit) final.set(d.id, { name: d.name, parentId: d.parentId, row: 0 });
  for (const c of changes) final.set(c.id, { ...c.values, row: c.row });
  const looping = idsInLoops(new Map(Array.from(final, ([id, d]) => [id, d.parentId])));
  const taken = new Map<string, { id: string; row: number }>();
  for (const [id, d] of final) {
    if (d.row && looping.has(id)) issue(d.row, 'parent', `"${d.name}" would sit under itself or one of its own sub-departments.`);
    const key = `${d.parentId ?? ''}\u0000${lower(d.name)}`;
    const other = taken.get(key);
    if (other && (d.row || other.row)) {
      const also = d.row && other.row ? ` (also row ${Math.min(d.row, other.row)})` : '';
      issue(Math.max(d.row, other.row), 'name', `Two departments would be named "${d.name}" under the same parent${also}.`);
    }
    taken.set(key, { id, row: d.row });
  }
}

export const departmentImport: ImportKindHandler = {
  fields: DEPARTMENT_IMPORT_FIELDS,
  plan(ctx, table, m): PlannedImport {
    const { issues, changes, implicit, index } = planDepartmentImport(table, m, loadPeople(ctx.store.raw, { employees: false }));
    issues.sort((a, b) => a.row - b.row);
    return {
      issues,
      summary: summarise(changes),
      creates: createdList('department', implicit.map((d) => index.label(d.id))),
      async write(ctx, job) {
        const db = ctx.store.raw;
        db.pragma('defer_foreign_keys = ON');
        const insert = db.prepare(`INSERT INTO department (id, name, code, parent_id, archived, created_at, updated_at, version) VALUES (@id, @name, @code, @parentId, 0, @now, @now, 1)`);
        const update = db.prepare(`UPDATE department SET name = @name, code = @code, parent_id = @parentId, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version`);
        for (const d of implicit) insert.run({ ...d, now: ctx.now });
        for (const c of changes) {
          if (c.isNew) insert.run({ id: c.id, ...c.values, now: ctx.now });
          else if (c.changed.length) runUpdate(update, { id: c.id, ...c.values, version: c.version, now: ctx.now }, `Department "${c.before.name}"`);
        }
        await recordAudit(ctx, [
          ...implicit.map((d) => ({ entity: 'department', entityId: d.id, action: 'create' as const, after: { ...d, source: job.fileName } })),
          ...auditRows('department', changes, job.fileName),
        ]);
      },
    };
  },
};
