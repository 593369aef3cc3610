import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { IconChart, IconInbox, IconShoppingBag } from '../ui/icons';
import { PHONE_WIDTH, ResponsiveLabel, useNarrowerThan } from '../ui/ResponsiveLabel';
import classes from './ScreenTabs.module.css';

interface Props {
  ordersOpen: boolean;
  onInbox: () => void;
  onOrders: () => void;
  /** Supervisors only: the floor. */
  floorOpen?: boolean;
  onFloor?: (() => void) | undefined;
}

type Screen = 'inbox' | 'orders' | 'floor';

/** The top bar's way between the inbox, the orders view and (supervisors) the floor. */
export function ScreenTabs({ ordersOpen, onInbox, onOrders, floorOpen = false, onFloor }: Props) {
  const t = useT();
  const phone = useNarrowerThan(PHONE_WIDTH);
  const open: Screen = ordersOpen ? 'orders' : floorOpen ? 'floor' : 'inbox';
  const screens: { screen: Screen; href: string; label: string; icon: ReactNode; go: () => void }[] = [
    { screen: 'inbox', href: '#/', label: t('orders.backToInbox'), icon: <IconInbox size={16} />, go: onInbox },
    { screen: 'orders', href: '#/orders', label: t('orders.tab'), icon: <IconShoppingBag size={16} />, go: onOrders },
    ...(onFloor
      ? [
          {
            screen: 'floor' as const,
            href: '#/floor',
            label: t('floor.tab'),
            icon: <IconChart size={16} />,
            go: onFloor,
          },
        ]
      : []),
  ];
  return (
    <Group gap={4} component="nav" aria-label={t('orders.screens')} wrap="nowrap">
      {screens.map(({ screen, href, label, icon, go }) => (
        <Button
          key={screen}
          component="a"
          href={href}
          size="compact-sm"
          variant={open === screen ? 'light' : 'subtle'}
          color={open === screen ? undefined : 'gray'}
          leftSection={icon}
          classNames={{ section: phone ? classes.iconOnly : undefined }}
          aria-current={open === screen ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            go();
          }}
        >
          <ResponsiveLabel hideBelow={PHONE_WIDTH}>{label}</ResponsiveLabel>
        </Button>
      ))}
    </Group>
  );
}
