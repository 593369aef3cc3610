import { command } from '../../shared/client/relay-client.js';
import type { RelayLink } from '../inbox/relay-link';

/** Assigns a conversation (`null`: unassigns); the relay decides who may. */
export async function assign(link: RelayLink, conversationId: string, agentId: string | null): Promise<void> {
  const { conversation } = await command(link.socket(), 'conversation:assign', { conversationId, agentId });
  link.store.dispatch({ type: 'conversation:replied', conversation });
}
