import { z } from 'zod';
import { AgentSchema } from '../domain/agent.js';
import { ConversationActivitySchema } from './activity.js';
import { ConversationSummarySchema } from '../domain/conversation.js';
import { RelayHealthSchema } from './health.js';
import type { CommandSpecs } from './spec.js';

/*
 * The catch-up: everything the caller may see, in one answer. Clients ask for it at connect and
 * after every reconnect, and replace their state with it. Features that keep live state add theirs.
 */

export const InboxSnapshotSchema = z.object({
  me: AgentSchema,
  agents: z.array(AgentSchema),
  conversations: z.array(ConversationSummarySchema),
  health: RelayHealthSchema,
  /** Who is viewing and typing in the conversations the caller may see (only those with someone). */
  activity: z.array(ConversationActivitySchema),
});
export type InboxSnapshot = z.infer<typeof InboxSnapshotSchema>;

export const inboxCommands = {
  'inbox:sync': { request: null, response: InboxSnapshotSchema },
} satisfies CommandSpecs;
