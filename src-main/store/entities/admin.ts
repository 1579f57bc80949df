import { EntitySchema } from 'typeorm';
import { nullableText } from './columns';

/* Every area's audit trail and the settings. */

export interface AuditEventRow {
  id: string;
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  before: string | null;
  after: string | null;
}
export const AuditEventEntity = new EntitySchema<AuditEventRow>({
  name: 'AuditEvent',
  tableName: 'audit_event',
  columns: {
    id: { type: 'text', primary: true },
    at: { type: 'text' },
    actor: { type: 'text' },
    entity: { type: 'text' },
    entityId: { type: 'text', name: 'entity_id' },
    action: { type: 'text' },
    before: nullableText(),
    after: nullableText(),
  },
});

export interface SettingRow {
  key: string;
  value: string;
}
export const SettingEntity = new EntitySchema<SettingRow>({
  name: 'Setting',
  tableName: 'setting',
  columns: { key: { type: 'text', primary: true }, value: { type: 'text' } },
});

export const adminEntities = [AuditEventEntity, SettingEntity];
