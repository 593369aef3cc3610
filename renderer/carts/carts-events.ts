import { listen, type RelaySocket } from '../../shared/client/relay-client.js';
import type { EventContext } from '../inbox/inbox-store';

export function bindCartEvents(socket: RelaySocket, { dispatch }: EventContext): void {
  listen(socket, 'cart:update', (event) => {
    dispatch({ type: 'cart:update', event });
  });
}
