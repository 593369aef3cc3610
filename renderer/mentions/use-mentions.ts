import { useEffect } from 'react';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { selectLive } from '../inbox/sync-state';
import { dismissMentions, loadMentions } from './mentions-commands';
import { selectMentions } from './mentions-state';

/** Fetches the caller's mentions each time the inbox is live (first connect and every reconnect). */
export function useLoadMentions(): void {
  const link = useRelayLink();
  const live = useInbox(selectLive);
  useEffect(() => {
    if (live) loadMentions(link).catch(() => undefined);
  }, [link, live]);
}

/** Opening a conversation counts as seeing the mentions in it. */
export function useSeeMentionsOf(conversationId: string): void {
  const link = useRelayLink();
  const live = useInbox(selectLive);
  const mentions = useInbox(selectMentions);
  useEffect(() => {
    if (!live || document.visibilityState === 'hidden') return;
    const ids = mentions.filter((m) => m.conversationId === conversationId).map((m) => m.id);
    dismissMentions(link, ids).catch(() => undefined);
  }, [link, live, mentions, conversationId]);
}
