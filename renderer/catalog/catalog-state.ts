import type { InboxAction } from '../inbox/inbox-store';

/*
 * The catalog lives on the relay (it can hold ten thousand products) and panels search it there. The
 * slice only counts the changes the relay pushes (`product:upsert`), so an open panel searches
 * again and shows an edit, a new image or a stock change without anyone asking.
 */

export interface CatalogState {
  version: number;
}

export const initialCatalogState: CatalogState = { version: 0 };

export function reduceCatalog(state: CatalogState, action: InboxAction): CatalogState {
  return action.type === 'product:upsert' ? { version: state.version + 1 } : state;
}

export const selectCatalogVersion = (state: { catalog: CatalogState }): number => state.catalog.version;
