import type { AuditChange, AuditEvent, AuditQuery, AuditRecord } from '../../../src-shared/api';
import {
  auditActionLabel,
  auditEntityLabel,
  auditFieldChanges,
  auditFieldLabel,
  enumLabel,
  formatAuditValue,
  referencedTable,
  type RawChange,
} from '../../../src-shared/domain/audit';
import type { ServiceContext } from '../context';
import { findRecords, labelsOf } from './audit-records';

type StoredEvent = Pick<AuditEvent, 'id' | 'at' | 'actor' | 'entity' | 'entityId' | 'action' | 'before' | 'after'>;

/** One page of the log, newest first, each event ready to show: the record by name, each field as before → after. */
export async function listAuditEvents(ctx: ServiceContext, query: AuditQuery) {
  const { filter, params } = auditFilter(query);
  const stored = ctx.store.raw
    .prepare(`SELECT id, at, actor, entity, entity_id AS entityId, action, before, after FROM audit_event ${filter}
              ORDER BY at DESC, rowid DESC LIMIT ? OFFSET ?`)
    .all(...params, query.limit ?? 100, query.offset ?? 0) as StoredEvent[];
  const { total } = ctx.store.raw.prepare(`SELECT count(*) AS total FROM audit_event ${filter}`).get(...params) as { total: number };
  const actors = (ctx.store.raw.prepare(`SELECT DISTINCT actor FROM audit_event ORDER BY actor COLLATE NOCASE`).all() as { actor: string }[]).map((r) => r.actor);
  const entities = (ctx.store.raw.prepare(`SELECT DISTINCT entity FROM audit_event`).all() as { entity: string }[])
    .map(({ entity }) => ({ value: entity, label: auditEntityLabel(entity) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return { rows: describeEvents(ctx, stored), total, actors, entities };
}

function auditFilter(query: AuditQuery): { filter: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.entity) (where.push('entity = ?'), params.push(query.entity));
  if (query.entityId) (where.push('entity_id = ?'), params.push(query.entityId));
  if (query.actor) (where.push('actor = ?'), params.push(query.actor));
  if (query.from) (where.push('at >= ?'), params.push(new Date(query.from).toISOString()));
  if (query.to) (where.push('at < ?'), params.push(new Date(query.to).toISOString()));
  return { filter: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** The record filter's type-ahead, or one record's name (a link from a record's page names it by id). */
export function findAuditRecords(ctx: ServiceContext, input: { search?: string; entity?: string; entityId?: string; limit?: number }): AuditRecord[] {
  if (input.entity && input.entityId) {
    const names = new Names(ctx);
    const label = names.record(input.entity, input.entityId);
    return [{ entity: input.entity, entityId: input.entityId, entityLabel: auditEntityLabel(input.entity), label: label ?? `${auditEntityLabel(input.entity)} (no longer exists)` }];
  }
  if (!input.search?.trim()) return [];
  return findRecords(ctx, input.search, input.limit ?? 20);
}

function describeEvents(ctx: ServiceContext, events: StoredEvent[]): AuditEvent[] {
  const names = new Names(ctx);
  const parsed = events.map((event) => {
    const before = parseJson(event.before);
    const after = parseJson(event.after);
    return { event, before, after, changes: auditFieldChanges(before, after) };
  });
  // Names are looked up a table at a time for the whole page.
  for (const { event, changes } of parsed) {
    names.want(event.entity, event.entityId);
    for (const change of changes) {
      const table = referencedTable(event.entity, change.field);
      if (!table) continue;
      for (const value of [change.before, change.after]) if (typeof value === 'string') names.want(table, value);
    }
  }
  return parsed.map(({ event, before, after, changes }) => {
    const label = names.record(event.entity, event.entityId);
    return {
      ...event,
      entityLabel: auditEntityLabel(event.entity),
      recordLabel: label ?? names.lastKnown(event.entity, event.entityId, [after, before]) ?? `${auditEntityLabel(event.entity)} (no longer exists)`,
      recordExists: label !== null,
      actionLabel: auditActionLabel(event.action),
      changes: changes.map((change) => describeChange(event.entity, change, { ...asRecord(before), ...asRecord(after) }, names)),
    };
  });
}

function describeChange(entity: string, change: RawChange, payload: Record<string, unknown>, names: Names): AuditChange {
  const show = (value: unknown) => {
    if (value === null || value === undefined || value === '') return null;
    const table = referencedTable(entity, change.field);
    if (table && typeof value === 'string') return names.record(table, value) ?? names.lastKnown(table, value, []) ?? `${auditEntityLabel(table)} (no longer exists)`;
    if (change.field === 'level' && typeof value === 'number' && typeof payload.skillId === 'string') return names.level(payload.skillId, value);
    return enumLabel(entity, change.field, value) ?? formatAuditValue(change.field, value);
  };
  const before = show(change.before);
  const after = show(change.after);
  // Two lists of the same length (the options of an answer group) read the same in words.
  const same = change.kind === 'changed' && before !== null && before === after;
  return { field: change.field, label: auditFieldLabel(entity, change.field), kind: change.kind, before, after: same ? `${after}, edited (see the raw view)` : after };
}

/** Record names for one request: wanted ids are fetched a table at a time, then cached. */
class Names {
  private readonly wanted = new Map<string, Set<string>>();
  private readonly known = new Map<string, Map<string, string>>();
  private readonly levels = new Map<string, string>();

  constructor(private readonly ctx: ServiceContext) {}

  want(table: string, id: string): void {
    if (this.known.get(table)?.has(id)) return;
    if (!this.wanted.has(table)) this.wanted.set(table, new Set());
    this.wanted.get(table)!.add(id);
  }

  record(table: string, id: string): string | null {
    this.want(table, id);
    const wanted = this.wanted.get(table);
    if (wanted?.size) {
      const found = labelsOf(this.ctx, table, wanted);
      const known = this.known.get(table) ?? new Map<string, string>();
      for (const [key, label] of found) known.set(key, label);
      this.known.set(table, known);
      // Ids with no record left are remembered as such, so they are not asked for again.
      for (const key of wanted) if (!known.has(key)) known.set(key, '');
      wanted.clear();
    }
    return this.known.get(table)?.get(id) || null;
  }

  /** The name a record had when it was last written (it was deleted since), from the audit payloads. */
  lastKnown(table: string, id: string, payloads: unknown[]): string | null {
    for (const payload of payloads) {
      const label = this.fromPayload(payload);
      if (label) return label;
    }
    const history = this.ctx.store.raw
      .prepare(`SELECT before, after FROM audit_event WHERE entity = ? AND entity_id = ? ORDER BY at DESC, rowid DESC`)
      .all(table, id) as { before: string | null; after: string | null }[];
    for (const row of history) {
      const label = this.fromPayload(parseJson(row.after)) ?? this.fromPayload(parseJson(row.before));
      if (label) return label;
    }
    return null;
  }

  private fromPayload(payload: unknown): string | null {
    const p = asRecord(payload);
    const text = (key: string) => (typeof p[key] === 'string' && p[key] ? (p[key] as string) : null);
    if (text('firstName') || text('lastName')) {
      const name = `${text('firstName') ?? ''} ${text('lastName') ?? ''}`.trim();
      return text('employeeNumber') ? `${name} (${text('employeeNumber')})` : name;
    }
    if (text('name') ?? text('title')) return text('name') ?? text('title');
    // A link between two records (a requirement, a target): named by both ends.
    const skill = text('skillId') ? this.record('skill', text('skillId')!) : null;
    const owner = text('jobId') ? this.record('job', text('jobId')!) : text('employeeId') ? this.record('employee', text('employeeId')!) : null;
    return skill && owner ? `${owner} – ${skill}` : null;
  }

  /** A skill level by its label in the skill's rating model ("Advanced (4)"). */
  level(skillId: string, value: number): string {
    const key = `${skillId}|${value}`;
    if (!this.levels.has(key)) {
      const row = this.ctx.store.raw
        .prepare(`SELECT l.label FROM skill s JOIN rating_level l ON l.rating_model_id = s.rating_model_id AND l.value = ? WHERE s.id = ?`)
        .get(value, skillId) as { label: string } | undefined;
      this.levels.set(key, row ? `${row.label} (${value})` : String(value));
    }
    return this.levels.get(key)!;
  }
}

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
