import { useEffect } from 'react';
import { selectUnreadTotal } from '../conversations/conversations-state';
import { useT } from '../i18n/use-t';
import { useRelayLink } from './inbox-context';

const TITLE_EVERY_MS = 1_000;

/**
 * The unread count in the window title. The count changes with nearly every message, so this
 * reads it from the store in a timer rather than rendering for it: no React work per message.
 */
export function UnreadTitle() {
  const t = useT();
  const { store } = useRelayLink();
  useEffect(() => {
    // Setting the title is costly in the browser: it follows the count at most every TITLE_EVERY_MS,
    // always ending on the latest value (a throttle, so a steady stream of messages still updates it).
    let pending: ReturnType<typeof setTimeout> | null = null;
    const show = () => {
      pending = null;
      const unread = selectUnreadTotal(store.getState());
      const title = unread > 0 ? t('app.titleWithUnread', { count: unread }) : t('app.name');
      if (document.title !== title) document.title = title;
    };
    const later = () => {
      pending ??= setTimeout(show, TITLE_EVERY_MS);
    };
    later();
    const unsubscribe = store.subscribe(later);
    // Reset when the inbox goes away (sign-out).
    return () => {
      unsubscribe();
      if (pending !== null) clearTimeout(pending);
      document.title = t('app.name');
    };
  }, [store, t]);
  return null;
}
