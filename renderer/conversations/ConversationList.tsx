import { Badge, Center, EmptyState, Group, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import type { InboxView } from '../../shared/protocol/conversations.js';
import { selectAgents, selectAgentsById, selectMe } from '../accounts/accounts-state';
import { useInbox } from '../inbox/inbox-context';
import { selectSynced } from '../inbox/sync-state';
import { rememberingTranslate, useT } from '../i18n/use-t';
import { userLocale } from '../i18n';
import { formatCount } from '../i18n/format';
import { IconInbox } from '../ui/icons';
import { useNow } from '../ui/use-now';
import classes from './ConversationList.module.css';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow';
import { selectOrder } from './conversations-state';
import { useKeepFocus } from './use-keep-focus';
import { selectLabelsById } from '../labels/labels-state';
import { SearchResults } from '../search/SearchResults';
import type { Select } from '../inbox/use-selected-conversation';
import { filterConversations, matchesView, NO_FILTER, type ListFilter } from './list-filter';
import { ListToolbar } from './ListToolbar';

interface Props {
  selectedId: string | null;
  onSelect: Select;
}

const rowHeight = () => ROW_HEIGHT;

/** The title and the count: rendered again only when the count changes, not on every message. */
const ListHeader = memo(function ListHeader({ count }: { count: number }) {
  const t = useT();
  return (
    <Group className={classes.header} justify="space-between" wrap="nowrap">
      <Text fw={650} size="md" component="h2" m={0}>
        {t('inbox.title')}
      </Text>
      {count > 0 ? (
        <Badge variant="light" color="gray" size="sm" radius="sm">
          {formatCount(count, userLocale())}
        </Badge>
      ) : null}
    </Group>
  );
});

/** Every conversation the relay lets this person see, most recent first; virtualised for thousands. */
export function ConversationList({ selectedId, onSelect }: Props) {
  const t = useT();
  const everything = useInbox(selectOrder);
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  const [query, setQuery] = useState('');
  const labelsById = useInbox(selectLabelsById);
  const synced = useInbox(selectSynced);
  const me = useInbox(selectMe);
  const meId = me?.id ?? null;
  const agents = useInbox(selectAgents);
  const agentsById = useInbox(selectAgentsById);
  // One for all rows: a row mounts on every message, and asks for the same words as the last one.
  const rowT = useMemo(() => rememberingTranslate(t), [t]);
  const now = useNow();
  const order = useMemo(() => filterConversations(everything, filter, meId), [everything, filter, meId]);
  const { mine, unassigned } = useMemo(() => {
    const counted = { mine: 0, unassigned: 0 };
    for (const c of everything) {
      if (matchesView(c, 'mine', meId)) counted.mine++;
      else if (c.assigneeId === null) counted.unassigned++;
    }
    return counted;
  }, [everything, meId]);
  const all = everything.length;
  // A new object only when a count changed: a message that moves a conversation leaves the
  // toolbar (its tabs, selects and searchbox) as it was, rather than drawing it again.
  const counts = useMemo((): Record<InboxView, number> => ({ mine, unassigned, all }), [mine, unassigned, all]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const keepFocus = useKeepFocus(scrollRef);
  // Rows all have one height and are keyed by position here (by id in React, below): a message
  // that reorders the list then leaves the virtualizer's layout of every row as it was, where a
  // key per id would have it lay out all rows again, thousands of them, on every message.
  // The virtualizer is mutable by design; this app does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    overscan: 8,
  });

  return (
    <>
      <ListHeader count={everything.length} />
      <ListToolbar filter={filter} onFilter={setFilter} query={query} onQuery={setQuery} counts={counts} />
      {query.trim() !== '' ? (
        <SearchResults q={query.trim()} onSelect={onSelect} />
      ) : !synced ? (
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
          <EmptyState
            size="sm"
            icon={<IconInbox size={24} />}
            withIndicatorBackground
            description={everything.length === 0 ? t('inbox.empty') : t('filters.noMatch')}
          />
        </Center>
      ) : (
        <div ref={scrollRef} className={classes.scroller}>
          <ul className={classes.list} style={{ height: virtualizer.getTotalSize() }} {...keepFocus}>
            {virtualizer.getVirtualItems().map((item) => {
              const conversation = order[item.index];
              if (conversation === undefined) return null;
              return (
                // Keyed by activity: a conversation that moves to the top is inserted there and
                // its old row removed, where React would move every row above it instead (each
                // move a detach and re-attach, laid out and styled from scratch).
                <li
                  key={`${conversation.id}@${conversation.activitySeq}`}
                  className={classes.item}
                  style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                >
                  <ConversationRow
                    conversation={conversation}
                    selected={conversation.id === selectedId}
                    now={now}
                    me={me}
                    agents={agents}
                    agentsById={agentsById}
                    labelsById={labelsById}
                    onSelect={onSelect}
                    t={rowT}
                  />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </>
  );
}
