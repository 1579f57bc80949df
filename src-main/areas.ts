import type { AreaKey, Method } from '../src-shared/api';
import type { HandlerTable } from './api/types';
import { adminMain } from './services/admin/area';
import { calibrationMain } from './services/calibration/area';
import { goalsMain } from './services/goals/area';
import { insightsMain } from './services/insights/area';
import { peopleMain } from './services/people/area';
import { reviewsMain } from './services/reviews/area';
import { skillsMain } from './services/skills/area';
import type { AreaRegistry } from './services/shared/registry';
import { successionMain } from './services/succession/area';
import { assembleSchema } from './store/schema';

/**
 * Every built area of the main process: the one registration point of this layer. The handler
 * table, the store's entities and migrations, and the demo organisation are derived from it.
 */
export const mainAreas = [peopleMain, skillsMain, goalsMain, reviewsMain, calibrationMain, successionMain, insightsMain, adminMain] as const;

/** An area whose contract has methods but no main module here fails to compile, naming it. */
type Registered = (typeof mainAreas)[number]['contract']['key'];
type WithMethods = { [K in AreaKey]: Extract<Method, `${K}.${string}`> extends never ? never : K }[AreaKey];
type AssertRegistered<T extends Registered> = T;
export type CheckedAreas = AssertRegistered<WithMethods>;

export const handlers = Object.assign({}, ...mainAreas.map((area) => area.handlers)) as HandlerTable;
export const outsideTransaction = new Set<Method>(mainAreas.flatMap((area) => (area.outsideTransaction ?? []) as Method[]));
export const storeSchema = assembleSchema(mainAreas);
export const registry: AreaRegistry = {
  demoParts: mainAreas.flatMap((area) => (area.demo ? [area.demo] : [])),
  recordLabels: Object.assign({}, ...mainAreas.map((area) => area.recordLabels ?? {})),
};
