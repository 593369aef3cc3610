import { useEffect } from 'react';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { selectLive } from '../inbox/sync-state';
import { announceViewing } from './activity-commands';

/** Tells the relay this app shows the conversation, again after every reconnect, and when it stops. */
export function useAnnounceViewing(conversationId: string): void {
  const link = useRelayLink();
  const live = useInbox(selectLive);
  useEffect(() => {
    if (!live) return;
    announceViewing(link, conversationId);
    return () => {
      announceViewing(link, null);
    };
  }, [link, conversationId, live]);
}
