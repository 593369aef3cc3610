import type { Episode } from '../../shared/protocol/contacts.js';
import type { Message } from '../../shared/domain/message.js';

/** What the panel shows of a customer's first message: enough to recall what it was about. */
export const FIRST_TEXT_LENGTH = 140;

/**
 * Cuts a customer's thread (oldest first) into conversations: each ends where someone resolved it,
 * and the next begins with the first line after that. Notes and system lines belong to a
 * conversation but are not counted as messages.
 */
export function episodesOf(messages: Iterable<Message>): Episode[] {
  const episodes: Episode[] = [];
  let current: Episode | null = null;
  for (const message of messages) {
    current ??= {
      startedAt: message.createdAt,
      firstMessageId: message.id,
      endedAt: null,
      resolvedBy: null,
      assigneeIds: [],
      customerMessages: 0,
      replies: 0,
      firstText: null,
    };
    const content = message.content;
    if (content?.kind === 'system') {
      if (content.event === 'assignee_changed' && content.to !== null && !current.assigneeIds.includes(content.to)) {
        current.assigneeIds.push(content.to);
      }
      if (content.event === 'status_changed' && content.to === 'resolved') {
        current.endedAt = message.createdAt;
        current.resolvedBy = message.authorId;
        episodes.push(current);
        current = null;
      }
      continue;
    }
    if (message.type === 'note' || message.type === 'system') continue;
    if (message.direction === 'in') {
      current.customerMessages++;
      if (current.firstText === null && message.text.trim() !== '') current.firstText = shorten(message.text);
    } else {
      current.replies++;
    }
  }
  if (current) episodes.push(current);
  return episodes;
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= FIRST_TEXT_LENGTH ? line : `${line.slice(0, FIRST_TEXT_LENGTH - 1).trimEnd()}…`;
}
