import { z } from 'zod';
import { ContactSchema } from '../domain/conversation.js';
import { ConversationRefSchema } from './conversations.js';
import { OrderViewSchema } from './orders.js';
import type { CommandSpecs } from './spec.js';

/*
 * The contact panel: who the customer is and what happened before. A customer has one thread; each
 * stretch of it that ended with "resolved" is one of their earlier conversations.
 */

export const EpisodeSchema = z.object({
  /** The first line of this conversation (the customer's message, or the reopening). */
  startedAt: z.iso.datetime(),
  /** That line's id: where the thread shows this conversation. */
  firstMessageId: z.string(),
  /** When it was resolved; null for the conversation going on now. */
  endedAt: z.iso.datetime().nullable(),
  /** Who resolved it; null when it is not resolved or the relay did. */
  resolvedBy: z.string().nullable(),
  /** Agents it was assigned to, in order, each once. */
  assigneeIds: z.array(z.string()),
  /** Messages from the customer, and replies sent to them (notes and system lines not counted). */
  customerMessages: z.number().int().nonnegative(),
  replies: z.number().int().nonnegative(),
  /** What the customer wrote first, shortened: what it was about. */
  firstText: z.string().nullable(),
});
export type Episode = z.infer<typeof EpisodeSchema>;

export const ContactHistorySchema = z.object({
  conversationId: z.string(),
  contact: ContactSchema,
  /** When the customer first reached the shop. */
  firstContactAt: z.iso.datetime(),
  labels: z.array(z.string()),
  /** Oldest first; the last one is the conversation now (or the last resolved one). */
  episodes: z.array(EpisodeSchema),
  /** False when the thread is longer than the relay reads for this panel: the oldest are left out. */
  complete: z.boolean(),
  /** The customer's orders, newest first. */
  orders: z.array(OrderViewSchema),
});
export type ContactHistory = z.infer<typeof ContactHistorySchema>;

export const contactCommands = {
  /** The contact panel of a conversation the caller may see. */
  'contact:history': { request: ConversationRefSchema, response: ContactHistorySchema },
} satisfies CommandSpecs;
