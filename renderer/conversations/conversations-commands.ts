import { command } from '../../shared/client/relay-client.js';
import type { RelayLink } from '../inbox/relay-link';
import { selectConversation } from './conversations-state';

/** Per connection, the conversations with a markRead on its way: never two at once for one. */
const reading = new WeakMap<RelayLink, Map<string, Promise<boolean>>>();

/**
 * Marks a conversation read (its unread count goes to zero; the customer gets blue ticks). A call
 * while one is on its way shares it. Resolves true when the state is caught up, false when a newer
 * message overtook the answer, so the caller should ask again if it is still reading.
 */
export function markRead(link: RelayLink, conversationId: string): Promise<boolean> {
  let pending = reading.get(link);
  if (!pending) {
    pending = new Map();
    reading.set(link, pending);
  }
  const inFlight = pending.get(conversationId);
  if (inFlight) return inFlight;
  const inbox = pending;
  const request = (async () => {
    try {
      const { conversation } = await command(link.socket(), 'conversation:markRead', { conversationId });
      link.store.dispatch({ type: 'conversation:replied', conversation });
      return (selectConversation(link.store.getState(), conversationId)?.unreadCount ?? 0) === 0;
    } finally {
      inbox.delete(conversationId);
    }
  })();
  pending.set(conversationId, request);
  return request;
}
