import { z } from 'zod';
import { ConversationSummarySchema } from '../../shared/domain/conversation.js';
import { MessageSchema } from '../../shared/domain/message.js';
import { InboxSnapshotSchema } from '../../shared/protocol/events.js';
import {
  ConversationResponseSchema,
  MessageListResponseSchema,
  MessageResponseSchema,
} from '../../shared/protocol/rest.js';

/*
 * What the relay pushes is parsed by the shared schemas before it reaches the state: types are
 * not validation. A payload that does not parse is dropped rather than half-applied; the next
 * sync (every reconnect) brings the state back to the relay's truth.
 */

export const SnapshotPayload = InboxSnapshotSchema.extend({ conversations: z.array(ConversationSummarySchema) });
export const ConversationPayload = ConversationSummarySchema;
export const RemovePayload = z.object({ id: z.string() });
export const MessagePayload = z.object({ conversationId: z.string(), message: MessageSchema });
export const NewMessagePayload = MessagePayload.extend({ conversation: ConversationSummarySchema });
export const HistoryPayload = MessageListResponseSchema;
export const SentPayload = MessageResponseSchema;
export const ConversationAckPayload = ConversationResponseSchema;

/** The parsed value, or null when the payload is not what the protocol says. */
export function parsed<T>(schema: z.ZodType<T>, payload: unknown): T | null {
  const result = schema.safeParse(payload);
  return result.success ? result.data : null;
}
