import { z } from 'zod';
import { AgentSchema } from '../domain/agent.js';
import { ConversationActivitySchema } from './activity.js';
import { ConversationSummarySchema } from '../domain/conversation.js';
import { RelayHealthSchema } from './health.js';
import type { CommandSpecs } from './spec.js';

/*
 * The catch-up: everything the caller may see. Clients ask for it at connect and after every
 * reconnect, and replace their state with it. Features that keep live state add theirs. The
 * conversation list comes first screen first: the snapshot carries the newest conversations, and
 * `more` says where `inbox:page` goes on (a shop with ten thousand chats shows its list at once).
 */

/** How many conversations the snapshot carries; the rest follows in pages. */
export const SNAPSHOT_CONVERSATIONS = 200;
export const MAX_PAGE_CONVERSATIONS = 5_000;

/** A place in the inbox's order (`compareConversations`): the last conversation received. */
export const ConversationCursorSchema = z.object({
  activitySeq: z.number().int().nonnegative(),
  id: z.string().min(1).max(100),
});
export type ConversationCursor = z.infer<typeof ConversationCursorSchema>;

export const InboxSnapshotSchema = z.object({
  me: AgentSchema,
  agents: z.array(AgentSchema),
  /** The newest conversations the caller may see, in the inbox's order. */
  conversations: z.array(ConversationSummarySchema),
  /** Where the rest of the list goes on (`inbox:page`), or null when it is all here. */
  more: ConversationCursorSchema.nullable(),
  health: RelayHealthSchema,
  /** Who is viewing and typing in the conversations the caller may see (only those with someone). */
  activity: z.array(ConversationActivitySchema),
});
export type InboxSnapshot = z.infer<typeof InboxSnapshotSchema>;

export const InboxPageRequestSchema = z.object({
  after: ConversationCursorSchema,
  limit: z.number().int().min(1).max(MAX_PAGE_CONVERSATIONS).default(2_000),
});
export const InboxPageSchema = z.object({
  conversations: z.array(ConversationSummarySchema),
  more: ConversationCursorSchema.nullable(),
});
export type InboxPage = z.infer<typeof InboxPageSchema>;

export const inboxCommands = {
  'inbox:sync': { request: null, response: InboxSnapshotSchema },
  /** The conversations after `after` in the inbox's order (events keep the ones already received current). */
  'inbox:page': { request: InboxPageRequestSchema, response: InboxPageSchema },
} satisfies CommandSpecs;
