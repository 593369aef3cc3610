import { useEffect, useState } from 'react';
import type { ConversationStatus } from '../../shared/domain/conversation.js';
import type { ContactHistory } from '../../shared/protocol/contacts.js';
import { describeError } from '../app/describe-error';
import { useT } from '../i18n/use-t';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { selectLive } from '../inbox/sync-state';
import { loadContactHistory } from './contacts-commands';

export type ContactHistoryState =
  { kind: 'loading' } | { kind: 'loaded'; history: ContactHistory } | { kind: 'failed'; message: string };

type Answer = { conversationId: string } & ({ history: ContactHistory } | { failed: string });

/**
 * The contact's history, asked again whenever the conversation's status changes (a resolve closes
 * one of its conversations, a reopen starts the next) and after every reconnect. Earlier
 * conversations do not change with new messages, so a message alone does not ask again.
 */
export function useContactHistory(conversationId: string, status: ConversationStatus): ContactHistoryState {
  const t = useT();
  const link = useRelayLink();
  const live = useInbox(selectLive);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (!live) return;
    let current = true;
    loadContactHistory(link, conversationId).then(
      (history) => {
        if (current) setAnswer({ conversationId, history });
      },
      (error: unknown) => {
        if (current) setAnswer({ conversationId, failed: describeError(error, t) });
      },
    );
    return () => {
      current = false;
    };
  }, [link, conversationId, status, live, t]);

  // An answer about the previous conversation is never shown for this one.
  if (answer?.conversationId !== conversationId) return { kind: 'loading' };
  return 'history' in answer ? { kind: 'loaded', history: answer.history } : { kind: 'failed', message: answer.failed };
}
