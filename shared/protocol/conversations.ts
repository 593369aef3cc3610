import { z } from 'zod';
import { ConversationStatusSchema, ConversationSummarySchema } from '../domain/conversation.js';
import type { CommandSpecs, EventSchemas } from './spec.js';

/* Conversations: the list an agent may see, and reading one. */

export const ConversationIdSchema = z.string().min(1).max(100);
export const ConversationRefSchema = z.object({ conversationId: ConversationIdSchema });

/** `GET /api/v1/conversations` filters. */
export const InboxViewSchema = z.enum(['mine', 'unassigned', 'all']);
export type InboxView = z.infer<typeof InboxViewSchema>;

export const ConversationListQuerySchema = z.object({
  /** Customer name, number or username (or BSUID). */
  q: z.string().max(200).optional(),
  /** `mine`: assigned to the caller; `unassigned`; `all`: everything the caller may see (the default). */
  view: InboxViewSchema.optional(),
  status: ConversationStatusSchema.optional(),
  /** A label id: only conversations carrying it. */
  label: z.string().min(1).max(100).optional(),
});
export type ConversationListQuery = z.infer<typeof ConversationListQuerySchema>;

export const ConversationListResponseSchema = z.object({ conversations: z.array(ConversationSummarySchema) });
export const ConversationResponseSchema = z.object({ conversation: ConversationSummarySchema });

/** This socket may no longer see the conversation (it was assigned to someone else). */
export const ConversationRemovedEventSchema = z.object({ id: z.string() });

export const conversationCommands = {
  /** The caller has read the chat: its unread count goes to zero and the customer gets blue ticks. */
  'conversation:markRead': { request: ConversationRefSchema, response: ConversationResponseSchema },
} satisfies CommandSpecs;

export const conversationEvents = {
  /** A conversation this socket may see was created or changed. */
  'conversation:upsert': ConversationSummarySchema,
  'conversation:remove': ConversationRemovedEventSchema,
} satisfies EventSchemas;
