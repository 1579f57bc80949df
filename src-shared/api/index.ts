import type { z } from 'zod';
import { adminApi } from './admin';
import type { MethodDef } from './common';
import { peopleApi } from './people';
import { insightsApi } from './insights';
import { skillsApi } from './skills';
import { goalsApi } from './goals';
import { reviewsApi } from './reviews';
import { journalApi } from './journal';
import { questionnairesApi } from './questionnaires';

export const api = { ...peopleApi, ...skillsApi, ...goalsApi, ...reviewsApi, ...journalApi, ...questionnairesApi, ...insightsApi, ...adminApi } satisfies Record<string, MethodDef>;

export type Api = typeof api;
export type Method = keyof Api;
export type Input<M extends Method> = z.input<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;
export const methods = Object.keys(api) as Method[];

/** Events pushed from the main process to every window. */
export type ApiEvent =
  | { type: 'changed'; areas: string[] }
  | { type: 'progress'; jobId: string; label: string; done: number; total: number }
  | { type: 'database'; path: string };

export * from './common';
export * from './people';
export * from './admin';
export * from './skills';
export * from './insights';
export * from './goals';
export * from './reviews';
export * from './journal';
export * from './questionnaires';
