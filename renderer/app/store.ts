import { useSyncExternalStore } from 'react';

/**
 * A minimal external store: one immutable state, a reducer, and subscribers. Components read
 * slices with `useStoreSelector`, so a tick on one message does not re-render the whole inbox.
 */
export interface Store<S, A> {
  getState: () => S;
  dispatch: (action: A) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The selector must return something already in the state (or a primitive), not a fresh object. */
export function useStoreSelector<S, A, T>(store: Store<S, A>, selector: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
