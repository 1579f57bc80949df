import { useSyncExternalStore } from 'react';

/**
 * A tiny external store. Components read it through `useStore` with a selector
 * that returns a primitive or a reference held in the state, so a change only
 * re-renders the components whose selected value changed.
 */
export class Store<T extends object> {
  private state: T;
  private readonly listeners = new Set<() => void>();

  constructor(initial: T) {
    this.state = initial;
  }

  get = (): T => this.state;

  set(patch: Partial<T> | ((state: T) => Partial<T>)): void {
    const changes = typeof patch === 'function' ? patch(this.state) : patch;
    this.state = { ...this.state, ...changes };
    this.listeners.forEach((listener) => listener());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useStore<T extends object, U>(store: Store<T>, selector: (state: T) => U): U {
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}
