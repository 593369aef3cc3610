import { useT } from '../i18n/use-t';
import type { Message } from '../../shared/domain/message.js';
import { userLocale } from '../i18n';
import { formatDateTime, formatTime } from '../i18n/format';
import { IconNote } from '../ui/icons';
import classes from './NoteBubble.module.css';

/**
 * A private note in the thread: across the middle, yellow, labelled, so nobody takes it for
 * something the customer saw. The text is React text, never HTML.
 */
export function NoteBubble({ message, authorName }: { message: Message; authorName: string }) {
  const t = useT();
  const locale = userLocale();
  return (
    <div className={classes.row}>
      <article className={classes.note} data-type="note" data-message-id={message.id} aria-label={t('notes.label')}>
        <header className={classes.head}>
          <IconNote size={14} aria-hidden />
          <span className={classes.label}>{t('notes.label')}</span>
          <span aria-hidden>·</span>
          <span>{authorName}</span>
          <time className={classes.time} dateTime={message.createdAt} title={formatDateTime(message.createdAt, locale)}>
            {formatTime(message.createdAt, locale)}
          </time>
        </header>
        <div className={classes.text}>{message.text}</div>
      </article>
    </div>
  );
}
