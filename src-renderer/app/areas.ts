import { areas, type AreaKey } from '../../src-shared/api';
import type { UiArea } from './area-module';

/**
 * Every area of the product, in navigation order, from the contract's list. An area is built
 * when its folder has `features/<key>/area.tsx` (found here, so adding one registers nothing);
 * the others say plainly that they are not built yet.
 */
export interface AreaInfo {
  key: AreaKey;
  label: string;
  path: string;
  built: boolean;
  summary: string;
  ui?: UiArea;
}

const modules = import.meta.glob<{ area: UiArea }>('../features/*/area.tsx', { eager: true });
const uiAreas = new Map(Object.values(modules).map((module) => [module.area.key, module.area]));

export const AREAS: AreaInfo[] = areas.map((area) => ({
  key: area.key,
  label: area.label,
  summary: area.summary,
  path: `/${area.key}`,
  built: uiAreas.has(area.key),
  ui: uiAreas.get(area.key),
}));
