import type { z } from 'zod';
import { adminArea } from './admin';
import { calibrationArea } from './calibration';
import { careersArea } from './careers';
import { casesArea } from './cases';
import { goalsArea } from './goals';
import { insightsArea } from './insights';
import { learningArea } from './learning';
import { peopleArea } from './people';
import { reviewsArea } from './reviews';
import { skillsArea } from './skills';
import { successionArea } from './succession';

/**
 * Every area of the product, in navigation order. This list is the contract's one registration
 * point: the method table, the method names and the change topics are all derived from it.
 */
export const areas = [
  peopleArea,
  skillsArea,
  goalsArea,
  reviewsArea,
  calibrationArea,
  careersArea,
  successionArea,
  learningArea,
  casesArea,
  insightsArea,
  adminArea,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AreaList = typeof areas;

export type AreaKey = AreaList[number]['key'];
export type Api = UnionToIntersection<AreaList[number]['methods']>;
export type Method = keyof Api & string;
export type Input<M extends Method> = z.input<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;

export const api = Object.assign({}, ...areas.map((area) => area.methods)) as Api;
export const methods = Object.keys(api) as Method[];

/** What a method touches: an area, or everything. */
export type Topic = AreaKey | '*';
/** Every topic a method declares must be an area: a misspelt one fails to compile here, naming it. */
type DeclaredTopic = { [M in Method]: NonNullable<Api[M]['topics']>[number] }[Method];
type AssertTopics<T extends Topic> = T;
export type CheckedTopics = AssertTopics<DeclaredTopic>;

/** The topics of a method as filled in by `defineArea` (its own area when it names none). */
export const topicsOf = (method: Method): readonly Topic[] => (api[method].topics ?? []) as readonly Topic[];

/** True when a read that depends on `reads` must refresh after a write that changed `changed`. */
export const touches = (reads: readonly Topic[], changed: readonly Topic[]): boolean =>
  reads.includes('*') || changed.includes('*') || changed.some((topic) => reads.includes(topic));

/** Events pushed from the main process to every window. */
export type ApiEvent =
  | { type: 'changed'; topics: readonly Topic[] }
  | { type: 'progress'; jobId: string; label: string; done: number; total: number }
  | { type: 'database'; path: string };

export * from './common';
export * from './people';
export * from './admin';
export * from './skills';
export * from './insights';
export * from './goals';
export * from './reviews';
