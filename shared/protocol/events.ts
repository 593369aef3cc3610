import { accountCommands, accountEvents } from './accounts.js';
import { activityCommands, activityEvents } from './activity.js';
import { assignmentCommands } from './assignment.js';
import { cartCommands, cartEvents } from './carts.js';
import { catalogCommands, catalogEvents } from './catalog.js';
import { contactCommands } from './contacts.js';
import { conversationCommands, conversationEvents } from './conversations.js';
import { healthEvents } from './health.js';
import { inboxCommands } from './inbox.js';
import { messageCommands, messageEvents } from './messages.js';
import { noteCommands, noteEvents } from './notes.js';
import { floorCommands } from './floor.js';
import { cannedReplyCommands, cannedReplyEvents } from './canned-replies.js';
import { workflowCommands } from './workflow.js';
import { labelCommands, labelEvents } from './labels.js';
import { searchCommands } from './search.js';
import { orderCommands, orderEvents } from './orders.js';
import type { CommandListeners, EventListeners } from './spec.js';

/*
 * The relay's Socket.IO protocol: every feature's commands and events merged into the one map.
 * Server and clients use it in reverse. Names are `domain:verb`; every command answers through an
 * ack (result.ts). To add an event or a command: declare its schema in the feature's file
 * (shared/protocol/<feature>.ts) and list the feature here; the types follow.
 */

/** Merges the features' declarations; two features declaring one name is a mistake found at load. */
function merge<T extends Record<string, unknown>[]>(
  ...parts: T
): T[number] extends infer U ? UnionToIntersection<U> : never {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (name in merged) throw new Error(`Socket.IO event ${name} is declared twice`);
      merged[name] = value;
    }
  }
  return merged as never;
}
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export const commandSpecs = merge(
  inboxCommands,
  accountCommands,
  conversationCommands,
  messageCommands,
  assignmentCommands,
  cartCommands,
  orderCommands,
  activityCommands,
  noteCommands,
  floorCommands,
  contactCommands,
  cannedReplyCommands,
  catalogCommands,
  workflowCommands,
  labelCommands,
  searchCommands,
);
export const eventSchemas = merge(
  accountEvents,
  conversationEvents,
  messageEvents,
  healthEvents,
  cartEvents,
  orderEvents,
  activityEvents,
  noteEvents,
  cannedReplyEvents,
  catalogEvents,
  labelEvents,
);

export type RelayCommands = typeof commandSpecs;
export type RelayEvents = typeof eventSchemas;
export type CommandName = Extract<keyof RelayCommands, string>;
export type EventName = Extract<keyof RelayEvents, string>;

export type ClientToServerEvents = CommandListeners<RelayCommands>;
export type ServerToClientEvents = EventListeners<RelayEvents>;

/** Per-socket state the server keeps (Socket.IO's `socket.data`). */
export interface SocketData {
  agentId: string;
  sessionExpiresAt: number;
  /** Which session the socket belongs to, so signing out can end exactly its sockets. */
  tokenHash: string;
}
