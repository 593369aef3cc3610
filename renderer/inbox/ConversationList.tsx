import { Badge, Center, EmptyState, Group, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useT } from '../i18n/use-t';
import { userLocale } from '../i18n';
import { IconInbox } from '../ui/icons';
import { useNow } from '../ui/use-now';
import classes from './ConversationList.module.css';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow';
import { useInbox } from './inbox-context';

interface Props {
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Every conversation the relay lets this person see, most recent first; virtualised for thousands. */
export function ConversationList({ selectedId, onSelect }: Props) {
  const t = useT();
  const order = useInbox((s) => s.order);
  const synced = useInbox((s) => s.synced);
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer is mutable by design; this app does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => order[index] ?? index,
    overscan: 8,
  });

  return (
    <>
      <Group className={classes.header} justify="space-between" wrap="nowrap">
        <Text fw={650} size="md" component="h2" m={0}>
          {t('inbox.title')}
        </Text>
        {order.length > 0 ? (
          <Badge variant="light" color="gray" size="sm" radius="sm">
            {new Intl.NumberFormat(userLocale()).format(order.length)}
          </Badge>
        ) : null}
      </Group>
      {!synced ? (
        <Center className={classes.fill}>
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('inbox.loading')}
            </Text>
          </Group>
        </Center>
      ) : order.length === 0 ? (
        <Center className={classes.fill} p="lg">
          <EmptyState size="sm" icon={<IconInbox size={24} />} withIndicatorBackground description={t('inbox.empty')} />
        </Center>
      ) : (
        <div ref={scrollRef} className={classes.scroller}>
          <ul className={classes.list} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const id = order[item.index];
              if (id === undefined) return null;
              return (
                <li
                  key={item.key}
                  className={classes.item}
                  style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                >
                  <ConversationRow id={id} selected={id === selectedId} now={now} onSelect={onSelect} />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </>
  );
}
