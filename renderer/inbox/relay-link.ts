import type { RelaySocket } from '../../shared/client/relay-client.js';
import type { InboxStore } from './inbox-store';

/** What a feature's commands work with: the live connection and the store they report into. */
export interface RelayLink {
  /** The relay connection; throws a RelayError once the inbox has stopped (signed out). */
  socket(): RelaySocket;
  readonly store: InboxStore;
  /** For the REST calls a socket command does not fit (uploads, feeds): the relay and the session token. */
  readonly rest: { baseUrl: string; token: string };
}
