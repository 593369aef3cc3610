import { Badge } from '@mantine/core';
import type { OrderView } from '../../shared/protocol/orders.js';
import { useT } from '../i18n/use-t';

const COLOR: Record<OrderView['status'], string> = {
  awaiting_payment: 'yellow',
  paid: 'teal',
  expired: 'gray',
  canceled: 'gray',
  failed: 'red',
};

/**
 * An order's status in words ("Awaiting payment", "Paid", …), coloured for a glance; a canceled order
 * that a newer one of the chat replaced says "Replaced".
 */
export function OrderStatus({ order }: { order: Pick<OrderView, 'status' | 'replacedBy'> }) {
  const t = useT();
  const replaced = order.status === 'canceled' && order.replacedBy !== null;
  return (
    <Badge color={COLOR[order.status]} variant="light" radius="sm" tt="none">
      {replaced ? t('orders.replaced') : t(`orders.statusName.${order.status}`)}
    </Badge>
  );
}
