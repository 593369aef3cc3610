import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import type { Session } from '../app/session-storage';
import { ConversationView } from '../conversation/ConversationView';
import { useT } from '../i18n/use-t';
import { ConversationList } from './ConversationList';
import { ConversationGone, EmptyConversation } from './EmptyConversation';
import { useInbox } from './inbox-context';
import classes from './InboxLayout.module.css';
import { TopBar } from './TopBar';
import { useSelectedConversation } from './use-selected-conversation';

interface Props {
  session: Session;
  onSignOut: () => void;
}

const TITLE_EVERY_MS = 1_000;

/**
 * The unread count in the window title. Its own component: the count changes with nearly every
 * message, and only this (which renders nothing) should re-render for it, not the whole layout.
 */
function UnreadTitle() {
  const t = useT();
  const unread = useInbox((s) => s.unreadTotal);
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

/** Wide windows: list and conversation side by side. Narrow ones: the list, or the conversation with a way back. */
export function InboxLayout({ session, onSignOut }: Props) {
  const t = useT();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [selectedId, select] = useSelectedConversation();
  const synced = useInbox((s) => s.synced);
  const exists = useInbox((s) => (selectedId === null ? false : s.conversations.has(selectedId)));

  const showList = !narrow || selectedId === null;
  const showConversation = !narrow || selectedId !== null;
  const back = () => {
    select(null);
  };

  let pane = null;
  if (selectedId === null) pane = <EmptyConversation />;
  else if (exists)
    pane = <ConversationView key={selectedId} conversationId={selectedId} onBack={narrow ? back : undefined} />;
  else if (synced) pane = <ConversationGone onBack={back} />;

  return (
    <div className={classes.shell}>
      <UnreadTitle />
      <TopBar session={session} onSignOut={onSignOut} />
      <div className={classes.body} data-narrow={narrow || undefined}>
        {showList ? (
          <nav className={classes.listPane} aria-label={t('inbox.listLabel')}>
            <ConversationList selectedId={selectedId} onSelect={select} />
          </nav>
        ) : null}
        {showConversation ? <main className={classes.conversationPane}>{pane}</main> : null}
      </div>
    </div>
  );
}
