import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { addMoney, formatMoney, type Money } from '../../shared/money.js';
import type { OrderView } from '../../shared/protocol/orders.js';
import { userLocale } from '../i18n';
import { formatDate } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { useInbox } from '../inbox/inbox-context';
import { OrderStatus } from '../orders/OrderStatus';
import { selectOrderMap, sortedOrders } from '../orders/orders-state';
import classes from './Contact.module.css';

/** What paid orders came to, per currency (a shop may have changed currency once). */
function paidTotals(orders: readonly OrderView[]): Money[] {
  const totals = new Map<string, Money>();
  for (const order of orders) {
    if (order.status !== 'paid') continue;
    const sum = totals.get(order.total.currency);
    totals.set(order.total.currency, sum ? addMoney(sum, order.total) : order.total);
  }
  return [...totals.values()];
}

/** The customer's orders, newest first, live: a payment shows here the moment it is paid. */
export function ContactOrders({ conversationId }: { conversationId: string }) {
  const t = useT();
  const locale = userLocale();
  const orderMap = useInbox(selectOrderMap);
  const orders = useMemo(() => sortedOrders(orderMap, conversationId), [orderMap, conversationId]);
  const paid = paidTotals(orders);
  return (
    <section className={classes.section} aria-labelledby="contact-orders">
      <h4 id="contact-orders" className={classes.sectionTitle}>
        {t('contact.orders')}
      </h4>
      {orders.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('contact.noOrders')}
        </Text>
      ) : (
        <>
          {paid.length > 0 ? (
            <Text size="xs" className={classes.paidTotal}>
              {t('contact.paidTotal', { total: paid.map((m) => formatMoney(m, locale)).join(' + ') })}
            </Text>
          ) : null}
          <ul className={classes.orders}>
            {orders.map((order) => (
              <li key={order.id} className={classes.order}>
                <div>
                  <div className={classes.orderTotal}>{formatMoney(order.total, locale)}</div>
                  <div className={classes.muted}>
                    {formatDate(order.createdAt, locale)} ·{' '}
                    {t('contact.items', { count: order.items.reduce((n, line) => n + line.quantity, 0) })}
                  </div>
                </div>
                <OrderStatus order={order} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
