import { auditEntityLabel } from '../../../src-shared/domain/audit';
import type { ServiceContext } from '../context';

/*
 * Records by name, for the audit log: each area's module gives one SQL per table of it with `id` and
 * `label` for every record, as the UI names them (an employee with their number, a review as
 * "cycle – person"); a table without one shows its record type and id.
 */
const SETTING_LABELS: Record<string, string> = { actorName: 'Your name' };

/** Names of records of one table by id; ids with no record left are absent. */
export function labelsOf(ctx: ServiceContext, table: string, ids: Iterable<string>): Map<string, string> {
  const unique = [...new Set(ids)];
  const found = new Map<string, string>();
  if (table === 'setting') {
    for (const id of unique) found.set(id, SETTING_LABELS[id] ?? id);
    return found;
  }
  if (table === 'database') {
    for (const id of unique) found.set(id, id);
    return found;
  }
  const sql = ctx.registry.recordLabels[table];
  if (!sql) return found;
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = ctx.store.raw.prepare(`SELECT id, label FROM (${sql}) WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as { id: string; label: string }[];
    for (const row of rows) found.set(row.id, row.label);
  }
  return found;
}

/** Records with audit events whose name contains `search`, the most familiar kinds first. */
export function findRecords(ctx: ServiceContext, search: string, limit: number) {
  const like = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows: { entity: string; entityId: string; entityLabel: string; label: string }[] = [];
  for (const [table, sql] of Object.entries(ctx.registry.recordLabels)) {
    if (rows.length >= limit || table === 'review_step') continue;
    const found = ctx.store.raw
      .prepare(
        `SELECT id, label FROM (${sql}) WHERE label LIKE ? ESCAPE '\\'
            AND id IN (SELECT entity_id FROM audit_event WHERE entity = ?) ORDER BY label COLLATE NOCASE LIMIT ?`,
      )
      .all(like, table, limit - rows.length) as { id: string; label: string }[];
    for (const row of found) rows.push({ entity: table, entityId: row.id, entityLabel: auditEntityLabel(table), label: row.label });
  }
  return rows;
}
