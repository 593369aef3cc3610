import { command } from '../../shared/client/relay-client.js';
import type { RelayLink } from '../inbox/relay-link';

/** The mentions waiting for the caller (asked whenever the inbox is live: it catches up on missed ones). */
export async function loadMentions(link: RelayLink): Promise<void> {
  const { mentions } = await command(link.socket(), 'mention:list');
  link.store.dispatch({ type: 'mentions:loaded', mentions });
}

export async function dismissMentions(link: RelayLink, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const { mentions } = await command(link.socket(), 'mention:dismiss', { ids: [...ids] });
  link.store.dispatch({ type: 'mentions:loaded', mentions });
}
