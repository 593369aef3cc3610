import { z } from 'zod';
import { ConversationSummarySchema } from '../domain/conversation.js';
import { MessageSchema } from '../domain/message.js';
import { ConversationRefSchema } from './conversations.js';
import type { CommandSpecs, EventSchemas } from './spec.js';

/* Messages and their delivery: history, sending, and the live stream of new and changed messages. */

/** Longest text WhatsApp accepts in one message. */
export const MAX_TEXT_LENGTH = 4096;

export const ClientIdSchema = z.string().min(1).max(100);

export const SendTextRequestSchema = z.object({
  text: z
    .string()
    .max(MAX_TEXT_LENGTH)
    .refine((text) => text.trim().length > 0, 'a message needs some text'),
  /** Optional idempotency key: the same clientId is sent once. */
  clientId: ClientIdSchema.optional(),
  /** The sender saw that the chat is someone else's and replies anyway; without it such a send is refused. */
  confirmAssignedToOther: z.boolean().optional(),
});
export type SendTextRequest = z.infer<typeof SendTextRequestSchema>;

export const MessageResponseSchema = z.object({ message: MessageSchema });
export const MessageListResponseSchema = z.object({ messages: z.array(MessageSchema), hasMore: z.boolean() });
export type MessagePage = z.infer<typeof MessageListResponseSchema>;

export const HistoryQuerySchema = z.object({
  before: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const SendMessageCommandSchema = ConversationRefSchema.extend(SendTextRequestSchema.shape).extend({
  clientId: ClientIdSchema,
});
export type SendMessageCommand = z.infer<typeof SendMessageCommandSchema>;

export const HistoryCommandSchema = ConversationRefSchema.extend(HistoryQuerySchema.shape);

export const MessageEventSchema = z.object({ conversationId: z.string(), message: MessageSchema });
export type MessageEvent = z.infer<typeof MessageEventSchema>;

/** A new message comes with its conversation as it now is: one event, one render per message. */
export const NewMessageEventSchema = MessageEventSchema.extend({ conversation: ConversationSummarySchema });
export type NewMessageEvent = z.infer<typeof NewMessageEventSchema>;

export const messageCommands = {
  /** Up to `limit` messages before `before` (or the newest), oldest first. */
  'conversation:history': { request: HistoryCommandSchema, response: MessageListResponseSchema },
  'message:send': { request: SendMessageCommandSchema, response: MessageResponseSchema },
} satisfies CommandSpecs;

export const messageEvents = {
  'message:new': NewMessageEventSchema,
  /** Ticks, failures and other changes of a message already sent to this socket. */
  'message:update': MessageEventSchema,
} satisfies EventSchemas;
