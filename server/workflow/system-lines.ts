import { randomUUID } from 'node:crypto';
import type { ConversationStatus } from '../../shared/domain/conversation.js';
import type { MessageContent, NewMessage } from '../../shared/domain/message.js';

/*
 * The conversation's own history: who changed its status or its assignee, and when, as
 * `type: "system"` lines in the thread. `text` is the English sentence (for any client that does not
 * know the event); `content` says the same in data, so the app can word it in the agent's language.
 */

type SystemContent = Extract<MessageContent, { kind: 'system' }>;

export interface SystemLineInput {
  conversationId: string;
  /** Who did it; null when the relay did (a snooze ended, auto-assignment) or the customer wrote. */
  authorId: string | null;
  content: Omit<SystemContent, 'kind'>;
  text: string;
  at: number;
}

export function systemLine({ conversationId, authorId, content, text, at }: SystemLineInput): NewMessage {
  const iso = new Date(at).toISOString();
  return {
    id: randomUUID(),
    conversationId,
    direction: 'out',
    type: 'system',
    text,
    status: 'sent',
    waMessageId: null,
    authorId,
    createdAt: iso,
    updatedAt: iso,
    content: { kind: 'system', ...content },
  };
}

const STATUS_WORDS: Record<ConversationStatus, string> = {
  open: 'reopened the conversation',
  pending: 'marked the conversation pending',
  snoozed: 'snoozed the conversation',
  resolved: 'resolved the conversation',
};

export function statusText(
  who: string | null,
  to: ConversationStatus,
  options: { until?: string; cause?: SystemContent['cause'] } = {},
): string {
  if (options.cause === 'customer_wrote') return 'Reopened: the customer wrote';
  if (options.cause === 'snooze_ended') return 'Reopened: the snooze ended';
  const until = to === 'snoozed' && options.until ? ` until ${options.until.replace('T', ' ').slice(0, 16)} UTC` : '';
  return `${who ?? 'Someone'} ${STATUS_WORDS[to]}${until}`;
}

export function assigneeText(
  who: string | null,
  whoId: string | null,
  from: string | null,
  to: { id: string; name: string } | null,
  auto: boolean,
): string {
  if (auto && to) return `Assigned automatically to ${to.name}`;
  const actor = who ?? 'Someone';
  if (to === null)
    return from === whoId ? `${actor} handed the conversation back` : `${actor} unassigned the conversation`;
  if (to.id === whoId) return `${actor} took the conversation`;
  return `${actor} assigned the conversation to ${to.name}`;
}
