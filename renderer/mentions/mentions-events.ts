import { listen, type RelaySocket } from '../../shared/client/relay-client.js';
import type { EventContext } from '../inbox/inbox-store';

export function bindMentionEvents(socket: RelaySocket, { dispatch }: EventContext): void {
  listen(socket, 'mention:new', (event) => {
    dispatch({ type: 'mention:new', event });
  });
}
