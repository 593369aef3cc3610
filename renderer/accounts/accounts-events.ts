import { listen, type RelaySocket } from '../../shared/client/relay-client.js';
import type { EventContext } from '../inbox/inbox-store';

export function bindAccountEvents(socket: RelaySocket, { dispatch, endSession, resync, getState }: EventContext): void {
  // Signed out elsewhere, expired or revoked: the relay disconnects this socket next.
  listen(socket, 'session:end', () => {
    endSession('ended');
  });
  listen(socket, 'agent:upsert', (agent) => {
    const me = getState().accounts.me;
    dispatch({ type: 'agent:upsert', event: agent });
    // A new role sees other chats: the relay moved this socket's rooms, the list follows with a sync.
    if (me?.id === agent.id && me.role !== agent.role) resync();
  });
}
