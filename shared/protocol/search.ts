import { z } from 'zod';
import { ConversationSummarySchema } from '../domain/conversation.js';
import { MessageSchema } from '../domain/message.js';
import type { CommandSpecs } from './spec.js';

/* Search over customers (name, number, username) and message text, only what the caller may see. */

export const SearchQuerySchema = z.object({ q: z.string().trim().min(1).max(200) });

export const SearchResponseSchema = z.object({
  conversations: z.array(ConversationSummarySchema),
  messages: z.array(z.object({ conversationId: z.string(), message: MessageSchema })),
  /** False while the relay is still reading older messages into its index after a start. */
  complete: z.boolean(),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

export const searchCommands = {
  search: { request: SearchQuerySchema, response: SearchResponseSchema },
} satisfies CommandSpecs;
