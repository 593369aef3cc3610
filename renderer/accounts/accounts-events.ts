import { listen, type RelaySocket } from '../../shared/client/relay-client.js';
import type { EventContext } from '../inbox/inbox-store';

export function bindAccountEvents(socket: RelaySocket, { endSession }: EventContext): void {
  // Signed out elsewhere, expired or revoked: the relay disconnects this socket next.
  listen(socket, 'session:end', () => {
    endSession('ended');
  });
}
