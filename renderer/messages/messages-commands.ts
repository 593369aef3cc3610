import { command } from '../../shared/client/relay-client.js';
import type { Message } from '../../shared/domain/message.js';
import { selectMeId } from '../accounts/accounts-state';
import type { RelayLink } from '../inbox/relay-link';
import { selectThread } from './messages-state';
import { isLocalMessage, LOCAL_ID_PREFIX } from './thread-merge';

const HISTORY_PAGE = 50;

/** Fetches the latest page of a conversation: on first open, and again after a resync. */
export async function loadLatest(link: RelayLink, conversationId: string): Promise<void> {
  const { dispatch } = link.store;
  dispatch({ type: 'thread:loading', conversationId, older: false });
  try {
    const page = await command(link.socket(), 'conversation:history', { conversationId, limit: HISTORY_PAGE });
    dispatch({ type: 'thread:loaded', conversationId, older: false, ...page });
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

function localMessage(conversationId: string, clientId: string, text: string, authorId: string | null): Message {
  const now = new Date().toISOString();
  return {
    id: `${LOCAL_ID_PREFIX}${clientId}`,
    conversationId,
    // No place in the conversation until the relay stores it; local messages sort last.
    seq: Number.MAX_SAFE_INTEGER,
    direction: 'out',
    type: 'text',
    text,
    status: 'pending',
    waMessageId: null,
    authorId,
    createdAt: now,
    updatedAt: now,
    clientId,
  };
}

/**
 * Sends a text. It shows at once as a local "sending" message, replaced by the relay's own
 * copy (matched by clientId) when that arrives, so it is never shown twice. Rejects, with the
 * local message gone, when the relay refused it.
 */
export async function sendText(
  link: RelayLink,
  conversationId: string,
  text: string,
  { confirmAssignedToOther = false }: { confirmAssignedToOther?: boolean } = {},
): Promise<void> {
  const { dispatch } = link.store;
  const clientId = crypto.randomUUID();
  const local = localMessage(conversationId, clientId, text, selectMeId(link.store.getState()));
  dispatch({ type: 'message:local', message: local });
  try {
    const { message } = await command(link.socket(), 'message:send', {
      conversationId,
      text,
      clientId,
      ...(confirmAssignedToOther ? { confirmAssignedToOther } : {}),
    });
    dispatch({ type: 'message:sent', message });
  } catch (error) {
    dispatch({ type: 'message:discard', conversationId, messageId: local.id });
    throw error;
  }
}
