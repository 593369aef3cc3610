import { useEffect, useRef } from 'react';
import { selectUnreadTotal } from '../conversations/conversations-state';
import { useT } from '../i18n/use-t';
import { useInbox } from './inbox-context';

const TITLE_EVERY_MS = 1_000;

/**
 * The unread count in the window title. Its own component: the count changes with nearly every
 * message, and only this (which renders nothing) should re-render for it, not the whole layout.
 */
export function UnreadTitle() {
  const t = useT();
  const unread = useInbox(selectUnreadTotal);
  // Setting the title is costly in the browser: it follows the count at most every TITLE_EVERY_MS,
  // always ending on the latest value (a throttle, so a steady stream of messages still updates it).
  const latest = useRef(unread);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = unread;
    if (pending.current !== null) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      document.title = latest.current > 0 ? t('app.titleWithUnread', { count: latest.current }) : t('app.name');
    }, TITLE_EVERY_MS);
  }, [unread, t]);
  // Reset once, when the inbox goes away (sign-out), not between two counts.
  useEffect(
    () => () => {
      if (pending.current !== null) clearTimeout(pending.current);
      document.title = t('app.name');
    },
    [t],
  );
  return null;
}
