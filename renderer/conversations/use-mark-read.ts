import { useDocumentVisibility } from '@mantine/hooks';
import { useEffect } from 'react';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { selectLive } from '../inbox/sync-state';
import { markRead } from './conversations-commands';
import { selectConversation } from './conversations-state';

/**
 * Reading a conversation marks it read, also when a message arrives while it is open: only when
 * it has unread messages, the page is visible and the inbox is live, and one request at a time.
 */
export function useMarkRead(conversationId: string): void {
  const link = useRelayLink();
  const live = useInbox(selectLive);
  const unread = useInbox((s) => selectConversation(s, conversationId)?.unreadCount ?? 0);
  const visible = useDocumentVisibility() === 'visible';

  useEffect(() => {
    if (!live || !visible || unread === 0) return;
    let current = true;
    const read = (): void => {
      markRead(link, conversationId).then(
        (caughtUp) => {
          // A message overtook the answer: it is unread yet, and this person is still looking.
          if (current && !caughtUp) read();
        },
        () => {
          // The next sync shows the real count; nothing for the person to do.
        },
      );
    };
    read();
    return () => {
      current = false;
    };
  }, [link, conversationId, live, visible, unread]);
}
