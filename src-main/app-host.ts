import type { ApiEvent } from '../src-shared/api';
import { createRouter, type Router } from './api/router';
import { storeSchema } from './areas';
import { defaultActor, readSetting } from './services/admin/settings';
import { openStore, type OpenStoreOptions, type Store } from './store/data-source';

export interface AppHost {
  call: Router;
  store(): Store;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  close(): Promise<void>;
}

/**
 * The process-independent core: one open database, the router over it, and the event fan-out.
 * The file a process starts on is created when missing (`create` defaults to true: the first start,
 * or `--db` naming a new file in an existing folder); switching files creates only when asked.
 */
export async function createAppHost(dbPath: string, options: OpenStoreOptions & { validateOutput?: boolean } = {}): Promise<AppHost> {
  let store = await openStore(dbPath, storeSchema, { ...options, create: options.create ?? true });
  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent) => listeners.forEach((listener) => listener(event));
  const call = createRouter({
    store: () => store,
    actor: () => readSetting(store, 'actorName') ?? defaultActor(),
    emit,
    validateOutput: options.validateOutput ?? process.env.NODE_ENV !== 'production',
    async switchDatabase(path, create) {
      // Fully opened (and so checked) before the current file is let go.
      const next = await openStore(path, storeSchema, { ...options, create });
      const previous = store;
      store = next;
      await previous.close();
      emit({ type: 'database', path: next.path });
      emit({ type: 'changed', topics: ['*'] });
      return next;
    },
  });
  return {
    call,
    store: () => store,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => store.close(),
  };
}
