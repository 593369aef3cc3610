import { z } from 'zod';
import { ConversationIdSchema, ConversationRefSchema } from './conversations.js';
import type { CommandSpecs, EventSchemas } from './spec.js';

/*
 * Who is in a conversation right now: the agents viewing it and those typing in it. Live only
 * (never stored): it ends when an app closes, and typing ends after a few seconds of silence.
 */

/** "I am viewing this conversation" (`null`: none any more). */
export const ViewingCommandSchema = z.object({ conversationId: ConversationIdSchema.nullable() });

/** Who is viewing and who is typing in one conversation, each agent once. */
export const ConversationActivitySchema = z.object({
  conversationId: z.string(),
  viewerIds: z.array(z.string()),
  typingIds: z.array(z.string()),
});
export type ConversationActivity = z.infer<typeof ConversationActivitySchema>;

export const EmptyResponseSchema = z.object({});

export const activityCommands = {
  'conversation:viewing': { request: ViewingCommandSchema, response: EmptyResponseSchema },
  /** Sent again every few seconds while the agent keeps typing; silence ends it. */
  'conversation:typing': { request: ConversationRefSchema, response: EmptyResponseSchema },
} satisfies CommandSpecs;

export const activityEvents = {
  /** Sent to every socket that may see the conversation whenever its activity changes. */
  'conversation:activity': ConversationActivitySchema,
} satisfies EventSchemas;
