import { command } from '../../shared/client/relay-client.js';
import type { ConversationStatus } from '../../shared/domain/conversation.js';
import type { RelayLink } from '../inbox/relay-link';

/** Sets the conversation's status; `snoozedUntil` (ISO) with `snoozed`. */
export async function setStatus(
  link: RelayLink,
  conversationId: string,
  status: ConversationStatus,
  snoozedUntil?: string,
): Promise<void> {
  const { conversation } = await command(link.socket(), 'conversation:setStatus', {
    conversationId,
    status,
    ...(snoozedUntil === undefined ? {} : { snoozedUntil }),
  });
  link.store.dispatch({ type: 'conversation:replied', conversation });
}

/** The agent's own presence choice. */
export async function setPresence(link: RelayLink, status: 'online' | 'away'): Promise<void> {
  const { agent } = await command(link.socket(), 'presence:set', { status });
  link.store.dispatch({ type: 'agent:upsert', event: agent });
}
