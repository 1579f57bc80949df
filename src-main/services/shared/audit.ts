import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../context';

export interface AuditChange {
  entity: string;
  entityId: string;
  action:
    | 'create' | 'update' | 'archive' | 'restore' | 'delete' | 'import' | 'load-demo' | 'backup' | 'settings' | 'reopen'
    | 'encrypt' | 'change-passphrase' | 'export-unencrypted' | 'delete-unencrypted';
  before?: unknown;
  after?: unknown;
}

/** Audit records go through the caller's manager, so they commit or roll back with the change. */
export async function recordAudit(ctx: ServiceContext, changes: AuditChange[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((change) => ({
    id: randomUUID(),
    at: ctx.now,
    actor: ctx.actor,
    entity: change.entity,
    entityId: change.entityId,
    action: change.action,
    before: change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === undefined ? null : JSON.stringify(change.after),
  }));
  // A prepared statement on the same connection: it joins the caller's transaction and
  // keeps imports of thousands of rows fast.
  const insert = ctx.store.raw.prepare(
    `INSERT INTO audit_event (id, at, actor, entity, entity_id, action, before, after)
     VALUES (@id, @at, @actor, @entity, @entityId, @action, @before, @after)`,
  );
  for (const row of rows) insert.run(row);
}
