import { listen, type RelaySocket } from '../../shared/client/relay-client.js';
import type { EventContext } from '../inbox/inbox-store';

export function bindConversationEvents(socket: RelaySocket, { dispatch }: EventContext): void {
  listen(socket, 'conversation:upsert', (event) => {
    dispatch({ type: 'conversation:upsert', event });
  });
  listen(socket, 'conversation:remove', (event) => {
    dispatch({ type: 'conversation:remove', event });
  });
}
