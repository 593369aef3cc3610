import { listen, type RelaySocket } from '../../shared/client/relay-client.js';
import type { EventContext } from '../inbox/inbox-store';

export function bindMessageEvents(socket: RelaySocket, { dispatch }: EventContext): void {
  // One event, one action: the conversations slice moves the conversation, this one the thread.
  listen(socket, 'message:new', (event) => {
    dispatch({ type: 'message:new', event });
  });
  listen(socket, 'message:update', (event) => {
    dispatch({ type: 'message:update', event });
  });
}
