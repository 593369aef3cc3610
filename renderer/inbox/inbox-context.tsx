import { createContext, useContext, type ReactNode } from 'react';
import { useStoreSelector } from '../app/store';
import type { InboxClient } from './inbox-client';
import type { InboxState } from './inbox-state';

const InboxContext = createContext<InboxClient | null>(null);

export function InboxProvider({ client, children }: { client: InboxClient; children: ReactNode }) {
  return <InboxContext.Provider value={client}>{children}</InboxContext.Provider>;
}

export function useInboxClient(): InboxClient {
  const client = useContext(InboxContext);
  if (!client) throw new Error('useInboxClient outside InboxProvider');
  return client;
}

/** Reads one slice of the inbox state; re-renders only when that slice changes. */
export function useInbox<T>(selector: (state: InboxState) => T): T {
  return useStoreSelector(useInboxClient().store, selector);
}
