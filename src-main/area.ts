import type { EntitySchema } from 'typeorm';
import type { AreaContract, Method } from '../src-shared/api';
import type { AreaHandlers } from './api/types';
import type { DemoPart } from './services/shared/demo';
import type { MigrationClass } from './store/migrations/kit';

/**
 * One area of the main process: its contract, the handlers of every method in it, the tables it
 * owns, and its part of the demo organisation. `src-main/areas.ts` lists them.
 */
export interface MainArea<A extends AreaContract = AreaContract> {
  contract: A;
  handlers: AreaHandlers<A['methods']>;
  entities?: EntitySchema<any>[];
  migrations?: MigrationClass[];
  demo?: DemoPart;
  /** How the audit log names this area's records: table → SQL giving `id` and `label` (see services/shared/registry.ts). */
  recordLabels?: Record<string, string>;
  /** Writes that manage the database file itself, so must not run inside a transaction on it. */
  outsideTransaction?: (keyof A['methods'] & Method)[];
}

export const defineMainArea = <A extends AreaContract>(area: MainArea<A>): MainArea<A> => area;
