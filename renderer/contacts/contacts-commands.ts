import { command } from '../../shared/client/relay-client.js';
import type { ContactHistory } from '../../shared/protocol/contacts.js';
import type { RelayLink } from '../inbox/relay-link';

/** The contact panel's data; its orders join the live orders every screen shares. */
export async function loadContactHistory(link: RelayLink, conversationId: string): Promise<ContactHistory> {
  const history = await command(link.socket(), 'contact:history', { conversationId });
  link.store.dispatch({ type: 'orders:merged', orders: history.orders });
  return history;
}
