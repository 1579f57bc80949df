import type { EntityManager } from 'typeorm';
import type { ApiEvent } from '../../src-shared/api';
import type { Store } from '../store/data-source';
import type { StoreSession } from '../store/session';
import type { AreaRegistry } from './shared/registry';

/** What every handler gets: the manager to use (a transaction for writes) and the caller's identity. */
export interface ServiceContext {
  manager: EntityManager;
  store: Store;
  actor: string;
  /** One timestamp per call, so every row and audit event of a change agree. */
  now: string;
  /** What every area contributes to cross-area services: demo parts, record names (see src-main/areas.ts). */
  registry: AreaRegistry;
  emit(event: ApiEvent): void;
  switchDatabase(path: string, create: boolean): Promise<Store>;
  /** The open file's lock, key and replacement (Admin's encryption panel); contexts made by hand for tests leave it out. */
  session?: StoreSession;
}
