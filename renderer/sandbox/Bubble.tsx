import { Popover } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerMessageInput, PhoneMessage } from '../../shared/protocol/sandbox.js';
import { formatTime } from './format';
import { IconSmile } from './icons';
import { MessageActions, MessageContent } from './MessageContent';
import classes from './phone.module.css';
import { Ticks } from './Ticks';

export interface Reactions {
  customer?: string;
  shop?: string;
}

const EMOJIS = ['👍', '❤️', '😂', '😮', '😢', '🙏'];

interface BubbleProps {
  message: PhoneMessage;
  quoted: PhoneMessage | undefined;
  reactions: Reactions;
  grouped: boolean;
  onSend: (input: CustomerMessageInput) => Promise<boolean>;
}

function ReactButton({
  message,
  current,
  onSend,
}: {
  message: PhoneMessage;
  current: string | undefined;
  onSend: BubbleProps['onSend'];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const react = (emoji: string) => {
    setOpen(false);
    void onSend({ type: 'reaction', reaction: { messageId: message.id, emoji: emoji === current ? null : emoji } });
  };
  return (
    <Popover opened={open} onChange={setOpen} position="top" shadow="md" radius="xl" withinPortal>
      <Popover.Target>
        <button
          type="button"
          className={classes.reactButton}
          onClick={() => setOpen((o) => !o)}
          aria-label={t('chat.react')}
        >
          <IconSmile size={18} />
        </button>
      </Popover.Target>
      <Popover.Dropdown className={classes.emojiBar}>
        {EMOJIS.map((emoji) => (
          <button
            key={emoji}
            type="button"
            className={emoji === current ? `${classes.emoji} ${classes.emojiChosen}` : classes.emoji}
            onClick={() => react(emoji)}
            aria-label={emoji === current ? t('chat.removeReaction', { emoji }) : t('chat.reactWith', { emoji })}
          >
            {emoji}
          </button>
        ))}
      </Popover.Dropdown>
    </Popover>
  );
}

/** One message: its content, its time and ticks, reactions under it and, for the shop's, a way to react. */
export function Bubble({ message, quoted, reactions, grouped, onSend }: BubbleProps) {
  const { t, i18n } = useTranslation();
  const mine = message.from === 'customer';
  const shown = [reactions.customer, reactions.shop].filter((e): e is string => e !== undefined);
  const reactionLabel = [
    reactions.customer ? t('chat.yourReaction', { emoji: reactions.customer }) : null,
    reactions.shop ? t('chat.shopReaction', { emoji: reactions.shop }) : null,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <div
      className={[classes.row, mine ? classes.rowMine : classes.rowTheirs, grouped ? classes.grouped : ''].join(' ')}
      data-from={message.from}
      data-status={message.status}
      data-message-id={message.id}
    >
      <div className={classes.bubbleLine}>
        <div className={[classes.bubble, mine ? classes.mine : classes.theirs].join(' ')}>
          <div className={classes.body}>
            {quoted && (
              <div className={classes.quote}>
                <span className={classes.quoteAuthor}>
                  {quoted.from === 'customer' ? t('chat.you') : t('chat.shop')}
                </span>
                <span className={classes.quoteText}>{quoted.text || quoted.type}</span>
              </div>
            )}
            <MessageContent message={message} />
            <span className={classes.meta}>
              <time dateTime={message.timestamp}>{formatTime(message.timestamp, i18n.language)}</time>
              <Ticks status={message.status} />
            </span>
          </div>
          <MessageActions message={message} onSend={onSend} />
        </div>
        {!mine && <ReactButton message={message} current={reactions.customer} onSend={onSend} />}
      </div>
      {shown.length > 0 && (
        <div className={classes.reactions} role="img" aria-label={reactionLabel}>
          {shown.join(' ')}
        </div>
      )}
      {mine && message.error && (
        <p className={message.status === 'failed' ? classes.failedNote : classes.retryNote}>
          {message.status === 'failed'
            ? t('chat.failed', { reason: message.error })
            : t('chat.retrying', { reason: message.error })}
        </p>
      )}
    </div>
  );
}
