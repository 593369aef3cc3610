import { z } from 'zod';
import { AgentSchema, type Agent } from '../domain/agent.js';
import type { ConversationSummary } from '../domain/conversation.js';
import type { Message } from '../domain/message.js';
import type { Ack } from './result.js';
import { AssignRequestSchema, HistoryQuerySchema, SendTextRequestSchema } from './rest.js';

/*
 * The Socket.IO protocol, defined once. Server and clients use these maps in reverse.
 * Names are `domain:verb`; every client command answers through an ack (see result.ts).
 * To add an event: add its payload schema here, its line in the map, a handler in
 * server/realtime/commands.ts, and (if a client calls it) a method in shared/client.
 */

export const ConversationRefSchema = z.object({ conversationId: z.string().min(1) });

export const SendMessageCommandSchema = ConversationRefSchema.extend(SendTextRequestSchema.shape).extend({
  clientId: z.string().min(1).max(100),
});
export type SendMessageCommand = z.infer<typeof SendMessageCommandSchema>;

export const HistoryCommandSchema = ConversationRefSchema.extend(HistoryQuerySchema.shape);
/** What a client sends (`limit` may be left out); the server parses it to the full shape. */
export type HistoryCommand = z.input<typeof HistoryCommandSchema>;

export const AssignCommandSchema = ConversationRefSchema.extend(AssignRequestSchema.shape);
export type AssignCommand = z.infer<typeof AssignCommandSchema>;

export const InboxSnapshotSchema = z.object({ me: AgentSchema, agents: z.array(AgentSchema) });

export interface InboxSnapshot {
  me: Agent;
  agents: Agent[];
  conversations: ConversationSummary[];
}

export interface MessageEvent {
  conversationId: string;
  message: Message;
}

/** A new message comes with its conversation as it now is: one event, one render per message. */
export interface NewMessageEvent extends MessageEvent {
  conversation: ConversationSummary;
}

export interface ServerToClientEvents {
  /** A conversation this socket may see was created or changed. */
  'conversation:upsert': (conversation: ConversationSummary) => void;
  /** This socket may no longer see the conversation (it was assigned to someone else). */
  'conversation:remove': (payload: { id: string }) => void;
  'message:new': (payload: NewMessageEvent) => void;
  /** Ticks, failures and other changes of a message already sent to this socket. */
  'message:update': (payload: MessageEvent) => void;
  /** The relay ends this session (token expired or revoked). */
  'session:end': (payload: { reason: string }) => void;
}

export interface ClientToServerEvents {
  /** Everything the caller may see, in one answer: used at connect and after every reconnect. */
  'inbox:sync': (ack: Ack<InboxSnapshot>) => void;
  'conversation:history': (command: HistoryCommand, ack: Ack<{ messages: Message[]; hasMore: boolean }>) => void;
  'conversation:markRead': (
    command: { conversationId: string },
    ack: Ack<{ conversation: ConversationSummary }>,
  ) => void;
  'conversation:assign': (command: AssignCommand, ack: Ack<{ conversation: ConversationSummary }>) => void;
  'message:send': (command: SendMessageCommand, ack: Ack<{ message: Message }>) => void;
}

/** Per-socket state the server keeps (Socket.IO's `socket.data`). */
export interface SocketData {
  agentId: string;
  sessionExpiresAt: number;
  /** Which session the socket belongs to, so signing out can end exactly its sockets. */
  tokenHash: string;
}
