import { Button, Group } from '@mantine/core';
import { useT } from '../i18n/use-t';
import { IconChart, IconInbox, IconShoppingBag } from '../ui/icons';

interface Props {
  ordersOpen: boolean;
  onInbox: () => void;
  onOrders: () => void;
  /** Supervisors only: the floor. */
  floorOpen?: boolean;
  onFloor?: (() => void) | undefined;
}

/** The top bar's way between the inbox and the orders view. */
export function ScreenTabs({ ordersOpen, onInbox, onOrders, floorOpen = false, onFloor }: Props) {
  const inboxOpen = !ordersOpen && !floorOpen;
  const t = useT();
  return (
    <Group gap={4} component="nav" aria-label={t('orders.screens')} wrap="nowrap">
      <Button
        component="a"
        href="#/"
        size="compact-sm"
        variant={inboxOpen ? 'light' : 'subtle'}
        color={inboxOpen ? undefined : 'gray'}
        leftSection={<IconInbox size={16} />}
        aria-current={inboxOpen ? 'page' : undefined}
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
      {onFloor ? (
        <Button
          component="a"
          href="#/floor"
          size="compact-sm"
          variant={floorOpen ? 'light' : 'subtle'}
          color={floorOpen ? undefined : 'gray'}
          leftSection={<IconChart size={16} />}
          aria-current={floorOpen ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            onFloor();
          }}
        >
          {t('floor.tab')}
        </Button>
      ) : null}
    </Group>
  );
}
