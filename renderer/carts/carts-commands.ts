import { command } from '../../shared/client/relay-client.js';
import type { Message } from '../../shared/domain/message.js';
import type { RelayLink } from '../inbox/relay-link';

export async function loadCart(link: RelayLink, conversationId: string): Promise<void> {
  const { cart } = await command(link.socket(), 'cart:get', { conversationId });
  link.store.dispatch({ type: 'cart:loaded', conversationId, cart });
}

/** Sets a product's quantity (0 removes it); everyone's screen follows through `cart:update`. */
export async function setCartItem(
  link: RelayLink,
  conversationId: string,
  productId: string,
  quantity: number,
): Promise<void> {
  const { cart } = await command(link.socket(), 'cart:setItem', { conversationId, productId, quantity });
  link.store.dispatch({ type: 'cart:loaded', conversationId, cart });
}

export async function sendCartSummary(link: RelayLink, conversationId: string): Promise<Message> {
  const { message } = await command(link.socket(), 'cart:sendSummary', { conversationId });
  return message;
}
