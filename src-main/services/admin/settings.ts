import os from 'node:os';
import { SettingEntity } from '../../store/entities/admin';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import type { Store } from '../../store/data-source';

export const defaultActor = () => {
  try {
    return os.userInfo().username || 'Canopy user';
  } catch {
    return 'Canopy user';
  }
};

export function readSetting(store: Store, key: string): string | null {
  const row = store.raw.prepare(`SELECT value FROM setting WHERE key = ?`).get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export async function writeSetting(ctx: ServiceContext, key: string, value: string): Promise<void> {
  await ctx.manager.upsert(SettingEntity, { key, value }, ['key']);
}

export async function getSettings(ctx: ServiceContext) {
  return { actorName: readSetting(ctx.store, 'actorName') ?? defaultActor() };
}

export async function updateSettings(ctx: ServiceContext, actorName: string) {
  const before = await getSettings(ctx);
  await writeSetting(ctx, 'actorName', actorName);
  await recordAudit(ctx, [{ entity: 'setting', entityId: 'actorName', action: 'settings', before, after: { actorName } }]);
  return { actorName };
}
