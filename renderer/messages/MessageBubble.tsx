import { memo } from 'react';
import { useT } from '../i18n/use-t';
import type { Message } from '../../shared/domain/message.js';
import { userLocale } from '../i18n';
import { formatDateTime, formatTime } from '../i18n/format';
import { StatusTicks } from '../ui/StatusTicks';
import classes from './MessageBubble.module.css';
import { MessageBody } from './MessageBody';

interface Props {
  message: Message;
  groupStart: boolean;
  /** A colleague's name on replies they sent; null for the customer and for oneself. */
  authorName: string | null;
}

export const MessageBubble = memo(function MessageBubble({ message, groupStart, authorName }: Props) {
  const t = useT();
  const locale = userLocale();
  const out = message.direction === 'out';
  const failed = message.status === 'failed';
  // A line about the conversation itself (who resolved or assigned it), not a message: centred, no ticks.
  if (message.type === 'system') {
    return (
      <div className={classes.systemRow} data-message-id={message.id} data-type="system">
        <span className={classes.systemLine}>
          {message.text}
          <time dateTime={message.createdAt} title={formatDateTime(message.createdAt, locale)}>
            {' · '}
            {formatTime(message.createdAt, locale)}
          </time>
        </span>
      </div>
    );
  }
  return (
    <div className={classes.row} data-out={out || undefined} data-group-start={groupStart || undefined}>
      <div className={classes.stack}>
        {authorName && groupStart ? <span className={classes.author}>{authorName}</span> : null}
        <div
          className={classes.bubble}
          data-failed={failed || undefined}
          data-type={message.type}
          data-status={message.status}
          data-message-id={message.id}
        >
          <MessageBody message={message} />
          <span className={classes.metaSpacer} aria-hidden />
          <span className={classes.meta}>
            <time dateTime={message.createdAt} title={formatDateTime(message.createdAt, locale)}>
              {formatTime(message.createdAt, locale)}
            </time>
            {out ? <StatusTicks status={message.status} size={15} /> : null}
          </span>
        </div>
        {failed ? (
          <span className={classes.failure}>
            {message.error
              ? t('conversation.notDelivered', { code: message.error.code, message: message.error.message })
              : t('conversation.notDeliveredUnknown')}
          </span>
        ) : null}
      </div>
    </div>
  );
});
