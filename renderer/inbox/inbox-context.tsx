import { createContext, useContext, type ReactNode } from 'react';
import { useStoreSelector } from '../app/store';
import type { InboxState } from './inbox-store';
import type { RelayLink } from './relay-link';

const InboxContext = createContext<RelayLink | null>(null);

export function InboxProvider({ link, children }: { link: RelayLink; children: ReactNode }) {
  return <InboxContext.Provider value={link}>{children}</InboxContext.Provider>;
}

/** The connection and store that feature commands take as their first argument. */
export function useRelayLink(): RelayLink {
  const link = useContext(InboxContext);
  if (!link) throw new Error('useRelayLink outside InboxProvider');
  return link;
}

/**
 * Reads one slice of the inbox state; re-renders only when that slice changes. Every mounted
 * reader runs its selector on every change, so selectors are lookups, never work over a list.
 */
export function useInbox<T>(selector: (state: InboxState) => T): T {
  return useStoreSelector(useRelayLink().store, selector);
}
