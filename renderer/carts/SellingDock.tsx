import { Text } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { formatMoney } from '../../shared/money.js';
import { userLocale } from '../i18n';
import { useT } from '../i18n/use-t';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { selectLive } from '../inbox/sync-state';
import { loadConversationOrders, loadOrders } from '../orders/orders-commands';
import { selectOrderMap, selectOrdersLoaded, sortedOrders } from '../orders/orders-state';
import { OrderStatus } from '../orders/OrderStatus';
import { Cart } from './Cart';
import classes from './Cart.module.css';
import { loadCart } from './carts-commands';
import { selectCart } from './carts-state';

/** How many of the conversation's orders show above the cart (the newest). */
const SHOWN_ORDERS = 3;

/**
 * Selling in the conversation: its latest orders with their status, live, and its cart whenever
 * the cart has lines, for every agent who opens it.
 */
export function SellingDock({ conversation }: { conversation: ConversationSummary }) {
  const t = useT();
  const link = useRelayLink();
  const live = useInbox(selectLive);
  const cart = useInbox((s) => selectCart(s, conversation.id));
  const ordersLoaded = useInbox(selectOrdersLoaded);
  const orderMap = useInbox(selectOrderMap);
  const orders = useMemo(
    () => sortedOrders(orderMap, conversation.id).slice(0, SHOWN_ORDERS),
    [orderMap, conversation.id],
  );

  useEffect(() => {
    if (live && !cart) loadCart(link, conversation.id).catch(() => undefined);
  }, [live, cart, link, conversation.id]);
  useEffect(() => {
    if (live && !ordersLoaded) loadOrders(link).catch(() => undefined);
  }, [live, ordersLoaded, link]);
  // Once per opening: this chat may have become visible after the list was loaded.
  useEffect(() => {
    if (live) loadConversationOrders(link, conversation.id).catch(() => undefined);
  }, [live, link, conversation.id]);

  const hasLines = (cart?.items.length ?? 0) > 0;
  if (!hasLines && orders.length === 0) return null;
  const locale = userLocale();
  return (
    <div className={classes.dock}>
      {orders.length > 0 ? (
        <ul
          className={classes.orders}
          aria-label={t('orders.inConversation')}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {orders.map((order) => (
            <li key={order.id} className={classes.order}>
              <Text size="sm" fw={600}>
                {t('orders.order')}
              </Text>
              <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                {order.items.map((line) => `${line.quantity} × ${line.name}`).join(', ')}
              </Text>
              <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatMoney(order.total, locale)}
              </Text>
              <OrderStatus order={order} />
            </li>
          ))}
        </ul>
      ) : null}
      {cart && hasLines ? <Cart conversation={conversation} cart={cart} /> : null}
    </div>
  );
}
