import { listen, type RelaySocket } from '../../shared/client/relay-client.js';
import type { EventContext } from '../inbox/inbox-store';

export function bindActivityEvents(socket: RelaySocket, { dispatch }: EventContext): void {
  listen(socket, 'conversation:activity', (event) => {
    dispatch({ type: 'conversation:activity', event });
  });
}
