import type { InboxSnapshot } from '../../shared/protocol/inbox.js';
import type { InboxAction, InboxState } from './inbox-store';

/* The connection and the catch-up: whether the relay is reachable and the state has been synced. */

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

export interface SyncState {
  connection: ConnectionState;
  /** A snapshot has arrived since sign-in: the lists are the relay's, not empty placeholders. */
  synced: boolean;
}

export type SyncAction =
  | { type: 'connection'; state: ConnectionState }
  /** The answer to `inbox:sync`: every slice replaces its state with its part of it. */
  | { type: 'inbox:synced'; snapshot: InboxSnapshot };

export const initialSyncState: SyncState = { connection: 'connecting', synced: false };

export function reduceSync(state: SyncState, action: InboxAction): SyncState {
  switch (action.type) {
    case 'connection':
      return state.connection === action.state ? state : { ...state, connection: action.state };
    case 'inbox:synced':
      return state.synced ? state : { ...state, synced: true };
    default:
      return state;
  }
}

export const selectConnection = (state: InboxState): ConnectionState => state.sync.connection;
export const selectSynced = (state: InboxState): boolean => state.sync.synced;
/** Connected and caught up: commands may go out and what is shown is current. */
export const selectLive = (state: InboxState): boolean => state.sync.connection === 'connected' && state.sync.synced;
