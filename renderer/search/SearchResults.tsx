import { Center, Group, Loader, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { contactHandle } from '../../shared/domain/conversation.js';
import type { SearchResponse } from '../../shared/protocol/search.js';
import { describeError } from '../app/describe-error';
import type { ConversationsState } from '../conversations/conversations-state';
import { userLocale } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { search } from './search-commands';
import classes from './SearchResults.module.css';

const DEBOUNCE_MS = 200;

/** What the relay found for `q`: customers first, then messages; a click opens the conversation. */
export function SearchResults({
  q,
  onSelect,
}: {
  q: string;
  /** Opens a conversation, at the message when the hit is one. */
  onSelect: (conversationId: string, messageId?: string) => void;
}) {
  const t = useT();
  const link = useRelayLink();
  const [result, setResult] = useState<{ q: string; data: SearchResponse } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const byId = useInbox((s) => s.conversations.byId);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      search(link, q).then(
        (data) => {
          if (cancelled) return;
          setError(null);
          setResult({ q, data });
        },
        (failure: unknown) => {
          if (!cancelled) setError(t('search.failed', { message: describeError(failure, t) }));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [link, q, t]);

  if (error) {
    return (
      <Text size="sm" c="red.8" p="md" role="alert">
        {error}
      </Text>
    );
  }
  if (!result) {
    return (
      <Center p="lg">
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('search.searching')}
          </Text>
        </Group>
      </Center>
    );
  }
  const { conversations, messages, complete } = result.data;
  const locale = userLocale();
  return (
    <div className={classes.results} aria-live="polite">
      {!complete ? (
        <Text size="xs" c="dimmed" px="md" py={4}>
          {t('search.incomplete')}
        </Text>
      ) : null}
      {conversations.length === 0 && messages.length === 0 ? (
        <Text size="sm" c="dimmed" p="md">
          {t('search.none', { q: result.q })}
        </Text>
      ) : null}
      {conversations.length > 0 ? (
        <section aria-label={t('search.conversations')}>
          <div className={classes.section}>{t('search.conversations')}</div>
          {conversations.map((c) => (
            <button key={c.id} type="button" className={classes.hit} onClick={() => onSelect(c.id)}>
              <span className={classes.hitLine}>
                <span className={classes.hitName}>{c.contact.name}</span>
                <span className={classes.hitMeta}>{t(`status.${c.status}`)}</span>
              </span>
              <span className={classes.hitMeta}>{contactHandle(c.contact)}</span>
            </button>
          ))}
        </section>
      ) : null}
      {messages.length > 0 ? (
        <section aria-label={t('search.messages')}>
          <div className={classes.section}>{t('search.messages')}</div>
          {messages.map(({ conversationId, message }) => {
            const name = selectConversationName(byId, conversationId) ?? t('inbox.unknownCustomer');
            return (
              <button
                key={message.id}
                type="button"
                className={classes.hit}
                onClick={() => onSelect(conversationId, message.id)}
              >
                <span className={classes.hitLine}>
                  <span className={classes.hitName}>{name}</span>
                  <time className={classes.hitMeta} dateTime={message.createdAt}>
                    {formatDateTime(message.createdAt, locale)}
                  </time>
                </span>
                <span className={classes.hitText}>{message.text}</span>
              </button>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}

function selectConversationName(byId: ConversationsState['byId'], id: string): string | undefined {
  return byId.get(id)?.contact.name;
}
