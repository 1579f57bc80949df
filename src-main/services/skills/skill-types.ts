import type { z } from 'zod';
import { skillTypeFields, type SkillType } from '../../../src-shared/api';
import type { ErrorIssue } from '../../../src-shared/errors';
import { SkillTypeEntity, type SkillTypeRow } from '../../store/entities/skills';
import type { ServiceContext } from '../context';
import { rowIssue, saveBatch, setArchived, type BatchSpec, type Candidate, type RowChangeInput } from '../shared/batch';

type Values = z.infer<typeof skillTypeFields>;

export async function listSkillTypes(ctx: ServiceContext, includeArchived = false): Promise<SkillType[]> {
  const rows = ctx.store.raw
    .prepare(
      `SELECT t.id, t.name, t.description, t.archived, t.created_at AS createdAt, t.updated_at AS updatedAt, t.version,
              (SELECT count(*) FROM skill s WHERE s.skill_type_id = t.id AND s.archived = 0) AS skillCount
         FROM skill_type t ${includeArchived ? '' : 'WHERE t.archived = 0'} ORDER BY t.name COLLATE NOCASE`,
    )
    .all() as (SkillTypeRow & { skillCount: number })[];
  return rows.map((row) => toSkillType(row, row.skillCount));
}

const toSkillType = (row: SkillTypeRow, skillCount = 0): SkillType => ({
  id: row.id,
  name: row.name,
  description: row.description ?? null,
  archived: Boolean(row.archived),
  skillCount,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

const spec: BatchSpec<SkillTypeRow, Values> = {
  entity: SkillTypeEntity,
  label: 'Skill type',
  fields: skillTypeFields,
  toValues: (row) => ({ name: row.name, description: row.description }),
  toColumns: (v) => ({ name: v.name, description: v.description ?? null }),
  check: checkNames,
};

async function checkNames(candidates: Candidate<Values>[], ctx: ServiceContext): Promise<ErrorIssue[]> {
  const batchIds = new Set(candidates.map((c) => c.id));
  const stored = ctx.store.raw.prepare(`SELECT id, lower(name) AS name FROM skill_type`).all() as { id: string; name: string }[];
  const taken = new Set(stored.filter((s) => !batchIds.has(s.id)).map((s) => s.name));
  const issues: ErrorIssue[] = [];
  for (const c of candidates) {
    const name = c.values.name.toLowerCase();
    if (taken.has(name)) issues.push(rowIssue(c.index, 'name', `A skill type named "${c.values.name}" already exists.`));
    taken.add(name);
  }
  return issues;
}

export async function saveSkillTypes(ctx: ServiceContext, rows: RowChangeInput[]): Promise<SkillType[]> {
  const saved = await saveBatch(spec, rows, ctx);
  return saved.map((row) => toSkillType(row));
}

export async function archiveSkillTypes(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  const count = await setArchived(SkillTypeEntity, 'Skill type', ids, archived, ctx);
  return count;
}
