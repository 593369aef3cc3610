import { Badge } from '@mantine/core';
import type { OrderStatus as Status } from '../../shared/domain/order.js';
import { useT } from '../i18n/use-t';

const COLOR: Record<Status, string> = {
  awaiting_payment: 'yellow',
  paid: 'teal',
  expired: 'gray',
  canceled: 'gray',
  failed: 'red',
};

/** An order's status in words ("Awaiting payment", "Paid", …), coloured for a glance. */
export function OrderStatus({ status }: { status: Status }) {
  const t = useT();
  return (
    <Badge color={COLOR[status]} variant="light" radius="sm" tt="none">
      {t(`orders.statusName.${status}`)}
    </Badge>
  );
}
