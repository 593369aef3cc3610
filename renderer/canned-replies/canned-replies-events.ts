import { listen, type RelaySocket } from '../../shared/client/relay-client.js';
import type { EventContext } from '../inbox/inbox-store';

export function bindCannedReplyEvents(socket: RelaySocket, { dispatch }: EventContext): void {
  listen(socket, 'cannedReplies:changed', (event) => {
    dispatch({ type: 'cannedReplies:changed', event });
  });
}
