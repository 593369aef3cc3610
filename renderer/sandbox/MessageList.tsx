import { Fragment, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerMessageInput, PhoneMessage } from '../../shared/protocol/sandbox.js';
import { Bubble, type Reactions } from './Bubble';
import { dayKey, formatDay } from './format';
import classes from './phone.module.css';

/** Reactions are messages of their own on the wire; a phone shows them under their target. */
function splitReactions(messages: PhoneMessage[]): { bubbles: PhoneMessage[]; reactions: Map<string, Reactions> } {
  const reactions = new Map<string, Reactions>();
  const bubbles: PhoneMessage[] = [];
  for (const message of messages) {
    if (message.detail?.kind !== 'reaction') {
      bubbles.push(message);
      continue;
    }
    const current = reactions.get(message.detail.targetId) ?? {};
    reactions.set(message.detail.targetId, { ...current, [message.from]: message.detail.emoji ?? undefined });
  }
  return { bubbles, reactions };
}

export function MessageList({
  messages,
  onSend,
}: {
  messages: PhoneMessage[];
  onSend: (input: CustomerMessageInput) => Promise<boolean>;
}) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const { bubbles, reactions } = useMemo(() => splitReactions(messages), [messages]);
  const byId = useMemo(() => new Map(messages.map((m) => [m.id, m])), [messages]);

  // Stay at the bottom as messages arrive or photos load, unless the person scrolled up to read.
  useEffect(() => {
    const element = scroller.current;
    const content = inner.current;
    if (!element || !content) return;
    const onScroll = () => {
      pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
    };
    const follow = new ResizeObserver(() => {
      if (pinned.current) element.scrollTop = element.scrollHeight;
    });
    element.addEventListener('scroll', onScroll, { passive: true });
    follow.observe(content);
    return () => {
      element.removeEventListener('scroll', onScroll);
      follow.disconnect();
    };
  }, []);
  // What the customer just sent is always brought into view, as on a phone.
  const last = bubbles[bubbles.length - 1];
  const lastOwnId = last?.from === 'customer' ? last.id : null;
  useLayoutEffect(() => {
    if (lastOwnId !== null) pinned.current = true;
  }, [lastOwnId]);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [messages]);

  return (
    <div ref={scroller} className={classes.messages} role="log" aria-label={t('chat.log')}>
      <div ref={inner} className={classes.messagesInner}>
        {bubbles.length === 0 && <p className={classes.empty}>{t('chat.empty')}</p>}
        {bubbles.map((message, index) => {
          const previous = bubbles[index - 1];
          const newDay = !previous || dayKey(previous.timestamp) !== dayKey(message.timestamp);
          return (
            <Fragment key={message.id}>
              {newDay && (
                <div className={classes.day}>
                  <span>
                    {formatDay(message.timestamp, i18n.language, {
                      today: t('chat.today'),
                      yesterday: t('chat.yesterday'),
                    })}
                  </span>
                </div>
              )}
              <Bubble
                message={message}
                quoted={message.contextId ? byId.get(message.contextId) : undefined}
                reactions={reactions.get(message.id) ?? {}}
                grouped={previous?.from === message.from && !newDay}
                onSend={onSend}
              />
            </Fragment>
          );
        })}
      </div>
    </div>
  );
}
