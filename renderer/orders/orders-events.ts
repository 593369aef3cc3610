import { listen, type RelaySocket } from '../../shared/client/relay-client.js';
import type { EventContext } from '../inbox/inbox-store';

export function bindOrderEvents(socket: RelaySocket, { dispatch }: EventContext): void {
  listen(socket, 'order:update', (event) => {
    dispatch({ type: 'order:update', event });
  });
}
