import { command } from '../../shared/client/relay-client.js';
import type { RelayLink } from '../inbox/relay-link';

/** Adds a private note; it shows in the thread from the relay's answer (and its message:new). */
export async function addNote(link: RelayLink, conversationId: string, text: string): Promise<void> {
  const { message } = await command(link.socket(), 'note:add', { conversationId, text });
  link.store.dispatch({ type: 'message:sent', message });
}
