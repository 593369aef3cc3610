import { useDocumentVisibility } from '@mantine/hooks';
import { useEffect } from 'react';
import { Composer } from '../composer/Composer';
import { useInbox, useInboxClient } from '../inbox/inbox-context';
import { ConversationHeader } from './ConversationHeader';
import classes from './ConversationView.module.css';
import { MessageList } from './MessageList';

interface Props {
  conversationId: string;
  /** Narrow windows only: back to the list. */
  onBack?: (() => void) | undefined;
}

export function ConversationView({ conversationId, onBack }: Props) {
  const client = useInboxClient();
  const conversation = useInbox((s) => s.conversations.get(conversationId));
  const connected = useInbox((s) => s.connection === 'connected' && s.synced);
  const threadMissingOrStale = useInbox((s) => {
    const thread = s.threads.get(conversationId);
    return !thread || thread.stale;
  });
  const visibility = useDocumentVisibility();
  const unread = conversation?.unreadCount ?? 0;

  // First open, and the catch-up after every resync.
  useEffect(() => {
    if (connected && threadMissingOrStale) void client.loadLatest(conversationId);
  }, [client, conversationId, connected, threadMissingOrStale]);

  // Reading a conversation marks it read, also when a message arrives while it is open.
  useEffect(() => {
    if (connected && unread > 0 && visibility === 'visible') {
      client.markRead(conversationId).catch(() => {
        // The next sync shows the real count; nothing for the person to do.
      });
    }
  }, [client, conversationId, connected, unread, visibility]);

  if (!conversation) return null;
  return (
    <section className={classes.view} aria-label={conversation.contact.name}>
      <ConversationHeader conversation={conversation} onBack={onBack} />
      <MessageList conversationId={conversationId} customerName={conversation.contact.name} />
      {/* Wide windows put the cursor in the composer; on small screens that would pop up a keyboard. */}
      <Composer conversation={conversation} autoFocus={!onBack} />
    </section>
  );
}
