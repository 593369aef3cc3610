import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { Message } from '../../shared/domain/message.js';

/** The summary showing `message` as the conversation's latest (the list's second line and ticks). */
export function withLastMessage(conversation: ConversationSummary, message: Message): ConversationSummary {
  return {
    ...conversation,
    lastMessageAt: message.createdAt,
    lastMessage: { text: message.text, type: message.type, direction: message.direction, status: message.status },
  };
}
