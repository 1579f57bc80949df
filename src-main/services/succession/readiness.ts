// The readiness scale: configurable levels, the first in order meaning "ready now".
import type { z } from 'zod';
import { MAX_READINESS_LEVELS, readinessFields, type ReadinessLevel } from '../../../src-shared/api/succession';
import { AppError, type ErrorIssue } from '../../../src-shared/errors';
import { ReadinessLevelEntity, type ReadinessLevelRow } from '../../store/entities/succession';
import type { ServiceContext } from '../context';
import { rowIssue, saveBatch, setArchived, type BatchSpec, type Candidate, type RowChangeInput } from '../shared/batch';
import { readinessByIds, readinessLevels } from './common';

type Values = z.infer<typeof readinessFields>;

const spec: BatchSpec<ReadinessLevelRow, Values> = {
  entity: ReadinessLevelEntity,
  label: 'Readiness level',
  fields: readinessFields,
  toValues: (row) => ({ label: row.label, shortLabel: row.shortLabel, sortOrder: row.sortOrder, description: row.description }),
  toColumns: (v) => ({ label: v.label, shortLabel: v.shortLabel, sortOrder: v.sortOrder, description: v.description ?? null }),
  check: checkLevels,
};

/** Labels and orders are unique among active levels once the whole batch is applied (so two levels can swap places in one paste). */
async function checkLevels(candidates: Candidate<Values>[], ctx: ServiceContext): Promise<ErrorIssue[]> {
  const issues: ErrorIssue[] = [];
  const inBatch = new Set(candidates.map((c) => c.id));
  const others = readinessLevels(ctx).filter((level) => !inBatch.has(level.id));
  const final = [...others.map((level) => ({ id: level.id, label: level.label, sortOrder: level.sortOrder, index: -1 })), ...candidates.map((c) => ({ id: c.id, label: c.values.label, sortOrder: c.values.sortOrder, index: c.index }))];
  for (const c of candidates) {
    const sameOrder = final.find((level) => level.id !== c.id && level.sortOrder === c.values.sortOrder);
    if (sameOrder) issues.push(rowIssue(c.index, 'sortOrder', `"${sameOrder.label}" already has order ${c.values.sortOrder}; each level needs its own place in the scale.`));
    const sameLabel = final.find((level) => level.id !== c.id && level.label.toLowerCase() === c.values.label.toLowerCase());
    if (sameLabel) issues.push(rowIssue(c.index, 'label', `Another readiness level is already called "${c.values.label}".`));
  }
  if (final.length > MAX_READINESS_LEVELS) issues.push(rowIssue(candidates[0].index, undefined, `A readiness scale has at most ${MAX_READINESS_LEVELS} levels.`));
  return issues;
}

export const listReadinessLevels = (ctx: ServiceContext, includeArchived = false) => readinessLevels(ctx, includeArchived);

export async function saveReadinessLevels(ctx: ServiceContext, rows: RowChangeInput[]): Promise<ReadinessLevel[]> {
  const saved = await saveBatch(spec, rows, ctx);
  const byId = new Map(readinessByIds(ctx, saved.map((row) => row.id)).map((level) => [level.id, level]));
  return saved.map((row) => byId.get(row.id)!);
}

/** A level still given to successors cannot go, nor the last level. */
export async function archiveReadinessLevels(ctx: ServiceContext, ids: string[], archived = true): Promise<number> {
  if (archived) {
    const used = ctx.store.raw
      .prepare(`SELECT r.label, count(*) AS n FROM succession_nomination n JOIN readiness_level r ON r.id = n.readiness_id
                 WHERE n.archived = 0 AND n.readiness_id IN (SELECT value FROM json_each(?)) GROUP BY r.id ORDER BY r.sort_order LIMIT 1`)
      .get(JSON.stringify(ids)) as { label: string; n: number } | undefined;
    if (used) throw new AppError('VALIDATION', `${used.n} successor${used.n === 1 ? ' is' : 's are'} rated "${used.label}"; give them another readiness first. Nothing was archived.`);
    const remaining = readinessLevels(ctx).filter((level) => !ids.includes(level.id)).length;
    if (remaining === 0) throw new AppError('VALIDATION', 'The readiness scale needs at least one level. Nothing was archived.');
  } else {
    const active = readinessLevels(ctx);
    const restoring = readinessLevels(ctx, true).filter((level) => ids.includes(level.id) && level.archived);
    const clash = restoring.find((level) => active.some((other) => other.sortOrder === level.sortOrder || other.label.toLowerCase() === level.label.toLowerCase()));
    if (clash) throw new AppError('VALIDATION', `"${clash.label}" has the same order or label as an active level; change that level first. Nothing was restored.`);
  }
  return setArchived(ReadinessLevelEntity, 'Readiness level', ids, archived, ctx);
}
