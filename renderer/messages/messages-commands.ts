import { command } from '../../shared/client/relay-client.js';
import type { RelayLink } from '../inbox/relay-link';
import { selectThread } from './messages-state';
import { pendingMessagesOf, queueReply } from '../outbox/outbox-commands';
import { isLocalMessage } from './thread-merge';

const HISTORY_PAGE = 50;

/** Fetches the latest page of a conversation: on first open, and again after a resync. */
export async function loadLatest(link: RelayLink, conversationId: string): Promise<void> {
  const { dispatch } = link.store;
  dispatch({ type: 'thread:loading', conversationId, older: false });
  try {
    const page = await command(link.socket(), 'conversation:history', { conversationId, limit: HISTORY_PAGE });
    dispatch({ type: 'thread:loaded', conversationId, older: false, ...page });
    // Replies still in the outbox (written before a reload, or while offline) show as pending.
    for (const message of pendingMessagesOf(link, conversationId)) dispatch({ type: 'message:local', message });
  } catch (error) {
    dispatch({ type: 'thread:failed', conversationId, older: false, error: (error as Error).message });
  }
}

/** Fetches the page before the oldest loaded message; nothing while one is on its way. */
export async function loadOlder(link: RelayLink, conversationId: string): Promise<void> {
  const { dispatch } = link.store;
  const thread = selectThread(link.store.getState(), conversationId);
  const oldest = thread?.messages.find((m) => !isLocalMessage(m));
  if (!thread || !oldest || !thread.hasMore || thread.loadingOlder) return;
  dispatch({ type: 'thread:loading', conversationId, older: true });
  try {
    const page = await command(link.socket(), 'conversation:history', {
      conversationId,
      before: oldest.id,
      limit: HISTORY_PAGE,
    });
    dispatch({ type: 'thread:loaded', conversationId, older: true, ...page });
  } catch (error) {
    dispatch({ type: 'thread:failed', conversationId, older: true, error: (error as Error).message });
  }
}

/**
 * Sends a text through the outbox (outbox/outbox-commands.ts): shown at once as a pending local
 * message, replaced by the relay's copy (matched by clientId); kept and sent when the connection
 * is back if it is down. Rejects, with the local message gone, when the relay refused it.
 */
export function sendText(
  link: RelayLink,
  conversationId: string,
  text: string,
  options: { confirmAssignedToOther?: boolean } = {},
): Promise<void> {
  return queueReply(link, conversationId, text, options);
}
