import { Anchor, Table, Text } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { formatMoney } from '../../shared/money.js';
import { userLocale } from '../i18n';
import { formatListTime } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { selectLive } from '../inbox/sync-state';
import { useNow } from '../ui/use-now';
import { loadOrders } from './orders-commands';
import { selectOrderMap, selectOrdersLoaded, sortedOrders } from './orders-state';
import { OrderStatus } from './OrderStatus';
import classes from './OrdersView.module.css';

/** Every order the caller may see: status (live), total, customer, and a way to its conversation. */
export function OrdersView({ onOpenConversation }: { onOpenConversation: (id: string) => void }) {
  const t = useT();
  const link = useRelayLink();
  const live = useInbox(selectLive);
  const loaded = useInbox(selectOrdersLoaded);
  const orderMap = useInbox(selectOrderMap);
  const orders = useMemo(() => sortedOrders(orderMap), [orderMap]);
  const locale = userLocale();
  const now = useNow();

  useEffect(() => {
    if (live && !loaded) loadOrders(link).catch(() => undefined);
  }, [live, loaded, link]);

  return (
    <main className={classes.view}>
      <section className={classes.card} aria-label={t('orders.title')}>
        <h1 className={classes.title}>{t('orders.title')}</h1>
        {orders.length === 0 ? (
          <Text c="dimmed" className={classes.empty}>
            {loaded ? t('orders.empty') : t('orders.loading')}
          </Text>
        ) : (
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orders.created')}</Table.Th>
                <Table.Th>{t('orders.customer')}</Table.Th>
                <Table.Th>{t('orders.items')}</Table.Th>
                <Table.Th className={classes.amount}>{t('orders.total')}</Table.Th>
                <Table.Th>{t('orders.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.map((order) => (
                <Table.Tr key={order.id}>
                  <Table.Td>{formatListTime(order.createdAt, locale, now)}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component="a"
                      href={`#/c/${encodeURIComponent(order.conversationId)}`}
                      aria-label={t('orders.openConversation', { name: order.customerName })}
                      onClick={(event) => {
                        event.preventDefault();
                        onOpenConversation(order.conversationId);
                      }}
                    >
                      {order.customerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className={classes.items}>
                    {order.items.map((line) => `${line.quantity} × ${line.name}`).join(', ')}
                  </Table.Td>
                  <Table.Td className={classes.amount}>{formatMoney(order.total, locale)}</Table.Td>
                  <Table.Td>
                    <OrderStatus order={order} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </main>
  );
}
