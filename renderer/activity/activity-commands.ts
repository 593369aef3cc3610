import { command } from '../../shared/client/relay-client.js';
import type { RelayLink } from '../inbox/relay-link';

/* Telling the relay where this app is: best effort, since a lost notice is replaced by the next one. */

/** A typing notice goes out at most this often; the relay lets typing lapse after 6 s of silence. */
export const TYPING_NOTICE_EVERY_MS = 2_500;

export function announceViewing(link: RelayLink, conversationId: string | null): void {
  try {
    command(link.socket(), 'conversation:viewing', { conversationId }).catch(() => undefined);
  } catch {
    // Not connected: the view is announced again when the connection is back.
  }
}

const lastTypingNotice = new Map<string, number>();

/** Called on every keystroke; sends a notice only when the last one is old enough. */
export function announceTyping(link: RelayLink, conversationId: string, now = Date.now()): void {
  const last = lastTypingNotice.get(conversationId) ?? 0;
  if (now - last < TYPING_NOTICE_EVERY_MS) return;
  lastTypingNotice.set(conversationId, now);
  try {
    command(link.socket(), 'conversation:typing', { conversationId }).catch(() => undefined);
  } catch {
    // Not connected: nobody can be told.
  }
}

/** After a send the relay ends typing by itself; the next keystroke announces it again at once. */
export function typingEnded(conversationId: string): void {
  lastTypingNotice.delete(conversationId);
}
