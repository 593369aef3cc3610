import { command } from '../../shared/client/relay-client.js';
import type { PaymentProviderName } from '../../shared/domain/order.js';
import type { OrderView } from '../../shared/protocol/orders.js';
import type { RelayLink } from '../inbox/relay-link';

export async function loadOrders(link: RelayLink): Promise<void> {
  const { orders } = await command(link.socket(), 'order:list', {});
  link.store.dispatch({ type: 'orders:loaded', orders });
}

/** One conversation's orders: for a chat that became visible after the list was loaded (an assignment). */
export async function loadConversationOrders(link: RelayLink, conversationId: string): Promise<void> {
  const { orders } = await command(link.socket(), 'order:list', { conversationId });
  link.store.dispatch({ type: 'orders:merged', orders });
}

/** The cart becomes an order and the customer gets the payment link (the same cart twice: one order). */
export async function requestPayment(
  link: RelayLink,
  conversationId: string,
  provider?: PaymentProviderName,
): Promise<OrderView> {
  const { order } = await command(link.socket(), 'order:requestPayment', {
    conversationId,
    ...(provider ? { provider } : {}),
  });
  link.store.dispatch({ type: 'order:loaded', order });
  return order;
}
