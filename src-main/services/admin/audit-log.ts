import type { AuditEvent } from '../../../src-shared/api';
import type { ServiceContext } from '../context';

export async function listAuditEvents(
  ctx: ServiceContext,
  query: { offset?: number; limit?: number; entity?: string; entityId?: string },
): Promise<{ rows: AuditEvent[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.entity) (where.push('entity = ?'), params.push(query.entity));
  if (query.entityId) (where.push('entity_id = ?'), params.push(query.entityId));
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = ctx.store.raw
    .prepare(`SELECT id, at, actor, entity, entity_id AS entityId, action, before, after FROM audit_event ${filter}
              ORDER BY at DESC, rowid DESC LIMIT ? OFFSET ?`)
    .all(...params, query.limit ?? 1000, query.offset ?? 0) as AuditEvent[];
  const { total } = ctx.store.raw.prepare(`SELECT count(*) AS total FROM audit_event ${filter}`).get(...params) as { total: number };
  return { rows, total };
}
