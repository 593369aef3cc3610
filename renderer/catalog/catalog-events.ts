import { listen, type RelaySocket } from '../../shared/client/relay-client.js';
import type { EventContext } from '../inbox/inbox-store';

export function bindCatalogEvents(socket: RelaySocket, { dispatch }: EventContext): void {
  listen(socket, 'product:upsert', (event) => {
    dispatch({ type: 'product:upsert', event });
  });
}
