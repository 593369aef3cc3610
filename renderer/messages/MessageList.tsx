import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { selectAgentsById, selectMeId } from '../accounts/accounts-state';
import { useT } from '../i18n/use-t';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { useNow } from '../ui/use-now';
import { DaySeparator } from './DaySeparator';
import { NoteBubble } from '../notes/NoteBubble';
import { MessageBubble } from './MessageBubble';
import classes from './MessageList.module.css';
import { loadLatest, loadOlder } from './messages-commands';
import { selectThread } from './messages-state';
import { buildRows, type Row } from './rows';
import { isLocalMessage } from './thread-merge';

/** How close to the top (px) scrolling has to come before older history is fetched. */
const LOAD_OLDER_AT = 400;
/** How far back (pages of history) showing a message looks for it before giving up. */
const MAX_PAGES_TO_FIND = 100;

interface Props {
  conversationId: string;
  customerName: string;
  /** A message to scroll to and mark once: older pages are fetched until it is there. */
  focusMessageId?: string | null;
}

/**
 * The conversation's messages, virtualised and anchored to the end like a chat: it opens at
 * the latest message, follows new ones while you are at the bottom, and keeps your place
 * when older history is prepended above.
 */
export function MessageList({ conversationId, customerName, focusMessageId = null }: Props) {
  const t = useT();
  const link = useRelayLink();
  const thread = useInbox((s) => selectThread(s, conversationId));
  const meId = useInbox(selectMeId);
  const agentsById = useInbox(selectAgentsById);
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const messages = thread?.messages;
  // Built from the last rows, so a new message adds a row rather than rebuilding them all.
  const lastRows = useRef<readonly Row[]>([]);
  const rows = useMemo(() => buildRows(messages ?? [], lastRows.current), [messages]);
  useEffect(() => {
    lastRows.current = rows;
  }, [rows]);

  // The virtualizer is mutable by design; this app does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.dayStart ? 96 : 52),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 12,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 96,
    paddingStart: 8,
    paddingEnd: 12,
  });

  const ready = thread?.status === 'ready';
  useLayoutEffect(() => {
    if (ready) virtualizer.scrollToEnd();
  }, [ready, virtualizer]);

  // Your own message just sent: show it even if you had scrolled up.
  const last = rows.at(-1);
  const lastIsMineLocal = last !== undefined && isLocalMessage(last.message);
  const lastKey = last?.key;
  useLayoutEffect(() => {
    if (lastIsMineLocal) virtualizer.scrollToEnd();
  }, [lastKey, lastIsMineLocal, virtualizer]);

  const hasMore = thread?.hasMore ?? false;
  const loadingOlder = thread?.loadingOlder ?? false;
  const maybeLoadOlder = useCallback(() => {
    const element = scrollRef.current;
    if (!element || !ready || !hasMore || loadingOlder) return;
    if (element.scrollTop < LOAD_OLDER_AT) void loadOlder(link, conversationId);
  }, [link, conversationId, ready, hasMore, loadingOlder]);

  // Also when the loaded page does not fill the screen yet (there is nothing to scroll).
  useEffect(() => {
    const element = scrollRef.current;
    if (element && ready && hasMore && !loadingOlder && element.scrollHeight <= element.clientHeight) {
      void loadOlder(link, conversationId);
    }
  }, [link, conversationId, ready, hasMore, loadingOlder, rows.length]);

  // Showing one message: fetch older pages until it is loaded, then bring it to the middle, marked.
  const [marked, setMarked] = useState<string | null>(null);
  const shown = useRef<string | null>(null);
  const pagesFetched = useRef(0);
  useEffect(() => {
    // Opened again without a message (the row in the list): back to the latest, like any open.
    if (focusMessageId === null && shown.current !== null) {
      shown.current = null;
      virtualizer.scrollToEnd();
      return;
    }
    if (!ready || focusMessageId === null || shown.current === focusMessageId) return;
    const index = rows.findIndex((row) => row.message.id === focusMessageId);
    if (index >= 0) {
      shown.current = focusMessageId;
      pagesFetched.current = 0;
      virtualizer.scrollToIndex(index, { align: 'center' });
      setMarked(focusMessageId);
    } else if (hasMore && !loadingOlder && pagesFetched.current < MAX_PAGES_TO_FIND) {
      pagesFetched.current++;
      void loadOlder(link, conversationId);
    }
  }, [ready, focusMessageId, rows, hasMore, loadingOlder, virtualizer, link, conversationId]);
  useEffect(() => {
    if (marked === null) return;
    const timer = setTimeout(() => {
      setMarked(null);
    }, 2_600);
    return () => {
      clearTimeout(timer);
    };
  }, [marked]);

  if (!thread || thread.status === 'loading') {
    return (
      <Center className={classes.fill}>
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('conversation.loading')}
          </Text>
        </Group>
      </Center>
    );
  }
  if (thread.status === 'error') {
    return (
      <Center className={classes.fill} p="lg">
        <Stack align="center" gap="sm">
          <Text size="sm" c="red.8">
            {t('conversation.loadFailed', { message: thread.error ?? '' })}
          </Text>
          <Button size="xs" variant="light" onClick={() => void loadLatest(link, conversationId)}>
            {t('conversation.retry')}
          </Button>
        </Stack>
      </Center>
    );
  }

  return (
    <div className={classes.wrapper}>
      {loadingOlder ? (
        <div className={classes.olderPill} role="status">
          <Loader size={12} />
          {t('conversation.loadingOlder')}
        </div>
      ) : null}
      <div
        ref={scrollRef}
        className={classes.scroller}
        onScroll={maybeLoadOlder}
        role="region"
        aria-label={t('conversation.messagesLabel', { name: customerName })}
        tabIndex={0}
      >
        {rows.length === 0 ? (
          <Center h="100%">
            <Text size="sm" c="dimmed">
              {t('conversation.noMessages')}
            </Text>
          </Center>
        ) : (
          <div className={classes.canvas} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const { authorId, direction } = row.message;
              const authorName =
                direction === 'out' && authorId !== null && authorId !== meId
                  ? (agentsById.get(authorId)?.name ?? null)
                  : null;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className={classes.item}
                  data-marked={row.message.id === marked || undefined}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row.dayStart ? <DaySeparator iso={row.message.createdAt} now={now} /> : null}
                  {row.message.type === 'note' ? (
                    <NoteBubble
                      message={row.message}
                      authorName={
                        authorId === meId
                          ? t('notes.you')
                          : (authorName ??
                            (authorId !== null ? agentsById.get(authorId)?.name : undefined) ??
                            t('inbox.unknownAgent'))
                      }
                    />
                  ) : (
                    <MessageBubble message={row.message} groupStart={row.groupStart} authorName={authorName} />
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
