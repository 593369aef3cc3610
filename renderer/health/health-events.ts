import { listen, type RelaySocket } from '../../shared/client/relay-client.js';
import type { EventContext } from '../inbox/inbox-store';

export function bindHealthEvents(socket: RelaySocket, { dispatch }: EventContext): void {
  listen(socket, 'relay:health', (event) => {
    dispatch({ type: 'relay:health', event });
  });
}
