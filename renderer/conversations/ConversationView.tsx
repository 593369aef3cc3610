import { useLocalStorage } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { AddToCartButton } from '../carts/AddToCartButton';
import { SellingDock } from '../carts/SellingDock';
import { CatalogPanel } from '../catalog/CatalogPanel';
import { ContactPanel } from '../contacts/ContactPanel';
import { Composer } from '../composer/Composer';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { selectLive } from '../inbox/sync-state';
import { loadLatest } from '../messages/messages-commands';
import { selectThread } from '../messages/messages-state';
import { MessageList } from '../messages/MessageList';
import { ConversationHeader } from './ConversationHeader';
import { selectConversation } from './conversations-state';
import classes from './ConversationView.module.css';
import { useMarkRead } from './use-mark-read';
import { useAnnounceViewing } from '../activity/use-announce-viewing';
import { useSeeMentionsOf } from '../mentions/use-mentions';

/** Window width (CSS px) from which the contact panel is open without being asked for. */
const WIDE_ENOUGH_FOR_CONTACT = 1440;

interface Props {
  conversationId: string;
  /** A message to scroll to and mark (a search hit, an earlier conversation's start). */
  focusMessageId?: string | null;
  /** Shows one of this conversation's messages (puts it in the URL). */
  onShowMessage?: (messageId: string) => void;
  /** Narrow windows only: back to the list. */
  onBack?: (() => void) | undefined;
}

/** The open conversation: who it is with, its messages, the composer. */
export function ConversationView({ conversationId, focusMessageId = null, onShowMessage, onBack }: Props) {
  const link = useRelayLink();
  const conversation = useInbox((s) => selectConversation(s, conversationId));
  const live = useInbox(selectLive);
  const threadMissingOrStale = useInbox((s) => {
    const thread = selectThread(s, conversationId);
    return !thread || thread.stale;
  });

  // First open, and the catch-up after every resync.
  useEffect(() => {
    if (live && threadMissingOrStale) void loadLatest(link, conversationId);
  }, [link, conversationId, live, threadMissingOrStale]);

  // One panel beside the conversation at a time. On a wide window the contact panel stays open
  // from chat to chat once someone opened it (and is open at first when there is room for three
  // columns); on a narrow one it covers the chat, so it opens only when asked, for this chat.
  const [catalogOpen, setCatalogOpen] = useState(false);
  const [contactWanted, setContactWanted] = useLocalStorage({
    key: 'toonbank.contactPanel',
    defaultValue: window.innerWidth >= WIDE_ENOUGH_FOR_CONTACT,
    getInitialValueInEffect: false,
  });
  const [contactHere, setContactHere] = useState(false);
  const setContact = onBack ? setContactHere : setContactWanted;
  const contactOpen = !catalogOpen && (onBack ? contactHere : contactWanted);
  const panelOpen = catalogOpen || contactOpen;

  useMarkRead(conversationId);
  useAnnounceViewing(conversationId);
  useSeeMentionsOf(conversationId);

  if (!conversation) return null;
  return (
    <div className={classes.withPanels} data-narrow={onBack ? true : undefined} data-panel={panelOpen || undefined}>
      <section className={classes.view} aria-label={conversation.contact.name}>
        <ConversationHeader
          conversation={conversation}
          onBack={onBack}
          catalogOpen={catalogOpen}
          onToggleCatalog={() => {
            setCatalogOpen((open) => !open);
          }}
          contactOpen={contactOpen}
          onToggleContact={() => {
            setCatalogOpen(false);
            setContact(!contactOpen);
          }}
        />
        <MessageList
          conversationId={conversationId}
          customerName={conversation.contact.name}
          focusMessageId={focusMessageId}
        />
        <SellingDock conversation={conversation} />
        {/* Wide windows put the cursor in the composer; on small screens that would pop up a keyboard. */}
        <Composer conversation={conversation} autoFocus={!onBack && !catalogOpen} />
      </section>
      {catalogOpen ? (
        <CatalogPanel
          conversationId={conversationId}
          productActions={(product) => <AddToCartButton conversationId={conversationId} product={product} />}
          onClose={() => {
            setCatalogOpen(false);
          }}
        />
      ) : contactOpen ? (
        <ContactPanel
          conversation={conversation}
          onShowMessage={onShowMessage}
          onClose={() => {
            setContact(false);
          }}
        />
      ) : null}
    </div>
  );
}
