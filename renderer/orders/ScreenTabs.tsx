import { Button, Group } from '@mantine/core';
import { useT } from '../i18n/use-t';
import { IconInbox, IconShoppingBag } from '../ui/icons';

interface Props {
  ordersOpen: boolean;
  onInbox: () => void;
  onOrders: () => void;
}

/** The top bar's way between the inbox and the orders view. */
export function ScreenTabs({ ordersOpen, onInbox, onOrders }: Props) {
  const t = useT();
  return (
    <Group gap={4} component="nav" aria-label={t('orders.screens')} wrap="nowrap">
      <Button
        component="a"
        href="#/"
        size="compact-sm"
        variant={ordersOpen ? 'subtle' : 'light'}
        color={ordersOpen ? 'gray' : undefined}
        leftSection={<IconInbox size={16} />}
        aria-current={ordersOpen ? undefined : 'page'}
        onClick={(event) => {
          event.preventDefault();
          onInbox();
        }}
      >
        {t('orders.backToInbox')}
      </Button>
      <Button
        component="a"
        href="#/orders"
        size="compact-sm"
        variant={ordersOpen ? 'light' : 'subtle'}
        color={ordersOpen ? undefined : 'gray'}
        leftSection={<IconShoppingBag size={16} />}
        aria-current={ordersOpen ? 'page' : undefined}
        onClick={(event) => {
          event.preventDefault();
          onOrders();
        }}
      >
        {t('orders.tab')}
      </Button>
    </Group>
  );
}
