import { compareConversations, type ConversationSummary } from '../../shared/domain/conversation.js';
import type { ConversationCursor, InboxPage } from '../../shared/protocol/inbox.js';

/**
 * The part of a list (in the inbox's order) that comes after `cursor`, at most `limit` long, and
 * the cursor after it. Binary search: the cursor need not be in the list any more (that chat moved
 * or left the caller's sight since), only its place in the order.
 */
export function pageAfter(
  sorted: readonly ConversationSummary[],
  cursor: ConversationCursor | null,
  limit: number,
): InboxPage {
  let start = 0;
  if (cursor !== null) {
    let high = sorted.length;
    while (start < high) {
      const middle = (start + high) >>> 1;
      if (compareConversations(sorted[middle] as ConversationSummary, cursor) <= 0) start = middle + 1;
      else high = middle;
    }
  }
  const conversations = sorted.slice(start, start + limit);
  const last = conversations.at(-1);
  const more = start + limit < sorted.length && last ? { activitySeq: last.activitySeq, id: last.id } : null;
  return { conversations, more };
}
